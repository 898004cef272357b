import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { hostErrors } from '@wizamart/plugin-sdk';
import type { TestHost as SdkTestHost, TestHostOptions } from '@wizamart/plugin-sdk/testing';
import { readPluginPackage, type DiscoveredPackage } from '../kernel/discover.js';
import { startHost, type RunningHost } from '../runtime/host.js';

/** Options and result of {@link startTestHost}; declared in the SDK, which plugins import them from. */
export type { TestHostOptions } from '@wizamart/plugin-sdk/testing';

/** A booted test host, with the host's own type for `host`. */
export interface TestHost extends Omit<SdkTestHost, 'host'> {
  host: RunningHost;
}

async function readPackages(dirs: string[]): Promise<DiscoveredPackage[]> {
  return Promise.all(
    dirs.map(async (dir) => {
      const pkg = await readPluginPackage(path.resolve(dir));
      if (!pkg) {
        const problem = `${dir} is not a plugin package (no package.json with a "wizamart-plugin" key)`;
        throw hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin: path.basename(dir), problem }, { details: { dir } });
      }
      return pkg;
    }),
  );
}

/** Creates a uniquely named database on the server at `adminUrl`; returns its URL and a function that drops it. */
export async function createFreshDatabase(
  adminUrl: string,
  prefix = 'wz_test',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Boots a host with the given plugin packages on a fresh database, for integration tests. Set
 * `WIZAMART_TEST_DATABASE_URL` to run against a PostgreSQL server instead of the embedded database.
 */
export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const packages = await readPackages(options.plugins);
  const serverUrl = process.env.WIZAMART_TEST_DATABASE_URL;
  const fresh = !options.database && serverUrl ? await createFreshDatabase(serverUrl) : undefined;
  const databaseUrl = options.database?.url ?? fresh?.url;
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.DATABASE_URL;
  let host: RunningHost;
  try {
    host = await startHost({
      env,
      packages,
      databaseUrl,
      dataDir: 'memory://',
      logger: pino({ level: process.env.WIZAMART_TEST_LOG_LEVEL ?? 'silent' }),
      jobsProcessEveryMs: options.jobsProcessEveryMs ?? 100,
      migrate: options.migrate ?? true,
    });
  } catch (error) {
    await fresh?.drop().catch(() => {});
    throw error;
  }
  const test: TestHost = {
    app: host.app!,
    db: host.database.knex,
    databaseUrl: host.database.url,
    host,
    async stop() {
      await host.stop();
      await fresh?.drop();
    },
  };
  try {
    for (const set of options.seeds ?? []) await host.runSeeds(set);
  } catch (error) {
    await test.stop().catch(() => {});
    throw error;
  }
  return test;
}

/** The route table of a booted host's plugins (cross-tenant matrices enumerate routes with it). */
export { routeTable } from '../kernel/route-table.js';
export type { RouteEntry } from '../kernel/route-table.js';
