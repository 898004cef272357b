import { expect } from 'chai';
import { Contributions } from '../kernel/contributions.js';
import { HealthService } from './health.js';

describe('HealthService', () => {
  const ok = () => ({ status: 'ok' as const });
  const failing = () => {
    throw new Error('connection refused');
  };

  it('is down when the database check fails, whatever the others say', async () => {
    const report = await new HealthService(new Contributions(), failing, ok).report();
    expect(report.status).to.equal('down');
    expect(report.checks[0]).to.include({ name: 'database', status: 'down', error: 'connection refused' });
    expect(await new HealthService(new Contributions(), failing, ok).databaseReachable()).to.equal(false);
  });

  it('is degraded when a plugin check fails or reports degraded, and ok when all pass', async () => {
    const contributions = new Contributions();
    contributions.addHealth({
      plugin: 'a',
      name: 'a.cache',
      run: () => ({ status: 'degraded', detail: 'cold cache' }),
    });
    expect((await new HealthService(contributions, ok, ok).report()).status).to.equal('degraded');
    expect((await new HealthService(new Contributions(), ok, ok).report()).status).to.equal('ok');
  });

  it('leaves out the checks of plugins that do not count (disabled)', async () => {
    const contributions = new Contributions();
    contributions.addHealth({ plugin: 'off', name: 'off.thing', run: failing });
    const report = await new HealthService(contributions, ok, ok, (plugin) => plugin !== 'off').report();
    expect(report.status).to.equal('ok');
    expect(report.checks.map((check) => check.name)).to.deep.equal(['database', 'jobs']);
  });
});

describe('HealthService: plugin states', () => {
  const ok = () => ({ status: 'ok' as const });
  const nodes = [
    { code: 'fine', state: 'ok' as const, error: null },
    { code: 'broken', state: 'failed' as const, error: { code: 'WZ_PLUGIN_INTERNAL_SURFACE' } },
    { code: 'after', state: 'blocked' as const, error: { code: 'WZ_PLUGIN_BLOCKED' } },
  ];

  it('is degraded and lists failed and blocked plugins with their error codes', async () => {
    const report = await new HealthService(
      new Contributions(),
      ok,
      ok,
      () => true,
      () => nodes,
    ).report();
    expect(report.status).to.equal('degraded');
    expect(report.plugins).to.deep.equal([
      { code: 'broken', state: 'failed', error: 'WZ_PLUGIN_INTERNAL_SURFACE' },
      { code: 'after', state: 'blocked', error: 'WZ_PLUGIN_BLOCKED' },
    ]);
  });

  it('on ?platform= lists only the broken plugins enabled on that platform', async () => {
    const counts = (plugin: string, platform?: string) => platform !== 'shop' || plugin !== 'broken';
    const report = await new HealthService(new Contributions(), ok, ok, counts, () => nodes).report('shop');
    expect(report.plugins.map((plugin) => plugin.code)).to.deep.equal(['after']);
    const twoNodes = () => nodes.slice(0, 2);
    const healthy = await new HealthService(new Contributions(), ok, ok, counts, twoNodes).report('shop');
    expect(healthy).to.include({ status: 'ok' }).and.to.have.deep.property('plugins', []);
  });
});
