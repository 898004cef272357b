import { WizamartError } from '@wizamart/plugin-sdk';
import type { Request } from 'express';
import { orderNotFound } from '../errors.js';
import type { Order, OrdersStoreRef } from '../index.js';
import { currentStore, customerOf, type OrdersDeps } from './deps.js';

/** The request's store and its signed-in customer (401 `WZ_AUTH_UNAUTHENTICATED` is the routes' `permit('customer')`). */
export async function shopper(deps: OrdersDeps, req: Request): Promise<{ store: OrdersStoreRef; customerId: string | undefined }> {
  const store = await currentStore(deps, req);
  return { store, customerId: customerOf(req, store.code) };
}

/** The request's store and the id of its signed-in customer (401 when the principal is not one of this store's). */
export async function signedInCustomer(deps: OrdersDeps, req: Request): Promise<{ store: OrdersStoreRef; customerId: string }> {
  const { store, customerId } = await shopper(deps, req);
  if (!customerId) throw new WizamartError('WZ_AUTH_UNAUTHENTICATED', 'Sign in to see your orders', { status: 401 });
  return { store, customerId };
}

/** The signed-in customer's own order; another customer's, a guest's or another store's order is 404 alike. */
export async function ownOrder(deps: OrdersDeps, req: Request, orderId: string): Promise<Order> {
  const { store, customerId } = await shopper(deps, req);
  const order = customerId ? await deps.orders.get(store, orderId) : undefined;
  if (!order || order.customerId !== customerId) throw orderNotFound();
  return order;
}

/**
 * The guest lookup: the order with this number whose email matches (compared without case). A wrong email and an
 * unknown number give the same 404, and failed lookups count against the client's address with tenancy's sign-in
 * limiter (`checkLoginRate`), so numbers and emails cannot be guessed at speed: 429 `WZ_AUTH_RATE_LIMITED`.
 */
export async function lookupOrder(deps: OrdersDeps, req: Request, input: { number: number; email: string }): Promise<Order> {
  const store = await currentStore(deps, req);
  const key = `order-lookup:#${input.number}`;
  await deps.auth.checkLoginRate(req, key);
  const order = await deps.orders.byNumber(store, input.number);
  if (!order || order.email.trim().toLowerCase() !== input.email.toLowerCase()) throw orderNotFound();
  await deps.auth.loginSucceeded(req, key);
  return order;
}
