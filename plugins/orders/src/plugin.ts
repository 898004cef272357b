import { HostServices, defineServiceToken, definePlugin, type PluginContext } from '@wizamart/plugin-sdk';
import { CatalogServices } from '@wizamart/plugin-catalog';
import { CoreServices } from '@wizamart/plugin-core';
import { CustomerServices, CUSTOMER_PERMISSIONS } from '@wizamart/plugin-customers';
import type { InventoryReservations } from '@wizamart/plugin-inventory';
import { PaymentsServices } from '@wizamart/plugin-payments';
import { TenancyServices } from '@wizamart/plugin-tenancy';
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
import { StockReturns } from './services/stock-returns.js';

// A copy of inventory's token (copies compare equal): inventory is optional, so its package may be absent at run
// time and only its types are imported.
const inventoryReservations = defineServiceToken<InventoryReservations>('inventory', 'reservations');

const STATUS_TONES: Record<string, string> = { pending_payment: 'warning', paid: 'info', fulfilled: 'info', delivered: 'success', cancelled: 'muted', refunded: 'muted' };

/** The plugin's `config` (manifest schema; env `WZ_ORDERS_<KEY>`). */
interface OrdersConfig {
  lookupIpMaxAttempts: number;
  lookupNumberMaxAttempts: number;
  lookupWindowSeconds: number;
}

function createDeps(ctx: PluginContext<OrdersConfig>): OrdersDeps & { orderRepository: OrderRepository; settingsRepository: SettingsRepository } {
  const orderRepository = new OrderRepository(() => ctx.db);
  const settingsRepository = new SettingsRepository(() => ctx.db);
  const payments = ctx.services.get(PaymentsServices.payments);
  const plugins = ctx.services.get(HostServices.plugins);
  const publish: PublishOrderEvent = (name, order) => ctx.events.publish<OrderEventPayload>(name, {
    storeId: order.storeId, orderId: order.id, number: order.number, status: order.status, grandTotal: order.grandTotal, currency: order.currency, customerId: order.customerId,
  });
  const pricing = new PricingService(ctx.services.get(CatalogServices.variants), settingsRepository);
  const orders = new OrderService(orderRepository, pricing, payments, ctx.services.get(CustomerServices.directory), publish);
  // Looked up on use: inventory may be missing, or (as an optional dependency) registered after this plugin.
  const stock = new StockReturns({ reservations: () => ctx.services.getOptional(inventoryReservations), enabled: (platform) => plugins.isEnabled(platform, 'inventory') }, ctx.logger);
  return {
    stores: ctx.services.get(TenancyServices.stores), auth: ctx.services.get(TenancyServices.auth), ui: ctx.services.get(CoreServices.ui), payments,
    orders, actions: new OrderActions(orderRepository, orders, payments, stock, publish), settings: new SettingsService(settingsRepository),
    actors: new HistoryActors({ staff: ctx.services.get(TenancyServices.staff), customers: ctx.services.get(CustomerServices.directory), providers: ctx.services.get(PaymentsServices.providers) }),
    limits: ctx.services.get(TenancyServices.rateLimits),
    lookupLimits: { ipMaxAttempts: ctx.config.lookupIpMaxAttempts, numberMaxAttempts: ctx.config.lookupNumberMaxAttempts, windowSeconds: ctx.config.lookupWindowSeconds },
    orderRepository, settingsRepository,
  };
}

function provideServices(ctx: PluginContext<OrdersConfig>, deps: ReturnType<typeof createDeps>): void {
  ctx.services.provide(OrdersServices.orders, {
    shippingOptions: (store) => deps.orders.shippingOptions(store),
    quote: (store, input) => deps.orders.quote(store, input),
    place: async (store, input) => {
      const order = await deps.orders.place(store, input);
      // A payment captured while the order was being written (its event found no order yet) is applied now.
      return order.status === 'pending_payment' && (await deps.actions.settle(store, order)) !== 'pending_payment' ? (await deps.orders.get(store, order.id))! : order;
    },
    get: (store, orderId) => deps.orders.get(store, orderId),
  });
}

function addMenus(ctx: PluginContext<OrdersConfig>): void {
  ctx.menus.add('store', { id: 'orders', label: 'orders.menu.orders', path: '/', icon: 'receipt', permission: ORDERS_PERMISSIONS.view, order: 30 });
  ctx.menus.add('store', { id: 'order-settings', label: 'orders.menu.settings', path: '/settings', icon: 'truck', permission: ORDERS_PERMISSIONS.settingsManage, order: 31 });
  ctx.menus.add('storefront', { id: 'orders', label: 'orders.menu.myOrders', path: '/', icon: 'package', permission: CUSTOMER_PERMISSIONS.account, order: 190 });
  ctx.menus.add('storefront', { id: 'lookup', label: 'orders.menu.lookup', path: '/lookup', icon: 'search', order: 195 });
}

export default definePlugin<OrdersConfig>({
  register(ctx) {
    const deps = createDeps(ctx);
    deps.ui.registerLocales(ctx);
    provideServices(ctx, deps);
    ctx.routes.api('store', storeApiRoutes(ctx.routes, deps));
    ctx.routes.pages('store', storePageRoutes(ctx.routes, deps));
    ctx.routes.api('storefront', storefrontApiRoutes(ctx.routes, deps));
    ctx.routes.pages('storefront', storefrontPageRoutes(ctx.routes, deps));
    ctx.views.helper('orders-status-tone', (status: string) => STATUS_TONES[status] ?? 'muted');
    ctx.views.helper('orders-percent', (basisPoints: number) => String(Number((Number(basisPoints) / 100).toFixed(2))));
    addMenus(ctx);
    subscribeToPayments(ctx, { stores: deps.stores, plugins: ctx.services.get(HostServices.plugins), actions: deps.actions });
    ctx.jobs.define('reconcile-payments', reconcilePaymentsJob({ stores: deps.stores, orders: deps.orderRepository, actions: deps.actions, logger: ctx.logger }));
    ctx.cli.seed('demo', createDemoSeed({ stores: deps.stores, settings: deps.settingsRepository }));
  },
  async start(ctx) {
    const platforms = ctx.services.get(HostServices.platforms);
    const schedule = (platform: string) => ctx.jobs.every('5 minutes', 'reconcile-payments', {}, { platform });
    for (const platform of await platforms.list()) await schedule(platform.code);
    // A platform created later gets its schedule at once (calling `every` again for a known one changes nothing).
    platforms.onChange((code) => {
      schedule(code).catch((error: unknown) => ctx.logger.warn({ err: error, platform: code }, 'could not schedule the payment reconciliation'));
    });
  },
});
