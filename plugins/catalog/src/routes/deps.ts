import type { CmsMedia } from '@wizamart/plugin-cms';
import type { CoreUi } from '@wizamart/plugin-core';
import type { AuthService } from '@wizamart/plugin-auth';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { CategoryService } from '../services/category.service.js';
import type { ProductPageSlot } from '../services/product-page.service.js';
import type { ProductService } from '../services/product.service.js';
import type { StorefrontService } from '../services/storefront.service.js';

/** What the catalog routers need, wired in plugin.ts. */
export interface CatalogDeps {
  stores: StoreDirectory;
  /** Session helpers, for the CSRF token product-page panels put in their forms. */
  auth: AuthService;
  ui: CoreUi;
  products: ProductService;
  categories: CategoryService;
  storefront: StorefrontService;
  /** The store's media library (cms), for the image picker. */
  media: CmsMedia;
  /** Panels other plugins add to the storefront product page (e.g. cart's "add to cart"). */
  productPage: ProductPageSlot;
}
