/** Row shapes of the catalog schema as the repositories return them. */

export type ProductStatus = 'draft' | 'active' | 'archived';

export interface ProductOption {
  name: string;
  values: string[];
}

export interface ProductRecord {
  id: string;
  storeId: string;
  title: string;
  slug: string;
  description: string;
  status: ProductStatus;
  featured: boolean;
  options: ProductOption[];
  minPrice: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VariantRecord {
  id: string;
  productId: string;
  sku: string;
  optionValues: Record<string, string>;
  price: number;
  currency: string;
  compareAtPrice: number | null;
  weightGrams: number | null;
  position: number;
}

export interface ImageRecord {
  mediaId: string;
  alt: string;
  position: number;
}

export interface CategoryRecord {
  id: string;
  parentId: string | null;
  name: string;
  slug: string;
  position: number;
}

/** What a product write stores (the service has checked and normalised it). */
export interface ProductWrite {
  title: string;
  slug: string;
  description: string;
  status: ProductStatus;
  featured: boolean;
  options: ProductOption[];
  variants: Array<Omit<VariantRecord, 'id' | 'productId' | 'position'> & { id?: string }>;
  images: Array<{ mediaId: string; alt: string }>;
  categoryIds: string[];
}

export const UNIQUE_VIOLATION = '23505';

/** The name of the unique index a 23505 error broke, if any. */
export function violatedConstraint(error: unknown): string | undefined {
  const pg = error as { code?: string; constraint?: string };
  return pg.code === UNIQUE_VIOLATION ? pg.constraint ?? '' : undefined;
}

/** `%` and `_` match literally in a search term. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
