import { createValidator } from '@wizamart/plugin-sdk';
import type { ProductStatus } from '../model.js';
import type { CategoryInput } from '../services/category.service.js';
import type { ProductInput } from '../services/product-input.js';
import type { ListingFilter } from '../services/storefront.service.js';
import bulkStatusSchema from './schemas/bulk-status.schema.json' with { type: 'json' };
import categoryPatchSchema from './schemas/category-patch.schema.json' with { type: 'json' };
import categorySchema from './schemas/category.schema.json' with { type: 'json' };
import paramsSchema from './schemas/params.schema.json' with { type: 'json' };
import productSchema from './schemas/product.schema.json' with { type: 'json' };
import storeListSchema from './schemas/store-list.schema.json' with { type: 'json' };
import storefrontListSchema from './schemas/storefront-list.schema.json' with { type: 'json' };

// Compiled once per process: plugins register again for every test host, and ajv would refuse a schema twice.
export const parseProduct = createValidator<ProductInput>(productSchema);
export const parseCategory = createValidator<CategoryInput>(categorySchema);
export const parseCategoryPatch = createValidator<Partial<CategoryInput>>(categoryPatchSchema);
export const parseBulkStatus = createValidator<{ ids: string[]; status: ProductStatus }>(bulkStatusSchema);
const parseParamsObject = createValidator<{ id?: string; slug?: string }>(paramsSchema);
const parseStoreListObject = createValidator<{
  q?: string;
  status?: ProductStatus;
  category?: string;
  page: string;
  pageSize: string;
}>(storeListSchema);
const parseStorefrontListObject = createValidator<Record<string, string | undefined>>(storefrontListSchema);

/** `:id` route parameter (a UUID). */
export function parseId(params: Record<string, unknown>): string {
  return (parseParamsObject({ ...params }).id ?? '').toLowerCase();
}

/** `:slug` route parameter. */
export function parseSlug(params: Record<string, unknown>): string {
  return parseParamsObject({ ...params }).slug ?? '';
}

/** `?q=&status=&category=&page=&pageSize=` of the staff product list. */
export function parseStoreList(query: unknown) {
  const checked = parseStoreListObject({ ...(query as Record<string, unknown>) });
  const page = Number(checked.page);
  const pageSize = Number(checked.pageSize);
  return {
    q: checked.q?.trim() || undefined,
    status: checked.status,
    category: checked.category?.toLowerCase(),
    page,
    pageSize,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
}

/** `?q=&category=&minPrice=&maxPrice=&sort=&page=&pageSize=` of the storefront listing (page size at most 100). */
export function parseStorefrontList(query: unknown): ListingFilter {
  const checked = parseStorefrontListObject({ ...(query as Record<string, unknown>) });
  const number = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));
  return {
    q: checked.q?.trim() || undefined,
    category: checked.category || undefined,
    minPrice: number(checked.minPrice),
    maxPrice: number(checked.maxPrice),
    sort: (checked.sort as ListingFilter['sort']) || undefined,
    page: Number(checked.page),
    pageSize: Number(checked.pageSize),
  };
}
