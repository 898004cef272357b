import type { CmsMedia } from '@wizamart/plugin-cms';
import { categoryNotFound, imagesUnknown, productNotFound, skuTaken, slugTaken } from '../errors.js';
import type { CategoryRepository } from '../repositories/category.repository.js';
import type { ProductDetailRecord, ProductListFilter, ProductRepository } from '../repositories/product.repository.js';
import { violatedConstraint, type ProductStatus, type ProductWrite } from '../repositories/records.js';
import { csvRow } from './csv.js';
import { normaliseProduct, type ProductInput } from './product-input.js';
import { isUuid, type StoreRef } from './store-ref.js';

const CSV_HEADER = ['product_id', 'title', 'slug', 'status', 'featured', 'variant_id', 'sku', 'options', 'price', 'currency', 'compare_at_price', 'weight_grams', 'description'];

/** A store's products for staff: create, edit, list, bulk status, soft delete and CSV export. */
export class ProductService {
  constructor(private readonly products: ProductRepository, private readonly categories: CategoryRepository, private readonly media: CmsMedia) {}

  async get(store: StoreRef, id: string): Promise<ProductDetailRecord> {
    const product = isUuid(id) ? await this.products.find(store.id, { id }) : undefined;
    if (!product) throw productNotFound();
    return product;
  }

  list(store: StoreRef, filter: ProductListFilter) {
    return this.products.list(store.id, filter);
  }

  async create(store: StoreRef, input: ProductInput): Promise<ProductDetailRecord> {
    const write = await this.prepare(store, input);
    const id = await this.translateConflicts(write, () => this.products.insert(store.id, write));
    return this.get(store, id);
  }

  async update(store: StoreRef, id: string, input: ProductInput): Promise<ProductDetailRecord> {
    const current = await this.get(store, id);
    const write = await this.prepare(store, input);
    // Variant ids that are not the product's own become new variants, so a client cannot move another product's.
    const own = new Set(current.variants.map((variant) => variant.id));
    write.variants = write.variants.map((variant) => (variant.id && own.has(variant.id.toLowerCase()) ? { ...variant, id: variant.id.toLowerCase() } : { ...variant, id: undefined }));
    const updated = await this.translateConflicts(write, () => this.products.update(store.id, current.id, write));
    if (!updated) throw productNotFound();
    return this.get(store, current.id);
  }

  async setStatus(store: StoreRef, ids: string[], status: ProductStatus): Promise<number> {
    return this.products.setStatus(store.id, ids, status);
  }

  async delete(store: StoreRef, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.products.softDelete(store.id, id))) throw productNotFound();
  }

  /** The store's live products as CSV, one row per variant (RFC 4180, formula cells neutralised). */
  async exportCsv(store: StoreRef): Promise<string> {
    const rows = [csvRow(CSV_HEADER)];
    for (const product of await this.products.exportRows(store.id)) {
      for (const variant of product.variants) {
        const options = Object.entries(variant.optionValues).map(([name, value]) => `${name}: ${value}`).join('; ');
        rows.push(csvRow([
          product.id, product.title, product.slug, product.status, product.featured ? 'yes' : 'no', variant.id, variant.sku, options,
          variant.price, variant.currency, variant.compareAtPrice, variant.weightGrams, product.description,
        ]));
      }
    }
    return rows.join('');
  }

  private async prepare(store: StoreRef, input: ProductInput): Promise<ProductWrite> {
    const write = normaliseProduct(store, input);
    const known = new Set((await this.categories.list(store.id)).map((category) => category.id));
    const unknown = write.categoryIds.filter((id) => !known.has(id.toLowerCase()));
    if (unknown.length) throw categoryNotFound({ categoryIds: unknown });
    write.categoryIds = write.categoryIds.map((id) => id.toLowerCase());
    await this.checkImages(store, write.images.map((image) => image.mediaId));
    return write;
  }

  /** Every image must be a media item of this store's library (400 `WZ_CATALOG_IMAGE_UNKNOWN` before anything is written). */
  private async checkImages(store: StoreRef, mediaIds: string[]): Promise<void> {
    if (!mediaIds.length) return;
    const found = new Set((await this.media.byIds(store, mediaIds)).map((item) => item.id));
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
      if (constraint.includes('sku')) throw skuTaken(skuFromDetail(error) ?? write.variants.map((v) => v.sku).join(', '));
      throw error;
    }
  }
}

/** The SKU Postgres names in a unique violation's detail: `Key (store_id, lower(sku))=(…, abc) already exists.` */
function skuFromDetail(error: unknown): string | undefined {
  return /=\([^,]+, (.+)\) already exists/.exec((error as { detail?: string }).detail ?? '')?.[1];
}
