import { contextOf, readCookie, type RequestContext } from '@wizamart/plugin-sdk';
import type { CoreUi } from '@wizamart/plugin-core';
import type { AuthService } from '@wizamart/plugin-auth';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { Request, Response } from 'express';
import { CART_COOKIE } from '../index.js';
import type { CartService } from '../services/cart.service.js';
import { resolveShopper, type Shopper } from '../services/shopper.js';

/** What the cart routers need, wired in plugin.ts. */
export interface CartDeps {
  stores: StoreDirectory;
  auth: AuthService;
  ui: CoreUi;
  carts: CartService;
  /** True when plugin `code` is installed, loaded and enabled on `platform` (e.g. whether to link to checkout). */
  pluginActive(platform: string, code: string): boolean;
}

/** The request's context and its shopper, as the routes hand them to the cart service. */
export interface RequestShopper extends Shopper {
  ctx: RequestContext;
}

const COOKIE_MAX_AGE = 30 * 24 * 3600 * 1000;

/** The paths the cookie is scoped to: the store's storefront pages and API in path mode, the host otherwise. */
function cookiePaths(req: Request): string[] {
  const tenant = req.wz.tenant;
  if (tenant.mode && tenant.mode !== 'path') return ['/'];
  const store = encodeURIComponent(tenant.store ?? '');
  return [`/storefront/${store}`, `/api/v1/storefront/${store}`];
}

function setGuestCookie(req: Request, res: Response, token: string): void {
  const options = { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, maxAge: COOKIE_MAX_AGE };
  for (const path of cookiePaths(req)) res.cookie(CART_COOKIE, token, { ...options, path });
}

function clearGuestCookie(req: Request, res: Response): void {
  for (const path of cookiePaths(req)) {
    res.clearCookie(CART_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path });
  }
}

/**
 * The request's shopper (see `resolveShopper`: a guest cart merges into the customer's on the first cart request
 * after signing in). The guest cookie is cleared then when `res` is given; the section of the home page passes none
 * and leaves that to the next cart request, which finds the guest cart already merged.
 */
export async function shopperOf(deps: CartDeps, req: Request, res?: Response, create = false): Promise<RequestShopper> {
  const ctx = contextOf(req);
  const shopper = await resolveShopper(deps.carts, ctx, readCookie(req.headers.cookie, CART_COOKIE), create);
  if (shopper.dropGuest && res) clearGuestCookie(req, res);
  return { ...shopper, ctx };
}

/** Sends the guest cookie after a change created the guest's first cart. */
export function keepGuest(req: Request, res: Response, shopper: Shopper): void {
  if (shopper.newToken) setGuestCookie(req, res, shopper.newToken);
}
