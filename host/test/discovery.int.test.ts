import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { discoverPlugins, findAppDir, pluginPathsFromEnv } from '../src/kernel/discover.js';
import { bootFixtures, emptyApp, FIXTURES, fixtureLog, nodeOf, resetFixtureLog } from './helpers.js';

function writePackage(dir: string, pkg: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
}

describe('discovery', () => {
  beforeEach(resetFixtureLog);

  it('finds the app as the nearest folder with a package.json at or above the working directory', () => {
    const app = emptyApp();
    const deep = path.join(app, 'src', 'nested');
    mkdirSync(deep, { recursive: true });
    expect(findAppDir(deep, {})).to.equal(app);
    expect(findAppDir(deep, { WIZAMART_APP_DIR: '/srv/shop' })).to.equal('/srv/shop');
  });

  it('reads scoped and unscoped packages of node_modules and keeps only plugins', async () => {
    const app = emptyApp();
    const modules = path.join(app, 'node_modules');
    writePackage(path.join(modules, 'left-pad'), { name: 'left-pad', version: '1.0.0' });
    writePackage(path.join(modules, 'wz-one'), {
      name: 'wz-one',
      version: '1.2.0',
      'wizamart-plugin': { code: 'one' },
    });
    writePackage(path.join(modules, '@acme', 'wz-two'), {
      name: '@acme/wz-two',
      version: '2.0.0',
      'wizamart-plugin': { code: 'two' },
    });
    writePackage(path.join(modules, '@acme', 'other'), { name: '@acme/other', version: '2.0.0' });
    mkdirSync(path.join(modules, '.bin'));
    const found = await discoverPlugins({ appDir: app });
    expect(found.map((pkg) => [pkg.packageName, pkg.version]).sort()).to.deep.equal([
      ['@acme/wz-two', '2.0.0'],
      ['wz-one', '1.2.0'],
    ]);
  });

  it('follows a workspace symlink in node_modules and registers the linked plugin', async () => {
    const app = emptyApp();
    const scope = path.join(app, 'node_modules', '@wizamart');
    mkdirSync(scope, { recursive: true });
    symlinkSync(path.join(FIXTURES, 'linked', 'workspace-plugin'), path.join(scope, 'plugin-linked'), 'dir');
    const kernel = await bootFixtures([], { env: { WIZAMART_APP_DIR: app, WIZAMART_PLUGIN_PATHS: '' } });
    const linked = nodeOf(kernel, 'linked');
    expect(linked.state).to.equal('ok');
    expect(linked.pkg.dir).to.equal(path.join(FIXTURES, 'linked', 'workspace-plugin'));
    expect(fixtureLog()).to.include('linked:register');
  });

  it('reports a package reachable through node_modules and a plugin path once', async () => {
    const app = emptyApp();
    mkdirSync(path.join(app, 'node_modules'));
    symlinkSync(path.join(FIXTURES, 'diamond', 'top'), path.join(app, 'node_modules', 'top'), 'dir');
    const found = await discoverPlugins({ appDir: app, pluginPaths: [path.join(FIXTURES, 'diamond')] });
    expect(found.map((pkg) => pkg.packageName).sort()).to.deep.equal([
      '@fx/bottom',
      '@fx/left',
      '@fx/right',
      '@fx/top',
    ]);
  });

  it('splits WIZAMART_PLUGIN_PATHS on the path delimiter and ignores empty entries', () => {
    const value = ['/a', '', 'rel'].join(path.delimiter);
    expect(pluginPathsFromEnv({ WIZAMART_PLUGIN_PATHS: value }, '/base')).to.deep.equal(['/a', '/base/rel']);
  });

  it('skips unreadable or broken package.json files instead of failing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wz-broken-'));
    mkdirSync(path.join(dir, 'broken'));
    writeFileSync(path.join(dir, 'broken', 'package.json'), '{ "wizamart-plugin": ');
    mkdirSync(path.join(dir, 'empty'));
    expect(await discoverPlugins({ appDir: emptyApp(), pluginPaths: [dir, '/does/not/exist'] })).to.deep.equal([]);
  });
});
