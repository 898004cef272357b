import { HostServices, definePlugin, type PluginContext } from '@wizamart/plugin-sdk';
import { CatalogServices } from '@wizamart/plugin-catalog';
import { CoreServices } from '@wizamart/plugin-core';
import { TenancyServices } from '@wizamart/plugin-tenancy';
import { InventoryServices, INVENTORY_PERMISSIONS } from './index.js';
import { ReservationRepository } from './repositories/reservation.repository.js';
import { StockRepository } from './repositories/stock.repository.js';
import type { InventoryDeps } from './routes/deps.js';
import { storeApiRoutes } from './routes/store-api.routes.js';
import { storePageRoutes } from './routes/store-pages.routes.js';
import { ReservationService } from './services/reservation.service.js';
import { StockService } from './services/stock.service.js';
import { createDemoSeed } from './seed.js';

function createDeps(ctx: PluginContext): InventoryDeps & { reservations: ReservationService; stockRepository: StockRepository } {
  const db = () => ctx.db;
  const variants = ctx.services.get(CatalogServices.variants);
  const stockRepository = new StockRepository(db);
  return {
    stores: ctx.services.get(TenancyServices.stores),
    ui: ctx.services.get(CoreServices.ui),
    stock: new StockService(stockRepository, variants, 'Main warehouse'),
    reservations: new ReservationService(new ReservationRepository(db), variants),
    stockRepository,
  };
}

export default definePlugin({
  register(ctx) {
    const deps = createDeps(ctx);
    deps.ui.registerLocales(ctx);
    ctx.services.provide(InventoryServices.reservations, {
      reserve: (store, input) => deps.reservations.reserve(store, input),
      release: (store, id) => deps.reservations.release(store, id),
      commit: (store, id, actor) => deps.reservations.commit(store, id, actor),
      restore: (store, id, actor) => deps.reservations.restore(store, id, actor),
    });
    const plugins = ctx.services.get(HostServices.plugins);
    ctx.services.provide(InventoryServices.stock, {
      available: (store, ids) => (plugins.isEnabled(store.platform, ctx.plugin.code) ? deps.stock.availableUnits(store.id, ids) : Promise.resolve(undefined)),
    });
    // Catalog keeps asking while inventory is off on a platform; stock states then stay unknown there.
    ctx.services.get(CatalogServices.availability).register((store, ids) =>
      (plugins.isEnabled(store.platform, ctx.plugin.code) ? deps.stock.availability(store.id, ids) : Promise.resolve(undefined)));
    ctx.routes.api('store', storeApiRoutes(ctx.routes, deps));
    ctx.routes.pages('store', storePageRoutes(ctx.routes, deps));
    ctx.views.helper('inventory-reasons', () => ['received', 'adjusted', 'returned', 'damaged', 'counted']);
    ctx.menus.add('store', { id: 'stock', label: 'inventory.menu.stock', path: '/', icon: 'warehouse', permission: INVENTORY_PERMISSIONS.view, order: 25 });
    ctx.menus.add('store', { id: 'low', label: 'inventory.menu.low', path: '/low', icon: 'triangle-alert', permission: INVENTORY_PERMISSIONS.view, order: 26 });
    ctx.cli.seed('demo', createDemoSeed({ stores: deps.stores, variants: ctx.services.get(CatalogServices.variants), stock: deps.stock, repository: deps.stockRepository }));
    ctx.jobs.define('release-expired', async (job) => {
      const released = await deps.reservations.releaseExpired();
      await job.progress(100, `released ${released}`);
    });
  },
  async start(ctx) {
    await ctx.jobs.every('1 minute', 'release-expired');
  },
});
