import { hostErrors, requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import type { RateLimit, RateLimits } from '@wizamart/plugin-auth';
import { orderNotFound } from '../errors.js';
import type { Order } from '../index.js';
import type { OrderListItem } from '../repositories/order.repository.js';
import type { OrderService } from './order.service.js';

/** The guest lookup's limits (orders' config): failed lookups per client address and per order number. */
export interface LookupLimits {
  ipMaxAttempts: number;
  numberMaxAttempts: number;
  windowSeconds: number;
}

/** The signed-in customer of the context's store on a storefront request, if any. */
export function customerOf(ctx: RequestContext): string | undefined {
  return ctx.actor.kind === 'customer' ? ctx.actor.id : undefined;
}

/**
 * Orders as a shopper reaches them on the storefront: the signed-in customer's history and orders, and the guest
 * lookup by number and email.
 */
export class ShopperOrders {
  constructor(
    private readonly orders: OrderService,
    private readonly limits: RateLimits,
    private readonly lookupLimits: LookupLimits,
  ) {}

  /** The signed-in customer's orders, newest first (401 `WZ_AUTH_UNAUTHENTICATED` for anyone else). */
  history(
    ctx: RequestContext,
    paging: { limit: number; offset: number },
  ): Promise<{ items: OrderListItem[]; total: number }> {
    return this.orders.list(ctx, { customerId: signedInCustomer(ctx), ...paging });
  }

  /** The signed-in customer's own order; another customer's, a guest's or another store's order is 404 alike. */
  async own(ctx: RequestContext, orderId: string): Promise<Order> {
    const customerId = customerOf(ctx);
    const order = customerId ? await this.orders.get(ctx, orderId) : undefined;
    if (!order || order.customerId !== customerId) throw orderNotFound();
    return order;
  }

  /**
   * The guest lookup: the order with this number whose email matches (compared without case). A wrong email and an
   * unknown number give the same 404. Lookups count in orders' own buckets of auth's rate limits, per client
   * address and per order number, so numbers and emails cannot be guessed at speed (429 `WZ_RATE_LIMITED`, even for
   * a right guess once limited); a found order takes its hits back, so only failures add up. Sign-ins count apart.
   */
  async lookup(ctx: RequestContext, input: { number: number; email: string }): Promise<Order> {
    const limits = this.buckets(ctx, input.number);
    // One after the other: a request refused for its address does not use up the order number's allowance.
    for (const limit of limits) await this.limits.hit(ctx, limit);
    const order = await this.orders.byNumber(ctx, input.number);
    if (!order || order.email.trim().toLowerCase() !== input.email.toLowerCase()) throw orderNotFound();
    await Promise.all(limits.map((limit) => this.limits.undo(limit)));
    return order;
  }

  /** The lookup's two counters: the client's address (across stores) and the order number of this store. */
  private buckets(ctx: RequestContext, number: number): RateLimit[] {
    const { ipMaxAttempts, numberMaxAttempts, windowSeconds } = this.lookupLimits;
    return [
      { bucket: 'orders.lookup-ip', key: ctx.clientIp ?? 'unknown', max: ipMaxAttempts, windowSeconds },
      {
        bucket: 'orders.lookup-number',
        key: `${requireStore(ctx).id}:${number}`,
        max: numberMaxAttempts,
        windowSeconds,
      },
    ];
  }
}

/** The id of the context's signed-in customer (401 when the actor is not a customer). */
function signedInCustomer(ctx: RequestContext): string {
  const customerId = customerOf(ctx);
  if (!customerId) throw hostErrors.WZ_AUTH_UNAUTHENTICATED();
  return customerId;
}
