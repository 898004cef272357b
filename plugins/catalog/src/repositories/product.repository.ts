import type { Knex } from 'knex';
import type { ProductDetailRecord, ProductRecord, ProductStatus, ProductWrite, VariantRecord } from '../model.js';
import { likePattern } from './records.js';

/** Schema of the catalog tables, for joins and raw SQL (`ctx.db` binds only the main table of a query). */
export const SCHEMA = 'catalog';

const PRODUCT = [
  'p.id as id',
  'p.store_id as storeId',
  'p.title as title',
  'p.slug as slug',
  'p.description as description',
  'p.status as status',
  'p.featured as featured',
  'p.options as options',
  'p.min_price as minPrice',
  'p.created_at as createdAt',
  'p.updated_at as updatedAt',
];
const VARIANT = [
  'id as id',
  'product_id as productId',
  'sku as sku',
  'option_values as optionValues',
  'price as price',
  'currency as currency',
  'compare_at_price as compareAtPrice',
  'weight_grams as weightGrams',
  'position as position',
];

/** Staff-side filters of the product list. */
export interface ProductListFilter {
  q?: string;
  status?: ProductStatus;
  categoryIds?: string[];
  limit: number;
  offset: number;
}

/** Products with their variants, images and categories; every method is scoped to one store. */
export class ProductRepository {
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  /** A live (not deleted) product by id or slug, with its parts. */
  async find(
    storeId: string,
    by: { id: string } | { slug: string },
    options: { activeOnly?: boolean } = {},
  ): Promise<ProductDetailRecord | undefined> {
    const query = this.db('products as p')
      .where('p.store_id', storeId)
      .whereNull('p.deleted_at')
      .select(PRODUCT)
      .first();
    if ('id' in by) query.where('p.id', by.id);
    else query.where('p.slug', by.slug);
    if (options.activeOnly) query.where('p.status', 'active');
    const product = (await query) as ProductRecord | undefined;
    return product ? this.withParts(this.db, product) : undefined;
  }

  private async withParts(db: Knex, product: ProductRecord): Promise<ProductDetailRecord> {
    const [variants, images, categories] = await Promise.all([
      db('variants').where({ product_id: product.id }).select(VARIANT).orderBy('position'),
      db('product_images')
        .where({ product_id: product.id })
        .select('media_id as mediaId', 'alt as alt', 'position as position')
        .orderBy('position'),
      db('product_categories').where({ product_id: product.id }).select('category_id as categoryId'),
    ]);
    return {
      ...product,
      variants,
      images,
      categoryIds: categories.map((row: { categoryId: string }) => row.categoryId),
    };
  }

  /** Creates a product with its parts in one transaction; unique violations propagate (the service names them). */
  async insert(storeId: string, input: ProductWrite): Promise<string> {
    return this.db.transaction(async (trx) => {
      const [row] = await trx('products')
        .insert({ store_id: storeId, ...productColumns(input) })
        .returning('id');
      await this.writeParts(trx, storeId, row.id as string, input);
      return row.id as string;
    });
  }

  /** Replaces a product's fields and parts; false when the store has no such live product. */
  async update(storeId: string, id: string, input: ProductWrite): Promise<boolean> {
    return this.db.transaction(async (trx) => {
      const updated = await trx('products')
        .where({ store_id: storeId, id })
        .whereNull('deleted_at')
        .update({ ...productColumns(input), updated_at: trx.fn.now() });
      if (!updated) return false;
      await this.writeParts(trx, storeId, id, input);
      return true;
    });
  }

  private async writeParts(
    trx: Knex.Transaction,
    storeId: string,
    productId: string,
    input: ProductWrite,
  ): Promise<void> {
    const keep = input.variants.map((variant) => variant.id).filter((value): value is string => Boolean(value));
    await trx('variants').where({ product_id: productId }).whereNotIn('id', keep).delete();
    for (const [position, variant] of input.variants.entries()) {
      const columns = {
        sku: variant.sku,
        option_values: JSON.stringify(variant.optionValues),
        price: variant.price,
        currency: variant.currency,
        compare_at_price: variant.compareAtPrice,
        weight_grams: variant.weightGrams,
        position,
        updated_at: trx.fn.now(),
      };
      const updated = variant.id
        ? await trx('variants').where({ product_id: productId, id: variant.id }).update(columns)
        : 0;
      if (!updated) await trx('variants').insert({ ...columns, store_id: storeId, product_id: productId });
    }
    await trx('product_images').where({ product_id: productId }).delete();
    if (input.images.length) {
      await trx('product_images').insert(
        input.images.map((image, position) => ({
          product_id: productId,
          media_id: image.mediaId,
          alt: image.alt,
          position,
        })),
      );
    }
    await trx('product_categories').where({ product_id: productId }).delete();
    if (input.categoryIds.length) {
      await trx('product_categories').insert(
        input.categoryIds.map((categoryId) => ({ product_id: productId, category_id: categoryId })),
      );
    }
  }

  /** Sets the status of the store's live products among `ids`; returns how many changed. */
  async setStatus(storeId: string, ids: readonly string[], status: ProductStatus): Promise<number> {
    return this.db('products')
      .where({ store_id: storeId })
      .whereIn('id', ids)
      .whereNull('deleted_at')
      .update({ status, updated_at: this.db.fn.now() });
  }

