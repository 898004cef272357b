import { contextOf, hostErrors, requireStore } from '@wizamart/plugin-sdk';
import type { RateLimit } from '@wizamart/plugin-auth';
import type { Request } from 'express';
import { orderNotFound } from '../errors.js';
import type { Order, OrdersStoreRef } from '../index.js';
import { customerOf, type OrdersDeps } from './deps.js';

/** The request's store and its signed-in customer (401 `WZ_AUTH_UNAUTHENTICATED` is the routes' `permit(CUSTOMER_PERMISSIONS.account)`). */
export async function shopper(deps: OrdersDeps, req: Request): Promise<{ store: OrdersStoreRef; customerId: string | undefined }> {
  const store = requireStore(contextOf(req));
  return { store, customerId: customerOf(req, store.code) };
}

/** The request's store and the id of its signed-in customer (401 when the principal is not one of this store's). */
export async function signedInCustomer(deps: OrdersDeps, req: Request): Promise<{ store: OrdersStoreRef; customerId: string }> {
  const { store, customerId } = await shopper(deps, req);
  if (!customerId) throw hostErrors.WZ_AUTH_UNAUTHENTICATED();
  return { store, customerId };
}

/** The signed-in customer's own order; another customer's, a guest's or another store's order is 404 alike. */
export async function ownOrder(deps: OrdersDeps, req: Request, orderId: string): Promise<Order> {
  const { store, customerId } = await shopper(deps, req);
  const order = customerId ? await deps.orders.get(store, orderId) : undefined;
  if (!order || order.customerId !== customerId) throw orderNotFound();
  return order;
}

/** The lookup's two counters: the client's address (across stores) and the order number of this store (from anywhere). */
function lookupBuckets(deps: OrdersDeps, req: Request, store: OrdersStoreRef, number: number): RateLimit[] {
  const { ipMaxAttempts, numberMaxAttempts, windowSeconds } = deps.lookupLimits;
  return [
    { bucket: 'orders.lookup-ip', key: req.ip ?? 'unknown', max: ipMaxAttempts, windowSeconds },
    { bucket: 'orders.lookup-number', key: `${store.id}:${number}`, max: numberMaxAttempts, windowSeconds },
  ];
}

/**
 * The guest lookup: the order with this number whose email matches (compared without case). A wrong email and an
 * unknown number give the same 404. Lookups count in orders' own buckets of auth's rate limits, per client
 * address and per order number, so numbers and emails cannot be guessed at speed (429 `WZ_RATE_LIMITED`, even for
 * a right guess once limited); a found order takes its hits back, so only failures add up. Sign-ins count apart.
 */
export async function lookupOrder(deps: OrdersDeps, req: Request, input: { number: number; email: string }): Promise<Order> {
  const store = requireStore(contextOf(req));
  const limits = lookupBuckets(deps, req, store, input.number);
  // One after the other: a request refused for its address does not use up the order number's allowance.
  for (const limit of limits) await deps.limits.hit(contextOf(req), limit);
  const order = await deps.orders.byNumber(store, input.number);
  if (!order || order.email.trim().toLowerCase() !== input.email.toLowerCase()) throw orderNotFound();
  await Promise.all(limits.map((limit) => deps.limits.undo(limit)));
  return order;
}
