import type { CoreUi } from '@wizamart/plugin-core';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { MediaRecord, PageRecord } from '../model.js';
import type { MediaService } from '../services/media.service.js';
import type { PageService } from '../services/page.service.js';
import type { ThemeService } from '../services/theme.service.js';

/** What the cms routers need, wired in plugin.ts. */
export interface CmsDeps {
  stores: StoreDirectory;
  ui: CoreUi;
  pages: PageService;
  themes: ThemeService;
  media: MediaService;
  maxUploadBytes: number;
}

/** A page as the API returns it. */
export function pageJson(page: PageRecord) {
  const { storeId: _storeId, ...rest } = page;
  return rest;
}

/** A media item as the API and dashboard show it, with its public URL on the store's storefront. */
export function mediaJson(item: MediaRecord, storefrontBase: string) {
  return {
    id: item.id,
    originalName: item.originalName,
    contentType: item.contentType,
    sizeBytes: item.sizeBytes,
    createdAt: item.createdAt,
    url: `${storefrontBase}/cms/media/${item.id}`,
  };
}
