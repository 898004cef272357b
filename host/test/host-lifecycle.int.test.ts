import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import pg from 'pg';
import { pino } from 'pino';
import request from 'supertest';
import { startTestHost } from '@wizamart/plugin-sdk/testing';
import { readPluginPackage } from '../src/kernel/discover.js';
import { startHost, type HostOptions } from '../src/runtime/host.js';
import { freshServerDatabase, ON_SERVER, runtimeFixture } from './runtime-helpers.js';

/** A database that outlives one host: a data folder on disk, or a fresh database on the server. */
async function persistentDatabase(): Promise<{
  options: Pick<HostOptions, 'databaseUrl' | 'dataDir'>;
  drop(): Promise<void>;
}> {
  if (!ON_SERVER) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wz-lifecycle-'));
    return { options: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const database = await freshServerDatabase('wz_life');
  return { options: { databaseUrl: database.url }, drop: () => database.drop() };
}

async function boot(database: Pick<HostOptions, 'databaseUrl' | 'dataDir'>, plugins: string[]) {
  const packages = await Promise.all(plugins.map(async (name) => (await readPluginPackage(runtimeFixture(name)))!));
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return startHost({ ...database, env, packages, logger: pino({ level: 'silent' }), jobsProcessEveryMs: 100 });
}

describe('host lifecycle', () => {
  it('starts with zero plugins and serves /health', async () => {
    const host = await startTestHost({ plugins: [] });
    try {
      const res = await request(host.app).get('/health').expect(200);
      expect(res.body.status).to.equal('ok');
      expect(res.body.checks.map((check: { name: string }) => check.name)).to.deep.equal(['database', 'jobs']);
      expect(await host.db('wizamart.platforms').pluck('code')).to.deep.equal(['main']);
    } finally {
      await host.stop();
    }
  });

  it('enables the plugins of the first boot on main, and starts a plugin installed later disabled', async () => {
    const database = await persistentDatabase();
    try {
      const first = await boot(database.options, ['ledger']);
      await request(first.app!).get('/api/v1/admin/ledger/entries').expect(200);
      await first.stop();
      const second = await boot(database.options, ['ledger', 'audit']);
      try {
        await request(second.app!).get('/api/v1/admin/ledger/entries').expect(200);
        const res = await request(second.app!).get('/api/v1/admin/audit/log').expect(404);
        expect(res.body.error.code).to.equal('WZ_PLUGIN_DISABLED');
        // Disabled is not uninstalled: its migrations ran, its data is there when an admin enables it.
        const rows = await second.database
          .knex('wizamart.plugin_enablement')
          .where({ platform: 'main' })
          .select('plugin', 'reasons');
        expect(rows).to.deep.equal([{ plugin: 'ledger', reasons: ['explicit'] }]);
      } finally {
        await second.stop();
      }
    } finally {
      await database.drop();
    }
  });

  (ON_SERVER ? it : it.skip)(
    'answers readiness 503 while the database is lost, and recovers without a restart',
    async () => {
      const database = await persistentDatabase();
      const name = new URL(database.options.databaseUrl!).pathname.slice(1);
      const admin = new pg.Client({ connectionString: process.env.WIZAMART_TEST_DATABASE_URL });
      await admin.connect();
      const host = await boot(database.options, ['ledger']);
      try {
        await request(host.app!).get('/health/ready').expect(200);
        await admin.query(`alter database ${name} allow_connections false`);
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
        const ready = await request(host.app!).get('/health/ready').expect(503);
        expect(ready.body.status).to.equal('unavailable');
        const health = await request(host.app!).get('/health').expect(503);
        expect(health.body.status).to.equal('down');
        const failing = await request(host.app!).get('/api/v1/admin/ledger/entries').expect(503);
        expect(failing.body.error.code).to.equal('WZ_DB_UNAVAILABLE');
        await admin.query(`alter database ${name} allow_connections true`);
        await request(host.app!).get('/health/ready').expect(200);
        await request(host.app!).get('/api/v1/admin/ledger/entries').expect(200);
      } finally {
        await admin.query(`alter database ${name} allow_connections true`).catch(() => {});
        await admin.end();
        await host.stop();
        await database.drop();
      }
    },
  );

  it('stops idempotently: a second stop waits for the first', async () => {
    const host = await startTestHost({ plugins: [runtimeFixture('ledger')] });
    const inner = host.host as { stop(): Promise<void>; ready: boolean };
    await Promise.all([host.stop(), inner.stop()]);
    expect(inner.ready).to.equal(false);
  });
});
