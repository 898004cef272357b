import { HostServices, definePlugin, type PluginContext, type ResolvedDeps } from '@wizamart/plugin-sdk';
import { CatalogServices } from '@wizamart/plugin-catalog/tokens';
import { CoreServices } from '@wizamart/plugin-core/tokens';
import { TenancyServices } from '@wizamart/plugin-tenancy/tokens';
import { InventoryServices, INVENTORY_PERMISSIONS } from './index.js';
import { ReservationRepository } from './repositories/reservation.repository.js';
import { StockRepository } from './repositories/stock.repository.js';
import type { InventoryDeps } from './routes/deps.js';
import { storeApiRoutes } from './routes/store-api.routes.js';
import { storePageRoutes } from './routes/store-pages.routes.js';
import { ReservationService } from './services/reservation.service.js';
import { StockService } from './services/stock.service.js';
import { createDemoSeed } from './seed.js';

/** The services inventory uses, resolved by the host before `register`. */
const dependencies = {
  stores: TenancyServices.stores,
  ui: CoreServices.ui,
  variants: CatalogServices.variants,
  availability: CatalogServices.availability,
  plugins: HostServices.plugins,
};
type Services = ResolvedDeps<typeof dependencies>;

type InventoryWiring = InventoryDeps & { reservations: ReservationService; stockRepository: StockRepository };

function createDeps(ctx: PluginContext, services: Services): InventoryWiring {
  const db = () => ctx.db;
  const { variants } = services;
  const stockRepository = new StockRepository(db);
  return {
    stores: services.stores,
    ui: services.ui,
    stock: new StockService(stockRepository, variants, 'Main warehouse'),
    reservations: new ReservationService(new ReservationRepository(db), variants),
    stockRepository,
  };
}

export default definePlugin({
  deps: dependencies,
  register(ctx, services) {
    const deps = createDeps(ctx, services);
    deps.ui.registerLocales(ctx);
    ctx.services.provide(InventoryServices.reservations, {
      reserve: (store, input) => deps.reservations.reserve(store, input),
      release: (store, id) => deps.reservations.release(store, id),
      commit: (store, id, actor) => deps.reservations.commit(store, id, actor),
      restore: (store, id, actor) => deps.reservations.restore(store, id, actor),
    });
    const { plugins } = services;
    ctx.services.provide(InventoryServices.stock, {
      available: (store, ids) =>
        plugins.isEnabled(store.platform, ctx.plugin.code)
          ? deps.stock.availableUnits(store.id, ids)
          : Promise.resolve(undefined),
    });
    // Catalog keeps asking while inventory is off on a platform; stock states then stay unknown there.
    services.availability.register((store, ids) =>
      plugins.isEnabled(store.platform, ctx.plugin.code)
        ? deps.stock.availability(store.id, ids)
        : Promise.resolve(undefined),
    );
    ctx.routes.api('store', storeApiRoutes(ctx.routes, deps));
    ctx.routes.pages('store', storePageRoutes(ctx.routes, deps));
    ctx.views.helper('inventory-reasons', () => ['received', 'adjusted', 'returned', 'damaged', 'counted']);
    ctx.menus.add('store', {
      id: 'stock',
      label: 'inventory.menu.stock',
      path: '/',
      icon: 'warehouse',
      permission: INVENTORY_PERMISSIONS.view,
      order: 25,
    });
    ctx.menus.add('store', {
      id: 'low',
      label: 'inventory.menu.low',
      path: '/low',
      icon: 'triangle-alert',
      permission: INVENTORY_PERMISSIONS.view,
      order: 26,
    });
    const { stores, stock, stockRepository: repository } = deps;
    ctx.cli.seed('demo', createDemoSeed({ stores, variants: services.variants, stock, repository }));
    ctx.jobs.define('release-expired', async (job) => {
      const released = await deps.reservations.releaseExpired();
      await job.progress(100, `released ${released}`);
    });
  },
  async start(ctx) {
    await ctx.jobs.every('1 minute', 'release-expired');
  },
});
