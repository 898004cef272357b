import { requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import type { Payment, PaymentsService } from '@wizamart/plugin-payments';
import { invalidTransition, orderNotFound } from '../errors.js';
import type { Order, OrderEventName, OrderStatus } from '../index.js';
import { historyActor } from './history-actors.js';
import type { OrderRepository } from '../repositories/order.repository.js';
import type { OrderService, PublishOrderEvent } from './order.service.js';
import { ACTION_TARGETS, canMove, type OrderAction } from './status-machine.js';
import type { StockReturns } from './stock-returns.js';

/** What a store action may carry: a note for the history (shown to the shopper) and, to fulfil, a tracking number. */
export interface ActionInput {
  note?: string | null;
  trackingNumber?: string | null;
}

const EVENTS: Record<OrderStatus, OrderEventName | undefined> = {
  pending_payment: undefined,
  paid: 'orders.paid',
  fulfilled: 'orders.fulfilled',
  delivered: 'orders.delivered',
  cancelled: 'orders.cancelled',
  refunded: 'orders.refunded',
};
const SETTLED = new Set(['captured', 'partially_refunded']);

/**
 * Status changes of orders: the store's actions (mark paid, fulfil, deliver, cancel, refund) and the ones payments
 * cause (events, reconciliation). Money and stock move first, through payments and inventory, each step idempotent so
 * a failed action can simply be retried; then the status changes in one transaction holding the order's row lock,
 * with a history entry, and the event is published after commit.
 */
export class OrderActions {
  /**
   * Orders this process is changing itself right now. The payments event its own capture or refund causes is then
   * left to the action (which records the staff member, not `payments`, and may be a cancel rather than a refund).
   */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly orders: OrderRepository,
    private readonly reader: OrderService,
    private readonly payments: PaymentsService,
    private readonly stock: StockReturns,
    private readonly publish: PublishOrderEvent,
  ) {}

  /**
   * Runs a store action; 404 `WZ_ORDERS_NOT_FOUND`, 409 `WZ_ORDERS_INVALID_TRANSITION` when the status does not allow
   * it.
   */
  async run(ctx: RequestContext, orderId: string, action: OrderAction, input: ActionInput = {}): Promise<Order> {
    const actor = historyActor(ctx);
    const order = await this.reader.get(ctx, orderId);
    if (!order) throw orderNotFound();
    const target = ACTION_TARGETS[action];
    if (!canMove(order.status, target)) throw invalidTransition(order.status, target);
    this.inFlight.add(order.id);
    try {
      await this.moveMoneyAndStock(ctx, order, action, actor);
      const patch = action === 'fulfil' ? { trackingNumber: input.trackingNumber?.trim() || null } : {};
      await this.transition(ctx, order.id, target, actor, input.note?.trim() || null, patch, true);
    } finally {
      this.inFlight.delete(order.id);
    }
    return (await this.reader.get(ctx, order.id))!;
  }

  /**
   * Brings an order in line with its payment, for payments events, the reconciliation job and right after placing:
   * captured → paid; refunded in full → refunded; failed or cancelled while waiting → cancelled (stock released).
   * Returns the status the order ends in, or undefined when `payment` is not this store's order's payment.
   */
  async applyPayment(
    ctx: RequestContext,
    payment: Pick<Payment, 'id' | 'orderRef' | 'status' | 'provider'>,
  ): Promise<OrderStatus | undefined> {
    const order = await this.reader.get(ctx, payment.orderRef);
    if (!order || order.paymentId !== payment.id || this.inFlight.has(order.id)) return order?.status;
    const actor = `payments:${payment.provider}`;
    let status = order.status;
    const settled = SETTLED.has(payment.status) || payment.status === 'refunded';
    if (settled && status === 'pending_payment') status = await this.transition(ctx, order.id, 'paid', actor, null);
    if (payment.status === 'refunded' && canMove(status, 'refunded')) {
      status = await this.transition(ctx, order.id, 'refunded', actor, null);
    }
    if ((payment.status === 'failed' || payment.status === 'cancelled') && status === 'pending_payment') {
      await this.stock.giveBack(ctx, order, actor);
      status = await this.transition(ctx, order.id, 'cancelled', actor, `payment ${payment.status}`);
    }
    return status;
  }

  /** Reads the order's payment and applies it (after placing, and for the reconciliation job). */
  async settle(ctx: RequestContext, order: Pick<Order, 'id' | 'paymentId' | 'status'>): Promise<OrderStatus> {
    if (order.status !== 'pending_payment' || !order.paymentId) return order.status;
    const payment = await this.payments.get(ctx, order.paymentId);
    return (await this.applyPayment(ctx, payment)) ?? order.status;
  }

  private async moveMoneyAndStock(
    ctx: RequestContext,
    order: Order,
    action: OrderAction,
    actor: string,
  ): Promise<void> {
    if (action === 'mark-paid') return this.capture(ctx, order);
    if (action === 'refund') return this.refund(ctx, order);
    if (action !== 'cancel') return;
    await this.voidPayment(ctx, order);
    await this.stock.giveBack(ctx, order, actor);
  }

  private async capture(ctx: RequestContext, order: Order): Promise<void> {
    if (!order.paymentId) return;
    const payment = await this.payments.get(ctx, order.paymentId);
    if (!SETTLED.has(payment.status)) await this.payments.capture(ctx, payment.id);
  }

  private async refund(ctx: RequestContext, order: Order): Promise<void> {
    if (!order.paymentId) return;
    const payment = await this.payments.get(ctx, order.paymentId);
    if (payment.status !== 'refunded') await this.payments.refund(ctx, payment.id);
  }

  /** Cancelling: a payment still waiting is cancelled at the provider; money already taken is refunded in full. */
  private async voidPayment(ctx: RequestContext, order: Order): Promise<void> {
    if (!order.paymentId) return;
    const payment = await this.payments.get(ctx, order.paymentId);
    if (payment.status === 'pending' || payment.status === 'authorized') await this.payments.cancel(ctx, payment.id);
    else if (SETTLED.has(payment.status)) await this.payments.refund(ctx, payment.id);
  }

  /**
   * Moves the order to `to` under its row lock with a history entry; publishes the status event after commit.
   * Already there: nothing happens (a retry, or an event that arrived twice). `strict` actions refuse a status that
   * changed meanwhile to one that does not allow `to` (409); payment-driven changes just leave such an order alone.
   */
  private async transition(
    ctx: RequestContext,
    orderId: string,
    to: OrderStatus,
    actor: string,
    note: string | null,
    patch: { trackingNumber?: string | null } = {},
    strict = false,
  ): Promise<OrderStatus> {
    const store = requireStore(ctx);
    const moved = await this.orders.transaction(async (trx) => {
      const order = await this.orders.byId(store.id, orderId, trx);
      if (!order) throw orderNotFound();
      if (order.status === to) return undefined;
      if (!canMove(order.status, to)) {
        if (strict) throw invalidTransition(order.status, to);
        return undefined;
      }
      await this.orders.setStatus(trx, store.id, orderId, to, patch);
      await this.orders.addHistory(trx, store.id, orderId, { fromStatus: order.status, toStatus: to, actor, note });
      return { ...order, status: to };
    });
    if (!moved) return (await this.orders.byId(store.id, orderId))?.status ?? to;
    const event = EVENTS[to];
    if (event) await this.publish(event, moved);
    return to;
  }
}
