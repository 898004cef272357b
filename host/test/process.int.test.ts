import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { emptyApp } from './helpers.js';
import { freshServerDatabase, ON_SERVER, rawGet, runtimeFixture } from './runtime-helpers.js';

const BIN = fileURLToPath(new URL('../../bin/wizamart.js', import.meta.url));

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** A database for a spawned host: a fresh one on the server, or the embedded one in memory. */
async function databaseEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (!ON_SERVER) return { env: { WIZAMART_DATA_DIR: 'memory://' }, drop: async () => {} };
  const database = await freshServerDatabase('wz_proc');
  return { env: { DATABASE_URL: database.url }, drop: () => database.drop() };
}

async function startCli(extraEnv: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--host', '127.0.0.1'], {
    env: {
      ...process.env,
      WIZAMART_APP_DIR: emptyApp(),
      WIZAMART_PLUGIN_PATHS: runtimeFixture(''),
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    // A busy machine can take tens of seconds to start a host; a child that never gets ready is killed, not left over.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ready line within 90 s:\n${output}`));
    }, 90_000);
    const poll = setInterval(() => {
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1]);
      }
    }, 20);
    void exited.then((code) => reject(new Error(`exited ${code} before ready:\n${output}`)));
  });
  return { child, url, output: () => output, exited };
}

describe('wizamart start as a process', function () {
  this.timeout(180_000);
  let db: Awaited<ReturnType<typeof databaseEnv>>;
  before(async () => (db = await databaseEnv()));
  after(async () => db?.drop());

  it('prints its URL once ready, and on SIGTERM lets a slow request finish, turns unready and exits 0', async () => {
    const host = await startCli(db.env);
    expect((await rawGet(host.url, '/health/ready')).status).to.equal(200);
    const slow = rawGet(host.url, '/api/v1/admin/ledger/slow?ms=1500');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = Date.now();
    host.child.kill('SIGTERM');
    const finished = await slow;
    expect(finished.status).to.equal(200);
    expect(JSON.parse(finished.body)).to.deep.equal({ slept: 1500 });
    const code = await host.exited;
    expect(code, host.output()).to.equal(0);
    expect(Date.now() - signalledAt).to.be.below(10_000);
    await rawGet(host.url, '/health/ready').then(
      (res) => expect.fail(`still answering after exit: ${res.status}`),
      (error: NodeJS.ErrnoException) => expect(error.code).to.equal('ECONNREFUSED'),
    );
  });

  it('answers readiness 503 while it drains (WIZAMART_SHUTDOWN_DELAY_MS)', async () => {
    const host = await startCli({ ...db.env, WIZAMART_SHUTDOWN_DELAY_MS: '1000' });
    host.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await rawGet(host.url, '/health/ready')).status).to.equal(503);
    expect(await host.exited, host.output()).to.equal(0);
  });
});
