/**
 * The service tokens of the catalog plugin: a dependency-free entry point (`@wizamart/plugin-catalog/tokens`) that
 * loads only the SDK, so other plugins import the tokens without the package's other modules.
 *
 * @packageDocumentation
 */
import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { CatalogAvailability, CatalogProductPage, CatalogVariants } from './index.js';

/** Service tokens of the catalog plugin (visible to plugins that require `catalog`). */
export const CatalogServices = {
  variants: defineServiceToken<CatalogVariants>('catalog', 'variants'),
  availability: defineServiceToken<CatalogAvailability>('catalog', 'availability'),
  productPage: defineServiceToken<CatalogProductPage>('catalog', 'product-page'),
} as const;
