import type { HostEnvironment } from '@wizamart/plugin-sdk';

/** Settings the tenancy plugin reads from the host's environment (`HostServices.environment`). */
export interface TenancyEnv {
  /** `WIZAMART_JWT_SECRET`, when set. */
  jwtSecret?: string;
  /** True when the host runs the embedded database (no `DATABASE_URL`). */
  embedded: boolean;
  /** `WIZAMART_PLATFORM_DOMAIN` (default `localhost`): the demo seed gives it to platform `main`. */
  platformDomain: string;
  /** `REDIS_URL`: login rate limits move to Redis when set. */
  redisUrl?: string;
  /** `WIZAMART_DEMO_PASSWORD` (default `wizamart-demo`), set by the demo seed on its users. */
  demoPassword: string;
  /** True when `WIZAMART_DEMO_PASSWORD` was set, so the seed does not print it. */
  demoPasswordFromEnv: boolean;
}

/** Reads the settings from the host's environment. */
export function readEnv(host: HostEnvironment): TenancyEnv {
  return {
    jwtSecret: host.jwtSecret,
    embedded: host.embedded,
    platformDomain: host.platformDomain,
    redisUrl: host.redisUrl,
    demoPassword: host.demoPassword ?? 'wizamart-demo',
    demoPasswordFromEnv: host.demoPassword !== undefined,
  };
}

/** The plugin's `config` (manifest schema; env `WZ_TENANCY_<KEY>`). */
export interface TenancyConfig {
  /** Sign-in attempts per (surface, store, email) per window (default 10). */
  loginMaxAttempts: number;
  /** Failed sign-in attempts per client IP per window (default 10). */
  loginIpMaxAttempts: number;
  /** Rate limit window in seconds (default 900). */
  loginWindowSeconds: number;
  /** How long other instances may serve a stale store, domain or platform lookup, in seconds (default 30). */
  cacheTtlSeconds: number;
  /** Key prefix of the sign-in counters in Redis (default `wizamart:tenancy:login:`). */
  redisPrefix: string;
}
