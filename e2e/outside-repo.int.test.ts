// The operator's and the plugin developer's path, from outside the repository: pack every package, install the
// tarballs into an empty folder with npm, start the host from there, scaffold a plugin with `wizamart-plugin new`
// against the same tarballs, test and pack it, install it next to the others, restart and turn it on.
// It needs the npm registry (or a warm npm cache) for third-party dependencies; it never skips.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { REPO } from './support.js';

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of every child: no npm script variables of the outer `npm test` (they would point npm at the
 * repository), no database server (the operator folder runs the embedded one). */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^npm_/i.test(key) && key !== 'INIT_CWD' && key !== 'DATABASE_URL') env[key] = value;
  return {
    ...env,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
    ...extra,
  };
}

/** Runs a command to its end; rejects with its output when it exits non-zero. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = childEnv()): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const result = { status, stdout, stderr };
      if (status === 0) resolve(result);
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} (in ${cwd}) exited with ${status}\n--- stdout\n${stdout.slice(-4000)}\n--- stderr\n${stderr.slice(-4000)}`,
          ),
        );
    });
  });
}

/** A `wizamart start` process and the URL it printed once ready. */
interface RunningHost {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `wizamart start --port 0` in the operator folder (what `npx wizamart start` runs) and waits for its URL. */
function startHost(app: string, dataDir: string): Promise<RunningHost> {
  const child = spawn(path.join(app, 'node_modules', '.bin', 'wizamart'), ['start', '--port', '0'], {
    cwd: app,
    env: childEnv({ WIZAMART_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the host did not print its URL within 90 s')), 90_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- output\n${output.slice(-4000)}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`wizamart start exited with ${code} before it was ready`)));
  });
}

/** SIGTERM and wait for the exit (the embedded database holds a lock on its folder until then). */
async function stopHost(host: RunningHost | undefined): Promise<number | null> {
  if (!host || host.child.exitCode !== null || host.child.signalCode !== null) return host?.child.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => host.child.once('exit', (code) => resolve(code)));
  host.child.kill('SIGTERM');
  const timer = setTimeout(() => host.child.kill('SIGKILL'), 20_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

const tarball = (dir: string, name: string) => {
  const file = readdirSync(dir).find(
    (entry) => entry.startsWith(`${name}-`) && /^\d/.test(entry.slice(name.length + 1)),
  );
  if (!file) throw new Error(`no ${name}-<version>.tgz in ${dir}`);
  return path.join(dir, file);
};

describe('outside the repository: pack, install with npm, scaffold a plugin, install it and turn it on', function () {
  this.timeout(240_000);
  const CODE = 'acme-notes';
  let work: string;
  let packs: string;
  let app: string;
  let dataDir: string;
  let pluginDir: string;
  let host: RunningHost | undefined;
  const wizamart = (...args: string[]) =>
    run(path.join(app, 'node_modules', '.bin', 'wizamart'), args, app, childEnv({ WIZAMART_DATA_DIR: dataDir }));

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'wz-outside-'));
    packs = path.join(work, 'packs');
    app = path.join(work, 'operator');
    dataDir = path.join(work, 'data');
    pluginDir = path.join(work, 'dev', CODE);
  });

  afterEach(async () => {
    await stopHost(host);
    host = undefined;
  });

  after(async () => {
    await stopHost(host);
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('scripts/pack builds one tarball per package: the host, the SDK and every first-party plugin', async () => {
    const result = await run(path.join(REPO, 'scripts', 'pack'), [packs, '--no-build'], REPO);
    const names = readdirSync(packs).sort();
    // Every package the root build builds (tsconfig references), so a plugin added there is packed too.
    const references = (
      JSON.parse(await readFile(path.join(REPO, 'tsconfig.json'), 'utf8')) as { references: Array<{ path: string }> }
    ).references;
    const expected = references
      .filter((reference) => existsSync(path.join(REPO, reference.path, 'package.json')))
      .map((reference) =>
        (JSON.parse(readFileSync(path.join(REPO, reference.path, 'package.json'), 'utf8')) as { name: string }).name
          .replace('@', '')
          .replace('/', '-'),
      );
    expect(expected).to.include.members([
      'wizamart-host',
      'wizamart-plugin-sdk',
      'wizamart-plugin-core',
      'wizamart-plugin-tenancy',
      'wizamart-plugin-customers',
    ]);
    for (const name of expected)
      expect(
        names.some((file) => file.startsWith(`${name}-`)),
        `${name} in ${names.join(', ')}`,
      ).to.equal(true);
    expect(names.every((file) => file.endsWith('.tgz'))).to.equal(true);
    expect(result.stdout.trim().split('\n')).to.have.length(names.length);
  });

  it('installs the tarballs into an empty folder with npm, and the host starts there and turns ready', async () => {
    await mkdir(app, { recursive: true });
    await writeFile(
      path.join(app, 'package.json'),
      `${JSON.stringify({ name: 'my-wizamart', private: true }, null, 2)}\n`,
    );
    const tarballs = readdirSync(packs).map((file) => path.join(packs, file));
    await run('npm', ['install', ...tarballs], app);
    host = await startHost(app, dataDir);
    const ready = await fetch(`${host.url}/health/ready`);
    expect(ready.status).to.equal(200);
    expect((await fetch(`${host.url}/static/modules/core/css/wizamart.css`)).status).to.equal(200);
    const signIn = await fetch(`${host.url}/admin/auth/login`, { headers: { accept: 'text/html' } });
    expect(signIn.status).to.equal(200);
    expect(await signIn.text()).to.match(/<form[^>]*method="post"/i);
    expect(await stopHost(host), `wizamart start output:\n${host.output().slice(-3000)}`).to.equal(0);
  });

  it('the packed host ships its own views: an unknown page gets the HTML error page', async () => {
    host = await startHost(app, dataDir);
    const missing = await fetch(`${host.url}/no-such-page`, { headers: { accept: 'text/html' } });
    expect(missing.status).to.equal(404);
    expect(missing.headers.get('content-type')).to.match(/text\/html/);
    expect(await missing.text()).to.match(/<html[\s\S]*WZ_NOT_FOUND/);
  });

  it('wizamart-plugin new (from the installed SDK) creates a plugin whose npm install, npm test and npm pack pass', async () => {
    const bin = path.join(app, 'node_modules', '.bin', 'wizamart-plugin');
    const refused = await run(bin, ['new', path.join(work, 'bad'), '--code', 'Bad_Code'], work).catch(
      (error: Error) => error,
    );
    expect(String(refused)).to.match(/exited with 2[\s\S]*Invalid plugin code "Bad_Code"/);
    // Nothing is published: the SDK and the host come from their tarballs (the core and tenancy plugins the new
    // plugin's tests boot are taken from the same folder).
    const created = await run(
      bin,
      [
        'new',
        pluginDir,
        '--code',
        CODE,
        '--sdk',
        tarball(packs, 'wizamart-plugin-sdk'),
        '--host',
        tarball(packs, 'wizamart-host'),
      ],
      work,
    );
    expect(created.stdout).to.include(`@wizamart/plugin-tenancy: file:${tarball(packs, 'wizamart-plugin-tenancy')}`);
    await run('npm', ['install'], pluginDir);
    const tested = await run('npm', ['test'], pluginDir);
    expect(tested.stdout).to.match(/(\d+) passing/);
    expect(Number(/(\d+) passing/.exec(tested.stdout)![1])).to.be.at.least(8);
    expect(tested.stdout).not.to.match(/failing|pending/);
    await run('npm', ['run', 'build'], pluginDir);
    const report = JSON.parse((await run(bin, ['validate', pluginDir, '--json'], work)).stdout) as {
      plugin: string;
      findings: unknown[];
      errors: number;
    };
    expect(report).to.deep.include({ plugin: CODE, errors: 0 });
    expect(report.findings).to.deep.equal([]);
    const packed = JSON.parse((await run('npm', ['pack', '--json'], pluginDir)).stdout) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const files = packed[0].files.map((file) => file.path);
    expect(files).to.include.members([
      'package.json',
      'dist/src/plugin.js',
      `dist/migrations/${CODE}_001_create_notes.js`,
      'views/admin/notes.hbs',
      'locales/lb.json',
    ]);
    expect(files.filter((file) => file.includes('.test.'))).to.deep.equal([]);
  });

  it('npm install of the new plugin’s tarball adds it; after a restart it is listed, and the admin API turns it on and off live', async () => {
    const pkg = JSON.parse(await readFile(path.join(pluginDir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    await run('npm', ['install', path.join(pluginDir, `${pkg.name}-${pkg.version}.tgz`)], app);
    const listed = JSON.parse((await wizamart('plugins', 'list', '--json')).stdout) as Array<{
      code: string;
      state: string;
      package: string;
      tier: string;
    }>;
    expect(listed.find((plugin) => plugin.code === CODE)).to.include({
      state: 'ok',
      package: pkg.name,
      tier: 'optional',
    });
    expect(listed.filter((plugin) => plugin.state !== 'ok').map((plugin) => plugin.code)).to.deep.equal([]);

    // Installed after the first boot: loaded, migrated, but disabled on every platform until an admin enables it.
    host = await startHost(app, dataDir);
    expect((await fetch(`${host.url}/health/ready`)).status).to.equal(200);
    const route = () => fetch(`${host!.url}/api/v1/admin/${CODE}/status`);
    const disabled = await route();
    expect(disabled.status).to.equal(404);
    expect(((await disabled.json()) as { error: { code: string } }).error.code).to.equal('WZ_PLUGIN_DISABLED');

    const login = await fetch(`${host.url}/api/v1/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'admin@wizamart.local',
        password: process.env.WIZAMART_DEMO_PASSWORD ?? 'wizamart-demo',
      }),
    });
    expect(login.status).to.equal(200);
    const { token } = (await login.json()) as { token: string };
    const admin = { authorization: `Bearer ${token}` };
    const change = (action: 'enable' | 'disable') =>
      fetch(`${host!.url}/api/v1/admin/platforms/main/plugins/${CODE}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...admin },
        body: JSON.stringify({ dryRun: false, release: false }),
      });
    const page = () => fetch(`${host!.url}/admin/${CODE}`, { headers: { accept: 'text/html', ...admin } });

    const enabled = await change('enable');
    expect(enabled.status).to.equal(200);
    expect(await enabled.json()).to.deep.include({ applied: true, plan: { enable: [CODE], disable: [], release: [] } });
    const status = await route();
    expect(status.status).to.equal(200);
    expect(await status.json()).to.deep.equal({ plugin: CODE, version: pkg.version, ok: true });
    const shown = await page();
    expect(shown.status).to.equal(200);
    expect(await shown.text()).to.match(/<html[\s\S]*<\/html>/);
    const note = await fetch(`${host.url}/api/v1/admin/${CODE}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...admin },
      body: JSON.stringify({ text: 'installed from a tarball' }),
    });
    expect(note.status).to.equal(201);
    const health = (await (await fetch(`${host.url}/health`)).json()) as {
      checks: Array<{ name: string; status: string }>;
    };
    expect(health.checks.find((check) => check.name === `${CODE}.notes`)?.status).to.equal('ok');

    expect((await change('disable')).status).to.equal(200);
    expect((await route()).status).to.equal(404);
    expect((await page()).status).to.equal(404);
    expect(await stopHost(host), `wizamart start output:\n${host.output().slice(-3000)}`).to.equal(0);

    // The same change from a shell, as a dry run: the plan, nothing applied.
    const planned = JSON.parse(
      (await wizamart('plugins', 'enable', CODE, '--platform', 'main', '--dry-run', '--json')).stdout,
    ) as { applied: boolean; plan: { enable: string[] } };
    expect(planned).to.deep.equal({ applied: false, plan: { enable: [CODE], disable: [], release: [] } });
  });
});
