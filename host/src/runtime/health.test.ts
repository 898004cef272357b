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
    contributions.addHealth({ plugin: 'a', name: 'a.cache', run: () => ({ status: 'degraded', detail: 'cold cache' }) });
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
