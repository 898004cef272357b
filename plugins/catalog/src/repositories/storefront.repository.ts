import type { Knex } from 'knex';
import { SCHEMA } from './product.repository.js';

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
}

/** The values a listing statement binds, named; a statement lists the names in the order of its `?`. */
type Binding = 'storeId' | 'tsquery' | 'categoryIds' | 'minPrice' | 'maxPrice' | 'limit' | 'offset';
type Values = Record<Binding, unknown>;

/** A listing statement of one shape (which filters, which order): its SQL with `?` placeholders and their names. */
interface Statement {
  sql: string;
  bindings: Binding[];
}

/**
 * The shopper's view of the catalog: only active, live products of one store, ever. Search is Postgres full text over
 * accent-folded, lower-cased title (weight A) and description (weight B); every word must match, as a prefix.
 *
 * A listing is one statement: the page, its total (`count(*) over ()`), each card's cheapest variant and first image.
 * Its SQL depends only on which filters are present and on the order, so it is built once per shape and kept; a
 * request only binds values (the query builder cost more CPU than the rest of the listing's own work).
 */
export class StorefrontRepository {
  private readonly pages = new Map<string, Statement>();
  private readonly counts = new Map<string, Statement>();

  constructor(private readonly knex: () => Knex) {}

  async list(storeId: string, query: StorefrontQuery): Promise<{ items: StorefrontListRow[]; total: number }> {
    // Words are letters and digits only (the service splits on anything else), so they cannot carry tsquery syntax.
    const tsquery = query.terms.length ? query.terms.map((term) => `${term}:*`).join(' & ') : undefined;
    const shape = shapeOf(query, Boolean(tsquery));
    const values: Values = {
      storeId,
      tsquery,
      categoryIds: query.categoryIds,
      minPrice: query.minPrice,
      maxPrice: query.maxPrice,
      limit: query.limit,
      offset: query.offset,
    };
    // Every row also carries the total of matches (callers read only the fields of StorefrontListRow).
    const page = await this.run<StorefrontListRow & { total: number }>(
      cached(this.pages, shape, pageStatement),
      values,
    );
    if (page.length) return { items: page, total: Number(page[0]!.total) };
    // A page past the end has no row to carry the total; only then is it counted on its own.
    if (!query.offset) return { items: [], total: 0 };
    const [{ total }] = await this.run<{ total: number }>(cached(this.counts, shape, countStatement), values);
    return { items: [], total: Number(total) };
  }

  private async run<T>(statement: Statement, values: Values): Promise<T[]> {
    const result = (await this.knex().raw(
      statement.sql,
      statement.bindings.map((name) => values[name]) as Knex.RawBinding[],
    )) as { rows: T[] };
    return result.rows;
  }
}

/**
 * What decides a listing's SQL: the filters present and the order (`relevance` orders by rank only while searching).
 */
interface Shape {
  key: string;
  searching: boolean;
  categories: boolean;
  minPrice: boolean;
  maxPrice: boolean;
  featured: boolean;
  sort: StorefrontSort;
}

function shapeOf(query: StorefrontQuery, searching: boolean): Shape {
  const categories = query.categoryIds !== undefined;
  const minPrice = query.minPrice !== undefined;
  const maxPrice = query.maxPrice !== undefined;
  const featured = Boolean(query.featured);
  const key = `${query.sort}:${Number(searching)}${Number(categories)}${Number(minPrice)}${Number(maxPrice)}${Number(featured)}`;
  return { key, searching, categories, minPrice, maxPrice, featured, sort: query.sort };
}

function cached(statements: Map<string, Statement>, shape: Shape, build: (shape: Shape) => Statement): Statement {
  let statement = statements.get(shape.key);
  if (!statement) statements.set(shape.key, (statement = build(shape)));
  return statement;
}

const TSQUERY = `to_tsquery('simple', ${SCHEMA}.search_fold(?))`;

/** `where` of the store's visible products matching the filters, with the names of its bindings. */
function filters(shape: Shape): Statement {
  const where = ['p.store_id = ?', `p.status = 'active'`, 'p.deleted_at is null'];
  const bindings: Binding[] = ['storeId'];
  const add = (condition: string, binding?: Binding) => {
    where.push(condition);
    if (binding) bindings.push(binding);
  };
  if (shape.searching) add(`p.search @@ ${TSQUERY}`, 'tsquery');
  if (shape.categories)
    add(
      `exists (select 1 from ${SCHEMA}.product_categories pc where pc.product_id = p.id and pc.category_id = any(?::uuid[]))`,
      'categoryIds',
    );
  if (shape.minPrice) add('p.min_price >= ?', 'minPrice');
  if (shape.maxPrice) add('p.min_price <= ?', 'maxPrice');
  if (shape.featured) add('p.featured');
  return { sql: `from ${SCHEMA}.products p where ${where.join(' and ')}`, bindings };
}

/**
 * The listing's order; `rank` names the rank column (the alias `rank` inside the query that defines it, `p.rank`
 * above).
 */
function orderBy(shape: Shape, rank: string): string {
  const order = ['p.created_at desc', 'p.id'];
  if (shape.sort === 'price_asc') order.unshift('p.min_price asc nulls last');
  else if (shape.sort === 'price_desc') order.unshift('p.min_price desc nulls last');
  else if (shape.sort === 'relevance' && shape.searching) order.unshift(`${rank} desc`);
  return order.join(', ');
}

/**
 * The page with its total: the inner query finds, counts (a window over every match) and cuts the page; only the
 * page's rows then look up their cheapest variant and first image.
 */
function pageStatement(shape: Shape): Statement {
  const where = filters(shape);
  const rank = shape.searching ? `ts_rank_cd(p.search, ${TSQUERY})` : 'null::real';
  const sql =
    `select p.id, p.title, p.slug, p.min_price as "minPrice", v.currency, v.compare_at_price as "compareAtPrice", i.media_id as "imageId", p.rank, p.total` +
    ` from (select p.id, p.title, p.slug, p.min_price, p.created_at, ${rank} as rank, count(*) over () as total ${where.sql} order by ${orderBy(shape, 'rank')} limit ? offset ?) p` +
    ` left join lateral (select v.currency, v.compare_at_price from ${SCHEMA}.variants v where v.product_id = p.id order by v.price, v.position limit 1) v on true` +
    ` left join lateral (select i.media_id from ${SCHEMA}.product_images i where i.product_id = p.id order by i.position limit 1) i on true` +
    ` order by ${orderBy(shape, 'p.rank')}`;
  return { sql, bindings: [...(shape.searching ? ['tsquery' as const] : []), ...where.bindings, 'limit', 'offset'] };
}

function countStatement(shape: Shape): Statement {
  const where = filters(shape);
  return { sql: `select count(*) as total ${where.sql}`, bindings: where.bindings };
}
