import {
  errorBody,
  isWizamartError,
  requireStore,
  type PluginLogger,
  type RequestContext,
  type WizamartError,
} from '@wizamart/plugin-sdk';
import type { CartDirectory, CartSummary } from '@wizamart/plugin-cart';
import type { Order, OrdersService } from '@wizamart/plugin-orders';
import type { Payment, PaymentProviders, PaymentsService } from '@wizamart/plugin-payments';
import { cartBusy, cartEmpty, outOfStock, paymentDeclined, priceChanged } from '../errors.js';
import type { PlacedOrder, PlaceOrderRequest } from '../index.js';
import type { AttemptPlan, KeyRecord, StoredResponse } from '../model.js';
import type { IdempotencyRepository } from '../repositories/idempotency.repository.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { Attempt } from './attempt.js';
import { requireReady } from './cart-check.js';
import type { CheckoutService } from './checkout.service.js';
import { requestHash } from './idempotency.js';
import type { IdempotencyGate } from './idempotency.service.js';
import { StockKeeper } from './stock-keeper.js';

/** What "the same request" is hashed as, whichever route (API or form) it came through. */
const PLACE_OPERATION = 'checkout/place';

/** The shopper placing an order, as the routes resolve it from the request (the customer is the context's actor). */
export interface Placer {
  /** `customer:<id>` or `guest:<hash of the cart token>`. */
  scope: string;
  /** The shopper's open or locked cart (unpriced: the placement prices it once it is locked). */
  cart(): Promise<CartSummary | undefined>;
  confirmationUrl(orderId: string): string;
}

/** What the placement needs, wired in plugin.ts. */
export interface PlacementDeps {
  carts: CartDirectory;
  checkout: CheckoutService;
  sessions: SessionRepository;
  keys: IdempotencyRepository;
  gate: IdempotencyGate;
  orders: OrdersService;
  payments: PaymentsService;
  providers: PaymentProviders;
  stock: StockKeeper;
  logger: PluginLogger;
  leaseSeconds: number;
}

/** A placement the shopper asked for: who places it and what they sent. */
type ShopperRequest = { placer: Placer; request: PlaceOrderRequest };
type Shopper = ShopperRequest | undefined;

/** Thrown when the recovery job finds an attempt it cannot finish without the shopper (no payment made yet). */
class NothingToResume extends Error {}

/** The outcome of an attempt the recovery job undid and forgot (never sent to anyone). */
const UNDONE: StoredResponse = { status: 0, body: '' };

function errorResponse(error: WizamartError): StoredResponse {
  return { status: error.status, body: JSON.stringify(errorBody(error)) };
}

function placedBody(order: Order, payment: Payment, confirmationUrl: string): PlacedOrder {
  return {
    order: {
      id: order.id,
      number: order.number,
      status: order.status,
      email: order.email,
      currency: order.currency,
      subtotal: order.subtotal,
      shippingTotal: order.shippingTotal,
      taxTotal: order.taxTotal,
      grandTotal: order.grandTotal,
      lines: order.lines.map((line) => ({
        variantId: line.variantId,
        productTitle: line.productTitle,
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        lineTotal: line.lineTotal,
      })),
    },
    payment: { id: payment.id, provider: payment.provider, status: payment.status },
    confirmationUrl,
  };
}

/**
 * Places the cart of a shopper as an order, once per idempotency key: hold and lock the cart, reserve the stock,
 * authorize (and for online providers capture) the payment, create the order, commit the stock, convert the cart.
 * Each step is saved on the key's row before the next, so a retry after a crash resumes where it stopped; a refusal
 * (4xx) undoes what was done (payment voided, stock released, cart unlocked) and is the key's final answer.
 * No step runs inside a long transaction: each external call is its own short one.
 */
export class PlacementService {
  constructor(private readonly deps: PlacementDeps) {}

  /** True when the shopper `scope` placed order `orderId` in store `storeId` (through an idempotency key). */
  placedBy(storeId: string, orderId: string, scope: string): Promise<boolean> {
    return this.deps.keys.placedBy(storeId, orderId, scope);
  }

