import type { Knex } from 'knex';

export type CartStatus = 'open' | 'locked' | 'converted' | 'merged';

/** A cart row. */
export interface CartRecord {
  id: string;
  customerId: string | null;
  currency: string;
  status: CartStatus;
}

/** A cart row with the number of its lines (what a caller needs that does not price the cart). */
export interface CartSummaryRecord extends CartRecord {
  lineCount: number;
}

/** What a line remembers of its variant from the moment it was added (display only). */
export interface LineSnapshot {
  title: string;
  sku: string;
  productSlug: string;
  optionValues: Record<string, string>;
  price: number;
  currency: string;
}

/** A line row. */
export interface LineRecord {
  id: string;
  variantId: string;
  quantity: number;
  snapshot: LineSnapshot;
}

const CART = ['id as id', 'customer_id as customerId', 'currency as currency', 'status as status'];
const LINE = ['id as id', 'variant_id as variantId', 'quantity as quantity', 'snapshot as snapshot'];
const ACTIVE = ['open', 'locked'];
export const CHECK_VIOLATION = '23514';
export const UNIQUE_VIOLATION = '23505';

/** The Postgres error code of a failed query, if any. */
export function pgCode(error: unknown): string | undefined {
  return (error as { code?: string } | undefined)?.code;
}

/** Carts and lines; every method is scoped to one store. Writes that must not interleave take a `trx`. */
export class CartRepository {
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  byId(storeId: string, id: string, trx?: Knex.Transaction): Promise<CartRecord | undefined> {
    const query = (trx ?? this.db)('carts').where({ store_id: storeId, id }).first(CART);
    return (trx ? query.forUpdate() : query) as Promise<CartRecord | undefined>;
  }

  /** The open or locked guest cart of a token hash in this store. */
  activeByToken(storeId: string, tokenHash: string, trx?: Knex.Transaction): Promise<CartRecord | undefined> {
    const query = (trx ?? this.db)('carts')
      .where({ store_id: storeId, token_hash: tokenHash })
      .whereNull('customer_id')
      .whereIn('status', ACTIVE)
      .first(CART);
    return (trx ? query.forUpdate() : query) as Promise<CartRecord | undefined>;
  }

  activeByCustomer(storeId: string, customerId: string, trx?: Knex.Transaction): Promise<CartRecord | undefined> {
    const query = (trx ?? this.db)('carts')
      .where({ store_id: storeId, customer_id: customerId })
      .whereIn('status', ACTIVE)
      .first(CART);
    return (trx ? query.forUpdate() : query) as Promise<CartRecord | undefined>;
  }

  /** The owner's open or locked cart with its number of lines, in one statement. */
  async activeSummary(
    storeId: string,
    owner: { tokenHash?: string; customerId?: string },
  ): Promise<CartSummaryRecord | undefined> {
    const lineCount = this.db('lines').where('lines.cart_id', this.db.ref('carts.id')).count('*');
    const query = this.db('carts')
      .where({ store_id: storeId })
      .whereIn('status', ACTIVE)
      .select([...CART, this.db.raw('(?)::int as "lineCount"', [lineCount])])
      .first();
    const row = await (owner.customerId
      ? query.where({ customer_id: owner.customerId })
      : query.where({ token_hash: owner.tokenHash! }).whereNull('customer_id'));
    return row as CartSummaryRecord | undefined;
  }

  /**
   * Sets the status of cart `id` to `status` when its status is one of `from`, in one statement (the update takes the
   * row lock, so it serializes with the cart's other writers); the changed cart, or undefined when none matched.
   */
  async changeStatus(
    storeId: string,
    id: string,
    status: CartStatus,
    from: CartStatus[],
    reference?: string,
  ): Promise<CartRecord | undefined> {
    const patch: Record<string, unknown> = { status, updated_at: this.db.fn.now() };
    if (reference !== undefined) patch.reference = reference;
    const [row] = await this.db('carts')
      .where({ store_id: storeId, id })
      .whereIn('status', from)
      .update(patch)
      .returning(CART);
    return row as CartRecord | undefined;
  }

