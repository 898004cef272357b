import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The languages of the product (DESIGN.md "Web UI"). */
export const LANGUAGES = ['en', 'de', 'fr', 'lb'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Names of the languages in themselves, for the language switcher. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  lb: 'Lëtzebuergesch',
};

type Dictionary = Map<string, string>;

/** `{ a: { b: 'x' } }` → `a.b = x`; non-string leaves are ignored. */
export function flatten(tree: unknown, prefix = '', into: Dictionary = new Map()): Dictionary {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return into;
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(full, value);
    else flatten(value, full, into);
  }
  return into;
}

/** The supported language for a tag (`de-LU` → `de`), or undefined. */
export function supportedLanguage(tag: string | undefined): Language | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : undefined;
}

/** The best supported language of an `Accept-Language` header, by quality then order. */
export function negotiateLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: supportedLanguage(tag), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.lang && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang;
}

/** Replaces `{name}` placeholders with `params.name`; unknown placeholders stay as written. */
export function interpolate(text: string, params: Readonly<Record<string, unknown>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined || params[name] === null ? whole : String(params[name]),
  );
}

/**
 * Translations of every plugin that registered its locale folder. A key is `<plugin code>.<key>`; each plugin's
 * `locales/<lang>.json` holds its keys without the code prefix, nested or dotted.
 */
export class Translations {
  /** plugin code → language → dictionary */
  private readonly catalogs = new Map<string, Map<Language, Dictionary>>();

  /** Reads `<dir>/<lang>.json` for every language; missing files are skipped, invalid JSON throws. */
  load(code: string, dir: string): void {
    const catalog = new Map<Language, Dictionary>();
    for (const lang of LANGUAGES) {
      const file = path.join(dir, `${lang}.json`);
      if (existsSync(file)) catalog.set(lang, flatten(JSON.parse(readFileSync(file, 'utf8'))));
    }
    this.catalogs.set(code, catalog);
  }

  /** Adds messages directly (tests, plugins that build them in code). */
  add(code: string, lang: Language, messages: Record<string, unknown>): void {
    const catalog = this.catalogs.get(code) ?? new Map<Language, Dictionary>();
    catalog.set(lang, flatten(messages, '', catalog.get(lang)));
    this.catalogs.set(code, catalog);
  }

  /** The message for `key` in `lang`, else in English, else the key itself; `{name}` filled from `params`. */
  translate(lang: string | undefined, key: string, params: Readonly<Record<string, unknown>> = {}): string {
    const dot = key.indexOf('.');
    const catalog = dot > 0 ? this.catalogs.get(key.slice(0, dot)) : undefined;
    if (!catalog) return interpolate(key, params);
    const rest = key.slice(dot + 1);
    const find = (language: Language | undefined) => (language ? catalog.get(language)?.get(rest) : undefined);
    return interpolate(find(supportedLanguage(lang)) ?? find(DEFAULT_LANGUAGE) ?? key, params);
  }

  /** True when some plugin has `key` in English (the reference language). */
  has(key: string): boolean {
    const dot = key.indexOf('.');
    return (
      dot > 0 &&
      Boolean(
        this.catalogs
          .get(key.slice(0, dot))
          ?.get(DEFAULT_LANGUAGE)
          ?.has(key.slice(dot + 1)),
      )
    );
  }
}
