import { rm } from 'node:fs/promises';
import { HostServices, definePlugin, type PluginContext, type ResolvedDeps } from '@wizamart/plugin-sdk';
import { CoreServices } from '@wizamart/plugin-core/tokens';
import { TenancyServices } from '@wizamart/plugin-tenancy/tokens';
import { CmsServices, CMS_PERMISSIONS } from './index.js';
import { MediaRepository } from './repositories/media.repository.js';
import { PageRepository } from './repositories/page.repository.js';
import { ThemeRepository } from './repositories/theme.repository.js';
import type { CmsDeps } from './routes/deps.js';
import { storeApiRoutes } from './routes/store-api.routes.js';
import { storePageRoutes } from './routes/store-pages.routes.js';
import { storeThemeMediaRoutes } from './routes/store-theme-media.routes.js';
import { cmsHomeData } from './routes/storefront-home.js';
import { storefrontApiRoutes, storefrontPageRoutes } from './routes/storefront.routes.js';
import { createDemoSeed } from './seed.js';
import { MediaService, mediaLibraryService } from './services/media.service.js';
import { LocalDiskMediaStorage, resolveMediaRoot } from './services/media-storage.js';
import { PageService } from './services/page.service.js';
import { ThemeService } from './services/theme.service.js';
import { createThemeStage } from './theme-stage.js';

interface CmsConfig {
  mediaDir?: string;
  mediaMaxBytes: number;
  themeCacheSeconds: number;
}

// Temporary media folders (memory:// data dirs) are removed when the host stops.
const temporaryFolders = new WeakMap<object, string>();

/** The services cms uses, resolved by the host before `register`. */
const dependencies = { stores: TenancyServices.stores, ui: CoreServices.ui, environment: HostServices.environment };

function createDeps(ctx: PluginContext<CmsConfig>, services: ResolvedDeps<typeof dependencies>): CmsDeps {
  const db = () => ctx.db;
  const media = new MediaRepository(db);
  const root = resolveMediaRoot(ctx.config.mediaDir, services.environment.dataDir);
  if (root.temporary) temporaryFolders.set(ctx, root.dir);
  const storage = new LocalDiskMediaStorage(root.dir);
  return {
    stores: services.stores,
    ui: services.ui,
    pages: new PageService(new PageRepository(db)),
    themes: new ThemeService(new ThemeRepository(db), media, ctx.config.themeCacheSeconds * 1000),
    media: new MediaService(media, storage, ctx.config.mediaMaxBytes),
    maxUploadBytes: ctx.config.mediaMaxBytes,
  };
}

function addMenus(ctx: PluginContext<CmsConfig>): void {
  ctx.menus.add('store', {
    id: 'pages',
    label: 'cms.menu.pages',
    path: '/pages',
    icon: 'file-text',
    permission: CMS_PERMISSIONS.pagesView,
    order: 60,
  });
  ctx.menus.add('store', {
    id: 'theme',
    label: 'cms.menu.theme',
    path: '/theme',
    icon: 'palette',
    permission: CMS_PERMISSIONS.themeManage,
    order: 61,
  });
  ctx.menus.add('store', {
    id: 'media',
    label: 'cms.menu.media',
    path: '/media',
    icon: 'image',
    permission: CMS_PERMISSIONS.mediaManage,
    order: 62,
  });
  ctx.menus.add('storefront', {
    id: 'pages',
    label: 'cms.menu.storefrontPages',
    path: '/',
    icon: 'file-text',
    order: 90,
  });
}

export default definePlugin({
  deps: dependencies,
  register(ctx: PluginContext<CmsConfig>, services) {
    const deps = createDeps(ctx, services);
    deps.ui.registerLocales(ctx);
    ctx.services.provide(CmsServices.pages, { published: (context) => deps.pages.published(context) });
    ctx.services.provide(CmsServices.themes, {
      storefrontTheme: (storeId, base) => deps.themes.storefrontTheme(storeId, base),
    });
    ctx.services.provide(CmsServices.media, mediaLibraryService(deps.media));
    ctx.routes.use('theme', createThemeStage(deps.themes, ctx.logger));
    ctx.routes.api('store', storeApiRoutes(ctx.routes, deps));
    ctx.routes.pages('store', storePageRoutes(ctx.routes, deps));
    ctx.routes.pages('store', storeThemeMediaRoutes(ctx.routes, deps));
    ctx.routes.api('storefront', storefrontApiRoutes(ctx.routes, deps));
    ctx.routes.pages('storefront', storefrontPageRoutes(ctx.routes, deps));
    addMenus(ctx);
    // The storefront home (core's) shows the store's `home` page and links to its other pages.
    deps.ui.addStorefrontSection(ctx, {
      id: 'home',
      order: 10,
      partial: 'cms/storefront-home',
      load: (req) => cmsHomeData(deps, req),
    });
    ctx.cli.seed('demo', createDemoSeed(deps));
  },
  async stop(ctx) {
    const folder = temporaryFolders.get(ctx);
    if (folder) await rm(folder, { recursive: true, force: true });
  },
});
