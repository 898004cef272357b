import { mediaNotFound } from '../errors.js';
import type { MediaRecord, MediaRepository } from '../repositories/media.repository.js';
import { sniffImage } from './media-sniff.js';
import { newStorageKey, type MediaStorage } from './media-storage.js';
import { isUuid, type StoreRef } from './store-ref.js';

/** An uploaded file as the route hands it over (already within the size limit). */
export interface Upload {
  originalName: string;
  bytes: Buffer;
}

/** A media item's bytes with the type they were stored as. */
export interface MediaContent {
  contentType: string;
  bytes: Buffer;
}

function cleanName(name: string): string {
  // The original name is only shown to staff; keep it printable and short.
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim().slice(0, 200);
  return cleaned || 'upload';
}

/** The media library of a store: images checked by their bytes, stored under random keys. */
export class MediaService {
  constructor(private readonly media: MediaRepository, private readonly storage: MediaStorage) {}

  list(store: StoreRef, page: { limit: number; offset: number }): Promise<{ items: MediaRecord[]; total: number }> {
    return this.media.list(store.id, page);
  }

  async get(store: StoreRef, id: string): Promise<MediaRecord> {
    const item = isUuid(id) ? await this.media.byId(store.id, id) : undefined;
    if (!item) throw mediaNotFound();
    return item;
  }

  async upload(store: StoreRef, upload: Upload): Promise<MediaRecord> {
    const sniffed = await sniffImage(upload.bytes);
    const storageKey = newStorageKey(store.id, sniffed.extension);
    await this.storage.put(storageKey, upload.bytes);
    try {
      return await this.media.insert(store.id, { storageKey, originalName: cleanName(upload.originalName), contentType: sniffed.contentType, sizeBytes: upload.bytes.length });
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => {});
      throw error;
    }
  }

  async content(store: StoreRef, id: string): Promise<MediaContent> {
    const item = await this.get(store, id);
    const bytes = await this.storage.get(item.storageKey);
    if (!bytes) throw mediaNotFound();
    return { contentType: item.contentType, bytes };
  }

  async delete(store: StoreRef, id: string): Promise<void> {
    const item = isUuid(id) ? await this.media.delete(store.id, id) : undefined;
    if (!item) throw mediaNotFound();
    await this.storage.delete(item.storageKey);
  }
}
