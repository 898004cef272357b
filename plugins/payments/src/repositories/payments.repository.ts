import type { Knex } from 'knex';
import type { Payment, PaymentEvent, PaymentStatus } from '../index.js';

export const PAYMENT = [
  'id as id',
  'order_ref as orderRef',
  'provider as provider',
  'status as status',
  'amount as amount',
  'currency as currency',
  'captured_amount as capturedAmount',
  'refunded_amount as refundedAmount',
  'provider_reference as providerReference',
  'failure_code as failureCode',
  'failure_message as failureMessage',
  'idempotency_key as idempotencyKey',
  'created_at as createdAt',
  'updated_at as updatedAt',
];

const EVENT = [
  'id as id',
  'type as type',
  'from_status as fromStatus',
  'to_status as toStatus',
  'amount as amount',
  'outcome as outcome',
  'message as message',
  'actor as actor',
  'created_at as createdAt',
];

/** A payment row with its store, as the service works on it inside a transaction. */
export type PaymentRow = Payment & { storeId: string };

/** Changes written with a history entry in the same transaction. */
export interface PaymentChange {
  status?: PaymentStatus;
  capturedAmount?: number;
  refundedAmount?: number;
  providerReference?: string | null;
  failureCode?: string | null;
  failureMessage?: string | null;
}

export interface HistoryEntry {
  type: PaymentEvent['type'];
  fromStatus: PaymentStatus | null;
  toStatus: PaymentStatus;
  amount?: number | null;
  outcome: string;
  message?: string | null;
  actor: string;
}

export interface PaymentFilter {
  status?: PaymentStatus;
  provider?: string;
  orderRef?: string;
  limit: number;
  offset: number;
}

/** Payments and their history; every method that changes a payment takes the caller's transaction. */
export class PaymentsRepository {
  constructor(private readonly knex: () => Knex) {}

  get db(): Knex {
    return this.knex();
  }

  /**
   * Inserts a `pending` payment; with an idempotency key the store already used, inserts nothing and returns
   * undefined (a concurrent insert of the same key waits for the first one's transaction, then conflicts).
   */
  async insertPending(
    trx: Knex.Transaction,
    storeId: string,
    row: { orderRef: string; provider: string; amount: number; currency: string; idempotencyKey: string | null },
  ): Promise<PaymentRow | undefined> {
    const query = trx('payments').insert({
      store_id: storeId,
      order_ref: row.orderRef,
      provider: row.provider,
      status: 'pending',
      amount: row.amount,
      currency: row.currency,
      idempotency_key: row.idempotencyKey,
    });
    const [inserted] = await query
      .onConflict(['store_id', 'idempotency_key'])
      .ignore()
      .returning([...PAYMENT, 'store_id as storeId']);
    return inserted as PaymentRow | undefined;
  }

  /** `select … for update`: the payment of the store, locked until the transaction ends. */
  async lock(
    trx: Knex.Transaction,
    storeId: string,
    where: { id?: string; idempotencyKey?: string; provider?: string; providerReference?: string },
  ): Promise<PaymentRow | undefined> {
    // Never "any payment of the store": one identifying key is required.
    if (!where.id && !where.idempotencyKey && !where.providerReference) return undefined;
    const query = trx('payments').where({ store_id: storeId });
    if (where.id) query.where({ id: where.id });
    if (where.idempotencyKey) query.where({ idempotency_key: where.idempotencyKey });
    if (where.provider) query.where({ provider: where.provider });
    if (where.providerReference) query.where({ provider_reference: where.providerReference });
    return query.first([...PAYMENT, 'store_id as storeId']).forUpdate() as Promise<PaymentRow | undefined>;
  }

  /** Writes `change` and its history entry. */
  async change(
    trx: Knex.Transaction,
    payment: PaymentRow,
    change: PaymentChange,
    entry: HistoryEntry,
  ): Promise<PaymentRow> {
    const columns: Record<string, unknown> = {};
    if (change.status !== undefined) columns.status = change.status;
    if (change.capturedAmount !== undefined) columns.captured_amount = change.capturedAmount;
    if (change.refundedAmount !== undefined) columns.refunded_amount = change.refundedAmount;
    if (change.providerReference !== undefined) columns.provider_reference = change.providerReference;
    if (change.failureCode !== undefined) columns.failure_code = change.failureCode;
    if (change.failureMessage !== undefined) columns.failure_message = change.failureMessage;
    let updated = payment;
    if (Object.keys(columns).length > 0) {
      const [row] = await trx('payments')
        .where({ id: payment.id, store_id: payment.storeId })
        .update({ ...columns, updated_at: trx.fn.now() })
        .returning([...PAYMENT, 'store_id as storeId']);
      updated = row as PaymentRow;
    }
    await this.record(trx, payment, entry);
    return updated;
  }

  /** A history entry alone (a refused attempt). */
  async record(trx: Knex.Transaction, payment: PaymentRow, entry: HistoryEntry): Promise<void> {
    await trx('payment_events').insert({
      payment_id: payment.id,
      store_id: payment.storeId,
      type: entry.type,
      from_status: entry.fromStatus,
      to_status: entry.toStatus,
      amount: entry.amount ?? null,
      outcome: entry.outcome,
      message: entry.message?.slice(0, 500) ?? null,
      actor: entry.actor.slice(0, 200),
    });
  }

  byId(storeId: string, id: string): Promise<Payment | undefined> {
    return this.db('payments').where({ store_id: storeId, id }).first(PAYMENT);
  }

  events(storeId: string, paymentId: string): Promise<PaymentEvent[]> {
    return this.db('payment_events')
      .where({ store_id: storeId, payment_id: paymentId })
      .select(EVENT)
      .orderBy('created_at')
      .orderBy('id');
  }

  forOrder(storeId: string, orderRef: string): Promise<Payment[]> {
    return this.db('payments').where({ store_id: storeId, order_ref: orderRef }).select(PAYMENT).orderBy('created_at');
  }

  async list(storeId: string, filter: PaymentFilter): Promise<{ items: Payment[]; total: number }> {
    const base = this.db('payments').where({ store_id: storeId });
    if (filter.status) base.where({ status: filter.status });
    if (filter.provider) base.where({ provider: filter.provider });
    if (filter.orderRef) base.where({ order_ref: filter.orderRef });
    const [items, count] = await Promise.all([
      base
        .clone()
        .select(PAYMENT)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(filter.limit)
        .offset(filter.offset),
      base.clone().count({ total: '*' }).first(),
    ]);
    return { items: items as Payment[], total: Number((count as { total: number | string }).total) };
  }

  /**
   * Claims a webhook event id for processing; false when it was processed already (or is being, in another
   * transaction).
   */
  async claimWebhookEvent(
    trx: Knex.Transaction,
    row: { provider: string; eventId: string; storeId: string; type: string },
  ): Promise<boolean> {
    const inserted = await trx('webhook_events')
      .insert({
        provider: row.provider,
        event_id: row.eventId,
        store_id: row.storeId,
        type: row.type,
        result: 'received',
      })
      .onConflict(['provider', 'event_id'])
      .ignore()
      .returning(['event_id']);
    return inserted.length === 1;
  }

  async finishWebhookEvent(
    trx: Knex.Transaction,
    provider: string,
    eventId: string,
    paymentId: string | null,
    result: string,
  ): Promise<void> {
    await trx('webhook_events').where({ provider, event_id: eventId }).update({ payment_id: paymentId, result });
  }
}
