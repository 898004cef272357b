import { HostServices, definePlugin, optional, type PluginContext, type ResolvedDeps } from '@wizamart/plugin-sdk';
import { CatalogServices } from '@wizamart/plugin-catalog/tokens';
import { CoreServices } from '@wizamart/plugin-core/tokens';
import { CUSTOMER_PERMISSIONS } from '@wizamart/plugin-customers';
import { CustomerServices } from '@wizamart/plugin-customers/tokens';
import { PaymentsServices } from '@wizamart/plugin-payments/tokens';
import { AuthServices } from '@wizamart/plugin-auth/tokens';
import { TenancyServices } from '@wizamart/plugin-tenancy/tokens';
import { OrdersServices, type OrderEventPayload, ORDERS_PERMISSIONS } from './index.js';
import { reconcilePaymentsJob } from './jobs/reconcile-payments.job.js';
import { OrderRepository } from './repositories/order.repository.js';
import { SettingsRepository } from './repositories/settings.repository.js';
import type { OrdersDeps } from './routes/deps.js';
import { storeApiRoutes } from './routes/store-api.routes.js';
import { storePageRoutes } from './routes/store-pages.routes.js';
import { storefrontApiRoutes } from './routes/storefront-api.routes.js';
import { storefrontPageRoutes } from './routes/storefront-pages.routes.js';
import { createDemoSeed } from './seed.js';
import { HistoryActors } from './services/history-actors.js';
import { subscribeToPayments } from './services/payment-events.js';
import { OrderActions } from './services/order-actions.service.js';
import { OrderService, type PublishOrderEvent } from './services/order.service.js';
import { PricingService } from './services/pricing.service.js';
import { SettingsService } from './services/settings.service.js';
import { ShopperOrders } from './services/shopper-orders.service.js';
import { StockReturns } from './services/stock-returns.js';

/** The services orders uses, resolved by the host before `register`. */
const dependencies = {
  stores: TenancyServices.stores,
  auth: AuthServices.auth,
  staff: TenancyServices.staff,
  limits: AuthServices.rateLimits,
  ui: CoreServices.ui,
  variants: CatalogServices.variants,
  customers: CustomerServices.directory,
  payments: PaymentsServices.payments,
  providers: PaymentsServices.providers,
  plugins: HostServices.plugins,
  platforms: HostServices.platforms,
  // inventory is optional and its package may be absent from an install: its token is loaded lazily.
  reservations: optional(() =>
    import('@wizamart/plugin-inventory/tokens').then((m) => m.InventoryServices.reservations),
  ),
};
type Services = ResolvedDeps<typeof dependencies>;

const STATUS_TONES: Record<string, string> = {
  pending_payment: 'warning',
  paid: 'info',
  fulfilled: 'info',
  delivered: 'success',
  cancelled: 'muted',
  refunded: 'muted',
};

/** The plugin's `config` (manifest schema; env `WZ_ORDERS_<KEY>`). */
interface OrdersConfig {
  lookupIpMaxAttempts: number;
  lookupNumberMaxAttempts: number;
  lookupWindowSeconds: number;
}

type OrdersWiring = OrdersDeps & { orderRepository: OrderRepository; settingsRepository: SettingsRepository };

function createDeps(ctx: PluginContext<OrdersConfig>, services: Services): OrdersWiring {
  const orderRepository = new OrderRepository(() => ctx.db);
  const settingsRepository = new SettingsRepository(() => ctx.db);
  const { payments, plugins } = services;
  const publish: PublishOrderEvent = (name, order) =>
    ctx.events.publish<OrderEventPayload>(name, {
      storeId: order.storeId,
      orderId: order.id,
      number: order.number,
      status: order.status,
      grandTotal: order.grandTotal,
      currency: order.currency,
      customerId: order.customerId,
    });
  const pricing = new PricingService(services.variants, settingsRepository);
  const orders = new OrderService(orderRepository, pricing, payments, services.customers, publish);
  // Read on use: inventory may be missing, or fail after this plugin registered.
  const enabled = (platform: string) => plugins.isEnabled(platform, 'inventory');
  const stock = new StockReturns({ reservations: () => services.reservations, enabled }, ctx.logger);
  return {
    stores: services.stores,
    auth: services.auth,
    ui: services.ui,
    payments,
    orders,
    actions: new OrderActions(orderRepository, orders, payments, stock, publish),
    settings: new SettingsService(settingsRepository),
    actors: new HistoryActors({ staff: services.staff, customers: services.customers, providers: services.providers }),
    shopper: new ShopperOrders(orders, services.limits, {
      ipMaxAttempts: ctx.config.lookupIpMaxAttempts,
      numberMaxAttempts: ctx.config.lookupNumberMaxAttempts,
      windowSeconds: ctx.config.lookupWindowSeconds,
    }),
    orderRepository,
    settingsRepository,
  };
}

