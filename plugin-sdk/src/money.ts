const digitsCache = new Map<string, number>();
const formatCache = new Map<string, Intl.NumberFormat>();
const DECIMAL = /^(\d{1,12})(?:[.,](\d+))?$/;

/**
 * Digits after the decimal point of the ISO 4217 `currency`, as `Intl` knows them (EUR 2, JPY 0, BHD 3); cached per
 * currency. A malformed code counts as 2 digits, the most common case.
 *
 * @example
 * ```ts
 * minorDigits('JPY'); // 0
 * ```
 */
export function minorDigits(currency: string): number {
  const key = currency.toUpperCase();
  let digits = digitsCache.get(key);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: key }).resolvedOptions()
        .maximumFractionDigits;
    } catch {
      digits = undefined;
    }
    digits ??= 2;
    digitsCache.set(key, digits);
  }
  return digits;
}

/**
 * A non-negative amount typed in currency units (`12,50`, `12.5`, `12`; for JPY `1200`) in minor units of `currency`
 * (1250; 1200). Returns `undefined` for anything else: empty or malformed text, a sign, thousands separators, or
 * more decimals than the currency has (`12.505` EUR, `12.5` JPY), so a form can show a field error rather than
 * silently round.
 *
 * @example
 * ```ts
 * parseMinor('12,50', 'EUR'); // 1250
 * parseMinor('1200', 'JPY'); // 1200
 * parseMinor('12.5', 'JPY'); // undefined
 * ```
 */
export function parseMinor(text: string, currency: string): number | undefined {
  const match = DECIMAL.exec(String(text).trim());
  if (!match) return undefined;
  const digits = minorDigits(currency);
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/**
 * `amount` minor units of `currency` as `language` writes it (`formatMinor(1250, 'EUR', 'de')` is `12,50 €`,
 * `formatMinor(1200, 'JPY', 'en')` is `¥1,200`). The formatter is cached per language and currency.
 */
export function formatMinor(amount: number, currency: string, language: string): string {
  const key = `${language}|${currency}`;
  let format = formatCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { style: 'currency', currency });
    // Languages may come from a header; bound the cache rather than keep every tag ever seen.
    if (formatCache.size >= 256) formatCache.clear();
    formatCache.set(key, format);
  }
  return format.format(amount / 10 ** minorDigits(currency));
}
