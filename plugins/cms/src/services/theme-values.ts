import { validationError, type FieldErrorInput } from '@wizamart/plugin-sdk';
import { SAFE_FONTS, type FontName, type ThemeValues } from '../model.js';

export { SAFE_FONTS, type FontName, type ThemeValues };

/** What a store without a theme of its own looks like. */
export const DEFAULT_THEME: Readonly<ThemeValues> = Object.freeze({
  primaryColor: '#4f46e5',
  accentColor: '#f59e0b',
  backgroundColor: '#ffffff',
  textColor: '#111827',
  font: 'system',
  logoMediaId: null,
});

const HEX_COLOUR = /^#[0-9a-f]{6}$/;

/** True for exactly `#rrggbb` (hex digits, either case); nothing else ever reaches a stylesheet. */
export function isHexColour(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOUR.test(value.toLowerCase());
}

export function isFontName(value: unknown): value is FontName {
  return typeof value === 'string' && Object.hasOwn(SAFE_FONTS, value);
}

const COLOUR_FIELDS = ['primaryColor', 'accentColor', 'backgroundColor', 'textColor'] as const;

/**
 * Checks a theme strictly (colours `#rrggbb`, a font from {@link SAFE_FONTS}) and returns it with colours in lower
 * case. Throws 400 `WZ_VALIDATION` naming every bad field.
 */
export function checkTheme(theme: ThemeValues): ThemeValues {
  const colour = { format: 'colour' };
  const badColours = COLOUR_FIELDS.filter((field) => !isHexColour(theme[field]));
  const fields: FieldErrorInput[] = badColours.map((field) => ({
    path: `/${field}`,
    code: 'bad_format',
    params: colour,
  }));
  const fonts = { allowed: Object.keys(SAFE_FONTS) };
  if (!isFontName(theme.font)) fields.push({ path: '/font', code: 'not_one_of', params: fonts });
  if (fields.length > 0) {
    throw validationError(fields);
  }
  const lower = Object.fromEntries(COLOUR_FIELDS.map((field) => [field, theme[field].toLowerCase()]));
  return { ...theme, ...lower };
}

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** White or near-black, whichever reads better on `background` (WCAG contrast ratio). */
export function contrastColour(background: string): string {
  const light = luminance(background);
  return 1.05 / (light + 0.05) >= (light + 0.05) / (luminance('#111827') + 0.05) ? '#ffffff' : '#111827';
}

/**
 * The CSS variables core's storefront layout renders for a theme (names of core's design system). Values are only
 * checked colours or a font stack from the safe list, so they cannot break out of a stylesheet.
 */
export function themeCssVariables(theme: ThemeValues): Record<string, string> {
  const checked = checkTheme(theme);
  return {
    '--wz-primary': checked.primaryColor,
    '--wz-primary-contrast': contrastColour(checked.primaryColor),
    '--wz-accent': checked.accentColor,
    '--wz-bg': checked.backgroundColor,
    '--wz-text': checked.textColor,
    '--wz-font': SAFE_FONTS[checked.font],
  };
}
