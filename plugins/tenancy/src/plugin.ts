import { definePlugin, HostServices, type PluginContext } from '@wizamart/plugin-sdk';
import { createAdminCommand } from './cli/create-admin.command.js';
import { seedDemo } from './cli/demo.seed.js';
import { readEnv, type TenancyConfig } from './env.js';
import { createTenantStage } from './http/tenant.stage.js';
import { TenancyServices, type StoreDirectory } from './index.js';
import { mountApis } from './routes/apis.js';
import { mountPages } from './routes/pages.js';
import { createTenancy, type Tenancy } from './tenancy.js';

// Keyed by context: one process may run several hosts (tests), each with its own tenancy.
const instances = new WeakMap<PluginContext<TenancyConfig>, Tenancy>();

/** The store directory other plugins see (without tenancy's cache internals). */
function publicDirectory(tenancy: Tenancy): StoreDirectory {
  const { byCode, byId, list, onChange } = tenancy.directory;
  return { byCode, byId, list, onChange };
}

export default definePlugin<TenancyConfig>({
  register(ctx) {
    const tenancy = createTenancy(ctx);
    instances.set(ctx, tenancy);
    ctx.services.provide(TenancyServices.stores, publicDirectory(tenancy));
    ctx.services.provide(TenancyServices.staff, tenancy.staff);
    ctx.services.provide(TenancyServices.accounts, tenancy.accounts);
    ctx.services.provide(TenancyServices.passwords, tenancy.passwords);
    ctx.routes.use('tenant', createTenantStage(tenancy.resolver, tenancy.directory));
    mountApis(ctx, tenancy);
    mountPages(ctx, tenancy);
    ctx.cli.command(
      'create-admin',
      createAdminCommand(() => tenancy.users),
    );
    ctx.cli.seed('demo', () =>
      seedDemo(tenancy, ctx.services.get(HostServices.platforms), readEnv(ctx.services.get(HostServices.environment))),
    );
  },
  async start(ctx) {
    await instances.get(ctx)!.start();
  },
});
