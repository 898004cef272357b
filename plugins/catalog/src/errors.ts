import { defineErrors } from '@wizamart/plugin-sdk';

type Details = Record<string, unknown>;

/** The catalog plugin's errors (codes documented in docs/errors.md, "catalog plugin"). */
export const catalogErrors = defineErrors({
  WZ_CATALOG_PRODUCT_NOT_FOUND: { status: 404, message: 'No such product in this store' },
  WZ_CATALOG_CATEGORY_NOT_FOUND: { status: 404, message: 'No such category in this store' },
  WZ_CATALOG_SLUG_TAKEN: {
    status: 409,
    message: (p: { slug: string }) => `Another product or category of this store already uses the slug "${p.slug}"`,
  },
  WZ_CATALOG_SKU_TAKEN: {
    status: 409,
    message: (p: { sku: string }) => `Another variant of this store already uses the SKU "${p.sku}"`,
  },
  WZ_CATALOG_VARIANTS_INVALID: { status: 400, message: (p: { problem: string }) => p.problem },
  WZ_CATALOG_CATEGORY_CYCLE: {
    status: 409,
    message: 'A category cannot be placed inside itself or one of its subcategories',
  },
  WZ_CATALOG_IMAGE_UNKNOWN: {
    status: 400,
    message: (_p: { mediaIds: string[] }) => "An image is not in this store's media library",
  },
});

const errors = catalogErrors;
export const productNotFound = () => errors.WZ_CATALOG_PRODUCT_NOT_FOUND();
export const categoryNotFound = (details: Details = {}) => errors.WZ_CATALOG_CATEGORY_NOT_FOUND({ details });
export const slugTaken = (slug: string) => errors.WZ_CATALOG_SLUG_TAKEN({ slug });
export const skuTaken = (sku: string) => errors.WZ_CATALOG_SKU_TAKEN({ sku });
export const variantsInvalid = (problem: string, details: Details = {}) =>
  errors.WZ_CATALOG_VARIANTS_INVALID({ problem }, { details });
export const categoryCycle = () => errors.WZ_CATALOG_CATEGORY_CYCLE();
export const imagesUnknown = (mediaIds: string[]) => errors.WZ_CATALOG_IMAGE_UNKNOWN({ mediaIds });
