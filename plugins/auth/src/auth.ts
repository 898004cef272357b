import { HostServices, type PluginContext, type ResolvedDeps } from '@wizamart/plugin-sdk';
import { TenancyServices } from '@wizamart/plugin-tenancy/tokens';
import { notStarted } from './errors.js';
import { RevocationRepository } from './repositories/revocation.repository.js';
import { SettingsRepository } from './repositories/settings.repository.js';
import { createAuthService } from './services/auth.service.js';
import { loadJwtSecret } from './services/jwt-secret.js';
import { LoginLimiter } from './services/login-limiter.js';
import { PrincipalLoader } from './services/principals.js';
import { createMemoryCounter, createRedisCounter, type Counter } from './services/rate-limit.js';
import { createRateLimits } from './services/rate-limiter.js';
import { RevocationList } from './services/revocations.js';
import { Sessions } from './services/sessions.js';
import { createSignIn } from './services/sign-in.service.js';
import { TokenService } from './services/tokens.js';

/** The auth plugin's config (manifest schema; env `WIZAMART_AUTH_<KEY>`). */
export interface AuthConfig {
  /** Sign-in attempts per (surface, store, email) per window (default 10). */
  loginMaxAttempts: number;
  /** Failed sign-in attempts per client IP per window (default 10). */
  loginIpMaxAttempts: number;
  /** Rate limit window in seconds (default 900). */
  loginWindowSeconds: number;
  /** How long other instances may miss a revocation, in seconds (default 30). */
  cacheTtlSeconds: number;
  /** Key prefix of the counters in Redis (default `wizamart:auth:login:`). */
  redisPrefix: string;
}

/** The services auth uses, resolved by the host before `register`. */
export const authDeps = {
  accounts: TenancyServices.accounts,
  passwords: TenancyServices.passwords,
  environment: HostServices.environment,
};

/** Everything the auth plugin is made of, built once in `register` (the composition root). */
export type Auth = ReturnType<typeof createAuth>;

function throwNotStarted(): never {
  throw notStarted();
}

export function createAuth(ctx: PluginContext<AuthConfig>, deps: ResolvedDeps<typeof authDeps>) {
  const config = ctx.config;
  const accounts = () => deps.accounts;
  const passwords = () => deps.passwords;
  const logError = (error: unknown) => ctx.logger.error({ err: error }, 'auth background refresh failed');
  const settings = new SettingsRepository(() => ctx.db);
  let secret: string | undefined;
  let counter: Counter | undefined;
  const getSecret = () => secret ?? throwNotStarted();
  const getCounter = () => counter ?? throwNotStarted();
  const revocationRepository = new RevocationRepository(() => ctx.db);
  const revocations = new RevocationList(revocationRepository, config.cacheTtlSeconds * 1000, logError);
  const principals = new PrincipalLoader(accounts, revocations);
  const tokens = new TokenService(getSecret, (req, claims) => principals.load(req, claims));
  const sessions = new Sessions(getSecret);
  const limits = { maxAttempts: config.loginMaxAttempts, ipMaxAttempts: config.loginIpMaxAttempts };
  const limiter = new LoginLimiter(getCounter, { ...limits, windowSeconds: config.loginWindowSeconds });
  return {
    tokens,
    sessions,
    auth: createAuthService({ tokens, sessions, limiter, principals, revocations, passwords, logger: ctx.logger }),
    signIn: createSignIn({ accounts, tokens, limiter }),
    rateLimits: createRateLimits(getCounter),
    /** Loads the secret and the revocations; connects Redis when `REDIS_URL` is set. */
    async start() {
      const env = deps.environment;
      secret = await loadJwtSecret(env, settings);
      await revocations.load();
      counter = env.redisUrl ? await createRedisCounter(env.redisUrl, config.redisPrefix) : createMemoryCounter();
    },
    async stop() {
      await counter?.close();
    },
  };
}
