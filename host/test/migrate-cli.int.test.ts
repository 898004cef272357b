import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { openDatabase } from '../src/runtime/database/connection.js';
import { cliEnvironment } from './runtime-helpers.js';

const BIN = fileURLToPath(new URL('../../bin/wizamart.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `wizamart migrate …` over the ledger and audit fixtures (audit requires ledger) on one database. */
describe('wizamart migrate', function () {
  // Each call starts a CLI process that opens PGlite from nothing: seconds on a quiet machine, tens on a busy one.
  this.timeout(120_000);
  let env: Record<string, string>;
  let dropDatabase = async () => {};

  before(async () => {
    ({ env, drop: dropDatabase } = await cliEnvironment('wz-mig', ['ledger', 'audit']));
  });
  after(async () => dropDatabase());

  async function migrate(...args: string[]): Promise<Run> {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, 'migrate', ...args], {
        env: { ...process.env, ...env },
        // Killed before mocha gives up on the test, so a stuck call never keeps the embedded database's lock.
        timeout: 100_000,
        killSignal: 'SIGKILL',
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  /** Which of `names` (schema.table) exist, read straight from the database the CLI used. */
  async function existingTables(names: string[]): Promise<string[]> {
    const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.WIZAMART_DATA_DIR ?? '', poolMax: 1 });
    try {
      const rows: Array<{ t: string }> = await database
        .knex('information_schema.tables')
        .select(database.knex.raw("table_schema || '.' || table_name as t"));
      return names.filter((name) => rows.some((row) => row.t === name));
    } finally {
      await database.close();
    }
  }

  async function status(): Promise<
    Array<{ plugin: string; name: string; applied: boolean; appliedAt: string | null }>
  > {
    const run = await migrate('status', '--json');
    expect(run.code, run.stderr).to.equal(0);
    return JSON.parse(run.stdout);
  }

  it('lists every migration as pending on a new database', async () => {
    const rows = await status();
    expect(rows.map((row) => [row.plugin, row.name, row.applied, row.appliedAt])).to.deep.equal([
      ['ledger', 'ledger_001_create_entries', false, null],
      ['ledger', 'ledger_002_add_created_at', false, null],
      ['audit', 'audit_001_create_log', false, null],
    ]);
  });

  it('up --plugin audit applies what audit requires first', async () => {
    const run = await migrate('up', '--plugin', 'audit', '--json');
    expect(run.code, run.stderr).to.equal(0);
    expect(JSON.parse(run.stdout).map((step: { name: string }) => step.name)).to.deep.equal([
      'ledger_001_create_entries',
      'ledger_002_add_created_at',
      'audit_001_create_log',
    ]);
    const rows = await status();
    expect(rows.every((row) => row.applied && typeof row.appliedAt === 'string')).to.equal(true);
    expect(await existingTables(['ledger.entries', 'audit.log'])).to.deep.equal(['ledger.entries', 'audit.log']);
  });

  it('down refuses to roll back ledger while audit has applied migrations', async () => {
    const run = await migrate('down', '--plugin', 'ledger', '--json');
    expect(run.code).to.equal(1);
    expect(JSON.parse(run.stdout).error).to.deep.include({
      code: 'WZ_MIGRATION_DEPENDENTS',
      details: { plugin: 'ledger', dependents: ['audit'] },
    });
    expect(run.stderr).to.include('WZ_MIGRATION_DEPENDENTS');
    expect((await status()).filter((row) => row.applied)).to.have.length(3);
  });

  it('down removes what up built: audit, then ledger to a named migration, then all of it', async () => {
    expect((await migrate('down', '--plugin', 'audit')).code).to.equal(0);
    let rows = await status();
    expect(rows.find((row) => row.name === 'audit_001_create_log')?.applied).to.equal(false);
    const to = await migrate('down', '--plugin', 'ledger', '--to', 'ledger_001_create_entries', '--json');
    expect(JSON.parse(to.stdout).map((step: { name: string }) => step.name)).to.deep.equal([
      'ledger_002_add_created_at',
    ]);
    expect((await migrate('down', '--plugin', 'ledger', '--all')).code).to.equal(0);
    rows = await status();
    expect(rows.some((row) => row.applied)).to.equal(false);
    expect((await migrate('status')).stdout).to.include('0 applied, 3 pending');
    expect(await existingTables(['ledger.entries', 'audit.log'])).to.deep.equal([]);
  });

  it('reports usage errors with exit 2', async () => {
    expect((await migrate('down')).code).to.equal(2);
    expect((await migrate('sideways')).code).to.equal(2);
    expect((await migrate('down', '--plugin', 'ledger', '--to', 'x', '--all')).code).to.equal(2);
  });
});
