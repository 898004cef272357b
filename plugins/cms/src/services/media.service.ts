import { isUuid, requireStore, type RequestContext, type StoreRef } from '@wizamart/plugin-sdk';
import { cmsErrors, mediaNotFound } from '../errors.js';
import type { CmsMedia, CmsMediaItem } from '../index.js';
import type { MediaRecord } from '../model.js';
import type { MediaRepository } from '../repositories/media.repository.js';
import { imageSize } from './media-dimensions.js';
import { sniffImage } from './media-sniff.js';
import { newStorageKey, type MediaStorage } from './media-storage.js';

/** An uploaded file as a route or another plugin hands it over. */
export interface Upload {
  originalName: string;
  bytes: Buffer;
  alt?: string;
}

/** A media item's bytes with the type they were stored as. */
export interface MediaContent {
  contentType: string;
  bytes: Buffer;
}

function cleanName(name: string): string {
  // The original name is only shown to staff; keep it printable and short.
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f/\\]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'upload';
}

function cleanAlt(alt: string | undefined): string {
  return (alt ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim()
    .slice(0, 300);
}

/** Where shoppers load a media item: `<storefront base>/cms/media/<id>`. */
export function mediaPath(base: string, id: string): string {
  return `${base}/cms/media/${id}`;
}

/** The default storefront base of a store (path mode), for links built outside a request. */
export function defaultStorefrontBase(store: Pick<StoreRef, 'code'>): string {
  return `/storefront/${encodeURIComponent(store.code)}`;
}

/** A media record as other plugins see it (no storage key, no store id). */
export function mediaItem(record: MediaRecord, base: string): CmsMediaItem {
  return {
    id: record.id,
    url: mediaPath(base, record.id),
    contentType: record.contentType,
    originalName: record.originalName,
    sizeBytes: record.sizeBytes,
    ...(record.width && record.height ? { width: record.width, height: record.height } : {}),
    ...(record.alt ? { alt: record.alt } : {}),
  };
}

/** The media library of a store: images checked by their bytes, stored under random keys. */
export class MediaService {
  /** `maxBytes` is the largest accepted file (the cms `mediaMaxBytes` setting). */
  constructor(
    private readonly media: MediaRepository,
    private readonly storage: MediaStorage,
    private readonly maxBytes: number,
  ) {}

  list(ctx: RequestContext, page: { limit: number; offset: number }): Promise<{ items: MediaRecord[]; total: number }> {
    return this.media.list(requireStore(ctx).id, page);
  }

  async get(ctx: RequestContext, id: string): Promise<MediaRecord> {
    const item = isUuid(id) ? await this.media.byId(requireStore(ctx).id, id) : undefined;
    if (!item) throw mediaNotFound();
    return item;
  }

  /** The store's items among `ids`, in the order asked; unknown, malformed and other stores' ids are left out. */
  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<MediaRecord[]> {
    const wanted = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    const found = new Map((await this.media.byIds(requireStore(ctx).id, wanted)).map((item) => [item.id, item]));
    return wanted.flatMap((id) => found.get(id) ?? []);
  }

  /**
   * Checks an upload by its size (413 `WZ_CMS_MEDIA_TOO_LARGE`) and its bytes (415 `WZ_CMS_MEDIA_TYPE_REFUSED`), keeps
   * the bytes under a random key and records the item. The one path for the dashboard, the API and other plugins.
   */
  async upload(ctx: RequestContext, upload: Upload): Promise<MediaRecord> {
    if (upload.bytes.length > this.maxBytes) {
      throw cmsErrors.WZ_CMS_MEDIA_TOO_LARGE({ maxBytes: this.maxBytes });
    }
    const sniffed = await sniffImage(upload.bytes);
    const size = imageSize(sniffed.contentType, upload.bytes);
    const store = requireStore(ctx);
    const storageKey = newStorageKey(store.id, sniffed.extension);
    await this.storage.put(storageKey, upload.bytes);
    try {
      return await this.media.insert(store.id, {
        storageKey,
        originalName: cleanName(upload.originalName),
        contentType: sniffed.contentType,
        sizeBytes: upload.bytes.length,
        alt: cleanAlt(upload.alt),
        width: size?.width ?? null,
        height: size?.height ?? null,
      });
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => {});
      throw error;
    }
  }

  async content(ctx: RequestContext, id: string): Promise<MediaContent> {
    const item = await this.get(ctx, id);
    const bytes = await this.storage.get(item.storageKey);
    if (!bytes) throw mediaNotFound();
    return { contentType: item.contentType, bytes };
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    const item = isUuid(id) ? await this.media.delete(requireStore(ctx).id, id) : undefined;
    if (!item) throw mediaNotFound();
    await this.storage.delete(item.storageKey);
  }
}

/** The `CmsServices.media` service on top of the store's media library (the same upload path as the routes). */
export function mediaLibraryService(service: MediaService): CmsMedia {
  return {
    byIds: async (ctx: RequestContext, ids: readonly string[], base?: string): Promise<CmsMediaItem[]> => {
      const links = base ?? defaultStorefrontBase(requireStore(ctx));
      return (await service.byIds(ctx, ids)).map((record) => mediaItem(record, links));
    },
    upload: async (ctx: RequestContext, file: Upload): Promise<{ id: string; url: string }> => {
      const record = await service.upload(ctx, file);
      return { id: record.id, url: mediaPath(defaultStorefrontBase(requireStore(ctx)), record.id) };
    },
  };
}
