import type { Request } from 'express';

/** The surfaces with pages. */
export type PageSurface = 'admin' | 'store' | 'storefront';

/** True for the three surfaces that have pages and layouts. */
export function isPageSurface(surface: string | undefined): surface is PageSurface {
  return surface === 'admin' || surface === 'store' || surface === 'storefront';
}

/**
 * The URL base of `surface` for this request: the tenant's `base` when the resolver set one for this surface (`''` on
 * a store's own host), else the path-mode base `/admin`, `/store/<store>` or `/storefront/<store>`.
 */
export function surfaceBase(req: Request, surface: PageSurface): string {
  const tenant = req.wz?.tenant;
  if (tenant?.base !== undefined && tenant.surface === surface) return tenant.base;
  if (surface === 'admin') return '/admin';
  return `/${surface}/${encodeURIComponent(tenant?.store ?? '')}`;
}

/** True for a same-origin path (`/x`), refusing `//host`, `/\host` and anything with control characters. */
export function isLocalPath(to: string): boolean {
  return to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\') && !/[\u0000-\u001f\u007f]/.test(to);
}
