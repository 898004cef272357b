import type { MenuDirectory, MenuEntry } from '@wizamart/plugin-sdk';
import type { Request, RequestHandler, Response } from 'express';
import type { Flash, PageLocals } from '../index.js';
import { takeFlashes } from '../services/core-ui.service.js';
import {
  DEFAULT_LANGUAGE,
  LANGUAGE_NAMES,
  LANGUAGES,
  negotiateLanguage,
  supportedLanguage,
  type Language,
} from '../services/i18n.js';
import { isLocalPath, isPageSurface, surfaceBase, type PageSurface } from '../services/surface-base.js';
import { readCookie, replaceCookie } from './cookies.js';
import { renderErrorsInLayout } from './error-pages.js';

/** Cookie remembering the language a person picked with `?lang=`. */
export const LANGUAGE_COOKIE = 'wz_lang';
const YEAR = 365 * 24 * 3600;

/** URL of core's static folder. */
export const CORE_ASSETS = '/static/modules/core';

/** The page language: `?lang=` (remembered in a cookie), the cookie, `Accept-Language`, then English. */
export function pageLanguage(req: Request, res: Response): Language {
  const asked = typeof req.query?.lang === 'string' ? supportedLanguage(req.query.lang) : undefined;
  if (asked) {
    replaceCookie(res, LANGUAGE_COOKIE, asked, YEAR);
    return asked;
  }
  return requestLanguage(req);
}

/** The language of a request that renders no page: `?lang=`, the language cookie, `Accept-Language`, English. */
export function requestLanguage(req: Request): Language {
  const asked = typeof req.query?.lang === 'string' ? supportedLanguage(req.query.lang) : undefined;
  return (
    asked ??
    supportedLanguage(readCookie(req.headers.cookie, LANGUAGE_COOKIE)) ??
    negotiateLanguage(req.headers['accept-language']) ??
    DEFAULT_LANGUAGE
  );
}

/** True for a logo address a storefront may show: a same-site path or an `https:` URL. */
export function isSafeImageUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048) return false;
  if (isLocalPath(value)) return true;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The menu with core's own home item pointing at the surface root instead of `<base>/core`. */
export function withHomeLink(entries: MenuEntry[], home: string, path: string): MenuEntry[] {
  return entries.map((entry) =>
    entry.plugin === 'core' && entry.id === 'home'
      ? { ...entry, href: home, active: path === home || path === `${home}/` }
      : entry,
  );
}

/** What the page locals need from core. */
export interface PageLocalsDeps {
  menus(): MenuDirectory;
}

/** Creates `res.locals.wz` for one page request (see {@link PageLocals}). */
export function createPageLocals(req: Request, res: Response, surface: PageSurface, deps: PageLocalsDeps): PageLocals {
  const base = surfaceBase(req, surface);
  const home = base || '/';
  const lang = pageLanguage(req, res);
  req.wz.language = lang;
  let menu: MenuEntry[] | undefined;
  let flash: Flash[] | undefined;
  let loginUrl: string | undefined;
  let logoUrl: string | undefined;
  return {
    surface,
    base,
    home,
    lang,
    languages: LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code], current: code === lang })),
    platform: req.wz.tenant.platform,
    store: req.wz.tenant.store,
    storeName: undefined,
    assets: CORE_ASSETS,
    csrfToken: undefined,
    theme: undefined,
    signOutUrl: undefined,
    profileUrl: undefined,
    get principal() {
      return req.wz.principal;
    },
    get menu() {
      return (menu ??= withHomeLink(deps.menus().build(surface, req), home, req.originalUrl.split('?')[0]));
    },
    get flash() {
      return (flash ??= takeFlashes(req, res));
    },
    get loginUrl() {
      return loginUrl ?? req.wz.loginUrl;
    },
    set loginUrl(value) {
      loginUrl = value;
    },
    get logoUrl() {
      return logoUrl;
    },
    set logoUrl(value) {
      logoUrl = isSafeImageUrl(value) ? value : undefined;
    },
  };
}

/** True for requests that render pages: a page surface, not an API path. */
function isPageRequest(req: Request): boolean {
  return isPageSurface(req.wz?.tenant?.surface) && req.wz.url.kind !== 'api';
}

/** The `theme` stage middleware: page locals for every page request, and host error pages inside the layouts. */
export function pageLocalsStage(deps: PageLocalsDeps): RequestHandler {
  return (req, res, next) => {
    if (!isPageRequest(req)) {
      // APIs answer in the language asked for too (field messages), without remembering it in a cookie.
      req.wz.language = requestLanguage(req);
      return next();
    }
    res.locals.wz = createPageLocals(req, res, req.wz.tenant.surface as PageSurface, deps);
    renderErrorsInLayout(res);
    next();
  };
}
