import { createValidator, isUuid, requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import type { CustomerDirectory } from '@wizamart/plugin-customers';
import type { Payment, PaymentsService } from '@wizamart/plugin-payments';
import { idConflict, invalidField, paymentMismatch } from '../errors.js';
import type { Order, OrderEventName, OrderQuote, OrderQuoteInput, OrderStatus, PlaceOrderInput } from '../index.js';
import { historyActor } from './history-actors.js';
import type { OrderFilter } from '../model.js';
import type {
  LineInsert,
  OrderInsert,
  OrderListItem,
  OrderRecord,
  OrderRepository,
} from '../repositories/order.repository.js';
import type { PricingService } from './pricing.service.js';
import placeSchema from './schemas/place.schema.json' with { type: 'json' };
import quoteSchema from './schemas/quote.schema.json' with { type: 'json' };

// Compiled once per process: plugins register again for every test host, and ajv would refuse a schema twice.
const parsePlace = createValidator<PlaceOrderInput>(placeSchema);
const parseQuote = createValidator<OrderQuoteInput>(quoteSchema);

/** Payment states that can still pay for an order (pending and authorized ones are waiting; captured paid). */
const PAYABLE = new Set(['pending', 'authorized', 'captured']);

/** Publishes an orders event with its payload (after commit). */
export type PublishOrderEvent = (
  name: OrderEventName,
  order: Pick<Order, 'id' | 'storeId' | 'number' | 'status' | 'grandTotal' | 'currency' | 'customerId'>,
) => Promise<void>;

/** Thrown inside the placement transaction to roll back a number taken for an id that another call inserted first. */
class LostRace extends Error {}

/** Why `payment` cannot pay for the order `orderId` priced as `quote`, if it cannot. */
export function paymentProblem(payment: Payment, orderId: string, quote: Pick<OrderQuote, 'grandTotal' | 'currency'>) {
  if (payment.orderRef !== orderId) return paymentMismatch('other_order');
  if (!PAYABLE.has(payment.status)) return paymentMismatch('status', { status: payment.status });
  if (payment.currency !== quote.currency)
    return paymentMismatch('currency', { expected: quote.currency, actual: payment.currency });
  if (payment.amount !== quote.grandTotal)
    return paymentMismatch('amount', { expected: quote.grandTotal, actual: payment.amount });
  return undefined;
}

function nullable<T>(value: T | null | undefined): T | null {
  return value ?? null;
}

/** Placing and reading orders (the service checkout uses, and what the pages read). */
export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly pricing: PricingService,
    private readonly payments: PaymentsService,
    private readonly customers: CustomerDirectory,
    private readonly publish: PublishOrderEvent,
  ) {}

  shippingOptions(ctx: RequestContext) {
    return this.pricing.shippingOptions(ctx);
  }

  quote(ctx: RequestContext, input: OrderQuoteInput): Promise<OrderQuote> {
    return this.pricing.quote(ctx, parseQuote(structuredClone(input)));
  }

  /**
   * Creates the order priced by the server, or returns the existing one for a known id. External reads (catalog,
   * payments, customers) happen before the transaction: on the embedded database a transaction holds the only
   * session, so calling another plugin inside one would wait for itself.
   */
  async place(ctx: RequestContext, raw: PlaceOrderInput): Promise<Order> {
    const store = requireStore(ctx);
    const input = parsePlace(structuredClone(raw));
    const id = input.id.toLowerCase();
    const existing = await this.get(ctx, id);
    if (existing) return existing;
    const customerName = await this.customerName(store.id, input.customerId);
    const quote = await this.pricing.quote(ctx, { lines: input.lines, shippingCode: input.shippingCode });
    const payment = await this.payment(ctx, input.paymentId);
    const problem = paymentProblem(payment, id, quote);
    if (problem) throw problem;
    const status: OrderStatus = payment.status === 'captured' ? 'paid' : 'pending_payment';
    const record = this.record(input, id, quote, payment.id, status, customerName);
    const actor = input.actor ?? historyActor(ctx);
    const created = await this.insert(store.id, record, this.lines(input, quote), actor);
    if (!created) return (await this.get(ctx, id))!;
    const order = (await this.get(ctx, id))!;
    await this.publish('orders.placed', order);
    if (order.status === 'paid') await this.publish('orders.paid', order);
    return order;
  }

  async get(ctx: RequestContext, orderId: string): Promise<Order | undefined> {
    if (!isUuid(orderId)) return undefined;
    const storeId = requireStore(ctx).id;
    const record = await this.orders.byId(storeId, orderId.toLowerCase());
    return record ? this.complete(storeId, record) : undefined;
  }

  async byNumber(ctx: RequestContext, number: number): Promise<Order | undefined> {
    const storeId = requireStore(ctx).id;
    const record = await this.orders.byNumber(storeId, number);
    return record ? this.complete(storeId, record) : undefined;
  }

  list(ctx: RequestContext, filter: OrderFilter): Promise<{ items: OrderListItem[]; total: number }> {
    return this.orders.list(requireStore(ctx).id, filter);
  }

  private async complete(storeId: string, record: OrderRecord): Promise<Order> {
    const [lines, history] = await Promise.all([
      this.orders.lines(storeId, record.id),
      this.orders.history(storeId, record.id),
    ]);
    return { ...record, lines, history };
  }

  private async payment(ctx: RequestContext, paymentId: string): Promise<Payment> {
    try {
      return await this.payments.get(ctx, paymentId);
    } catch (error) {
      if ((error as { code?: string }).code === 'WZ_PAYMENTS_NOT_FOUND') throw paymentMismatch('not_found');
      throw error;
    }
  }

  private async customerName(storeId: string, customerId: string | null): Promise<string | null> {
    if (!customerId) return null;
    const customer = await this.customers.byId(storeId, customerId.toLowerCase());
    if (!customer) throw invalidField('/customerId', 'is not a customer of this store');
    return customer.name;
  }

  private record(
    input: PlaceOrderInput,
    id: string,
    quote: OrderQuote,
    paymentId: string,
    status: OrderStatus,
    customerName: string | null,
  ): Omit<OrderInsert, 'number'> {
    const address = (value: PlaceOrderInput['shippingAddress']) => ({
      ...value,
      line2: nullable(value.line2),
      region: nullable(value.region),
      phone: nullable(value.phone),
    });
    return {
      id,
      status,
      email: input.email.trim(),
      customerId: input.customerId?.toLowerCase() ?? null,
      customerName,
      currency: quote.currency,
      subtotal: quote.subtotal,
      shippingTotal: quote.shippingTotal,
      taxTotal: quote.taxTotal,
      grandTotal: quote.grandTotal,
      taxInclusive: quote.taxInclusive,
      taxRateBasisPoints: quote.taxRateBasisPoints,
      shipping: { code: quote.shipping!.code, name: quote.shipping!.name, amount: quote.shipping!.amount },
      shippingAddress: address(input.shippingAddress),
      billingAddress: input.billingAddress ? address(input.billingAddress) : null,
      paymentId,
      note: nullable(input.note),
      source: { cartId: input.source?.cartId ?? null, idempotencyKey: input.source?.idempotencyKey ?? null },
    };
  }

  private lines(input: PlaceOrderInput, quote: OrderQuote): LineInsert[] {
    return quote.lines.map((line, index) => ({
      ...line,
      position: index + 1,
      reservationId: input.lines[index].reservationId?.toLowerCase() ?? null,
    }));
  }

  /**
   * Numbers and inserts the order in one transaction. When another call inserted the same id first (the counter lock
   * made this one wait for it), the transaction is rolled back so the number is not used up; false is returned.
   */
  private async insert(
    storeId: string,
    order: Omit<OrderInsert, 'number'>,
    lines: LineInsert[],
    actor: string,
  ): Promise<boolean> {
    try {
      return await this.orders.transaction(async (trx) => {
        if (await this.orders.idTaken(order.id, trx)) throw new LostRace();
        const number = await this.orders.nextNumber(trx, storeId);
        if (!(await this.orders.insert(trx, storeId, { ...order, number }, lines, actor))) throw new LostRace();
        return true;
      });
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      if (!(await this.orders.byId(storeId, order.id))) throw idConflict();
      return false;
    }
  }
}
