import { findAppDir, pluginPathsFromEnv } from '../kernel/discover.js';

/** How the host logs (pino). */
export interface LogSettings {
  /** `LOG_LEVEL` (default `info`). */
  level: string;
  /** `LOG_PRETTY`: true/false forces pretty lines on or off; unset pretty-prints on a terminal. */
  pretty?: boolean;
  /** `LOG_SYNC=true`: write every line at once instead of through a 4 KB buffer. */
  sync: boolean;
}

/**
 * The host's settings, read from the environment once ({@link readHostConfig}) and handed to the modules that need
 * them. Plugin settings are not here: each plugin's manifest `config` schema reads `WIZAMART_<CODE>_<KEY>` from `env`.
 */
export interface HostConfig {
  /** The environment the settings were read from (a frozen copy), for plugin config. */
  readonly env: Readonly<NodeJS.ProcessEnv>;
  /** `NODE_ENV` (default `development`). */
  readonly nodeEnv: string;
  /** `PORT` as given; `wizamart start` checks it (default 3000). */
  readonly port?: string;
  /** `HOST`: the address `wizamart start` listens on (default `127.0.0.1`). */
  readonly host: string;
  /** express's `trust proxy` (`WIZAMART_TRUST_PROXY`, default `loopback`). */
  readonly trustProxy: string;
  /** Compiled templates are kept unless `NODE_ENV=development`. */
  readonly viewCache: boolean;
  /** `Cache-Control` max-age of plugin static files: `7d` under `NODE_ENV=production`, else 0. */
  readonly staticMaxAge: string | number;
  /** `DATABASE_URL`; without it the embedded database. */
  readonly databaseUrl?: string;
  /** `WIZAMART_DATA_DIR` as given (resolved against the app folder by the database module). */
  readonly dataDir?: string;
  /** `WIZAMART_APP_DIR`, else the nearest folder holding a package.json. */
  readonly appDir: string;
  /** `WIZAMART_PLUGIN_PATHS` (path-delimiter separated), as absolute folders. */
  readonly pluginPaths: readonly string[];
  readonly log: LogSettings;
  /** `WIZAMART_JOBS` (default true): process jobs in this process. */
  readonly processJobs: boolean;
  /** `WIZAMART_JOBS_PROCESS_EVERY_MS` (default 1000). */
  readonly jobsProcessEveryMs: number;
  /** `WIZAMART_MIGRATE_ON_START` (default true). */
  readonly migrateOnStart: boolean;
  /** `WIZAMART_HOOK_TIMEOUT_MS`: how long a plugin hook may take (default: the kernel's 10 s). */
  readonly hookTimeoutMs?: number;
  /** `WIZAMART_SHUTDOWN_DELAY_MS` (at most 4000, default 0): readiness 503 before the listener closes. */
  readonly shutdownDelayMs: number;
  /** `SENTRY_DSN`: errors go to Sentry when set. */
  readonly sentryDsn?: string;
  /** `REDIS_URL`: shared rate limits when set. */
  readonly redisUrl?: string;
  /** `WIZAMART_JWT_SECRET`: the token signing secret (required with a database server). */
  readonly jwtSecret?: string;
  /** `WIZAMART_PLATFORM_DOMAIN` (default `localhost`, lower-cased). */
  readonly platformDomain: string;
  /**
   * `WIZAMART_DEMO`: true/false forces the demo seed at `wizamart start` on or off; unset seeds a fresh embedded
   * database.
   */
  readonly demo?: boolean;
  /** `WIZAMART_DEMO_PASSWORD`: the demo users' password, when set. */
  readonly demoPassword?: string;
}

/** `undefined` for unset or empty, else true unless `0`, `false`, `no` or `off`. */
function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return !/^(0|false|no|off)$/i.test(value);
}

const text = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
const positive = (value: string | undefined) => (Number(value) > 0 ? Number(value) : undefined);

/**
 * Reads the host's settings from `env` (default: `process.env`, the only place the host reads it). Tests and the CLI
 * pass their own.
 */
export function readHostConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): HostConfig {
  const nodeEnv = text(env.NODE_ENV) ?? 'development';
  return Object.freeze({
    env: Object.freeze({ ...env }),
    nodeEnv,
    port: text(env.PORT),
    host: text(env.HOST) ?? '127.0.0.1',
    trustProxy: text(env.WIZAMART_TRUST_PROXY) ?? 'loopback',
    viewCache: nodeEnv !== 'development',
    staticMaxAge: nodeEnv === 'production' ? '7d' : 0,
    databaseUrl: text(env.DATABASE_URL),
    dataDir: text(env.WIZAMART_DATA_DIR),
    appDir: findAppDir(cwd, env),
    pluginPaths: Object.freeze(pluginPathsFromEnv(env, cwd)),
    log: Object.freeze({
      level: text(env.LOG_LEVEL) ?? 'info',
      pretty: env.LOG_PRETTY ? env.LOG_PRETTY === 'true' : undefined,
      sync: env.LOG_SYNC === 'true',
    }),
    processJobs: flag(env.WIZAMART_JOBS) ?? true,
    jobsProcessEveryMs: positive(env.WIZAMART_JOBS_PROCESS_EVERY_MS) ?? 1000,
    migrateOnStart: flag(env.WIZAMART_MIGRATE_ON_START) ?? true,
    hookTimeoutMs: positive(env.WIZAMART_HOOK_TIMEOUT_MS),
    shutdownDelayMs: Math.min(positive(env.WIZAMART_SHUTDOWN_DELAY_MS) ?? 0, 4000),
    sentryDsn: text(env.SENTRY_DSN),
    redisUrl: text(env.REDIS_URL),
    jwtSecret: text(env.WIZAMART_JWT_SECRET),
    platformDomain: (text(env.WIZAMART_PLATFORM_DOMAIN) ?? 'localhost').toLowerCase(),
    demo: env.WIZAMART_DEMO === 'true' ? true : env.WIZAMART_DEMO === 'false' ? false : undefined,
    demoPassword: text(env.WIZAMART_DEMO_PASSWORD),
  });
}
