import type { Store } from '../index.js';
import type { Page } from '../model.js';
import { likePattern, type DbRef, type Tx } from './db.js';

interface StoreRow {
  id: string;
  code: string;
  name: string;
  merchant_id: string;
  platform: string;
  status: 'active' | 'suspended';
  currency: string;
  locale: string;
  created_at: Date;
}

function toStore(row: StoreRow): Store {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    platform: row.platform,
    merchantId: row.merchant_id,
    status: row.status,
    currency: row.currency.trim(),
    locale: row.locale,
    createdAt: row.created_at,
  };
}

/** What a new store needs. */
export interface NewStore {
  code: string;
  name: string;
  merchantId: string;
  platform: string;
  currency: string;
  locale: string;
}

/** Fields of a store that can change (the code never does: tokens and URLs carry it). */
export type StorePatch = Partial<Pick<Store, 'name' | 'merchantId' | 'currency' | 'locale' | 'status'>>;

/** The `stores` table. */
export class StoreRepository {
  constructor(private readonly db: DbRef) {}

  async byCode(code: string, tx?: Tx): Promise<Store | undefined> {
    const row = await (tx ?? this.db())<StoreRow>('stores').where({ code }).first();
    return row ? toStore(row) : undefined;
  }

  async byId(id: string): Promise<Store | undefined> {
    const row = await this.db()<StoreRow>('stores').where({ id }).first();
    return row ? toStore(row) : undefined;
  }

  async list(filter: { platform?: string; merchantId?: string } = {}): Promise<Store[]> {
    const query = this.db()<StoreRow>('stores').orderBy('code');
    if (filter.platform) query.where({ platform: filter.platform });
    if (filter.merchantId) query.where({ merchant_id: filter.merchantId });
    return (await query).map(toStore);
  }

  /** A page of stores whose code or name contains `q` (case-insensitive). */
  async search(
    filter: { q?: string; platform?: string; status?: string },
    page: number,
    pageSize: number,
  ): Promise<Page<Store>> {
    const base = this.db()<StoreRow>('stores');
    if (filter.q)
      base.where((w) => w.whereILike('code', likePattern(filter.q!)).orWhereILike('name', likePattern(filter.q!)));
    if (filter.platform) base.where({ platform: filter.platform });
    if (filter.status) base.where('status', filter.status);
    const [{ count }] = await base.clone().count<{ count: number }[]>({ count: '*' });
    const rows = await base
      .orderBy('code')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .select('*');
    return { items: rows.map(toStore), total: Number(count), page, pageSize };
  }

  async insert(store: NewStore, tx?: Tx): Promise<Store> {
    const [row] = await (tx ?? this.db())<StoreRow>('stores')
      .insert({
        code: store.code,
        name: store.name,
        merchant_id: store.merchantId,
        platform: store.platform,
        currency: store.currency,
        locale: store.locale,
      })
      .returning('*');
    return toStore(row);
  }

  async update(id: string, patch: StorePatch): Promise<Store | undefined> {
    const values: Record<string, unknown> = { updated_at: this.db().fn.now() };
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.merchantId !== undefined) values.merchant_id = patch.merchantId;
    if (patch.currency !== undefined) values.currency = patch.currency;
    if (patch.locale !== undefined) values.locale = patch.locale;
    if (patch.status !== undefined) values.status = patch.status;
    const [row] = await this.db()<StoreRow>('stores')
      .where({ id })
      .update(values as never)
      .returning('*');
    return row ? toStore(row) : undefined;
  }

  async countByMerchant(merchantId: string): Promise<number> {
    const [{ count }] = await this.db()('stores')
      .where({ merchant_id: merchantId })
      .count<{ count: number }[]>({ count: '*' });
    return Number(count);
  }
}
