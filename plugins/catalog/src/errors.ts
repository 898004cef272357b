import { WizamartError } from '@wizamart/plugin-sdk';

/** The catalog plugin's errors (codes documented in docs/errors.md, "catalog plugin"). */

export function productNotFound(): WizamartError {
  return new WizamartError('WZ_CATALOG_PRODUCT_NOT_FOUND', 'No such product in this store', { status: 404 });
}

export function categoryNotFound(details: Record<string, unknown> = {}): WizamartError {
  return new WizamartError('WZ_CATALOG_CATEGORY_NOT_FOUND', 'No such category in this store', { status: 404, details });
}

export function slugTaken(slug: string): WizamartError {
  return new WizamartError('WZ_CATALOG_SLUG_TAKEN', `Another product or category of this store already uses the slug "${slug}"`, { status: 409, details: { slug } });
}

export function skuTaken(sku: string): WizamartError {
  return new WizamartError('WZ_CATALOG_SKU_TAKEN', `Another variant of this store already uses the SKU "${sku}"`, { status: 409, details: { sku } });
}

export function variantsInvalid(message: string, details: Record<string, unknown> = {}): WizamartError {
  return new WizamartError('WZ_CATALOG_VARIANTS_INVALID', message, { status: 400, details });
}

export function categoryCycle(): WizamartError {
  return new WizamartError('WZ_CATALOG_CATEGORY_CYCLE', 'A category cannot be placed inside itself or one of its subcategories', { status: 409 });
}

export function imagesUnknown(mediaIds: string[]): WizamartError {
  return new WizamartError('WZ_CATALOG_IMAGE_UNKNOWN', 'An image is not in this store\'s media library', { status: 400, details: { mediaIds } });
}
