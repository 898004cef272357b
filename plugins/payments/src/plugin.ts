import { HostServices, definePlugin, type PluginContext, type ResolvedDeps } from '@wizamart/plugin-sdk';
import { CoreServices } from '@wizamart/plugin-core/tokens';
import { TenancyServices } from '@wizamart/plugin-tenancy/tokens';
import { PaymentsServices, PAYMENTS_PERMISSIONS } from './index.js';
import { BUILTIN_PROVIDERS } from './providers/builtin.js';
import { ProviderRegistry } from './providers/registry.js';
import { PaymentsRepository } from './repositories/payments.repository.js';
import { SettingsRepository } from './repositories/settings.repository.js';
import type { PaymentsDeps } from './routes/deps.js';
import { storeApiRoutes } from './routes/store-api.routes.js';
import { storePageRoutes } from './routes/store-pages.routes.js';
import { webhookRoutes } from './routes/webhook.routes.js';
import { createDemoSeed } from './seed.js';
import { PaymentsServiceImpl } from './services/payments.service.js';
import { SettingsService } from './services/settings.service.js';
import { WebhooksService } from './services/webhooks.service.js';

interface PaymentsConfig {
  defaultProviders: string;
  webhookTolerance: number;
}

/** The services payments uses, resolved by the host before `register`. */
const dependencies = { stores: TenancyServices.stores, ui: CoreServices.ui, plugins: HostServices.plugins };
type Services = ResolvedDeps<typeof dependencies>;

type PaymentsWiring = PaymentsDeps & { settingsRepository: SettingsRepository };

function createDeps(
  ctx: PluginContext<PaymentsConfig>,
  services: Services,
  registry: ProviderRegistry,
): PaymentsWiring {
  const db = () => ctx.db;
  const { stores, plugins } = services;
  const repository = new PaymentsRepository(db);
  const settingsRepository = new SettingsRepository(db);
  const defaults = ctx.config.defaultProviders
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  const settings = new SettingsService(settingsRepository, registry, defaults);
  const payments = new PaymentsServiceImpl(repository, registry, settings, (name, payload) =>
    ctx.events.publish(name, payload),
  );
  const webhooks = new WebhooksService(
    repository,
    registry,
    settings,
    payments,
    {
      byCode: (code) => stores.byCode(code),
      enabled: (platform) => plugins.isEnabled(platform, ctx.plugin.code),
    },
    ctx.config.webhookTolerance,
  );
  return { stores, ui: services.ui, payments, settings, webhooks, settingsRepository };
}

export default definePlugin({
  deps: dependencies,
  register(ctx: PluginContext<PaymentsConfig>, services) {
    const registry = new ProviderRegistry();
    for (const provider of BUILTIN_PROVIDERS) registry.register(provider);
    const deps = createDeps(ctx, services, registry);
    deps.ui.registerLocales(ctx);
    ctx.services.provide(PaymentsServices.providers, {
      register: (provider) => registry.register(provider),
      list: () => registry.list(),
    });
    ctx.services.provide(PaymentsServices.payments, {
      authorize: (rc, request) => deps.payments.authorize(rc, request),
      capture: (rc, id, options) => deps.payments.capture(rc, id, options),
      refund: (rc, id, options) => deps.payments.refund(rc, id, options),
      cancel: (rc, id, options) => deps.payments.cancel(rc, id, options),
      get: (rc, id) => deps.payments.get(rc, id),
      listForOrder: (rc, orderRef) => deps.payments.listForOrder(rc, orderRef),
      offeredProviders: (rc) => deps.payments.offeredProviders(rc),
    });
    ctx.routes.api('store', storeApiRoutes(ctx.routes, deps));
    ctx.routes.api('shared', webhookRoutes(ctx.routes, deps.webhooks));
    ctx.routes.pages(
      'store',
      storePageRoutes(ctx.routes, deps, (code) =>
        registry.list().some((provider) => provider.code === code && provider.offline),
      ),
    );
    ctx.views.helper(
      'payments-status-tone',
      (status: string) =>
        (
          ({
            captured: 'success',
            authorized: 'info',
            pending: 'warning',
            failed: 'danger',
            cancelled: 'muted',
            refunded: 'muted',
            partially_refunded: 'info',
          }) as Record<string, string>
        )[status] ?? 'muted',
    );
    ctx.menus.add('store', {
      id: 'payments',
      label: 'payments.menu.payments',
      path: '/',
      icon: 'credit-card',
      permission: PAYMENTS_PERMISSIONS.view,
      order: 50,
    });
    ctx.menus.add('store', {
      id: 'payment-settings',
      label: 'payments.menu.settings',
      path: '/settings',
      icon: 'settings',
      permission: PAYMENTS_PERMISSIONS.settingsManage,
      order: 51,
    });
    ctx.cli.seed(
      'demo',
      createDemoSeed({ stores: deps.stores, settings: deps.settingsRepository, payments: deps.payments }),
    );
  },
});
