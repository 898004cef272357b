import { createHash, randomBytes } from 'node:crypto';
import { requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import type { CartOwner, CartService } from './cart.service.js';

/** Whose cart the shopper of a request has, and what the caller must do with the guest cookie. */
export interface Shopper {
  owner: CartOwner | undefined;
  /** A fresh guest token to send as the cookie (only when `create` was asked and the guest had none). */
  newToken?: string;
  /** True when the guest cookie is no longer needed (its cart was merged into the signed-in customer's). */
  dropGuest: boolean;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** SHA-256 of a guest token: the database never holds the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The guest token when it has the right shape (256 random bits, base64url), else undefined. */
export function validGuestToken(token: string | undefined): string | undefined {
  return token && TOKEN.test(token) ? token : undefined;
}

/**
 * Resolves the shopper of `ctx` (a signed-in customer, else the guest of `guestToken`, the cart cookie's value). This
 * is where a guest cart merges into the customer's: on the first cart request that carries both a customer and a
 * guest token (right after signing in), the guest lines move over and `dropGuest` tells the caller to clear the
 * cookie. With `create`, a guest without a token gets a fresh one (`newToken`).
 */
export async function resolveShopper(
  carts: CartService,
  ctx: RequestContext,
  guestToken: string | undefined,
  create = false,
): Promise<Shopper> {
  requireStore(ctx);
  const token = validGuestToken(guestToken);
  const { actor } = ctx;
  // Storefront tokens are bound to their store, so a customer actor is always one of this store.
  if (actor.kind === 'customer' && actor.id) {
    if (token) await carts.merge(ctx, actor.id, hashToken(token));
    return { owner: { customerId: actor.id }, dropGuest: Boolean(token) };
  }
  if (token) return { owner: { tokenHash: hashToken(token) }, dropGuest: false };
  if (!create) return { owner: undefined, dropGuest: false };
  const fresh = randomBytes(32).toString('base64url');
  return { owner: { tokenHash: hashToken(fresh) }, newToken: fresh, dropGuest: false };
}
