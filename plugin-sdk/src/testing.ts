/**
 * The test harness of `@wizamart/plugin-sdk`: boot a real host with your plugin on a fresh database and drive it
 * over HTTP with supertest. Needs `@wizamart/host` installed as a dev dependency.
 *
 * @packageDocumentation
 */
import type { Express } from 'express';
import type { Knex } from 'knex';

/** What {@link startTestHost} boots. */
export interface TestHostOptions {
  /** Plugin package folders (each with a package.json holding a `wizamart-plugin` manifest). */
  plugins: string[];
  /**
   * Use this database as is (e.g. a second host on the first one's `databaseUrl`). By default each call gets a fresh
   * one: embedded in memory, or a new database on the server at `WIZAMART_TEST_DATABASE_URL`.
   */
  database?: { url: string };
  /** Extra environment for the host, e.g. plugin config `WIZAMART_<CODE>_<KEY>`. */
  env?: Record<string, string>;
  /** Job polling interval in ms (default 100, so tests do not wait). */
  jobsProcessEveryMs?: number;
  /** Apply migrations at boot (default true). */
  migrate?: boolean;
  /**
   * Data seed sets to run once the host is up, in order (e.g. `['demo']`: tenancy's stores and staff). If one fails,
   * the host is stopped and its database dropped before the error is thrown.
   */
  seeds?: string[];
}

/** A host booted for a test. */
export interface TestHost {
  /** The express app with the full middleware stack, for supertest. */
  app: Express;
  /** Knex on the test database, not bound to any schema: `db('orders.orders')`. */
  db: Knex;
  /** Connection URL of the test database; pass it as `database.url` to boot a second host on it. */
  databaseUrl: string;
  /** The running host (kernel, jobs, health, `listen(port)`); its shape belongs to `@wizamart/host`. */
  host: unknown;
  /** Stops the host (graceful) and drops the database it created. */
  stop(): Promise<void>;
}

/**
 * Boots a real host with the given plugin packages on a fresh database and returns its express app, a knex handle
 * and `stop()`. Needs `@wizamart/host` installed (a dev dependency of the plugin); the database is an in-memory
 * embedded PostgreSQL unless `WIZAMART_TEST_DATABASE_URL` names a server.
 *
 * @example
 * ```ts
 * const host = await startTestHost({ plugins: [path.resolve('.')] });
 * await request(host.app).get('/api/v1/admin/my-plugin/ping').expect(401);
 * await host.stop();
 * ```
 */
export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  // Imported by name at run time: the host depends on the SDK, so the SDK cannot depend on the host.
  const specifier = '@wizamart/host/testing';
  const host = (await import(specifier)) as { startTestHost(options: TestHostOptions): Promise<TestHost> };
  return host.startTestHost(options);
}
