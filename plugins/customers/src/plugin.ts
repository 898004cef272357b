import { HostServices, definePlugin, type PluginContext, type ResolvedDeps } from '@wizamart/plugin-sdk';
import { CoreServices } from '@wizamart/plugin-core/tokens';
import { AuthServices } from '@wizamart/plugin-auth/tokens';
import { TenancyServices } from '@wizamart/plugin-tenancy/tokens';
import { CustomerServices, CUSTOMER_PERMISSIONS } from './index.js';
import { AddressRepository } from './repositories/address.repository.js';
import { CustomerRepository } from './repositories/customer.repository.js';
import type { CustomersDeps } from './routes/deps.js';
import { storeApiRoutes, storePageRoutes } from './routes/store.routes.js';
import { storefrontAccountRoutes } from './routes/storefront-account.routes.js';
import { storefrontApiRoutes } from './routes/storefront-api.routes.js';
import { storefrontAuthRoutes } from './routes/storefront-auth.routes.js';
import { createDemoSeed } from './seed.js';
import { AccountService } from './services/account.service.js';
import { AddressService } from './services/address.service.js';
import { CustomerService } from './services/customer.service.js';
import { storefrontLinksStage } from './storefront-links.js';

/** The services customers uses, resolved by the host before `register`. */
const dependencies = {
  stores: TenancyServices.stores,
  auth: AuthServices.auth,
  ui: CoreServices.ui,
  environment: HostServices.environment,
};

type CustomersWiring = CustomersDeps & { repository: CustomerRepository };

function createDeps(ctx: PluginContext, services: ResolvedDeps<typeof dependencies>): CustomersWiring {
  const db = () => ctx.db;
  const repository = new CustomerRepository(db);
  const addresses = new AddressRepository(db);
  const { stores, auth } = services;
  return {
    stores,
    auth,
    ui: services.ui,
    accounts: new AccountService({ stores, auth, customers: repository }),
    customers: new CustomerService(repository, addresses),
    addresses: new AddressService(addresses),
    repository,
  };
}

function addMenus(ctx: PluginContext): void {
  ctx.menus.add('store', {
    id: 'customers',
    label: 'customers.menu.customers',
    path: '/',
    icon: 'users',
    permission: CUSTOMER_PERMISSIONS.view,
    order: 40,
  });
  ctx.menus.add('storefront', {
    id: 'account',
    label: 'customers.menu.account',
    path: '/account',
    icon: 'user',
    order: 200,
  });
}

export default definePlugin({
  deps: dependencies,
  register(ctx, services) {
    const deps = createDeps(ctx, services);
    deps.ui.registerLocales(ctx);
    deps.auth.registerPrincipalResolver('storefront', (claims) => deps.accounts.resolvePrincipal(claims));
    ctx.services.provide(CustomerServices.accounts, deps.accounts);
    ctx.services.provide(CustomerServices.directory, {
      byId: (storeId, id) => deps.customers.byId(storeId, id),
      savedAddresses: (storeId, customerId) => deps.customers.savedAddresses(storeId, customerId),
    });
    ctx.routes.use('theme', storefrontLinksStage());
    ctx.routes.api('storefront', storefrontApiRoutes(ctx.routes, deps));
    // The shopper's sign-in API also lives at the storefront API root, where the brief (and clients) expect it:
    // `/api/v1/storefront/<store>/auth/register|login|logout` and `/api/v1/storefront/<store>/me`.
    ctx.routes.apiRoot('storefront', storefrontApiRoutes(ctx.routes, deps));
    ctx.routes.pages('storefront', storefrontAuthRoutes(ctx.routes, deps));
    ctx.routes.pages('storefront', storefrontAccountRoutes(ctx.routes, deps));
    ctx.routes.api('store', storeApiRoutes(ctx.routes, deps));
    ctx.routes.pages('store', storePageRoutes(ctx.routes, deps));
    addMenus(ctx);
    const seed = { stores: deps.stores, auth: deps.auth, customers: deps.repository };
    ctx.cli.seed('demo', createDemoSeed(seed, services.environment.demoPassword));
  },
});
