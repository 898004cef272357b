import type { HostEnvironment } from '@wizamart/plugin-sdk';

/** Settings the tenancy plugin reads from the host's environment (`HostServices.environment`). */
export interface TenancyEnv {
  /** `WIZAMART_PLATFORM_DOMAIN` (default `localhost`): the demo seed gives it to platform `main`. */
  platformDomain: string;
  /** `WIZAMART_DEMO_PASSWORD` (default `wizamart-demo`), set by the demo seed on its users. */
  demoPassword: string;
  /** True when `WIZAMART_DEMO_PASSWORD` was set, so the seed does not print it. */
  demoPasswordFromEnv: boolean;
}

/** Reads the settings from the host's environment. */
export function readEnv(host: HostEnvironment): TenancyEnv {
  return {
    platformDomain: host.platformDomain,
    demoPassword: host.demoPassword ?? 'wizamart-demo',
    demoPasswordFromEnv: host.demoPassword !== undefined,
  };
}

/** The plugin's `config` (manifest schema; env `WZ_TENANCY_<KEY>`). */
export interface TenancyConfig {
  /** How long other instances may serve a stale store, domain or platform lookup, in seconds (default 30). */
  cacheTtlSeconds: number;
}
