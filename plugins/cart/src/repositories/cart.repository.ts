import type { Knex } from 'knex';

export type CartStatus = 'open' | 'locked' | 'converted' | 'merged';

/** A cart row. */
export interface CartRecord {
  id: string;
  customerId: string | null;
  currency: string;
  status: CartStatus;
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
    const query = (trx ?? this.db)('carts').where({ store_id: storeId, token_hash: tokenHash }).whereNull('customer_id').whereIn('status', ACTIVE).first(CART);
    return (trx ? query.forUpdate() : query) as Promise<CartRecord | undefined>;
  }

  activeByCustomer(storeId: string, customerId: string, trx?: Knex.Transaction): Promise<CartRecord | undefined> {
    const query = (trx ?? this.db)('carts').where({ store_id: storeId, customer_id: customerId }).whereIn('status', ACTIVE).first(CART);
    return (trx ? query.forUpdate() : query) as Promise<CartRecord | undefined>;
  }

  /**
   * The owner's active cart, created when there is none. A concurrent creator wins quietly (`on conflict do nothing`,
   * then the winner's row is read under lock): no error is raised, which matters on the embedded database, where a
   * failed statement would disturb the other connections' statements.
   */
  async findOrInsert(trx: Knex.Transaction, storeId: string, owner: { tokenHash?: string; customerId?: string }, currency: string): Promise<CartRecord> {
    const [row] = await trx('carts').insert({ store_id: storeId, token_hash: owner.tokenHash ?? null, customer_id: owner.customerId ?? null, currency })
      .onConflict().ignore().returning(CART);
    if (row) return row as CartRecord;
    const existing = owner.customerId ? await this.activeByCustomer(storeId, owner.customerId, trx) : await this.activeByToken(storeId, owner.tokenHash!, trx);
    // The winner's cart was finished between its insert and this read: the service retries from the start.
    if (!existing) throw Object.assign(new Error('cart changed while being created'), { code: UNIQUE_VIOLATION });
    return existing;
  }

  async setStatus(trx: Knex.Transaction, storeId: string, id: string, status: CartStatus, reference?: string): Promise<void> {
    const patch: Record<string, unknown> = { status, updated_at: trx.fn.now() };
    if (reference !== undefined) patch.reference = reference;
    await trx('carts').where({ store_id: storeId, id }).update(patch);
  }

  lines(storeId: string, cartId: string, trx?: Knex.Transaction): Promise<LineRecord[]> {
    return (trx ?? this.db)('lines').where({ store_id: storeId, cart_id: cartId }).select(LINE).orderBy('created_at').orderBy('id');
  }

  /** Sets the quantity of the cart's line for `variantId`, adding the line when there is none. */
  async upsertLine(trx: Knex.Transaction, storeId: string, cartId: string, variantId: string, quantity: number, snapshot: LineSnapshot): Promise<void> {
    await trx('lines').insert({ store_id: storeId, cart_id: cartId, variant_id: variantId, quantity, snapshot: JSON.stringify(snapshot) })
      .onConflict(['cart_id', 'variant_id']).merge({ quantity, snapshot: JSON.stringify(snapshot), updated_at: trx.fn.now() });
    await this.touch(trx, storeId, cartId);
  }

  async setQuantity(trx: Knex.Transaction, storeId: string, cartId: string, lineId: string, quantity: number): Promise<number> {
    const count = await trx('lines').where({ store_id: storeId, cart_id: cartId, id: lineId }).update({ quantity, updated_at: trx.fn.now() });
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
