import { Readable, Writable } from 'node:stream';
import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, handle, login, PLUGINS } from './helpers.js';

/** Runs `wizamart <name> …args` as the host's CLI would, with `stdin` as standard input. */
async function runCommand(test: TestHost, name: string, args: string[], stdin = '') {
  const entry = handle(test).kernel.contributions.commands.find((command) => command.name === name);
  if (!entry) throw new Error(`no command ${name}`);
  let stdout = '';
  let stderr = '';
  const sink = (write: (text: string) => void) =>
    new Writable({ write: (chunk, _encoding, done) => (write(String(chunk)), done()) });
  const status = await entry.command.run(args, {
    stdin: Readable.from([stdin]),
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env: process.env,
  });
  return { status: status ?? 0, stdout, stderr };
}

describe('tenancy CLI: create-admin and the demo seed', () => {
  let test: TestHost;
  before(async () => {
    test = await startTestHost({ plugins: PLUGINS });
  });
  after(async () => test?.stop());

  it('create-admin reads the password from stdin and creates a platform admin who can sign in', async () => {
    const run = await runCommand(
      test,
      'create-admin',
      ['--email', 'Root@Example.com', '--password-stdin', '--name', 'Root'],
      'correct horse battery\n',
    );
    expect(run).to.include({ status: 0 });
    expect(run.stdout).to.include('Created platform admin root@example.com');
    const token = await login(test, 'root@example.com', undefined, 'correct horse battery');
    expect((await request(test.app).get('/api/v1/admin/me').set(bearer(token)).expect(200)).body).to.include({
      kind: 'admin',
      name: 'Root',
    });
  });

  it('create-admin refuses weak passwords and missing flags, and resets the password of an existing account', async () => {
    const weak = await runCommand(test, 'create-admin', ['--email', 'weak@example.com', '--password-stdin'], 'short\n');
    expect(weak.status).to.equal(1);
    expect(weak.stderr).to.match(/at least 10 characters/);
    expect(await test.db('tenancy.users').where({ email: 'weak@example.com' }).first()).to.equal(undefined);
    expect(
      (await runCommand(test, 'create-admin', ['--email', 'x@example.com'], 'long-enough-password')).status,
    ).to.equal(2);
    expect(
      (await runCommand(test, 'create-admin', ['--email', 'not-an-email', '--password-stdin'], 'long-enough-password'))
        .status,
    ).to.equal(1);
    const again = await runCommand(
      test,
      'create-admin',
      ['--email', 'root@example.com', '--password-stdin'],
      'another long password',
    );
    expect(again).to.include({ status: 0 });
    expect(again.stdout).to.include('Updated platform admin root@example.com');
    await login(test, 'root@example.com', undefined, 'another long password');
  });

  it('seeds the demo idempotently: running it twice leaves the same rows and prints the logins', async () => {
    const count = async () => {
      const counts: Record<string, number> = {};
      for (const table of ['merchants', 'stores', 'users', 'memberships']) {
        counts[table] = Number((await test.db(`tenancy.${table}`).count({ n: '*' }))[0].n);
      }
      return counts;
    };
    const lines = await handle(test).runSeeds('demo');
    const first = await count();
    await handle(test).runSeeds('demo');
    expect(await count()).to.deep.equal(first);
    expect(first).to.include({ merchants: 2, stores: 2, memberships: 3 });
    expect(
      await test
        .db('tenancy.users')
        .whereIn('email', ['admin@wizamart.local', 'owner@fashion.local', 'staff@fashion.local', 'owner@techhub.local'])
        .count({ n: '*' })
        .first(),
    ).to.deep.equal({ n: 4 });
    expect(lines.join('\n'))
      .to.include('{url}/admin')
      .and.include('{url}/store/fashion')
      .and.include('{url}/storefront/fashion')
      .and.include('http://fashion.localhost:{port}')
      .and.include('wizamart-demo');
    expect((await test.db('wizamart.platforms').where({ code: 'main' }).first()).domain).to.equal('localhost');
    await login(test, 'owner@techhub.local', 'techhub');
  });
});
