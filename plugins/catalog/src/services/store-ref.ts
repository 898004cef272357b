import type { StoreRef as SdkStoreRef } from '@wizamart/plugin-sdk';
/**
 * The slice of the SDK's StoreRef catalog services need (routes pass `requireStore(contextOf(req))`); the platform is
 * absent in seeds and background work.
 */
export type StoreRef = Pick<SdkStoreRef, 'id' | 'code' | 'currency'> & Partial<Pick<SdkStoreRef, 'platform'>>;

export { isUuid } from '@wizamart/plugin-sdk';

/** A URL slug from a title: ASCII letters and digits joined by dashes (accents folded), at most 80 characters. */
export function slugify(title: string): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
  return slug || 'item';
}
