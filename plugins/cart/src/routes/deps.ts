import { createHash, randomBytes } from 'node:crypto';
import { readCookie, contextOf, requireStore } from '@wizamart/plugin-sdk';
import type { CoreUi } from '@wizamart/plugin-core';
import type { AuthService, StoreDirectory } from '@wizamart/plugin-tenancy';
import type { Request, Response } from 'express';
import { CART_COOKIE, type CartStoreRef, type CartSummary, type CartView } from '../index.js';
import type { CartOwner, CartService } from '../services/cart.service.js';

/** What the cart routers need, wired in plugin.ts. */
export interface CartDeps {
  stores: StoreDirectory;
  auth: AuthService;
  ui: CoreUi;
  carts: CartService;
  /** True when plugin `code` is installed, loaded and enabled on `platform` (e.g. whether to link to checkout). */
  pluginActive(platform: string, code: string): boolean;
}

/** The request's shopper: the store, whose cart it is, and the guest token when one must be set as a cookie. */
export interface Shopper {
  store: CartStoreRef & { code: string };
  owner: CartOwner | undefined;
  /** A fresh guest token to send as the cookie (only when `create` was asked and the guest had none). */
  newToken?: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const COOKIE_MAX_AGE = 30 * 24 * 3600 * 1000;

/** SHA-256 of a guest token: the database never holds the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The guest token of the request's cookie when it has the right shape (256 random bits, base64url). */
function guestToken(req: Request): string | undefined {
  const token = readCookie(req.headers.cookie, CART_COOKIE);
  return token && TOKEN.test(token) ? token : undefined;
}

/** The paths the cookie is scoped to: the store's storefront pages and API in path mode, the host otherwise. */
function cookiePaths(req: Request): string[] {
  const tenant = req.wz.tenant;
  if (tenant.mode && tenant.mode !== 'path') return ['/'];
  const store = encodeURIComponent(tenant.store ?? '');
  return [`/storefront/${store}`, `/api/v1/storefront/${store}`];
}

function setGuestCookie(req: Request, res: Response, token: string): void {
  for (const path of cookiePaths(req)) res.cookie(CART_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path, maxAge: COOKIE_MAX_AGE });
}

function clearGuestCookie(req: Request, res: Response): void {
  for (const path of cookiePaths(req)) res.clearCookie(CART_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path });
}

/** The signed-in customer of this store, if any (staff and admins never reach the storefront surface). */
function customerId(req: Request, storeCode: string): string | undefined {
  const principal = req.wz.principal;
  return principal?.kind === 'customer' && (!principal.store || principal.store === storeCode) ? principal.id : undefined;
}

/**
 * Resolves the request's shopper. This is where a guest cart merges into the customer's: on the first cart request
 * that carries both a customer principal and a guest cookie (right after signing in), the guest lines move over and
 * the cookie is cleared (when `res` is given; the section of the home page passes none and leaves that to the next
 * cart request, which finds the guest cart already merged).
 */
export async function resolveShopper(deps: CartDeps, req: Request, res?: Response, create = false): Promise<Shopper> {
  const store = requireStore(contextOf(req));
  const token = guestToken(req);
  const customer = customerId(req, store.code);
  if (customer) {
    if (token) {
      await deps.carts.merge(store, customer, hashToken(token));
      if (res) clearGuestCookie(req, res);
    }
    return { store, owner: { customerId: customer } };
  }
  if (token) return { store, owner: { tokenHash: hashToken(token) } };
  if (!create) return { store, owner: undefined };
  const fresh = randomBytes(32).toString('base64url');
  return { store, owner: { tokenHash: hashToken(fresh) }, newToken: fresh };
}

/** Sends the guest cookie after a change created the guest's first cart. */
export function keepGuest(req: Request, res: Response, shopper: Shopper): void {
  if (shopper.newToken) setGuestCookie(req, res, shopper.newToken);
}

/** The shopper's cart for the exported service: undefined when there is none. */
export async function cartForRequest(deps: CartDeps, req: Request): Promise<CartView | undefined> {
  const shopper = await resolveShopper(deps, req);
  return shopper.owner ? deps.carts.find(shopper.store, shopper.owner) : undefined;
}

/** The shopper's cart without prices for the exported service: undefined when there is none. */
export async function cartSummaryForRequest(deps: CartDeps, req: Request): Promise<CartSummary | undefined> {
  const shopper = await resolveShopper(deps, req);
  return shopper.owner ? deps.carts.summary(shopper.store, shopper.owner) : undefined;
}
