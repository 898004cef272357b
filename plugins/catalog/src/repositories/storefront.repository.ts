import type { Knex } from 'knex';
import { inCategories, SCHEMA } from './product.repository.js';

/** How the storefront list is ordered. */
export type StorefrontSort = 'relevance' | 'price_asc' | 'price_desc' | 'newest';

/** What the storefront listing asks for; `terms` are plain words (letters and digits only). */
export interface StorefrontQuery {
  terms: string[];
  categoryIds?: string[];
  minPrice?: number;
  maxPrice?: number;
  featured?: boolean;
  sort: StorefrontSort;
  limit: number;
  offset: number;
}

/** One product of a storefront list. */
export interface StorefrontListRow {
  id: string;
  title: string;
  slug: string;
  minPrice: number | null;
  currency: string | null;
  compareAtPrice: number | null;
  imageId: string | null;
  rank: number | null;
  createdAt: Date;
}

/**
 * The shopper's view of the catalog: only active, live products of one store, ever. Search is Postgres full text over
 * accent-folded, lower-cased title (weight A) and description (weight B); every word must match, as a prefix.
 */
export class StorefrontRepository {
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  private visible(storeId: string) {
    return this.db('products as p').where('p.store_id', storeId).where('p.status', 'active').whereNull('p.deleted_at');
  }

  async list(storeId: string, query: StorefrontQuery): Promise<{ items: StorefrontListRow[]; total: number }> {
    // Words are letters and digits only (the service splits on anything else), so they cannot carry tsquery syntax.
    const tsquery = query.terms.length ? query.terms.map((term) => `${term}:*`).join(' & ') : undefined;
    const base = () => {
      const q = this.visible(storeId);
      if (tsquery) q.whereRaw(`p.search @@ to_tsquery('simple', ${SCHEMA}.search_fold(?))`, [tsquery]);
      if (query.categoryIds) inCategories(this.db, q, query.categoryIds);
      if (query.minPrice !== undefined) q.where('p.min_price', '>=', query.minPrice);
      if (query.maxPrice !== undefined) q.where('p.min_price', '<=', query.maxPrice);
      if (query.featured) q.where('p.featured', true);
      return q;
    };
    const rank = tsquery
      ? this.db.raw(`ts_rank_cd(p.search, to_tsquery('simple', ${SCHEMA}.search_fold(?))) as rank`, [tsquery])
      : this.db.raw('null::real as rank');
    const select = base().select(
      'p.id as id', 'p.title as title', 'p.slug as slug', 'p.min_price as minPrice', 'p.created_at as createdAt', rank,
      this.db.raw(`(select v.currency from ${SCHEMA}.variants v where v.product_id = p.id order by v.price, v.position limit 1) as currency`),
      this.db.raw(`(select v.compare_at_price from ${SCHEMA}.variants v where v.product_id = p.id order by v.price, v.position limit 1) as "compareAtPrice"`),
      this.db.raw(`(select i.media_id from ${SCHEMA}.product_images i where i.product_id = p.id order by i.position limit 1) as "imageId"`),
    );
    orderBy(select, query.sort, Boolean(tsquery));
    const [items, [{ total }]] = await Promise.all([select.limit(query.limit).offset(query.offset), base().count({ total: '*' })]);
    return { items: items as StorefrontListRow[], total: Number(total) };
  }
}

function orderBy(query: Knex.QueryBuilder, sort: StorefrontSort, searching: boolean): void {
  if (sort === 'price_asc') query.orderByRaw('p.min_price asc nulls last');
  else if (sort === 'price_desc') query.orderByRaw('p.min_price desc nulls last');
  else if (sort === 'relevance' && searching) query.orderBy('rank', 'desc');
  query.orderBy('p.created_at', 'desc').orderBy('p.id');
}
