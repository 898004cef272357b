import { contextOf, readCookie, requireStore, type RequestContext, type StoreRef } from '@wizamart/plugin-sdk';
import { CART_COOKIE, type CartDirectory, type CartView } from '@wizamart/plugin-cart';
import type { CoreUi } from '@wizamart/plugin-core';
import type { Order, OrdersService } from '@wizamart/plugin-orders';
import type { AuthService } from '@wizamart/plugin-auth';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { Request } from 'express';
import { cartEmpty, orderNotFound } from '../errors.js';
import type { CheckoutService } from '../services/checkout.service.js';
import { shopperScope } from '../services/idempotency.js';
import type { Placer, PlacementService } from '../services/placement.service.js';

/** What the checkout routers need, wired in plugin.ts. */
export interface CheckoutDeps {
  stores: StoreDirectory;
  auth: AuthService;
  ui: CoreUi;
  carts: CartDirectory;
  orders: OrdersService;
  checkout: CheckoutService;
  placement: PlacementService;
}

/** The request's shopper: its context and store, the signed-in customer (if any) and the idempotency scope. */
export interface Shopper {
  ctx: RequestContext;
  store: StoreRef;
  customer: { id: string; email: string } | undefined;
  /** The cart cookie's value when it has the right shape. */
  guestToken: string | undefined;
  /** `customer:<id>` or `guest:<hash of the cart cookie>`; undefined for a guest without a cart cookie. */
  scope: string | undefined;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Resolves the store of the request and who shops there (the same rules as the cart plugin). */
export async function resolveShopper(deps: CheckoutDeps, req: Request): Promise<Shopper> {
  const ctx = contextOf(req);
  const store = requireStore(ctx);
  // Storefront tokens are bound to their store, so a customer actor is always one of this store.
  const { actor } = ctx;
  const customer = actor.kind === 'customer' && actor.id ? { id: actor.id, email: actor.email ?? '' } : undefined;
  const token = readCookie(req.headers.cookie, CART_COOKIE);
  const guestToken = token && TOKEN.test(token) ? token : undefined;
  return { ctx, store, customer, guestToken, scope: shopperScope({ customerId: customer?.id, guestToken }) };
}

/** The shopper and their cart with at least one line; 409 `WZ_CHECKOUT_CART_EMPTY` otherwise. */
export async function shopperWithCart(
  deps: CheckoutDeps,
  req: Request,
): Promise<{ shopper: Shopper; cart: CartView & { id: string } }> {
  const shopper = await resolveShopper(deps, req);
  const cart = shopper.scope ? await deps.carts.forShopper(shopper.ctx, shopper.guestToken) : undefined;
  if (!cart?.id || !cart.lines.length) throw cartEmpty();
  return { shopper, cart: cart as CartView & { id: string } };
}

/**
 * The shopper and the id of their cart with at least one line, without pricing the cart (for the step changes, which
 * do not show it); 409 `WZ_CHECKOUT_CART_EMPTY` otherwise.
 */
export async function shopperWithCartId(
  deps: CheckoutDeps,
  req: Request,
): Promise<{ shopper: Shopper; cartId: string }> {
  const shopper = await resolveShopper(deps, req);
  const cart = shopper.scope ? await deps.carts.summaryForShopper(shopper.ctx, shopper.guestToken) : undefined;
  if (!cart?.lineCount) throw cartEmpty();
  return { shopper, cartId: cart.id };
}

/** The placer of `shopper` for the placement service (its scope must be known). */
export function placerFor(deps: CheckoutDeps, req: Request, shopper: Shopper): Placer {
  const base = deps.ui.base(req, 'storefront');
  return {
    scope: shopper.scope!,
    cart: () => deps.carts.summaryForShopper(shopper.ctx, shopper.guestToken),
    confirmationUrl: (orderId) => `${base}/checkout/complete/${orderId}`,
  };
}

/**
 * An order the request's shopper placed: the same customer, or the guest cart cookie that placed it. Anyone else
 * (other shoppers, other stores, unknown ids) gets the same 404 `WZ_CHECKOUT_ORDER_NOT_FOUND`.
 */
export async function placedOrder(deps: CheckoutDeps, shopper: Shopper, orderId: string): Promise<Order> {
  const mine = shopper.scope ? await deps.placement.placedBy(shopper.store.id, orderId, shopper.scope) : false;
  const order = mine || shopper.customer ? await deps.orders.get(shopper.ctx, orderId) : undefined;
  if (!order || !(mine || (shopper.customer && order.customerId === shopper.customer.id))) throw orderNotFound();
  return order;
}
