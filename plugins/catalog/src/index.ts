import { definePermissions, type PluginContext, type RequestContext } from '@wizamart/plugin-sdk';

/** A variant as other plugins (inventory, cart, orders) see it. */
export interface CatalogVariant {
  id: string;
  productId: string;
  productTitle: string;
  productSlug: string;
  productStatus: 'draft' | 'active' | 'archived';
  sku: string;
  optionValues: Record<string, string>;
  price: number;
  currency: string;
  compareAtPrice: number | null;
  weightGrams: number | null;
}

/** Read access to a store's variants for plugins that require catalog. */
export interface CatalogVariants {
  /** The variants of store `storeId` among `ids` (unknown ids, other stores' and deleted products' are left out). */
  byIds(storeId: string, ids: readonly string[]): Promise<CatalogVariant[]>;
  /** Variants of the store whose SKU or product title contains `q`, at most `limit` (for stock pages). */
  search(
    storeId: string,
    filter: { q?: string; limit: number; offset: number },
  ): Promise<{ items: CatalogVariant[]; total: number }>;
}

/** How much of a variant a shopper can buy, as the storefront shows it. */
export type StockState = 'in_stock' | 'low' | 'out_of_stock';

/**
 * Fills in stock states for the storefront. The inventory plugin registers one; without it (or when it returns
 * `undefined`, e.g. because it is turned off on the store's platform) variants are shown without a stock state.
 */
export type AvailabilityProvider = (
  store: { id: string; platform: string },
  variantIds: readonly string[],
) => Promise<Map<string, StockState> | undefined>;

/** Seam for the plugin that tracks stock (inventory requires catalog, so it registers itself here). */
export interface CatalogAvailability {
  register(provider: AvailabilityProvider): void;
}

/** A variant of the product a product-page panel is shown for (prices in minor units). */
export interface ProductPageVariant {
  id: string;
  sku: string;
  optionValues: Record<string, string>;
  price: number;
  currency: string;
  compareAtPrice: number | null;
  /** Stock state when a stock plugin (inventory) fills it on the store's platform, else null (not tracked). */
  stock: StockState | null;
}

/** The product a product-page panel is shown for: an active product of the request's store. */
export interface ProductPageProduct {
  id: string;
  slug: string;
  title: string;
  /** The product page's path on the request's storefront (`/storefront/<s>/products/<slug>` or `/products/<slug>`). */
  url: string;
  /** The product's options (`[{ name: 'Size', values: ['S', 'M'] }]`), in the order the picker shows them. */
  options: Array<{ name: string; values: string[] }>;
  /** Its variants in the store's order; the first one is selected when the page opens. */
  variants: ProductPageVariant[];
}

/** What the product page offers its panels beyond the request context. */
export interface ProductPageForm {
  /**
   * The token a form on the page posts as `_csrf`: the session's, or for a guest the sign-in form token (whose cookie
   * is set on first use). The same value for every panel of a page.
   */
  csrfToken(): string;
}

/**
 * A panel on the storefront product page contributed by another plugin (e.g. cart's "add to cart" form). The partial
 * renders inside the page's Alpine scope, so it can bind to `variant` (the variant the shopper picked, `undefined` for
 * a combination that does not exist), `variants` and `selected` (option name → value).
 */
export interface ProductPagePanel {
  /** Unique within the plugin, e.g. `add-to-cart`. */
  id: string;
  /** Lower first (default 100). Panels come after the price, options and stock, before the description. */
  order?: number;
  /** The partial that renders it, `<code>/<name>`, given what `load` returns as its context. */
  partial: string;
  /**
   * The panel's data for this request and product (the store is the context's); `undefined` leaves the panel out.
   * `form` gives what a form on the page needs, such as its CSRF token.
   */
  load(
    ctx: RequestContext,
    product: ProductPageProduct,
    form: ProductPageForm,
  ): Promise<Record<string, unknown> | undefined>;
}

/**
 * The storefront product page's slot for other plugins. A panel is shown only while its plugin is enabled (and
 * loaded) on the request's platform; one whose `load` throws is logged and left out, so the page still renders.
 *
 * @example
 * // deps: { productPage: CatalogServices.productPage } in definePlugin
 * deps.productPage.addPanel(ctx, {
 *   id: 'add-to-cart', order: 10, partial: 'cart/add-to-cart',
 *   load: async (ctx, product, form) => ({ variants: product.variants, csrf: form.csrfToken() }),
 * });
 */
export interface CatalogProductPage {
  /**
   * Adds a panel; call it from `register`. `WZ_PLUGIN_INVALID_ARGUMENT` for another plugin's partial or an id added
   * twice.
   */
  addPanel(ctx: Pick<PluginContext, 'plugin'>, panel: ProductPagePanel): void;
}

export { CatalogServices } from './tokens.js';

/** Permissions the catalog plugin declares (store surface). */
export const CATALOG_PERMISSIONS = definePermissions('catalog', {
  view: 'catalog.view',
  manage: 'catalog.manage',
});
