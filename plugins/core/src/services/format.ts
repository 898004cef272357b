const DATE_STYLES = new Set(['full', 'long', 'medium', 'short']);

function locale(lang: string | undefined): string {
  try {
    return Intl.getCanonicalLocales(lang ?? 'en')[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** A Date from a Date, an ISO string or epoch milliseconds; undefined when it is not a valid time. */
export function toDate(value: unknown): Date | undefined {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Options of {@link formatDate}. */
export interface DateFormatOptions {
  /** `full`, `long`, `medium` (default) or `short`. */
  dateStyle?: string;
  /** Adds the time in this style. */
  timeStyle?: string;
  /** IANA time zone (default UTC, so servers in any zone render the same text). */
  timeZone?: string;
}

/** A localised date (and time); `''` for anything that is not a date. Never throws. */
export function formatDate(value: unknown, lang: string | undefined, options: DateFormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return '';
  const dateStyle = DATE_STYLES.has(options.dateStyle ?? '') ? options.dateStyle : 'medium';
  const timeStyle = DATE_STYLES.has(options.timeStyle ?? '') ? options.timeStyle : undefined;
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat(locale(lang), { dateStyle, timeStyle, timeZone } as Intl.DateTimeFormatOptions).format(
      date,
    );
  try {
    return format(options.timeZone ?? 'UTC');
  } catch {
    return format('UTC');
  }
}

/**
 * A money amount in minor units (cents) as a localised string: `money(1999, 'EUR', 'de')` → `19,99 €`. Uses the
 * currency's own number of decimals (JPY has none). Unknown currencies fall back to `<amount> <code>`; never throws.
 */
export function formatMoney(minor: unknown, currency: unknown, lang: string | undefined): string {
  const amount = typeof minor === 'string' && minor.trim() !== '' ? Number(minor) : minor;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return '';
  const code = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(code)) return `${amount} ${code.slice(0, 8)}`.trim();
  try {
    const formatter = new Intl.NumberFormat(locale(lang), { style: 'currency', currency: code });
    const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
    return formatter.format(amount / 10 ** digits);
  } catch {
    return `${amount} ${code}`;
  }
}
