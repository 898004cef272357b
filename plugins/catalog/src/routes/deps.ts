import type { CmsMedia } from '@wizamart/plugin-cms';
import type { CoreUi } from '@wizamart/plugin-core';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { Request } from 'express';
import type { CategoryService } from '../services/category.service.js';
import type { ProductPageSlot } from '../services/product-page.service.js';
import type { ProductService } from '../services/product.service.js';
import type { StoreRef } from '../services/store-ref.js';
import type { StorefrontService } from '../services/storefront.service.js';

/** What the catalog routers need, wired in plugin.ts. */
export interface CatalogDeps {
  stores: StoreDirectory;
  ui: CoreUi;
  products: ProductService;
  categories: CategoryService;
  storefront: StorefrontService;
  /** The store's media library (cms), for the image picker. */
  media: CmsMedia;
  /** Panels other plugins add to the storefront product page (e.g. cart's "add to cart"). */
  productPage: ProductPageSlot;
}

/** The request's store as resolved by tenancy's tenant stage (404 when there is none). */
export async function currentStore(deps: CatalogDeps, req: Request): Promise<StoreRef> {
  const store = await deps.stores.current(req);
  return { id: store.id, code: store.code, currency: store.currency, platform: store.platform };
}

/** Storefront link base of the request (`/storefront/<store>` or `''` on the store's own host). */
export function storefrontLinks(deps: CatalogDeps, req: Request) {
  return { base: deps.ui.base(req, 'storefront') };
}
