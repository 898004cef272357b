import { HostServices, definePlugin, optional, type PluginContext, type ResolvedDeps } from '@wizamart/plugin-sdk';
import { CartServices } from '@wizamart/plugin-cart/tokens';
import { CoreServices } from '@wizamart/plugin-core/tokens';
import { CustomerServices } from '@wizamart/plugin-customers/tokens';
import { OrdersServices } from '@wizamart/plugin-orders/tokens';
import { PaymentsServices } from '@wizamart/plugin-payments/tokens';
import { AuthServices } from '@wizamart/plugin-auth/tokens';
import { TenancyServices } from '@wizamart/plugin-tenancy/tokens';
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

// inventory is optional and its package may be absent from an install: its tokens are loaded lazily.
const inventory = () => import('@wizamart/plugin-inventory/tokens').then((m) => m.InventoryServices);

/** The services checkout uses, resolved by the host before `register`. */
const dependencies = {
  stores: TenancyServices.stores,
  auth: AuthServices.auth,
  ui: CoreServices.ui,
  carts: CartServices.carts,
  orders: OrdersServices.orders,
  payments: PaymentsServices.payments,
  providers: PaymentsServices.providers,
  customers: CustomerServices.directory,
  plugins: HostServices.plugins,
  reservations: optional(() => inventory().then((tokens) => tokens.reservations)),
  stock: optional(() => inventory().then((tokens) => tokens.stock)),
};

type Services = ResolvedDeps<typeof dependencies>;

type CheckoutWiring = CheckoutDeps & { sessions: SessionRepository; keys: IdempotencyRepository };

function createDeps(ctx: PluginContext<CheckoutConfig>, services: Services): CheckoutWiring {
  const db = () => ctx.db;
  const { plugins, carts, orders, payments, providers } = services;
  const sessions = new SessionRepository(db);
  const keys = new IdempotencyRepository(db, ctx.config.keyTtlHours);
  const checkout = new CheckoutService(sessions, orders, payments, providers, services.customers);
  // Inventory is read on use: it may be missing, or fail after this plugin registered.
  const stock = new StockKeeper({
    reservations: () => services.reservations,
    stock: () => services.stock,
    enabled: (platform) => plugins.isEnabled(platform, 'inventory'),
    ttlSeconds: ctx.config.reservationTtlSeconds,
    logger: ctx.logger,
  });
  const gate = new IdempotencyGate(keys, {
    leaseSeconds: ctx.config.leaseSeconds,
    waitMs: ctx.config.idempotencyWaitMs,
  });
  const placement = new PlacementService({
    carts,
    checkout,
    sessions,
    keys,
    gate,
    orders,
    payments,
    providers,
    stock,
    logger: ctx.logger,
    leaseSeconds: ctx.config.leaseSeconds,
  });
  return {
    stores: services.stores,
    auth: services.auth,
    ui: services.ui,
    carts,
    orders,
    checkout,
    placement,
    keys,
    sessions,
  };
}

export default definePlugin({
  deps: dependencies,
  register(ctx: PluginContext<CheckoutConfig>, resolved) {
    const deps = createDeps(ctx, resolved);
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
