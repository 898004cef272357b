/** The CSS custom properties of the design system, with the defaults the stylesheet also declares. */
export const THEME_DEFAULTS: Readonly<Record<string, string>> = {
  '--wz-primary': '#4338ca',
  '--wz-primary-contrast': '#ffffff',
  '--wz-bg': '#f8fafc',
  '--wz-text': '#0f172a',
  '--wz-font': 'ui-sans-serif, system-ui, sans-serif',
};

const NAME = /^--wz-[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Colours, lengths and font lists; nothing that can end the declaration, the rule or the <style> element.
const VALUE = /^[A-Za-z0-9 #%.,()'"+\-_/]{1,200}$/;
const FORBIDDEN = /url\s*\(|expression\s*\(|\/\*|\*\//i;

function balanced(value: string): boolean {
  let depth = 0;
  for (const char of value) {
    depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  const count = (quote: string) => value.split(quote).length - 1;
  return depth === 0 && count('"') % 2 === 0 && count("'") % 2 === 0;
}

/** True when `value` is safe as the value of a custom property inside a `<style>` element. */
export function isSafeCssValue(value: unknown): value is string {
  return typeof value === 'string' && VALUE.test(value) && !FORBIDDEN.test(value) && balanced(value);
}

/** The valid `--wz-*` declarations of a theme object, in a stable order; anything else is dropped. */
export function themeDeclarations(theme: unknown): Array<[string, string]> {
  if (typeof theme !== 'object' || theme === null || Array.isArray(theme)) return [];
  return Object.entries(theme)
    .filter(([name, value]) => NAME.test(name) && name.length <= 60 && isSafeCssValue(value))
    .map(([name, value]) => [name, (value as string).trim()] as [string, string])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** `<style>:root{…}</style>` for a theme, or `''` when no declaration is valid (the stylesheet defaults apply). */
export function themeStyle(theme: unknown): string {
  const declarations = themeDeclarations(theme);
  if (declarations.length === 0) return '';
  return `<style>:root{${declarations.map(([name, value]) => `${name}:${value}`).join(';')}}</style>`;
}
