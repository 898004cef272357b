import { variantsInvalid } from '../errors.js';
import type { ProductOption, ProductStatus, ProductWrite } from '../model.js';
import type { StoreRef } from '@wizamart/plugin-sdk';
import { slugify } from './slug.js';

/** A product as the store API receives it (checked by `product.schema.json`). */
export interface ProductInput {
  title: string;
  slug?: string;
  description?: string;
  status?: ProductStatus;
  featured?: boolean;
  options?: ProductOption[];
  variants: Array<{
    id?: string;
    sku: string;
    optionValues?: Record<string, string>;
    price: number;
    currency?: string;
    compareAtPrice?: number | null;
    weightGrams?: number | null;
  }>;
  images?: Array<{ mediaId: string; alt?: string }>;
  categoryIds?: string[];
}

/**
 * Checks what a schema cannot (option names and values unique, every variant one distinct combination of the
 * options, SKUs unique within the product) and fills defaults (slug from title, the store's currency).
 */
export function normaliseProduct(store: Pick<StoreRef, 'currency'>, input: ProductInput): ProductWrite {
  const options = (input.options ?? []).map((option) => ({
    name: option.name.trim(),
    values: option.values.map((value) => value.trim()),
  }));
  checkOptions(options);
  const seenCombos = new Set<string>();
  const seenSkus = new Set<string>();
  const variants = input.variants.map((variant, index) => {
    const optionValues = variant.optionValues ?? {};
    checkCombination(options, optionValues, index);
    const combo = JSON.stringify(options.map((option) => optionValues[option.name]));
    if (seenCombos.has(combo))
      throw variantsInvalid(`Variants ${index + 1} repeats an option combination of another variant`, {
        variant: index,
      });
    seenCombos.add(combo);
    const sku = variant.sku.trim();
    if (seenSkus.has(sku.toLowerCase()))
      throw variantsInvalid(`SKU "${sku}" appears twice in this product`, { variant: index, sku });
    seenSkus.add(sku.toLowerCase());
    return {
      id: variant.id,
      sku,
      optionValues,
      price: variant.price,
      currency: variant.currency ?? store.currency,
      compareAtPrice: variant.compareAtPrice ?? null,
      weightGrams: variant.weightGrams ?? null,
    };
  });
  if (!options.length && variants.length > 1)
    throw variantsInvalid('A product without options has exactly one variant');
  return {
    title: input.title.trim(),
    slug: input.slug ?? slugify(input.title),
    description: input.description ?? '',
    status: input.status ?? 'draft',
    featured: input.featured ?? false,
    options,
    variants,
    images: uniqueImages(input.images ?? []),
    categoryIds: [...new Set(input.categoryIds ?? [])],
  };
}

/** Images with lower-cased ids, each media item once (the first mention wins). */
function uniqueImages(images: NonNullable<ProductInput['images']>): ProductWrite['images'] {
  const seen = new Set<string>();
  return images
    .map((image) => ({ mediaId: image.mediaId.toLowerCase(), alt: image.alt?.trim() ?? '' }))
    .filter((image) => !seen.has(image.mediaId) && seen.add(image.mediaId));
}

function checkOptions(options: ProductOption[]): void {
  const names = new Set(options.map((option) => option.name.toLowerCase()));
  if (names.size !== options.length) throw variantsInvalid('Two options have the same name');
  for (const option of options) {
    if (new Set(option.values.map((value) => value.toLowerCase())).size !== option.values.length) {
      throw variantsInvalid(`Option "${option.name}" lists a value twice`, { option: option.name });
    }
  }
}

function checkCombination(options: ProductOption[], values: Record<string, string>, index: number): void {
  const keys = Object.keys(values);
  if (keys.length !== options.length || options.some((option) => !(option.name in values))) {
    throw variantsInvalid(
      `Variant ${index + 1} must give exactly one value for each option (${options.map((o) => o.name).join(', ') || 'none'})`,
      { variant: index },
    );
  }
  for (const option of options) {
    if (!option.values.includes(values[option.name])) {
      throw variantsInvalid(
        `Variant ${index + 1}: "${values[option.name]}" is not a value of option "${option.name}"`,
        { variant: index, option: option.name },
      );
    }
  }
}
