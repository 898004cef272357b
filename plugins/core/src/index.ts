import type { MenuEntry, PluginContext, Principal } from '@wizamart/plugin-sdk';
import type { Request, Response } from 'express';

/** A flash message shown once on the next page. */
export interface Flash {
  type: 'success' | 'info' | 'warning' | 'error';
  message: string;
}

/** UI services of the core plugin. */
export interface CoreUi {
  /**
   * Queues a flash message for the next page this browser loads (a short-lived HttpOnly cookie; at most 3 messages
   * of 240 characters, so never put secrets in one). Several calls on one response add up.
   */
  flash(res: Response, flash: Flash): void;
  /**
   * Redirects after a POST with a flash message (PRG, status 303). `to` must be a path on this site (`/…`); anything
   * else throws 400 `WZ_CORE_UNSAFE_REDIRECT`, so a `next` parameter taken from a form cannot send people away.
   */
  redirectWithFlash(res: Response, to: string, flash: Flash): void;
  /**
   * The URL base of a surface for this request (`/admin`, `/store/<s>`, `/storefront/<s>` or `''` on a store's own
   * host).
   */
  base(req: Request, surface: 'admin' | 'store' | 'storefront'): string;
  /**
   * Makes a plugin's `locales/<lang>.json` files available to the `t` helper under `<code>.<key>`. Call it from
   * `register` with core's ui as a dep: `definePlugin({ deps: { ui: CoreServices.ui }, register(ctx, { ui }) {
   * ui.registerLocales(ctx); } })`.
   */
  registerLocales(ctx: Pick<PluginContext, 'plugin' | 'i18n'>): void;
  /** Translates `<code>.<key>` into the request's language (falls back to English, then the key); fills `{name}`. */
  t(req: Request, key: string, params?: Record<string, unknown>): string;
  /**
   * What a form page shows after a refused post, in the page's language: for a `WZ_VALIDATION` error, a sentence for
   * the top and one message per field keyed by its path without the leading slash (`title`, `variants/0/price`);
   * for any other error, its message. Render the form again with status 400 (or the error's), the typed values, and
   * `{{> core/field-error id="…" error=(lookup errors "title")}}` beside each field (see core's README).
   * `hints` maps a field to a translation key said instead of the generic message when that field is wrong but not
   * empty (`{ amount: 'orders.fieldHints.amount' }` → "Enter an amount such as 4.90").
   */
  formErrors(req: Request, error: unknown, hints?: Readonly<Record<string, string>>): FormErrors;
  /**
   * Adds a section to the storefront home page (`/storefront/<s>`), shown only while `ctx`'s plugin is enabled on
   * the request's platform. Call it from `register`. A section whose `load` throws is left out (and logged), so one
   * plugin cannot break the home page.
   */
  addStorefrontSection(ctx: Pick<PluginContext, 'plugin'>, section: StorefrontSection): void;
}

/** The messages of a refused form post (see {@link CoreUi.formErrors}). */
export interface FormErrors {
  /** A sentence for the top of the form. */
  message: string;
  /** Messages in the page's language by field path without the leading slash (`title`, `variants/0/price`). */
  fields: Record<string, string>;
}

/** A section of the storefront home page contributed by a plugin. */
export interface StorefrontSection {
  /** Unique within the plugin, e.g. `featured`. */
  id: string;
  /** Lower first (default 100); core's hero comes first, the menu of links last. */
  order?: number;
  /** The partial that renders it, `<code>/<name>`, given what `load` returns as its context. */
  partial: string;
  /** The section's data for this request (the store is `req.wz.tenant`); `undefined` leaves the section out. */
  load(req: Request): Promise<Record<string, unknown> | undefined>;
}

export { CoreServices } from './tokens.js';

/**
 * Views render inside a layout partial block:
 * `{{#> core/layout-store title="Team"}} … {{/core/layout-store}}`. The layout reads `res.locals` that core fills:
 * `wz.surface`, `wz.base`, `wz.principal`, `wz.menu` (built at render time), `wz.flash`, `wz.csrfToken`, `wz.theme`
 * (storefront CSS variables), `wz.store`, `wz.platform`, `wz.lang`.
 */
export const LAYOUTS = {
  admin: 'core/layout-admin',
  store: 'core/layout-store',
  storefront: 'core/layout-storefront',
} as const;

/**
 * `res.locals.wz` of a page request (admin, store dashboard or storefront), created by core's `theme` stage. Later
 * stages fill the optional members: tenancy sets `csrfToken`, `signOutUrl`, `loginUrl`, `profileUrl`, `storeName`
 * (and may set `lang` from the store's locale); cms sets `theme` and `logoUrl`.
 */
export interface PageLocals {
  surface: 'admin' | 'store' | 'storefront';
  /** URL base of the surface (`/admin`, `/store/<s>`, `/storefront/<s>`, `''` on a store's own host). */
  base: string;
  /** Link to the surface home: `base`, or `/` when the base is `''`. */
  home: string;
  /** Language of the page (`en`, `de`, `fr`, `lb`): `?lang=`, the `wz_lang` cookie, then `Accept-Language`. */
  lang: string;
  /** The languages for a switcher: links are `?lang=<code>`. */
  languages: Array<{ code: string; name: string; current: boolean }>;
  platform: string;
  /** Store code on store and storefront pages. */
  store?: string;
  /** Display name of the store (tenancy); layouts fall back to the code. */
  storeName?: string;
  /** URL of core's static folder, e.g. `{{wz.assets}}/css/wizamart.css`. */
  assets: string;
  /** The principal at render time (`req.wz.principal`). */
  readonly principal: Principal | undefined;
  /** The menu of the surface, built at render time (filtered by enablement and permission). */
  readonly menu: MenuEntry[];
  /** Flash messages left by the previous response; reading them clears the cookie. */
  readonly flash: Flash[];
  csrfToken: string | undefined;
  /** Storefront theme as CSS custom properties (`{ '--wz-primary': '#0f766e' }`); invalid entries are dropped. */
  theme: Record<string, string> | undefined;
  /** Store logo (cms); only same-site paths and `https:` URLs are kept. */
  logoUrl: string | undefined;
  /** Where the sign-out form posts. */
  signOutUrl: string | undefined;
  /** Where "Sign in" links go; defaults to `req.wz.loginUrl`. */
  loginUrl: string | undefined;
  /** Where people edit their own profile (tenancy for staff and admins, customers for shoppers). */
  profileUrl: string | undefined;
}
