import { definePermissions, type RequestContext } from '@wizamart/plugin-sdk';

/** A published content page, as navigation shows it. */
export interface PublishedPageLink {
  slug: string;
  title: string;
}

/** Published content pages of a store, e.g. for a storefront footer built by another plugin. */
export interface CmsPages {
  /**
   * Titles and slugs of the published pages of the context's store, sorted by title; link them as
   * `<storefront base>/cms/<slug>`.
   */
  published(ctx: RequestContext): Promise<PublishedPageLink[]>;
}

/** A store's storefront look: CSS variables of core's design system and the logo link. */
export interface StorefrontTheme {
  /** `--wz-primary`, `--wz-primary-contrast`, `--wz-accent`, `--wz-bg`, `--wz-text`, `--wz-font`. */
  variables: Record<string, string>;
  /** Link to the logo image (a media item of the store), when the store has one. */
  logoUrl?: string;
}

/** Store themes, as the storefront applies them. */
export interface CmsThemes {
  /**
   * The theme of a store, or undefined when the store uses the default theme. `base` is the storefront URL prefix
   * the logo link is built on (`/storefront/<store>`, or `''` on the store's own host). Cached per store and dropped
   * when the theme changes.
   *
   * @example
   * const theme = await themes.storefrontTheme(requireStore(ctx).id, ctx.linkBase);
   */
  storefrontTheme(storeId: string, base: string): Promise<StorefrontTheme | undefined>;
}

/**
 * Where media bytes are kept. The cms plugin ships a local-disk implementation under the data dir; keys are random
 * (`<storeId>/<32 hex>.<ext>`), never file names from a client.
 */
export interface MediaStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes under `key`, or undefined when there are none. */
  get(key: string): Promise<Buffer | undefined>;
  /** Removes `key`; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** A media item of a store as other plugins link to it. */
export interface CmsMediaItem {
  id: string;
  /** Where shoppers load it: `<base>/cms/media/<id>` (see {@link CmsMedia.byIds}). */
  url: string;
  /** The type its bytes showed at upload: `image/png`, `image/jpeg`, `image/webp` or `image/gif`. */
  contentType: string;
  originalName: string;
  sizeBytes: number;
  /** Pixel size from the image header, when known. */
  width?: number;
  height?: number;
  /** Alt text given at upload, when any. */
  alt?: string;
}

/** A file to add to a store's media library (checked exactly like an upload through the dashboard or the API). */
export interface CmsMediaUpload {
  originalName: string;
  bytes: Buffer;
  alt?: string;
}

/** A store's media library for other plugins, e.g. product images in the catalog. */
export interface CmsMedia {
  /**
   * The media items of the context's store among `ids`, in the order asked; ids of other stores, unknown and
   * malformed ids are simply absent. `base` is the storefront URL prefix the links are built on
   * (`/storefront/<store>` by default, `''` on the store's own host).
   *
   * @example
   * const [logo] = await media.byIds(ctx, [logoId], ctx.linkBase);
   */
  byIds(ctx: RequestContext, ids: readonly string[], base?: string): Promise<CmsMediaItem[]>;
  /**
   * Adds an image to the context store's library through the same checks as an HTTP upload: the size limit (413
   * `WZ_CMS_MEDIA_TOO_LARGE`) and the type shown by the bytes (415 `WZ_CMS_MEDIA_TYPE_REFUSED`). The link uses the
   * default base `/storefront/<store>`.
   */
  upload(ctx: RequestContext, file: CmsMediaUpload): Promise<{ id: string; url: string }>;
}

export { CmsServices } from './tokens.js';

/** Permissions the cms plugin declares (store surface). */
export const CMS_PERMISSIONS = definePermissions('cms', {
  pagesView: 'cms.pages-view',
  pagesManage: 'cms.pages-manage',
  themeManage: 'cms.theme-manage',
  mediaManage: 'cms.media-manage',
});
