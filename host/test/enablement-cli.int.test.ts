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

/**
 * `wizamart plugins enable|disable` over the ledger and audit fixtures (audit requires ledger), on its own database.
 */
describe('wizamart plugins enable|disable', function () {
  this.timeout(60_000);
  let env: Record<string, string>;
  let dropDatabase = async () => {};

  before(async () => {
    ({ env, drop: dropDatabase } = await cliEnvironment('wz-enable', ['ledger', 'audit'], {
      WIZAMART_JWT_SECRET: 'cli-secret-cli-secret-cli-secret-42',
    }));
  });
  after(async () => dropDatabase());

  async function plugins(...args: string[]): Promise<Run> {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, 'plugins', ...args], {
        env: { ...process.env, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  async function auditRows(): Promise<Array<{ plugin: string; action: string; actor: string }>> {
    const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.WIZAMART_DATA_DIR ?? '', poolMax: 1 });
    try {
      return await database.knex('wizamart.enablement_audit').orderBy('id').select('plugin', 'action', 'actor');
    } finally {
      await database.close();
    }
  }

  it('--dry-run --json prints the plan with its cascade and changes nothing', async () => {
    const run = await plugins('disable', 'ledger', '--platform', 'main', '--dry-run', '--json');
    expect(run.code, run.stderr).to.equal(0);
    expect(JSON.parse(run.stdout)).to.deep.equal({
      plan: { enable: [], disable: ['ledger', 'audit'], release: [] },
      applied: false,
    });
    expect(await auditRows()).to.deep.equal([]);
  });

  it('applies a change, audited as the CLI user', async () => {
    const run = await plugins('disable', 'ledger', '--platform', 'main');
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout)
      .to.include('disable ledger on main')
      .and.include('disable: ledger, audit')
      .and.include('Applied.');
    const [entry] = await auditRows();
    expect(entry).to.include({ plugin: 'ledger', action: 'disable' });
    expect(entry.actor).to.match(/^cli:/);
  });

  it('enabling prints what it pulls in', async () => {
    const run = await plugins('enable', 'audit', '--platform', 'main');
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.include('enable:  audit, ledger');
  });

  it('fails with the error code (as JSON with --json) for an unknown platform, and with usage for missing options', async () => {
    const unknown = await plugins('disable', 'ledger', '--platform', 'nowhere', '--json');
    expect(unknown.code).to.equal(1);
    expect(JSON.parse(unknown.stdout).error.code).to.equal('WZ_PLATFORM_NOT_FOUND');
    const usage = await plugins('enable', 'ledger');
    expect(usage.code).to.equal(2);
    expect(usage.stderr).to.include('--platform');
  });
});
