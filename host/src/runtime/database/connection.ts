import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { hostErrors } from '@wizamart/plugin-sdk';
import { startEmbeddedPostgres, type EmbeddedLog, type EmbeddedPostgres } from './embedded.js';

/** Pool sizes; on the embedded database their sum (plus listeners) must fit its connection limit. */
export const POOLS = {
  /** The host's knex pool, shared by every plugin's `ctx.db`. */
  app: 10,
  /** agenda's pg pool. */
  jobs: 3,
  /** One connection for LISTEN/NOTIFY (server only) and one spare for CLI and health checks. */
  spare: 3,
} as const;

/** The database the host runs on. */
export interface Database {
  knex: Knex;
  url: string;
  /** True when the host runs its own PGlite; no advisory locks and no cross-connection NOTIFY then. */
  embedded: boolean;
  /** Whether a trivial query answers within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A server URL; without one the embedded database starts in `dataDir`. */
  url?: string;
  dataDir: string;
  /** Size of the knex pool (default {@link POOLS.app}). */
  poolMax?: number;
  /** Receives knex's warnings (e.g. failed connection attempts while the database is away). */
  log?: KnexLog;
  /** Receives the embedded database's warnings (refused connections, idle transactions closed); console when absent. */
  embeddedLog?: EmbeddedLog;
}

// bigint counts come back as strings by default; ids are UUIDs and money fits comfortably in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Where the embedded database lives: `configured` (`WIZAMART_DATA_DIR`), else `.wizamart/` in the app folder. */
export function dataDirFromEnv(configured: string | undefined, appDir: string): string {
  if (configured?.startsWith('memory://')) return configured;
  return path.resolve(appDir, configured || '.wizamart');
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** Where knex's own warnings go (pool acquisition failures and the like); console when absent. */
export interface KnexLog {
  warn(message: string): void;
  error(message: string): void;
}

export function createKnex(url: string, poolMax: number, log?: KnexLog): Knex {
  return knexFactory({
    ...(log ? { log: { warn: log.warn, error: log.error, deprecate: log.warn, debug: () => {} } } : {}),
    client: 'pg',
    connection: { connectionString: url, connectionTimeoutMillis: 5000 },
    pool: { min: 0, max: poolMax, acquireTimeoutMillis: 10_000 },
    acquireConnectionTimeout: 10_000,
  });
}

/**
 * Opens the database: the server at `url`, or the embedded PGlite. Fails with `WZ_DB_UNAVAILABLE` (never an
 * unhandled rejection) when it cannot be reached.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const poolMax = options.poolMax ?? POOLS.app;
  let embedded: EmbeddedPostgres | undefined;
  if (!options.url) {
    embedded = await startEmbeddedPostgres({
      dataDir: options.dataDir,
      maxConnections: poolMax + POOLS.jobs + POOLS.spare,
      log: options.embeddedLog,
    });
  }
  const url = options.url ?? embedded!.url;
  const knex = createKnex(url, poolMax, options.log);
  const ping = async (timeoutMs = 2000) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      return await Promise.race([knex.raw('select 1').then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    await knex.raw('select 1');
  } catch (error) {
    await knex.destroy().catch(() => {});
    await embedded?.stop().catch(() => {});
    const problem = `Cannot reach the database at ${redact(url)}: ${(error as Error).message}`;
    throw hostErrors.WZ_DB_UNAVAILABLE({ problem }, { details: {}, cause: error });
  }
  return {
    knex,
    url,
    embedded: Boolean(embedded),
    ping,
    async close() {
      await knex.destroy();
      await embedded?.stop();
    },
  };
}
