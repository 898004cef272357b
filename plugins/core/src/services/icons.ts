import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttribute(value: unknown): string {
  return String(value).replace(/[&<>"'`=]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Options of one rendered icon. */
export interface IconOptions {
  /** Extra classes, after `lucide lucide-<name>`. */
  class?: string;
  /** An accessible name; without one the icon is decorative (`aria-hidden`). */
  label?: string;
  /** Width and height in px (default 24; CSS classes such as `size-4` win over it). */
  size?: number;
}

/** The inner markup of a lucide-static SVG file (its elements, without the `<svg>` wrapper or comments). */
export function svgBody(file: string): string | undefined {
  const match = /<svg\b[^>]*>([\s\S]*?)<\/svg>/.exec(file);
  return match
    ? match[1]
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/\s*\n\s*/g, '')
        .trim()
    : undefined;
}

/** Renders Lucide icons from the lucide-static package, reading each SVG once. Unknown names render as `''`. */
export class IconSet {
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly dir: string | undefined = defaultIconDir()) {}

  /** The SVG body of `name`, or undefined for unknown or invalid names. */
  body(name: unknown): string | undefined {
    if (typeof name !== 'string' || !NAME.test(name) || name.length > 64 || !this.dir) return undefined;
    let cached = this.cache.get(name);
    if (cached === undefined) {
      const file = path.join(this.dir, `${name}.svg`);
      cached = existsSync(file) ? (svgBody(readFileSync(file, 'utf8')) ?? null) : null;
      this.cache.set(name, cached);
    }
    return cached ?? undefined;
  }

  /** The `<svg>` element for `name`, or `''`. */
  render(name: unknown, options: IconOptions = {}): string {
    const body = this.body(name);
    if (body === undefined) return '';
    const size = Number.isFinite(options.size) && options.size! > 0 ? Math.min(Math.round(options.size!), 512) : 24;
    const classes = escapeAttribute(`lucide lucide-${name as string}${options.class ? ` ${options.class}` : ''}`);
    const a11y = options.label ? `role="img" aria-label="${escapeAttribute(options.label)}"` : 'aria-hidden="true"';
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="${classes}" ${a11y} focusable="false">${body}</svg>`;
  }
}

/** The `icons/` folder of the installed lucide-static package, or undefined when it cannot be found. */
function defaultIconDir(): string | undefined {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('lucide-static/package.json')), 'icons');
  } catch {
    return undefined;
  }
}
