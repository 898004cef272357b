import type { CmsMedia } from '@wizamart/plugin-cms';
import { isUuid, requireStore, type RequestContext } from '@wizamart/plugin-sdk';
import { categoryNotFound, imagesUnknown, productNotFound, skuTaken, slugTaken } from '../errors.js';
import type { CategoryRepository } from '../repositories/category.repository.js';
import type { ProductDetailRecord, ProductStatus, ProductWrite } from '../model.js';
import type { ProductListFilter, ProductRepository } from '../repositories/product.repository.js';
import { violatedConstraint } from '../repositories/records.js';
import { csvRow } from './csv.js';
import { normaliseProduct, type ProductInput } from './product-input.js';

const CSV_HEADER = [
  'product_id',
  'title',
  'slug',
  'status',
  'featured',
  'variant_id',
  'sku',
  'options',
  'price',
  'currency',
  'compare_at_price',
  'weight_grams',
  'description',
];

/** A store's products for staff: create, edit, list, bulk status, soft delete and CSV export. */
export class ProductService {
  constructor(
    private readonly products: ProductRepository,
    private readonly categories: CategoryRepository,
    private readonly media: CmsMedia,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<ProductDetailRecord> {
    const product = isUuid(id) ? await this.products.find(requireStore(ctx).id, { id }) : undefined;
    if (!product) throw productNotFound();
    return product;
  }

  list(ctx: RequestContext, filter: ProductListFilter) {
    return this.products.list(requireStore(ctx).id, filter);
  }

  async create(ctx: RequestContext, input: ProductInput): Promise<ProductDetailRecord> {
    const write = await this.prepare(ctx, input);
    const id = await this.translateConflicts(write, () => this.products.insert(requireStore(ctx).id, write));
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, input: ProductInput): Promise<ProductDetailRecord> {
    const store = requireStore(ctx);
    const current = await this.get(ctx, id);
    const write = await this.prepare(ctx, input);
    // Variant ids that are not the product's own become new variants, so a client cannot move another product's.
    const own = new Set(current.variants.map((variant) => variant.id));
    write.variants = write.variants.map((variant) =>
      variant.id && own.has(variant.id.toLowerCase())
        ? { ...variant, id: variant.id.toLowerCase() }
        : { ...variant, id: undefined },
    );
    const updated = await this.translateConflicts(write, () => this.products.update(store.id, current.id, write));
    if (!updated) throw productNotFound();
    return this.get(ctx, current.id);
  }

  async setStatus(ctx: RequestContext, ids: string[], status: ProductStatus): Promise<number> {
    return this.products.setStatus(requireStore(ctx).id, ids, status);
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.products.softDelete(requireStore(ctx).id, id))) throw productNotFound();
  }

  /** The store's live products as CSV, one row per variant (RFC 4180, formula cells neutralised). */
  async exportCsv(ctx: RequestContext): Promise<string> {
    const rows = [csvRow(CSV_HEADER)];
    for (const product of await this.products.exportRows(requireStore(ctx).id)) {
      for (const variant of product.variants) {
        const options = Object.entries(variant.optionValues)
          .map(([name, value]) => `${name}: ${value}`)
          .join('; ');
        rows.push(
          csvRow([
            product.id,
            product.title,
            product.slug,
            product.status,
            product.featured ? 'yes' : 'no',
            variant.id,
            variant.sku,
            options,
            variant.price,
            variant.currency,
            variant.compareAtPrice,
            variant.weightGrams,
            product.description,
          ]),
        );
      }
    }
    return rows.join('');
  }

  private async prepare(ctx: RequestContext, input: ProductInput): Promise<ProductWrite> {
    const store = requireStore(ctx);
    const write = normaliseProduct(store, input);
    const known = new Set((await this.categories.list(store.id)).map((category) => category.id));
    const unknown = write.categoryIds.filter((id) => !known.has(id.toLowerCase()));
    if (unknown.length) throw categoryNotFound({ categoryIds: unknown });
    write.categoryIds = write.categoryIds.map((id) => id.toLowerCase());
    await this.checkImages(
      ctx,
      write.images.map((image) => image.mediaId),
    );
    return write;
  }

  /**
   * Every image must be a media item of this store's library (400 `WZ_CATALOG_IMAGE_UNKNOWN` before anything is
   * written).
   */
  private async checkImages(ctx: RequestContext, mediaIds: string[]): Promise<void> {
    if (!mediaIds.length) return;
    const found = new Set((await this.media.byIds(ctx, mediaIds)).map((item) => item.id));
    const unknown = mediaIds.filter((id) => !found.has(id));
    if (unknown.length) throw imagesUnknown(unknown);
  }

  private async translateConflicts<T>(write: ProductWrite, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const constraint = violatedConstraint(error);
      if (constraint === undefined) throw error;
      if (constraint.includes('slug')) throw slugTaken(write.slug);
      if (constraint.includes('sku'))
        throw skuTaken(skuFromDetail(error) ?? write.variants.map((v) => v.sku).join(', '));
      throw error;
    }
  }
}

/** The SKU Postgres names in a unique violation's detail: `Key (store_id, lower(sku))=(…, abc) already exists.` */
function skuFromDetail(error: unknown): string | undefined {
  return /=\([^,]+, (.+)\) already exists/.exec((error as { detail?: string }).detail ?? '')?.[1];
}
