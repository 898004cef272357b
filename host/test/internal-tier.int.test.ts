import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import type { RunningHost } from '../src/runtime/host.js';
import path from 'node:path';
import { FIXTURES } from './helpers.js';
import { runtimeFixture } from './runtime-helpers.js';

// Kept apart from the runtime fixtures, which the process tests load as a whole.
const TIERS = ['internal-storefront', 'internal-admin', 'after-internal'].map((name) =>
  path.join(FIXTURES, 'tiers', name),
);
const PLUGINS = [runtimeFixture('ledger'), ...TIERS];

describe('internal plugins and /health with broken plugins', () => {
  let test: TestHost;
  let host: RunningHost;
  before(async () => {
    test = await startTestHost({ plugins: PLUGINS });
    host = test.host as RunningHost;
  });
  after(async () => test?.stop());

  const stateOf = (code: string) => host.kernel.plugins.find((node) => node.code === code);

  it('fails an internal plugin that adds a storefront route, with none of its routes served', async () => {
    expect(stateOf('internal-storefront')).to.include({ state: 'failed' });
    expect(stateOf('internal-storefront')?.error?.code).to.equal('WZ_PLUGIN_INTERNAL_SURFACE');
    await request(test.app).get('/api/v1/storefront/any/internal-storefront').expect(404);
    await request(test.app).get('/api/v1/admin/internal-storefront').expect(404);
  });

  it('boots the rest: an internal plugin on the admin surface and an optional plugin serve', async () => {
    expect(stateOf('internal-admin')).to.include({ state: 'ok' });
    expect((await request(test.app).get('/api/v1/admin/internal-admin/status').expect(200)).body).to.deep.equal({
      internal: 'ok',
    });
    await request(test.app).get('/api/v1/admin/ledger/entries').expect(200);
  });

  it('reports degraded on /health, listing failed and blocked plugins with their error codes', async () => {
    const res = await request(test.app).get('/health').expect(200);
    expect(res.body.status).to.equal('degraded');
    expect(res.body.checks.every((check: { status: string }) => check.status === 'ok')).to.equal(true);
    expect(res.body.plugins).to.deep.equal([
      { code: 'internal-storefront', state: 'failed', error: 'WZ_PLUGIN_INTERNAL_SURFACE' },
      { code: 'after-internal', state: 'blocked', error: 'WZ_PLUGIN_BLOCKED' },
    ]);
  });

  it('stays ready: only a failed core plugin stops the host, and then it does not boot', async () => {
    expect((await request(test.app).get('/health/ready').expect(200)).body).to.deep.equal({ status: 'ready' });
  });
});
