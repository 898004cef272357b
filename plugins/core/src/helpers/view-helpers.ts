import type { PluginViews } from '@wizamart/plugin-sdk';
import { formatDate, formatMoney } from '../services/format.js';
import type { Translations } from '../services/i18n.js';
import type { IconSet } from '../services/icons.js';
import { themeStyle } from '../services/theme.js';

/** The last argument Handlebars passes to a helper. */
interface HelperOptions {
  hash?: Record<string, unknown>;
  data?: { root?: { wz?: { lang?: string } } };
}

/** Markup Handlebars inserts unescaped (it checks for `toHTML`, like its own SafeString). */
export function safeHtml(html: string): { toHTML(): string; toString(): string } {
  return { toHTML: () => html, toString: () => html };
}

/** Splits helper arguments into the positional ones and Handlebars' options object. */
function split(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: (args[args.length - 1] ?? {}) as HelperOptions };
}

function langOf(options: HelperOptions): string | undefined {
  const asked = options.hash?.lang;
  return typeof asked === 'string' ? asked : options.data?.root?.wz?.lang;
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Everything the helpers need. */
export interface HelperDeps {
  translations: Translations;
  icons: IconSet;
}

/** The helpers core offers every view, by name. */
export function createHelpers(deps: HelperDeps): Record<string, (...args: unknown[]) => unknown> {
  return {
    t(...args) {
      const { params, options } = split(args);
      const { lang: _lang, ...values } = options.hash ?? {};
      return deps.translations.translate(langOf(options), String(params[0] ?? ''), values);
    },
    icon(...args) {
      const { params, options } = split(args);
      const hash = options.hash ?? {};
      return safeHtml(
        deps.icons.render(params[0], { class: str(hash.class), label: str(hash.label), size: Number(hash.size ?? 24) }),
      );
    },
    eq: (...args) => split(args).params[0] === split(args).params[1],
    not: (...args) => !split(args).params[0],
    and: (...args) => split(args).params.every(Boolean),
    or: (...args) => split(args).params.find(Boolean) ?? split(args).params.at(-1),
    concat: (...args) =>
      split(args)
        .params.map((part) => (part === undefined || part === null ? '' : String(part)))
        .join(''),
    formatDate(...args) {
      const { params, options } = split(args);
      const hash = options.hash ?? {};
      return formatDate(params[0], langOf(options), {
        dateStyle: str(hash.dateStyle),
        timeStyle: str(hash.timeStyle),
        timeZone: str(hash.timeZone),
      });
    },
    money(...args) {
      const { params, options } = split(args);
      return formatMoney(params[0], params[1], langOf(options));
    },
    themeStyle: (...args) => safeHtml(themeStyle(split(args).params[0])),
    fieldValue(...args) {
      const [form, name, fallback] = split(args).params;
      return fieldValue(form, String(name ?? ''), fallback);
    },
    fieldAria(...args) {
      const { params, options } = split(args);
      return safeHtml(fieldAria(params[0], str(params[1]) ?? '', str(options.hash?.help)));
    },
  };
}

/**
 * The attributes of an input beside `core/field-error`: with an error, `aria-invalid` and `aria-describedby` naming
 * `<id>-error` (and the help text); without, `aria-describedby` of the help text only.
 */
export function fieldAria(error: unknown, id: string, help?: string): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const described = [error ? `${id}-error` : undefined, help].filter(Boolean).join(' ');
  const invalid = error ? ' aria-invalid="true"' : '';
  return `${invalid}${described ? ` aria-describedby="${escape(described)}"` : ''}`;
}

/**
 * What a form field shows: what the person typed when `form` (a refused post: `{ values }`) is given, else
 * `fallback` (the saved value). An emptied field stays empty.
 */
export function fieldValue(form: unknown, name: string, fallback: unknown): unknown {
  if (typeof form !== 'object' || form === null) return fallback;
  const values = (form as { values?: Record<string, unknown> }).values ?? {};
  return values[name] ?? '';
}

/**
 * Registers core's helpers (`t`, `icon`, `eq`, `not`, `and`, `or`, `concat`, `formatDate`, `money`, `themeStyle`,
 * `fieldAria`, `fieldValue`).
 */
export function registerHelpers(views: PluginViews, deps: HelperDeps): void {
  for (const [name, fn] of Object.entries(createHelpers(deps))) views.helper(name, fn);
}
