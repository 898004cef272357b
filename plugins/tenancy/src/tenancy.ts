import { HostServices, type PluginContext } from '@wizamart/plugin-sdk';
import type { TenancyConfig } from './env.js';
import { TenantResolver } from './http/tenant-resolution.js';
import { createTransactor, type DbRef } from './repositories/db.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { DomainRepository } from './repositories/domain.repository.js';
import { MembershipRepository } from './repositories/membership.repository.js';
import { MerchantRepository } from './repositories/merchant.repository.js';
import { RoleRepository } from './repositories/role.repository.js';
import { StoreRepository } from './repositories/store.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { AuditService } from './services/audit.service.js';
import { MerchantService } from './services/merchant.service.js';
import { hashPassword, verifyPassword } from './services/passwords.js';
import { PlatformService } from './services/platform.service.js';
import { createPlatformDomains } from './services/platform-domains.js';
import { RoleCatalog } from './services/role-catalog.js';
import { RoleService } from './services/role.service.js';
import { createStaffDirectory } from './services/staff-directory.js';
import { createStoreDirectory } from './services/store-directory.js';
import { StoreService } from './services/store.service.js';
import { TeamService } from './services/team.service.js';
import { createUserAccounts } from './services/user-accounts.js';
import { UserService } from './services/user.service.js';

/** Everything the tenancy plugin is made of, built once in `register` (the composition root). */
export type Tenancy = ReturnType<typeof createTenancy>;

function repositories(db: DbRef) {
  return {
    stores: new StoreRepository(db),
    domains: new DomainRepository(db),
    merchants: new MerchantRepository(db),
    users: new UserRepository(db),
    memberships: new MembershipRepository(db),
    roles: new RoleRepository(db),
    audit: new AuditRepository(db),
  };
}

export function createTenancy(ctx: PluginContext<TenancyConfig>) {
  const config = ctx.config;
  const ttlMs = config.cacheTtlSeconds * 1000;
  const repos = repositories(() => ctx.db);
  const tx = createTransactor(() => ctx.db);
  // Host services are read when used: `register` must not depend on a database or the HTTP runtime.
  const platforms = () => ctx.services.get(HostServices.platforms);
  const plugins = () => ctx.services.get(HostServices.plugins);
  const logError = (error: unknown) => ctx.logger.error({ err: error }, 'tenancy background refresh failed');
  const audit = new AuditService(repos.audit);
  const directory = createStoreDirectory(repos.stores, repos.domains, ttlMs);
  const platformDomains = createPlatformDomains(platforms, ttlMs, logError);
  const catalog = new RoleCatalog(() => plugins().declaredPermissions());
  const users = new UserService(repos.users, tx, audit);
  const roles = new RoleService(repos.roles, repos.memberships, catalog, audit);
  const publish = (event: string, payload: unknown) => ctx.events.publish(event, payload);
  return {
    repos,
    directory,
    platformDomains,
    resolver: new TenantResolver(directory, platformDomains),
    staff: createStaffDirectory(repos.memberships),
    accounts: createUserAccounts({ users: repos.users, memberships: repos.memberships, roles: catalog, audit }),
    passwords: { hash: hashPassword, verify: verifyPassword },
    audit,
    users,
    roles,
    merchants: new MerchantService(repos.merchants, repos.stores, audit),
    stores: new StoreService({
      stores: repos.stores,
      domains: repos.domains,
      merchants: repos.merchants,
      memberships: repos.memberships,
      users,
      platforms,
      directory,
      audit,
      tx,
      publish,
    }),
    team: new TeamService(repos.memberships, users, roles, tx, audit),
    platforms: new PlatformService(platforms, audit),
    /** Loads the platform domains. */
    async start() {
      await platformDomains.reload();
    },
  };
}
