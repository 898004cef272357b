import { defineServiceToken } from '@wizamart/plugin-sdk';

/** The store a catalog call works for; take it from the request's resolved store, never from client input. */
export interface CatalogStoreRef {
  id: string;
  code: string;
}

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
  search(storeId: string, filter: { q?: string; limit: number; offset: number }): Promise<{ items: CatalogVariant[]; total: number }>;
}

/** How much of a variant a shopper can buy, as the storefront shows it. */
export type StockState = 'in_stock' | 'low' | 'out_of_stock';

/**
 * Fills in stock states for the storefront. The inventory plugin registers one; without it (or when it returns
 * `undefined`, e.g. because it is turned off on the store's platform) variants are shown without a stock state.
 */
export type AvailabilityProvider = (store: { id: string; platform: string }, variantIds: readonly string[]) => Promise<Map<string, StockState> | undefined>;

/** Seam for the plugin that tracks stock (inventory requires catalog, so it registers itself here). */
export interface CatalogAvailability {
  register(provider: AvailabilityProvider): void;
}

/** Service tokens of the catalog plugin (visible to plugins that require `catalog`). */
export const CatalogServices = {
  variants: defineServiceToken<CatalogVariants>('catalog', 'variants'),
  availability: defineServiceToken<CatalogAvailability>('catalog', 'availability'),
} as const;

/** Permissions the catalog plugin declares (store surface). */
export const CATALOG_PERMISSIONS = {
  view: 'catalog.view',
  manage: 'catalog.manage',
} as const;