function provideServices(ctx: PluginContext<OrdersConfig>, deps: ReturnType<typeof createDeps>): void {
  ctx.services.provide(OrdersServices.orders, {
    shippingOptions: (rc) => deps.orders.shippingOptions(rc),
    quote: (rc, input) => deps.orders.quote(rc, input),
    place: async (rc, input) => {
      const order = await deps.orders.place(rc, input);
      // A payment captured while the order was being written (its event found no order yet) is applied now.
      if (order.status !== 'pending_payment') return order;
      if ((await deps.actions.settle(rc, order)) === 'pending_payment') return order;
      return (await deps.orders.get(rc, order.id))!;
    },
    get: (rc, orderId) => deps.orders.get(rc, orderId),
  });
}

function addMenus(ctx: PluginContext<OrdersConfig>): void {
  ctx.menus.add('store', {
    id: 'orders',
    label: 'orders.menu.orders',
    path: '/',
    icon: 'receipt',
    permission: ORDERS_PERMISSIONS.view,
    order: 30,
  });
  ctx.menus.add('store', {
    id: 'order-settings',
    label: 'orders.menu.settings',
    path: '/settings',
    icon: 'truck',
    permission: ORDERS_PERMISSIONS.settingsManage,
    order: 31,
  });
  ctx.menus.add('storefront', {
    id: 'orders',
    label: 'orders.menu.myOrders',
    path: '/',
    icon: 'package',
    permission: CUSTOMER_PERMISSIONS.account,
    order: 190,
  });
  ctx.menus.add('storefront', {
    id: 'lookup',
    label: 'orders.menu.lookup',
    path: '/lookup',
    icon: 'search',
    order: 195,
  });
}

export default definePlugin({
  deps: dependencies,
  register(ctx: PluginContext<OrdersConfig>, resolved) {
    const deps = createDeps(ctx, resolved);
    deps.ui.registerLocales(ctx);
    provideServices(ctx, deps);
    ctx.routes.api('store', storeApiRoutes(ctx.routes, deps));
    ctx.routes.pages('store', storePageRoutes(ctx.routes, deps));
    ctx.routes.api('storefront', storefrontApiRoutes(ctx.routes, deps));
    ctx.routes.pages('storefront', storefrontPageRoutes(ctx.routes, deps));
    ctx.views.helper('orders-status-tone', (status: string) => STATUS_TONES[status] ?? 'muted');
    ctx.views.helper('orders-percent', (basisPoints: number) => String(Number((Number(basisPoints) / 100).toFixed(2))));
    addMenus(ctx);
    subscribeToPayments(ctx, { stores: deps.stores, plugins: resolved.plugins, actions: deps.actions });
    ctx.jobs.define(
      'reconcile-payments',
      reconcilePaymentsJob({
        stores: deps.stores,
        orders: deps.orderRepository,
        actions: deps.actions,
        logger: ctx.logger,
      }),
    );
    ctx.cli.seed('demo', createDemoSeed({ stores: deps.stores, settings: deps.settingsRepository }));
  },
  async start(ctx, { platforms }) {
    const schedule = (platform: string) => ctx.jobs.every('5 minutes', 'reconcile-payments', {}, { platform });
    for (const platform of await platforms.list()) await schedule(platform.code);
    // A platform created later gets its schedule at once (calling `every` again for a known one changes nothing).
    platforms.onChange((code) => {
      schedule(code).catch((error: unknown) =>
        ctx.logger.warn({ err: error, platform: code }, 'could not schedule the payment reconciliation'),
      );
    });
  },
});