  /**
   * The owner's active cart, created when there is none. A concurrent creator wins quietly (`on conflict do nothing`,
   * then the winner's row is read under lock): no error is raised, which matters on the embedded database, where a
   * failed statement would disturb the other connections' statements.
   */
  async findOrInsert(
    trx: Knex.Transaction,
    storeId: string,
    owner: { tokenHash?: string; customerId?: string },
    currency: string,
  ): Promise<CartRecord> {
    const [row] = await trx('carts')
      .insert({
        store_id: storeId,
        token_hash: owner.tokenHash ?? null,
        customer_id: owner.customerId ?? null,
        currency,
      })
      .onConflict()
      .ignore()
      .returning(CART);
    if (row) return row as CartRecord;
    const existing = owner.customerId
      ? await this.activeByCustomer(storeId, owner.customerId, trx)
      : await this.activeByToken(storeId, owner.tokenHash!, trx);
    // The winner's cart was finished between its insert and this read: the service retries from the start.
    if (!existing) throw Object.assign(new Error('cart changed while being created'), { code: UNIQUE_VIOLATION });
    return existing;
  }

  async setStatus(
    trx: Knex.Transaction,
    storeId: string,
    id: string,
    status: CartStatus,
    reference?: string,
  ): Promise<void> {
    const patch: Record<string, unknown> = { status, updated_at: trx.fn.now() };
    if (reference !== undefined) patch.reference = reference;
    await trx('carts').where({ store_id: storeId, id }).update(patch);
  }

  lines(storeId: string, cartId: string, trx?: Knex.Transaction): Promise<LineRecord[]> {
    return (trx ?? this.db)('lines')
      .where({ store_id: storeId, cart_id: cartId })
      .select(LINE)
      .orderBy('created_at')
      .orderBy('id');
  }

  /** Sets the quantity of the cart's line for `variantId`, adding the line when there is none; the line as written. */
  async upsertLine(
    trx: Knex.Transaction,
    storeId: string,
    cartId: string,
    variantId: string,
    quantity: number,
    snapshot: LineSnapshot,
  ): Promise<LineRecord> {
    const [line] = await trx('lines')
      .insert({
        store_id: storeId,
        cart_id: cartId,
        variant_id: variantId,
        quantity,
        snapshot: JSON.stringify(snapshot),
      })
      .onConflict(['cart_id', 'variant_id'])
      .merge({ quantity, snapshot: JSON.stringify(snapshot), updated_at: trx.fn.now() })
      .returning(LINE);
    await this.touch(trx, storeId, cartId);
    return line as LineRecord;
  }

  async setQuantity(
    trx: Knex.Transaction,
    storeId: string,
    cartId: string,
    lineId: string,
    quantity: number,
  ): Promise<number> {
    const count = await trx('lines')
      .where({ store_id: storeId, cart_id: cartId, id: lineId })
      .update({ quantity, updated_at: trx.fn.now() });
    await this.touch(trx, storeId, cartId);
    return count;
  }

  async deleteLine(trx: Knex.Transaction, storeId: string, cartId: string, lineId: string): Promise<number> {
    const count = await trx('lines').where({ store_id: storeId, cart_id: cartId, id: lineId }).delete();
    await this.touch(trx, storeId, cartId);
    return count;
  }

  async deleteLines(trx: Knex.Transaction, storeId: string, cartId: string): Promise<void> {
    await trx('lines').where({ store_id: storeId, cart_id: cartId }).delete();
    await this.touch(trx, storeId, cartId);
  }

  private async touch(trx: Knex.Transaction, storeId: string, cartId: string): Promise<void> {
    await trx('carts').where({ store_id: storeId, id: cartId }).update({ updated_at: trx.fn.now() });
  }
}
