import { definePlugin, HostServices, type PluginContext, type ResolvedDeps } from '@wizamart/plugin-sdk';
import { CmsServices } from '@wizamart/plugin-cms/tokens';
import { CoreServices } from '@wizamart/plugin-core/tokens';
import { AuthServices } from '@wizamart/plugin-auth/tokens';
import { TenancyServices } from '@wizamart/plugin-tenancy/tokens';
import { CatalogServices, CATALOG_PERMISSIONS } from './index.js';
import { CategoryRepository } from './repositories/category.repository.js';
import { ProductRepository } from './repositories/product.repository.js';
import { StorefrontRepository } from './repositories/storefront.repository.js';
import type { CatalogDeps } from './routes/deps.js';
import { storeApiRoutes } from './routes/store-api.routes.js';
import { storePageRoutes } from './routes/store-pages.routes.js';
import { storefrontApiRoutes } from './routes/storefront-api.routes.js';
import { catalogHomeData, storefrontPageRoutes } from './routes/storefront-pages.routes.js';
import { createDemoSeed } from './seed.js';
import { CategoryService } from './services/category.service.js';
import { ProductPageSlot } from './services/product-page.service.js';
import { ProductService } from './services/product.service.js';
import { StorefrontService } from './services/storefront.service.js';

interface CatalogConfig {
  demoProducts: boolean;
}

/** The services catalog uses, resolved by the host before `register`. */
const dependencies = {
  stores: TenancyServices.stores,
  auth: AuthServices.auth,
  ui: CoreServices.ui,
  media: CmsServices.media,
  plugins: HostServices.plugins,
};
type Services = ResolvedDeps<typeof dependencies>;

function createDeps(
  ctx: PluginContext<CatalogConfig>,
  services: Services,
): CatalogDeps & { productRepository: ProductRepository } {
  const db = () => ctx.db;
  const products = new ProductRepository(db);
  const categories = new CategoryRepository(db);
  const { media } = services;
  return {
    stores: services.stores,
    auth: services.auth,
    ui: services.ui,
    products: new ProductService(products, categories, media),
    categories: new CategoryService(categories),
    storefront: new StorefrontService(new StorefrontRepository(db), products, categories, media),
    media,
    productPage: new ProductPageSlot(() => services.plugins, ctx.logger),
    productRepository: products,
  };
}

function provideServices(ctx: PluginContext<CatalogConfig>, deps: ReturnType<typeof createDeps>): void {
  ctx.services.provide(CatalogServices.variants, {
    byIds: (storeId, ids) => (ids.length ? deps.productRepository.variantsByIds(storeId, ids) : Promise.resolve([])),
    search: (storeId, filter) => deps.productRepository.searchVariants(storeId, filter),
  });
  ctx.services.provide(CatalogServices.availability, {
    register: (provider) => deps.storefront.setAvailability(provider),
  });
  ctx.services.provide(CatalogServices.productPage, {
    addPanel: (plugin, panel) => deps.productPage.addPanel(plugin, panel),
  });
}

function addViews(ctx: PluginContext<CatalogConfig>): void {
  // JSON for Alpine expressions inside attributes (Handlebars escapes the quotes; the browser decodes them).
  ctx.views.helper('catalog-json', (value: unknown) => JSON.stringify(value ?? null));
  ctx.views.helper('catalog-indent', (depth: unknown) => Array.from({ length: Math.min(Number(depth) || 0, 10) }));
}

function addMenus(ctx: PluginContext<CatalogConfig>): void {
  ctx.menus.add('store', {
    id: 'products',
    label: 'catalog.menu.products',
    path: '/',
    icon: 'package',
    permission: CATALOG_PERMISSIONS.view,
    order: 20,
  });
  ctx.menus.add('store', {
    id: 'categories',
    label: 'catalog.menu.categories',
    path: '/categories',
    icon: 'tags',
    permission: CATALOG_PERMISSIONS.view,
    order: 21,
  });
  ctx.menus.add('storefront', {
    id: 'products',
    label: 'catalog.menu.shop',
    path: '/products',
    icon: 'shopping-bag',
    order: 10,
    root: true,
  });
}

export default definePlugin({
  deps: dependencies,
  register(ctx: PluginContext<CatalogConfig>, services) {
    const deps = createDeps(ctx, services);
    deps.ui.registerLocales(ctx);
    provideServices(ctx, deps);
    ctx.routes.api('store', storeApiRoutes(ctx.routes, deps));
    ctx.routes.api('storefront', storefrontApiRoutes(ctx.routes, deps));
    ctx.routes.pages('store', storePageRoutes(ctx.routes, deps));
    ctx.routes.pages('storefront', storefrontPageRoutes(ctx.routes, deps));
    // Shoppers' URLs are short: /storefront/<store>/products/<slug> and /storefront/<store>/sitemap.xml (the same
    // pages as under /catalog/).
    ctx.routes.pagesAlias('storefront', 'products');
    ctx.routes.pagesAlias('storefront', 'sitemap.xml');
    addViews(ctx);
    addMenus(ctx);
    // The storefront home (core's) shows search, featured products and categories while catalog is enabled.
    deps.ui.addStorefrontSection(ctx, {
      id: 'home',
      order: 20,
      partial: 'catalog/storefront-home',
      load: (req) => catalogHomeData(deps, req),
    });
    if (ctx.config.demoProducts) ctx.cli.seed('demo', createDemoSeed(deps));
  },
});
