import type { Knex } from 'knex';
import type { Order, OrderAddress, OrderQuoteLine, OrderStatus } from '../index.js';
import type { OrderFilter } from '../model.js';

/** An order row without lines and history. */
export type OrderRecord = Omit<Order, 'lines' | 'history'>;

/** A line as inserted. */
export interface LineInsert extends OrderQuoteLine {
  position: number;
  reservationId: string | null;
}

/** An order as inserted (the number comes from the store's counter). */
export interface OrderInsert {
  id: string;
  number: number;
  status: OrderStatus;
  email: string;
  customerId: string | null;
  customerName: string | null;
  currency: string;
  subtotal: number;
  shippingTotal: number;
  taxTotal: number;
  grandTotal: number;
  taxInclusive: boolean;
  taxRateBasisPoints: number;
  shipping: { code: string; name: string; amount: number };
  shippingAddress: OrderAddress;
  billingAddress: OrderAddress | null;
  paymentId: string;
  note: string | null;
  source: Record<string, unknown>;
}

/** One row of an order list. */
export interface OrderListItem {
  id: string;
  number: number;
  status: OrderStatus;
  email: string;
  customerId: string | null;
  customerName: string | null;
  shippingName: string;
  currency: string;
  grandTotal: number;
  itemCount: number;
  placedAt: Date;
}

export type HistoryEntry = Order['history'][number];

const ORDER = [
  'o.id as id',
  'o.store_id as storeId',
  'o.number as number',
  'o.status as status',
  'o.email as email',
  'o.customer_id as customerId',
  'o.customer_name as customerName',
  'o.currency as currency',
  'o.subtotal as subtotal',
  'o.shipping_total as shippingTotal',
  'o.tax_total as taxTotal',
  'o.grand_total as grandTotal',
  'o.tax_inclusive as taxInclusive',
  'o.tax_rate_bp as taxRateBasisPoints',
  'o.shipping_code as shippingCode',
  'o.shipping_name as shippingName',
  'o.shipping_address as shippingAddress',
  'o.billing_address as billingAddress',
  'o.payment_id as paymentId',
  'o.tracking_number as trackingNumber',
  'o.note as note',
  'o.placed_at as placedAt',
  'o.updated_at as updatedAt',
];
const LINE = [
  'id as id',
  'variant_id as variantId',
  'product_title as productTitle',
  'product_slug as productSlug',
  'sku as sku',
  'option_values as optionValues',
  'quantity as quantity',
  'unit_price as unitPrice',
  'line_total as lineTotal',
  'reservation_id as reservationId',
];
const HISTORY = [
  'from_status as fromStatus',
  'to_status as toStatus',
  'actor as actor',
  'note as note',
  'created_at as createdAt',
];

function toRecord(row: Record<string, unknown>): OrderRecord {
  const { shippingCode, shippingName, ...rest } = row;
  const money = (key: string) => Number(row[key]);
  return {
    ...(rest as unknown as OrderRecord),
    subtotal: money('subtotal'),
    shippingTotal: money('shippingTotal'),
    taxTotal: money('taxTotal'),
    grandTotal: money('grandTotal'),
    shipping: { code: String(shippingCode), name: String(shippingName), amount: money('shippingTotal') },
  };
}

/** `%…%` for ILIKE with the pattern characters of `text` escaped. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Orders, lines, history and the per-store number counter; every method is scoped to one store. */
export class OrderRepository {
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The order `id` of the store; locked for update when read inside `trx`. */
  async byId(storeId: string, id: string, trx?: Knex.Transaction): Promise<OrderRecord | undefined> {
    const query = (trx ?? this.db)('orders as o').where({ 'o.store_id': storeId, 'o.id': id }).first(ORDER);
    const row = await (trx ? query.forUpdate() : query);
    return row ? toRecord(row) : undefined;
  }

  async byNumber(storeId: string, number: number): Promise<OrderRecord | undefined> {
    const row = await this.db('orders as o').where({ 'o.store_id': storeId, 'o.number': number }).first(ORDER);
    return row ? toRecord(row) : undefined;
  }

  /** True when an order with this id exists in any store (ids are chosen by callers and unique overall). */
  async idTaken(id: string, trx?: Knex.Transaction): Promise<boolean> {
    return Boolean(await (trx ?? this.db)('orders').where({ id }).first('id'));
  }

  async lines(storeId: string, orderId: string): Promise<Order['lines']> {
    const rows = await this.db('order_lines')
      .where({ store_id: storeId, order_id: orderId })
      .select(LINE)
      .orderBy('position');
    return rows.map((row) => ({ ...row, unitPrice: Number(row.unitPrice), lineTotal: Number(row.lineTotal) }));
  }

  history(storeId: string, orderId: string): Promise<HistoryEntry[]> {
    return this.db('order_status_history')
      .where({ store_id: storeId, order_id: orderId })
      .select(HISTORY)
      .orderBy('created_at')
      .orderBy('id');
  }

  /**
   * The store's next order number. The counter row is created on first use and then locked by the UPDATE until the
   * transaction ends, so concurrent placements in one store take turns and numbers never repeat or skip.
   */
  async nextNumber(trx: Knex.Transaction, storeId: string): Promise<number> {
    await trx('counters').insert({ store_id: storeId }).onConflict('store_id').ignore();
    const [row] = await trx('counters')
      .where({ store_id: storeId })
      .update({ next_number: trx.raw('next_number + 1') })
      .returning(trx.raw('next_number - 1 as number'));
    return Number((row as { number: number }).number);
  }

