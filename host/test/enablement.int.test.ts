import { performance } from 'node:perf_hooks';
import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '../src/testing/test-host.js';
import { eventually, ON_SERVER, runtimeFixture } from './runtime-helpers.js';

// audit requires ledger; gatekeeper is core; bad-migration fails at boot.
const PLUGINS = ['ledger', 'audit', 'gatekeeper', 'bad-migration'].map(runtimeFixture);

describe('per-platform enablement changes', () => {
  let test: TestHost;
  before(async () => (test = await startTestHost({ plugins: PLUGINS })));
  after(async () => test?.stop());

  const changes = () => test.host.enablementChanges;
  const reasonsOf = async (code: string) =>
    (await changes().list('main')).find((plugin) => plugin.code === code)?.reasons;
  const actor = { actor: 'admin@test.local' };

  it('lists every plugin with its state, whether it is enabled and why', async () => {
    const list = await changes().list('main');
    expect(list.find((plugin) => plugin.code === 'gatekeeper'))
      .to.include({ enabled: true, tier: 'core' })
      .and.have.deep.property('reasons', ['core']);
    expect(list.find((plugin) => plugin.code === 'ledger'))
      .to.include({ enabled: true, state: 'loaded' })
      .and.have.deep.property('reasons', ['explicit']);
    expect(list.find((plugin) => plugin.code === 'bad-migration')).to.include({ state: 'failed' });
  });

  it('a dry run returns the whole plan and changes nothing', async () => {
    const result = await changes().change('main', 'ledger', 'disable', { dryRun: true, release: false, ...actor });
    expect(result).to.deep.equal({ plan: { enable: [], disable: ['ledger', 'audit'], release: [] }, applied: false });
    await request(test.app).get('/api/v1/admin/audit/log').expect(200);
    expect(await changes().audit('main')).to.have.length(0);
  });

  it('disabling takes dependents along at once: their routes answer WZ_PLUGIN_DISABLED, and it is audited', async () => {
    const result = await changes().change('main', 'ledger', 'disable', { dryRun: false, release: false, ...actor });
    expect(result.applied).to.equal(true);
    for (const path of ['/api/v1/admin/ledger/entries', '/api/v1/admin/audit/log']) {
      expect((await request(test.app).get(path).expect(404)).body.error.code).to.equal('WZ_PLUGIN_DISABLED');
    }
    const [entry] = await changes().audit('main');
    expect(entry).to.deep.include({
      platform: 'main',
      plugin: 'ledger',
      action: 'disable',
      actor: 'admin@test.local',
      plan: result.plan,
    });
  });

  it('enabling pulls in what it requires, recorded as required-by, and the routes come back without a restart', async () => {
    const result = await changes().change('main', 'audit', 'enable', { dryRun: false, release: false, ...actor });
    expect(result.plan.enable).to.deep.equal(['audit', 'ledger']);
    expect(await reasonsOf('ledger')).to.deep.equal(['required-by:audit']);
    await request(test.app).get('/api/v1/admin/ledger/entries').expect(200);
    await request(test.app).get('/api/v1/admin/audit/log').expect(200);
  });

  it('releases a plugin only required by the disabled one, when asked', async () => {
    const kept = await changes().change('main', 'audit', 'disable', { dryRun: true, release: false, ...actor });
    expect(kept.plan).to.deep.equal({ enable: [], disable: ['audit'], release: ['ledger'] });
    const released = await changes().change('main', 'audit', 'disable', { dryRun: false, release: true, ...actor });
    expect(released.plan).to.deep.equal({ enable: [], disable: ['audit', 'ledger'], release: ['ledger'] });
    await request(test.app).get('/api/v1/admin/ledger/entries').expect(404);
    await changes().change('main', 'audit', 'enable', { dryRun: false, release: false, ...actor });
  });

  it('a disabled plugin’s jobs skip the platform’s work; enabled again, they run', async () => {
    const runUntilDone = async (label: string) => {
      const id = await test.host.jobs.now('ledger.count', { label }, { platform: 'main' });
      return eventually(
        async () => {
          const status = await test.host.jobs.status(id, 'ledger');
          return status?.state === 'completed' ? status : undefined;
        },
        10_000,
        `job ${label} to complete`,
      );
    };
    await changes().change('main', 'ledger', 'disable', { dryRun: false, release: false, ...actor });
    try {
      const skipped = await runUntilDone('while-off');
      expect(skipped.note).to.equal('skipped: ledger is disabled on platform main');
      expect(await test.db('ledger.entries').where('label', 'like', 'while-off@%')).to.have.length(0);
    } finally {
      await changes().change('main', 'audit', 'enable', { dryRun: false, release: false, ...actor });
    }
    expect((await runUntilDone('back-on')).note).to.equal('done');
    expect(await test.db('ledger.entries').where('label', 'like', 'back-on@main%')).to.have.length(1);
  });

  it('refuses core plugins, failed plugins, unknown plugins and platforms with their codes', async () => {
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 'none',
        (error: { code: string }) => error.code,
      );
    expect(
      await codeOf(changes().change('main', 'gatekeeper', 'disable', { dryRun: true, release: false, ...actor })),
    ).to.equal('WZ_PLUGIN_CORE_REQUIRED');
    expect(
      await codeOf(changes().change('main', 'bad-migration', 'enable', { dryRun: true, release: false, ...actor })),
    ).to.equal('WZ_PLUGIN_NOT_LOADED');
    expect(
      await codeOf(changes().change('main', 'ghost', 'enable', { dryRun: true, release: false, ...actor })),
    ).to.equal('WZ_PLUGIN_NOT_FOUND');
    expect(
      await codeOf(changes().change('nowhere', 'ledger', 'enable', { dryRun: true, release: false, ...actor })),
    ).to.equal('WZ_PLATFORM_NOT_FOUND');
  });
});

(ON_SERVER ? describe : describe.skip)('enablement changes reach other hosts through LISTEN/NOTIFY', () => {
  let first: TestHost;
  let second: TestHost;
  before(async () => {
    first = await startTestHost({ plugins: PLUGINS });
    second = await startTestHost({ plugins: PLUGINS, database: { url: first.databaseUrl } });
  });
  after(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('disabling on host A makes the route 404 on host B within a second', async () => {
    await request(second.app).get('/api/v1/admin/ledger/entries').expect(200);
    const started = performance.now();
    await first.host.enablementChanges.change('main', 'ledger', 'disable', {
      dryRun: false,
      release: false,
      actor: 'a',
    });
    await eventually(
      async () => ((await request(second.app).get('/api/v1/admin/ledger/entries')).status === 404 ? true : undefined),
      1000,
      'host B to see the change',
    );
    const delayMs = performance.now() - started;
    console.log(`      host B saw the change after ${delayMs.toFixed(0)} ms`);
    expect(delayMs).to.be.below(1000);
  });
});