  /** The response for `key`: this request's own, or the one stored for an earlier request with the same key. */
  async place(
    ctx: RequestContext,
    placer: Placer,
    key: string,
    request: PlaceOrderRequest,
  ): Promise<{ response: StoredResponse; replayed: boolean }> {
    const storeId = requireStore(ctx).id;
    const hash = requestHash('POST', PLACE_OPERATION, request);
    const entry = await this.deps.gate.enter({ storeId, scope: placer.scope, key, requestHash: hash });
    if ('replay' in entry) return { response: entry.replay, replayed: true };
    return { response: await this.run(entry.attempt, ctx, { placer, request }), replayed: false };
  }

  /**
   * Finishes an attempt nobody came back for (its lease lapsed long ago): an attempt that had paid is placed, one
   * that had not is undone and its key forgotten. `ctx` is the job's context of the key's store (undefined when the
   * store is gone). Returns what happened, for the job's progress.
   */
  async recover(ctx: RequestContext | undefined, row: KeyRecord): Promise<'placed' | 'undone' | 'skipped'> {
    const attempt = await this.deps.gate.takeOver(row);
    if (!attempt) return 'skipped';
    if (!ctx?.store) {
      await attempt.forget();
      return 'undone';
    }
    const response = await this.run(attempt, ctx, undefined);
    return response.status === 201 ? 'placed' : 'undone';
  }

  private async run(attempt: Attempt, ctx: RequestContext, shopper: Shopper): Promise<StoredResponse> {
    try {
      const response = await this.steps(attempt, ctx, shopper);
      await attempt.complete(response);
      return response;
    } catch (error) {
      return this.fail(attempt, ctx, error);
    }
  }

  private async steps(attempt: Attempt, ctx: RequestContext, shopper: Shopper): Promise<StoredResponse> {
    // Without the shopper (the recovery job) only an attempt that had paid can go on; the others are undone.
    if (!shopper && !attempt.state.paymentId) throw new NothingToResume();
    const plan = attempt.state.plan ?? (shopper ? await this.prepare(attempt, ctx, shopper) : undefined);
    if (!plan) throw new NothingToResume();
    await this.reserve(attempt, ctx, plan);
    const payment = await this.pay(attempt, ctx, plan, shopper ? (shopper.request.payment?.input ?? {}) : undefined);
    const order = await this.placeOrder(attempt, ctx, plan, payment);
    // Not saved: a retry that resumes calls `place` again, which returns this order (it is idempotent by id).
    attempt.state.placed = true;
    await this.finish(attempt, ctx, plan, order);
    return { status: 201, body: JSON.stringify(placedBody(order, payment, plan.confirmationUrl)) };
  }

  /** First run only: the cart held and locked, every step complete, the lines and amount fixed. */
  private async prepare(attempt: Attempt, ctx: RequestContext, shopper: ShopperRequest): Promise<AttemptPlan> {
    const { placer, request } = shopper;
    const store = requireStore(ctx);
    const cart = await placer.cart();
    if (!cart?.lineCount) throw cartEmpty();
    const { data } = await this.deps.checkout.complete(ctx, cart.id);
    if (!(await this.deps.sessions.hold(store.id, cart.id, attempt.row.id, this.deps.leaseSeconds))) throw cartBusy();
    await attempt.save({ heldCartId: cart.id });
    const locked = await this.deps.carts.lock(ctx, cart.id);
    requireReady(locked);
    const lines = locked.lines.map(({ variantId, quantity }) => ({ variantId, quantity }));
    const quote = await this.deps.checkout.quote(ctx, lines, data.shippingCode);
    if (request.expectedTotal !== undefined && request.expectedTotal !== quote.grandTotal)
      throw priceChanged(request.expectedTotal, quote.grandTotal, quote.currency);
    const customerId = ctx.actor.kind === 'customer' ? (ctx.actor.id ?? null) : null;
    const plan: AttemptPlan = {
      cartId: cart.id,
      lines,
      email: data.email!,
      customerId,
      shippingAddress: data.shippingAddress!,
      billingAddress: data.billingAddress,
      shippingCode: data.shippingCode!,
      provider: data.paymentProvider!,
      amount: quote.grandTotal,
      currency: quote.currency,
      actor: customerId ? `customer:${customerId}` : 'guest',
      confirmationUrl: placer.confirmationUrl(attempt.orderId),
    };
    await attempt.save({ plan });
    return plan;
  }

