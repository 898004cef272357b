import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { emptyApp, FIXTURES } from './helpers.js';

const BIN = fileURLToPath(new URL('../../bin/wizamart.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function wizamart(args: string[], scenarios: string[] = [], extraEnv: Record<string, string> = {}): Promise<Run> {
  const env = {
    ...process.env,
    WIZAMART_DATA_DIR: 'memory://',
    ...extraEnv,
    WIZAMART_APP_DIR: emptyApp(),
    WIZAMART_PLUGIN_PATHS: scenarios.map((name) => path.join(FIXTURES, name)).join(path.delimiter),
    WIZAMART_HOOK_TIMEOUT_MS: '300',
    LOG_LEVEL: 'silent',
    NO_COLOR: '1',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('wizamart CLI', function () {
  // Every call is a new process that starts PGlite from nothing (memory://): 3–15 s each on 2 shared cores.
  this.timeout(120_000);

  it('plugins list --json prints every plugin in topological order with state and error', async () => {
    const run = await wizamart(['plugins', 'list', '--json'], ['diamond', 'errors']);
    expect(run.code).to.equal(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(rows[0])).to.deep.equal([
      'code',
      'name',
      'package',
      'version',
      'tier',
      'requires',
      'optionalRequires',
      'state',
      'error',
    ]);
    const codes = rows.map((row) => row.code);
    expect(codes.indexOf('bottom')).to.be.lessThan(codes.indexOf('left'));
    expect(codes.indexOf('left')).to.be.lessThan(codes.indexOf('top'));
    const cycle = rows.find((row) => row.code === 'cycle-b')!;
    expect(cycle.state).to.equal('failed');
    expect(cycle.error).to.deep.equal({
      code: 'WZ_PLUGIN_CYCLE',
      message: 'Dependency cycle: cycle-a -> cycle-b -> cycle-c -> cycle-a',
    });
    expect(rows.find((row) => row.code === 'top')).to.include({
      state: 'ok',
      error: null,
      package: '@fx/top',
      version: '1.0.0',
    });
  });

  it('plugins list needs no import: a plugin whose import throws is still listed as ok', async () => {
    const rows = JSON.parse((await wizamart(['plugins', 'list', '--json'], ['errors'])).stdout) as Array<{
      code: string;
      state: string;
    }>;
    expect(rows.find((row) => row.code === 'import-throws')?.state).to.equal('ok');
  });

  it('plugins list prints a readable table with the errors under their plugin', async () => {
    const run = await wizamart(['plugins', 'list'], ['errors']);
    expect(run.code).to.equal(0);
    expect(run.stdout).to.match(/^CODE\s+STATE\s+TIER\s+VERSION\s+PACKAGE\s+REQUIRES$/m);
    expect(run.stdout).to.match(/^needs-missing\s+failed\s+optional/m);
    expect(run.stdout).to.include('└ WZ_PLUGIN_MISSING_DEP');
    expect(run.stdout).not.to.match(/\u001b\[/);
  });

  it('plugins graph prints mermaid, dot and json', async () => {
    const mermaid = await wizamart(['plugins', 'graph'], ['diamond']);
    expect(mermaid.stdout)
      .to.match(/^graph TD$/m)
      .and.to.include('top --> left');
    const dot = await wizamart(['plugins', 'graph', '--format', 'dot'], ['diamond']);
    expect(dot.stdout)
      .to.match(/^digraph plugins \{/)
      .and.to.include('"left" -> "bottom";');
    const json = JSON.parse((await wizamart(['plugins', 'graph', '--format=json'], ['diamond'])).stdout) as {
      edges: unknown[];
    };
    expect(json.edges).to.deep.include({ from: 'top', to: 'right', optional: false, installed: true });
  });

  it('exits 2 with a clear message on usage errors', async () => {
    for (const args of [
      ['plugins', 'graph', '--format', 'png'],
      ['plugins', 'list', '--yaml'],
      ['plugins'],
      ['frobnicate'],
      [],
    ]) {
      const run = await wizamart(args);
      expect(run.code, args.join(' ')).to.equal(2);
      expect(run.stderr).to.include('Usage: wizamart');
    }
    expect((await wizamart(['plugins', 'graph', '--format', 'png'])).stderr).to.include('Unknown graph format "png"');
  });

  it('start exits 1 naming the code when a core plugin fails', async () => {
    const failed = await wizamart(['start', '--port', '0'], ['core-failure']);
    expect(failed.code).to.equal(1);
    expect(failed.stderr).to.include('WZ_PLUGIN_REGISTER_FAILED: core plugin kernel-core cannot run');
  });

  it('start exits 1 with WZ_DB_UNAVAILABLE when the database cannot be reached', async () => {
    const failed = await wizamart(['start', '--port', '0'], [], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(failed.code).to.equal(1);
    expect(failed.stderr).to.match(
      /WZ_DB_UNAVAILABLE: Cannot reach the database at postgres:\/\/nobody@127\.0\.0\.1:1\/none/,
    );
  });

  it('runs a command a plugin adds, with its exit code', async () => {
    const hello = await wizamart(['say-hello', 'ann'], ['runtime']);
    expect(hello.code, hello.stderr).to.equal(0);
    expect(hello.stdout).to.equal('hello ann\n');
    expect((await wizamart(['say-hello', 'fail'], ['runtime'])).code).to.equal(3);
  });

  it('runs the seeds a plugin adds, and exits 2 for an unknown seed set or command', async () => {
    const seeded = await wizamart(['seed', 'demo'], ['runtime']);
    expect(seeded.stdout).to.include('demo seeded by gatekeeper');
    expect((await wizamart(['seed', 'nothing'], ['runtime'])).code).to.equal(2);
    expect((await wizamart(['no-such-command'], ['runtime'])).code).to.equal(2);
  });

  it('routes prints the pipeline stages in order, then every route with its plugin, surface and guard', async () => {
    const text = await wizamart(['routes'], ['runtime']);
    expect(text.code, text.stderr).to.equal(0);
    const stages = [...text.stdout.matchAll(/^\d+\.\s+(\S+)\s+(.+?)\s{2}/gm)].map((match) => `${match[1]} ${match[2]}`);
    expect(stages).to.deep.equal([
      'request host',
      'ops host',
      'url-map host',
      'tenant gatekeeper',
      'theme (none)',
      'auth gatekeeper',
      'static host',
      'enablement host',
      'context host',
      'plugin-router host',
      '404 host',
      'errors host',
    ]);
    expect(text.stdout).to.match(/^GET\s+\/api\/v1\/admin\/me\s+gatekeeper\s+admin\s+signed in$/m);
    expect(text.stdout).to.match(/^GET\s+\/admin\/gatekeeper\/login\s+gatekeeper\s+admin\s+public$/m);
    const json = await wizamart(['routes', '--json'], ['runtime']);
    const parsed = JSON.parse(json.stdout) as {
      pipeline: Array<{ name: string }>;
      routes: Array<Record<string, string>>;
    };
    expect(parsed.pipeline.map((stage) => stage.name)).to.include.ordered.members([
      'request',
      'ops',
      'url-map',
      'tenant',
    ]);
    expect(parsed.routes).to.deep.include({
      method: 'GET',
      path: '/admin',
      plugin: 'gatekeeper',
      surface: 'admin',
      kind: 'pages',
      guard: 'public',
    });
    expect(parsed.routes.every((route) => route.guard !== 'UNGUARDED')).to.equal(true);
  });
});
