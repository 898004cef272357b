import { HostServices, hostErrors, type PluginContext } from '@wizamart/plugin-sdk';
import { readEnv, type TenancyConfig } from './env.js';
import { TenantResolver } from './http/tenant-resolution.js';
import { createTransactor, type DbRef } from './repositories/db.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { DomainRepository } from './repositories/domain.repository.js';
import { MembershipRepository } from './repositories/membership.repository.js';
import { MerchantRepository } from './repositories/merchant.repository.js';
import { RevocationRepository } from './repositories/revocation.repository.js';
import { RoleRepository } from './repositories/role.repository.js';
import { SettingsRepository } from './repositories/settings.repository.js';
import { StoreRepository } from './repositories/store.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { AuditService } from './services/audit.service.js';
import { createAuthService } from './services/auth.service.js';
import { loadJwtSecret } from './services/jwt-secret.js';
import { LoginLimiter } from './services/login-limiter.js';
import { MerchantService } from './services/merchant.service.js';
import { PluginAdminService } from './services/plugin-admin.service.js';
import { PlatformService } from './services/platform.service.js';
import { createPlatformDomains } from './services/platform-domains.js';
import { PrincipalLoader } from './services/principals.js';
import { createMemoryCounter, createRedisCounter, type Counter } from './services/rate-limit.js';
import { createRateLimits } from './services/rate-limiter.js';
import { RevocationList } from './services/revocations.js';
import { RoleCatalog } from './services/role-catalog.js';
import { RoleService } from './services/role.service.js';
import { Sessions } from './services/sessions.js';
import { createSignIn } from './services/sign-in.service.js';
import { createStaffDirectory } from './services/staff-directory.js';
import { createStoreDirectory } from './services/store-directory.js';
import { StoreService } from './services/store.service.js';
import { TeamService } from './services/team.service.js';
import { TokenService } from './services/tokens.js';
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
    settings: new SettingsRepository(db),
    audit: new AuditRepository(db),
    revocations: new RevocationRepository(db),
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
  let secret: string | undefined;
  let counter: Counter | undefined;
  const getSecret = () => secret ?? notStarted();
  const audit = new AuditService(repos.audit);
  const directory = createStoreDirectory(repos.stores, repos.domains, ttlMs);
  const platformDomains = createPlatformDomains(platforms, ttlMs, logError);
  const catalog = new RoleCatalog(() => plugins().declaredPermissions());
  const revocations = new RevocationList(repos.revocations, ttlMs, logError);
  const principals = new PrincipalLoader(repos.users, repos.memberships, catalog, revocations);
  const tokens = new TokenService(getSecret, (req, claims) => principals.load(req, claims));
  const sessions = new Sessions(getSecret);
  const limiter = new LoginLimiter(() => counter ?? notStarted(), { maxAttempts: config.loginMaxAttempts, ipMaxAttempts: config.loginIpMaxAttempts, windowSeconds: config.loginWindowSeconds });
  const auth = createAuthService({ tokens, sessions, limiter, principals, revocations, logger: ctx.logger });
  const users = new UserService(repos.users, tx, audit);
  const roles = new RoleService(repos.roles, repos.memberships, catalog, audit);
  const publish = (event: string, payload: unknown) => ctx.events.publish(event, payload);
  return {
    repos,
    directory,
    platformDomains,
    resolver: new TenantResolver(directory, platformDomains),
    tokens,
    sessions,
    auth,
    rateLimits: createRateLimits(() => counter ?? notStarted()),
    staff: createStaffDirectory(repos.memberships),
    signIn: createSignIn({ users: repos.users, memberships: repos.memberships, tokens, limiter, audit }),
    audit,
    users,
    roles,
    merchants: new MerchantService(repos.merchants, repos.stores, audit),
    stores: new StoreService({ stores: repos.stores, domains: repos.domains, merchants: repos.merchants, memberships: repos.memberships, users, platforms, directory, audit, tx, publish }),
    team: new TeamService(repos.memberships, users, roles, tx, audit),
    platforms: new PlatformService(platforms, audit),
    pluginAdmin: new PluginAdminService(plugins, platforms),
    authPagesLoaded: () => plugins().list().some((plugin) => plugin.code === 'auth' && plugin.state === 'loaded'),
    /** Loads the secret, platform domains and revocations; connects Redis when `REDIS_URL` is set. */
    async start() {
      const env = readEnv(ctx.services.get(HostServices.environment));
      secret = await loadJwtSecret(env, repos.settings);
      await Promise.all([platformDomains.reload(), revocations.load()]);
      counter = env.redisUrl ? await createRedisCounter(env.redisUrl, config.redisPrefix) : createMemoryCounter();
    },
    async stop() {
      await counter?.close();
    },
  };
}

function notStarted(): never {
  throw hostErrors.WZ_PLUGIN_NOT_STARTED({ plugin: 'tenancy' });
}
