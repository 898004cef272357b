import type { Merchant, Page } from '../model.js';
import { likePattern, type DbRef } from './db.js';

interface MerchantRow {
  id: string;
  name: string;
  email: string | null;
  store_count?: number | string;
  created_at: Date;
  updated_at: Date;
}

function toMerchant(row: MerchantRow): Merchant {
  const merchant: Merchant = {
    id: row.id,
    name: row.name,
    email: row.email,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.store_count !== undefined) merchant.storeCount = Number(row.store_count);
  return merchant;
}

/** The `merchants` table: the companies that own stores. */
export class MerchantRepository {
  constructor(private readonly db: DbRef) {}

  async byId(id: string): Promise<Merchant | undefined> {
    const row = await this.db()<MerchantRow>('merchants').where({ id }).first();
    return row ? toMerchant(row) : undefined;
  }

  async byName(name: string): Promise<Merchant | undefined> {
    const row = await this.db()<MerchantRow>('merchants').where({ name }).orderBy('created_at').first();
    return row ? toMerchant(row) : undefined;
  }

  async search(q: string | undefined, page: number, pageSize: number): Promise<Page<Merchant>> {
    const db = this.db();
    const base = db<MerchantRow>('merchants');
    if (q) base.where((w) => w.whereILike('name', likePattern(q)).orWhereILike('email', likePattern(q)));
    const [{ count }] = await base.clone().count<{ count: number }[]>({ count: '*' });
    const storeCount = db('stores').count('*').where('stores.merchant_id', db.ref('merchants.id')).as('store_count');
    const rows = await base
      .orderBy('name')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .select('merchants.*', storeCount);
    return { items: rows.map(toMerchant), total: Number(count), page, pageSize };
  }

  async insert(merchant: { name: string; email: string | null }): Promise<Merchant> {
    const [row] = await this.db()<MerchantRow>('merchants').insert(merchant).returning('*');
    return toMerchant(row);
  }

  async update(id: string, patch: { name?: string; email?: string | null }): Promise<Merchant | undefined> {
    const db = this.db();
    const [row] = await db<MerchantRow>('merchants')
      .where({ id })
      .update({ ...patch, updated_at: db.fn.now() } as never)
      .returning('*');
    return row ? toMerchant(row) : undefined;
  }

  async remove(id: string): Promise<boolean> {
    return (await this.db()('merchants').where({ id }).delete()) > 0;
  }
}
