import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { Request, Response } from 'express';

/** A flash message shown once on the next page. */
export interface Flash {
  type: 'success' | 'info' | 'warning' | 'error';
  message: string;
}

/** UI services of the core plugin. */
export interface CoreUi {
  /** Queues a flash message for the next page this browser loads (a short-lived cookie). */
  flash(res: Response, flash: Flash): void;
  /** Redirects after a POST with a flash message (PRG). */
  redirectWithFlash(res: Response, to: string, flash: Flash): void;
  /** The URL base of a surface for this request (`/admin`, `/store/<s>`, `/storefront/<s>` or `''` on a store's own host). */
  base(req: Request, surface: 'admin' | 'store' | 'storefront'): string;
}

/** Service tokens of the core plugin. */
export const CoreServices = {
  ui: defineServiceToken<CoreUi>('core', 'ui'),
} as const;

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