  /** Holds every line through inventory (when it tracks stock on the platform); a shortage is 409 with the variants. */
  private async reserve(attempt: Attempt, ctx: RequestContext, plan: AttemptPlan): Promise<void> {
    const held = { ...attempt.state.reservations };
    const missing = plan.lines.filter((line) => !held[line.variantId]);
    if (!missing.length || !this.deps.stock.tracks(ctx)) return;
    for (const line of [...missing].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
      const reservation = await this.deps.stock.reserve(ctx, line, attempt.orderId);
      const unheld = plan.lines.filter((other) => !held[other.variantId]);
      if (!reservation) throw outOfStock(await this.deps.stock.short(ctx, unheld, line.variantId));
      held[line.variantId] = reservation;
      await attempt.save({ reservations: held });
    }
  }

  /**
   * Authorizes the payment once (its idempotency key is derived from the order id), then captures it at once for
   * online providers. `input` is the provider's input from the request; the recovery job has none.
   */
  private async pay(
    attempt: Attempt,
    ctx: RequestContext,
    plan: AttemptPlan,
    input: Record<string, unknown> | undefined,
  ): Promise<Payment> {
    const { payments } = this.deps;
    let payment: Payment;
    if (attempt.state.paymentId) payment = await payments.get(ctx, attempt.state.paymentId);
    else {
      // Without the shopper's input an attempt that had not paid yet cannot go on: the recovery job undoes it.
      if (input === undefined) throw new NothingToResume();
      payment = await payments.authorize(ctx, {
        orderRef: attempt.orderId,
        amount: plan.amount,
        currency: plan.currency,
        provider: plan.provider,
        input,
        idempotencyKey: `checkout:${attempt.orderId}`,
        actor: plan.actor,
      });
      await attempt.save({ paymentId: payment.id });
    }
    if (payment.status === 'failed' || payment.status === 'cancelled')
      throw paymentDeclined(payment.failureCode, payment.id);
    if (payment.status !== 'authorized' || this.offline(plan.provider)) return payment;
    try {
      return await payments.capture(ctx, payment.id, { actor: plan.actor });
    } catch (error) {
      if (isWizamartError(error) && error.code === 'WZ_PAYMENTS_PROVIDER_DECLINED')
        throw paymentDeclined(String(error.details.code ?? 'capture_declined'), payment.id);
      throw error;
    }
  }

  /** Creates the order (idempotent by id). A price that changed since the plan was fixed is 409 for the shopper. */
  private async placeOrder(attempt: Attempt, ctx: RequestContext, plan: AttemptPlan, payment: Payment): Promise<Order> {
    try {
      return await this.deps.orders.place(ctx, {
        id: attempt.orderId,
        lines: plan.lines.map((line) => ({
          ...line,
          reservationId: attempt.state.reservations?.[line.variantId] ?? null,
        })),
        shippingCode: plan.shippingCode,
        email: plan.email,
        customerId: plan.customerId,
        shippingAddress: plan.shippingAddress,
        billingAddress: plan.billingAddress,
        paymentId: payment.id,
        source: { cartId: plan.cartId, idempotencyKey: attempt.row.key },
        actor: plan.actor,
      });
    } catch (error) {
      const reason =
        isWizamartError(error) && error.code === 'WZ_ORDERS_PAYMENT_MISMATCH' ? error.details.reason : undefined;
      if (reason !== 'amount' && reason !== 'currency') throw error;
      // The catalog or the store's rates changed between the quote and the order: the payment is undone, the shopper
      // re-reviews.
      const quote = await this.deps.checkout.quote(ctx, plan.lines, plan.shippingCode);
      throw priceChanged(plan.amount, quote.grandTotal, quote.currency);
    }
  }

