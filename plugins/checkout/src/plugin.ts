import { HostServices, defineServiceToken, definePlugin, type PluginContext } from '@wizamart/plugin-sdk';
import { CartServices } from '@wizamart/plugin-cart';
import { CoreServices } from '@wizamart/plugin-core';
import { CustomerServices } from '@wizamart/plugin-customers';
import type { InventoryReservations, InventoryStock } from '@wizamart/plugin-inventory';
import { OrdersServices } from '@wizamart/plugin-orders';
import { PaymentsServices } from '@wizamart/plugin-payments';
import { TenancyServices } from '@wizamart/plugin-tenancy';
import { createCleanupJob } from './jobs/cleanup.job.js';
import { IdempotencyRepository } from './repositories/idempotency.repository.js';
import { SessionRepository } from './repositories/session.repository.js';
import type { CheckoutDeps } from './routes/deps.js';
import { storefrontApiRoutes } from './routes/storefront-api.routes.js';
import { storefrontPageRoutes } from './routes/storefront-pages.routes.js';
import { CheckoutService } from './services/checkout.service.js';
import { IdempotencyGate } from './services/idempotency.service.js';
import { PlacementService } from './services/placement.service.js';
import { StockKeeper } from './services/stock-keeper.js';

/** `WZ_CHECKOUT_<KEY>` settings (manifest `config`). */
export interface CheckoutConfig {
  idempotencyWaitMs: number;
  leaseSeconds: number;
  keyTtlHours: number;
  reservationTtlSeconds: number;
}

// Copies of inventory's tokens (copies compare equal): inventory is optional, so its package may be absent at run
// time and only its types are imported.
const inventoryReservations = defineServiceToken<InventoryReservations>('inventory', 'reservations');
const inventoryStock = defineServiceToken<InventoryStock>('inventory', 'stock');

function createDeps(ctx: PluginContext<CheckoutConfig>): CheckoutDeps & { sessions: SessionRepository } {
  const db = () => ctx.db;
  const plugins = ctx.services.get(HostServices.plugins);
  const [carts, orders, payments, providers] = [
    ctx.services.get(CartServices.carts), ctx.services.get(OrdersServices.orders), ctx.services.get(PaymentsServices.payments), ctx.services.get(PaymentsServices.providers),
  ];
  const sessions = new SessionRepository(db);
  const keys = new IdempotencyRepository(db, ctx.config.keyTtlHours);
  const checkout = new CheckoutService(sessions, orders, payments, providers, ctx.services.get(CustomerServices.directory));
  // Inventory is looked up on use: it may be missing, or (as an optional dependency) registered after this plugin.
  const stock = new StockKeeper({
    reservations: () => ctx.services.getOptional(inventoryReservations), stock: () => ctx.services.getOptional(inventoryStock),
    enabled: (platform) => plugins.isEnabled(platform, 'inventory'), ttlSeconds: ctx.config.reservationTtlSeconds, logger: ctx.logger,
  });
  const gate = new IdempotencyGate(keys, { leaseSeconds: ctx.config.leaseSeconds, waitMs: ctx.config.idempotencyWaitMs });
  const placement = new PlacementService({ carts, checkout, sessions, keys, gate, orders, payments, providers, stock, logger: ctx.logger, leaseSeconds: ctx.config.leaseSeconds });
  return {
    stores: ctx.services.get(TenancyServices.stores), auth: ctx.services.get(TenancyServices.auth), ui: ctx.services.get(CoreServices.ui),
    carts, orders, checkout, placement, keys, sessions,
  };
}

export default definePlugin<CheckoutConfig>({
  register(ctx) {
    const deps = createDeps(ctx);
    deps.ui.registerLocales(ctx);
    ctx.routes.api('storefront', storefrontApiRoutes(ctx.routes, deps));
    ctx.routes.pages('storefront', storefrontPageRoutes(ctx.routes, deps));
    // Saved addresses for the address step's picker, as JSON inside an Alpine attribute (Handlebars escapes it).
    ctx.views.helper('checkout-json', (value: unknown) => JSON.stringify(value ?? null));
    ctx.jobs.define('cleanup', createCleanupJob(deps));
  },
  async start(ctx) {
    await ctx.jobs.every('10 minutes', 'cleanup');
  },
});
