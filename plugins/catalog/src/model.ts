/**
 * Types shared by this plugin's routes, services and repositories: the layers import them from here, not from each
 * other.
 */

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

/** A product with its variants, images and category ids. */
export interface ProductDetailRecord extends ProductRecord {
  variants: VariantRecord[];
  images: ImageRecord[];
  categoryIds: string[];
}