  /** Inserts the order with its lines and first history entry; false when the id exists already (nothing written). */
  async insert(
    trx: Knex.Transaction,
    storeId: string,
    order: OrderInsert,
    lines: LineInsert[],
    actor: string,
  ): Promise<boolean> {
    const [inserted] = await trx('orders')
      .insert({
        id: order.id,
        store_id: storeId,
        number: order.number,
        status: order.status,
        email: order.email,
        customer_id: order.customerId,
        customer_name: order.customerName,
        currency: order.currency,
        subtotal: order.subtotal,
        shipping_total: order.shippingTotal,
        tax_total: order.taxTotal,
        grand_total: order.grandTotal,
        tax_inclusive: order.taxInclusive,
        tax_rate_bp: order.taxRateBasisPoints,
        shipping_code: order.shipping.code,
        shipping_name: order.shipping.name,
        shipping_address: JSON.stringify(order.shippingAddress),
        billing_address: order.billingAddress ? JSON.stringify(order.billingAddress) : null,
        payment_id: order.paymentId,
        note: order.note,
        source: JSON.stringify(order.source),
      })
      .onConflict('id')
      .ignore()
      .returning('id');
    if (!inserted) return false;
    await trx('order_lines').insert(
      lines.map((line) => ({
        store_id: storeId,
        order_id: order.id,
        position: line.position,
        variant_id: line.variantId,
        product_title: line.productTitle,
        product_slug: line.productSlug,
        sku: line.sku,
        option_values: JSON.stringify(line.optionValues),
        quantity: line.quantity,
        unit_price: line.unitPrice,
        line_total: line.lineTotal,
        reservation_id: line.reservationId,
      })),
    );
    await this.addHistory(trx, storeId, order.id, { fromStatus: null, toStatus: order.status, actor, note: null });
    return true;
  }

  async setStatus(
    trx: Knex.Transaction,
    storeId: string,
    id: string,
    status: OrderStatus,
    patch: { trackingNumber?: string | null } = {},
  ): Promise<void> {
    const change: Record<string, unknown> = { status, updated_at: trx.fn.now() };
    if (patch.trackingNumber !== undefined) change.tracking_number = patch.trackingNumber;
    await trx('orders').where({ store_id: storeId, id }).update(change);
  }

  async addHistory(
    trx: Knex.Transaction,
    storeId: string,
    orderId: string,
    entry: Omit<HistoryEntry, 'createdAt'>,
  ): Promise<void> {
    await trx('order_status_history').insert({
      store_id: storeId,
      order_id: orderId,
      from_status: entry.fromStatus,
      to_status: entry.toStatus,
      actor: entry.actor,
      note: entry.note,
    });
  }

  /** The store's orders, newest first, with the total count for paging. */
  async list(storeId: string, filter: OrderFilter): Promise<{ items: OrderListItem[]; total: number }> {
    const base = this.db('orders as o').where('o.store_id', storeId);
    if (filter.status) base.where('o.status', filter.status);
    if (filter.customerId) base.where('o.customer_id', filter.customerId);
    if (filter.from) base.where('o.placed_at', '>=', filter.from);
    if (filter.to) base.where('o.placed_at', '<', filter.to);
    if (filter.q) this.search(base, filter.q);
    const [{ count }] = await base.clone().count({ count: '*' });
    const rows = await base
      .clone()
      .select(
        'o.id as id',
        'o.number as number',
        'o.status as status',
        'o.email as email',
        'o.customer_id as customerId',
        'o.customer_name as customerName',
        this.db.raw(`o.shipping_address->>'name' as "shippingName"`),
        'o.currency as currency',
        'o.grand_total as grandTotal',
        'o.placed_at as placedAt',
        this.db('order_lines as l').whereRaw('l.order_id = o.id').sum('l.quantity').as('itemCount'),
      )
      .orderBy('o.placed_at', 'desc')
      .orderBy('o.number', 'desc')
      .limit(filter.limit)
      .offset(filter.offset);
    return {
      items: rows.map((row) => ({ ...row, grandTotal: Number(row.grandTotal), itemCount: Number(row.itemCount ?? 0) })),
      total: Number(count),
    };
  }

  private search(query: Knex.QueryBuilder, q: string): void {
    const text = q.trim();
    const number = /^#?\s*(\d{1,9})$/.exec(text)?.[1];
    query.where((where) => {
      if (number) where.orWhere('o.number', Number(number));
      where
        .orWhereRaw('lower(o.email) like lower(?)', [contains(text)])
        .orWhere('o.customer_name', 'ilike', contains(text))
        .orWhereRaw(`o.shipping_address->>'name' ilike ?`, [contains(text)]);
    });
  }

  /** Orders waiting for payment in the given stores, oldest first (what the reconciliation job looks at). */
  pendingPayment(storeIds: string[], since: Date, limit: number): Promise<Array<{ id: string; storeId: string }>> {
    if (!storeIds.length) return Promise.resolve([]);
    return this.db('orders')
      .whereIn('store_id', storeIds)
      .where({ status: 'pending_payment' })
      .whereNotNull('payment_id')
      .where('placed_at', '>=', since)
      .select('id as id', 'store_id as storeId')
      .orderBy('placed_at')
      .limit(limit);
  }
}