  /** Soft-deletes a product (its slug becomes free again); false when there is no such live product. */
  async softDelete(storeId: string, id: string): Promise<boolean> {
    return (
      (await this.db('products')
        .where({ store_id: storeId, id })
        .whereNull('deleted_at')
        .update({ deleted_at: this.db.fn.now() })) > 0
    );
  }

  /** A page of the store's live products for staff, newest first. */
  async list(storeId: string, filter: ProductListFilter): Promise<{ items: ProductRecord[]; total: number }> {
    const base = () => {
      const query = this.db('products as p').where('p.store_id', storeId).whereNull('p.deleted_at');
      if (filter.status) query.where('p.status', filter.status);
      if (filter.q) {
        const pattern = likePattern(filter.q);
        query.where((where) =>
          where
            .whereILike('p.title', pattern)
            .orWhereExists((sub) =>
              sub
                .select(this.db.raw('1'))
                .from(`${SCHEMA}.variants as v`)
                .whereRaw('v.product_id = p.id')
                .whereILike('v.sku', pattern),
            ),
        );
      }
      if (filter.categoryIds) inCategories(this.db, query, filter.categoryIds);
      return query;
    };
    const [items, [{ total }]] = await Promise.all([
      base().select(PRODUCT).orderBy('p.created_at', 'desc').orderBy('p.id').limit(filter.limit).offset(filter.offset),
      base().count({ total: '*' }),
    ]);
    return { items, total: Number(total) };
  }

  /** Variants of the store's live products among `ids`, with their product's title, slug and status. */
  variantsByIds(storeId: string, ids: readonly string[]) {
    return this.variantQuery(storeId).whereIn('v.id', ids);
  }

  /** Variants whose SKU or product title contains `q`, ordered by product title and position. */
  async searchVariants(storeId: string, filter: { q?: string; limit: number; offset: number }) {
    const base = () => {
      const query = this.db('variants as v')
        .join('products as p', 'p.id', 'v.product_id')
        .where('v.store_id', storeId)
        .whereNull('p.deleted_at');
      if (filter.q)
        query.where((where) =>
          where.whereILike('v.sku', likePattern(filter.q!)).orWhereILike('p.title', likePattern(filter.q!)),
        );
      return query;
    };
    const [items, [{ total }]] = await Promise.all([
      base()
        .select(variantSummary())
        .orderBy('p.title')
        .orderBy('v.position')
        .limit(filter.limit)
        .offset(filter.offset),
      base().count({ total: '*' }),
    ]);
    return { items, total: Number(total) };
  }

  private variantQuery(storeId: string) {
    return this.db('variants as v')
      .join('products as p', 'p.id', 'v.product_id')
      .where('v.store_id', storeId)
      .whereNull('p.deleted_at')
      .select(variantSummary());
  }

  /** Every live product of the store with its variants, for the CSV export (ordered by title). */
  async exportRows(storeId: string): Promise<Array<ProductRecord & { variants: VariantRecord[] }>> {
    const products = (await this.db('products as p')
      .where('p.store_id', storeId)
      .whereNull('p.deleted_at')
      .select(PRODUCT)
      .orderBy('p.title')
      .orderBy('p.id')) as ProductRecord[];
    const variants = products.length
      ? ((await this.db('variants')
          .whereIn(
            'product_id',
            products.map((p) => p.id),
          )
          .select(VARIANT)
          .orderBy('position')) as VariantRecord[])
      : [];
    const byProduct = new Map<string, VariantRecord[]>();
    for (const variant of variants)
      byProduct.set(variant.productId, [...(byProduct.get(variant.productId) ?? []), variant]);
    return products.map((product) => ({ ...product, variants: byProduct.get(product.id) ?? [] }));
  }

  /** Active product slugs and update times of a store, for the sitemap. */
  sitemap(storeId: string): Promise<Array<{ slug: string; updatedAt: Date }>> {
    return this.db('products')
      .where({ store_id: storeId, status: 'active' })
      .whereNull('deleted_at')
      .select('slug as slug', 'updated_at as updatedAt')
      .orderBy('slug')
      .limit(50000);
  }
}

function productColumns(input: ProductWrite) {
  const prices = input.variants.map((variant) => variant.price);
  return {
    title: input.title,
    slug: input.slug,
    description: input.description,
    status: input.status,
    featured: input.featured,
    options: JSON.stringify(input.options),
    min_price: prices.length ? Math.min(...prices) : null,
  };
}

function variantSummary() {
  return [
    'v.id as id',
    'v.product_id as productId',
    'p.title as productTitle',
    'p.slug as productSlug',
    'p.status as productStatus',
    'v.sku as sku',
    'v.option_values as optionValues',
    'v.price as price',
    'v.currency as currency',
    'v.compare_at_price as compareAtPrice',
    'v.weight_grams as weightGrams',
  ];
}

/** Keeps products linked to any of `categoryIds`. */
export function inCategories(db: Knex, query: Knex.QueryBuilder, categoryIds: string[]): void {
  query.whereExists((sub) =>
    sub
      .select(db.raw('1'))
      .from(`${SCHEMA}.product_categories as pc`)
      .whereRaw('pc.product_id = p.id')
      .whereIn('pc.category_id', categoryIds),
  );
}