  private offline(provider: string): boolean {
    return this.deps.providers.list().some((registered) => registered.code === provider && registered.offline);
  }

  /** After the order exists: take the reserved units out of stock, convert the cart, remember who placed it. */
  private async finish(attempt: Attempt, ctx: RequestContext, plan: AttemptPlan, order: Order): Promise<void> {
    const store = requireStore(ctx);
    const reservations = attempt.state.reservations ?? {};
    await this.deps.stock.commit(ctx, reservations, plan.lines, `order:${order.number}`, attempt.orderId);
    await this.deps.keys.recordPlacement(store.id, order.id, attempt.row.scope, plan.cartId);
    await this.deps.carts.setStatus(ctx, plan.cartId, 'converted', order.id).catch((error: unknown) => {
      // The order stands whatever the cart says (e.g. it was cleared meanwhile); only an outage is worth a retry.
      if (!isWizamartError(error) || error.status >= 500) throw error;
      this.deps.logger.warn(
        { err: error, cartId: plan.cartId, orderId: order.id },
        'could not mark the cart of a placed order converted',
      );
    });
    await this.deps.sessions.delete(store.id, plan.cartId);
  }

  /**
   * A failed attempt. A refusal (4xx) before the order exists undoes what was done and becomes the key's final
   * answer (except a busy cart, whose key is forgotten so it can be sent again). Anything else ends the lease at
   * once and is thrown: a retry with the same key resumes the attempt where it stopped.
   */
  private async fail(attempt: Attempt, ctx: RequestContext, error: unknown): Promise<StoredResponse> {
    if (isWizamartError(error) && error.code === 'WZ_IDEMPOTENCY_IN_PROGRESS') throw error;
    const refusal = error instanceof NothingToResume || (isWizamartError(error) && error.status < 500);
    if (!refusal || attempt.state.placed) {
      await attempt
        .endLease()
        .catch((cause: unknown) =>
          this.deps.logger.warn({ err: cause }, 'could not end the lease of a failed placement'),
        );
      throw error;
    }
    await this.undo(attempt, ctx);
    if (error instanceof NothingToResume) {
      await attempt.forget();
      return UNDONE;
    }
    const refused = error as WizamartError;
    if (refused.code === 'WZ_CHECKOUT_CART_BUSY') {
      await attempt.forget();
      throw refused;
    }
    const response = errorResponse(refused);
    await attempt.complete(response);
    return response;
  }

  /** Voids the payment, releases the stock and unlocks the cart; each step is logged and skipped when it fails. */
  private async undo(attempt: Attempt, ctx: RequestContext): Promise<void> {
    const { state } = attempt;
    const actor = state.plan?.actor ?? 'system';
    await this.quietly('void the payment', async () => {
      if (!state.paymentId) return;
      const payment = await this.deps.payments.get(ctx, state.paymentId);
      const open = payment.status === 'pending' || payment.status === 'authorized';
      if (payment.status === 'captured') await this.deps.payments.refund(ctx, payment.id, { actor });
      else if (open) await this.deps.payments.cancel(ctx, payment.id, { actor });
    });
    await this.quietly('release the stock', () => this.deps.stock.release(ctx, state.reservations ?? {}));
    if (!state.heldCartId) return;
    const cartId = state.heldCartId;
    await this.quietly('unlock the cart', () =>
      this.deps.carts.setStatus(ctx, cartId, 'open').catch((error: unknown) => {
        // Gone, converted or merged meanwhile: nothing to unlock.
        if (!isWizamartError(error) || (error.code !== 'WZ_CART_NOT_FOUND' && error.code !== 'WZ_CART_LOCKED'))
          throw error;
      }),
    );
    const storeId = requireStore(ctx).id;
    await this.quietly('let go of the cart', () => this.deps.sessions.letGo(storeId, cartId, attempt.row.id));
  }

  private async quietly(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.deps.logger.error({ err: error }, `checkout could not ${what} after a failed placement`);
    }
  }
}
