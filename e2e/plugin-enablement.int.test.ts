import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/host/testing';
import { startEnablementHost } from './support.js';

const PASSWORD = process.env.WIZAMART_DEMO_PASSWORD ?? 'wizamart-demo';

describe('plugin enablement through the admin API', function () {
  this.timeout(60_000);
  let test: TestHost;
  let admin: string;
  let storeToken: string;

  before(async () => {
    test = await startEnablementHost();
    admin = (
      await request(test.app)
        .post('/api/v1/admin/auth/login')
        .send({ email: 'admin@wizamart.local', password: PASSWORD })
        .expect(200)
    ).body.token;
    storeToken = (
      await request(test.app)
        .post('/api/v1/store/fashion/auth/login')
        .send({ email: 'owner@fashion.local', password: PASSWORD })
        .expect(200)
    ).body.token;
  });
  after(async () => test?.stop());

  const api = (platform = 'main') => `/api/v1/admin/platforms/${platform}/plugins`;
  const post = (path: string, body: unknown, token = admin) =>
    request(test.app)
      .post(path)
      .set('authorization', `Bearer ${token}`)
      .send(body as object);
  const list = async () =>
    (await request(test.app).get(api()).set('authorization', `Bearer ${admin}`).expect(200)).body as Array<{
      code: string;
      enabled: boolean;
      reasons: string[];
      state: string;
      tier: string;
    }>;
  const row = async (code: string) => (await list()).find((plugin) => plugin.code === code)!;
  const storefrontMenu = async () => (await request(test.app).get('/storefront/fashion').expect(200)).text;

  it('lists every installed plugin with tier, version, state, enabled and reasons', async () => {
    const plugins = await list();
    expect(plugins.find((plugin) => plugin.code === 'tenancy')).to.deep.include({
      tier: 'core',
      state: 'loaded',
      enabled: true,
      reasons: ['core'],
    });
    expect(plugins.find((plugin) => plugin.code === 'wishlist')).to.deep.include({
      name: 'Wishlist',
      tier: 'optional',
      version: '1.2.0',
      state: 'loaded',
      enabled: true,
      reasons: ['explicit'],
    });
    // A plugin that failed keeps its recorded enablement (it comes back when fixed); its state says why it is not
    // running.
    expect(plugins.find((plugin) => plugin.code === 'bad-migration')).to.deep.include({ state: 'failed' });
    expect(await storefrontMenu())
      .to.include('/storefront/fashion/wishlist')
      .and.include('/storefront/fashion/gift-notes');
  });

  it('a dry run returns the cascade and changes nothing', async () => {
    const res = await post(`${api()}/wishlist/disable`, { dryRun: true }).expect(200);
    expect(res.body).to.deep.equal({
      plan: { enable: [], disable: ['wishlist', 'gift-notes'], release: [] },
      applied: false,
    });
    await request(test.app).get('/storefront/fashion/wishlist').expect(200);
    expect(
      (await request(test.app).get(`${api()}/audit`).set('authorization', `Bearer ${admin}`).expect(200)).body.items,
    ).to.have.length(0);
  });

  it('disabling takes the dependents along, live: their pages, APIs, menu items and health checks are gone', async () => {
    expect((await request(test.app).get('/health').expect(200)).body.status).to.equal('degraded'); // gift-notes reports degraded
    const res = await post(`${api()}/wishlist/disable`, { dryRun: false }).expect(200);
    expect(res.body).to.deep.equal({
      plan: { enable: [], disable: ['wishlist', 'gift-notes'], release: [] },
      applied: true,
    });
    for (const path of [
      '/storefront/fashion/wishlist',
      '/storefront/fashion/gift-notes',
      '/api/v1/storefront/fashion/wishlist/items',
    ]) {
      const answer = await request(test.app).get(path).set('accept', 'application/json').expect(404);
      expect(answer.body.error.code, path).to.equal('WZ_PLUGIN_DISABLED');
    }
    const menu = await storefrontMenu();
    expect(menu).not.to.include('/storefront/fashion/wishlist');
    expect(menu).not.to.include('/storefront/fashion/gift-notes');
    const health = (await request(test.app).get('/health').expect(200)).body;
    // Every check passes now; the host stays degraded only because bad-migration is still failed.
    expect(health.status).to.equal('degraded');
    expect(health.checks.every((check: { status: string }) => check.status === 'ok')).to.equal(true);
    expect(health.plugins).to.deep.equal([{ code: 'bad-migration', state: 'failed', error: 'WZ_MIGRATION_FAILED' }]);
    expect(health.checks.map((check: { name: string }) => check.name)).not.to.include('gift-notes.ready');
    expect(await row('gift-notes')).to.deep.include({ enabled: false, reasons: [] });
    const [entry] = (await request(test.app).get(`${api()}/audit`).set('authorization', `Bearer ${admin}`).expect(200))
      .body.items;
    expect(entry).to.deep.include({
      platform: 'main',
      plugin: 'wishlist',
      action: 'disable',
      actor: 'admin@wizamart.local',
      plan: res.body.plan,
    });
  });

  it('enabling pulls in the requirement with its reason, and everything comes back without a restart', async () => {
    const res = await post(`${api()}/gift-notes/enable`, {}).expect(200);
    expect(res.body).to.deep.equal({
      plan: { enable: ['gift-notes', 'wishlist'], disable: [], release: [] },
      applied: true,
    });
    expect(await row('wishlist')).to.deep.include({ enabled: true, reasons: ['required-by:gift-notes'] });
    await request(test.app).get('/storefront/fashion/wishlist').expect(200);
    await request(test.app).get('/storefront/fashion/gift-notes').expect(200);
    expect(await storefrontMenu()).to.include('/storefront/fashion/gift-notes');
  });

  it('offers to release a requirement nothing needs any more, and releases it only when asked', async () => {
    const offered = await post(`${api()}/gift-notes/disable`, { dryRun: true, release: false }).expect(200);
    expect(offered.body).to.deep.equal({
      plan: { enable: [], disable: ['gift-notes'], release: ['wishlist'] },
      applied: false,
    });
    const released = await post(`${api()}/gift-notes/disable`, { dryRun: false, release: true }).expect(200);
    expect(released.body.plan).to.deep.equal({
      enable: [],
      disable: ['gift-notes', 'wishlist'],
      release: ['wishlist'],
    });
    expect(await row('wishlist')).to.include({ enabled: false });
    await post(`${api()}/gift-notes/enable`, {}).expect(200);
  });

  it('answers refusals with their codes and changes nothing', async () => {
    const before = await list();
    const cases: Array<[string, unknown, number, string]> = [
      [`${api()}/tenancy/disable`, {}, 409, 'WZ_PLUGIN_CORE_REQUIRED'],
      [`${api()}/ghost/enable`, {}, 404, 'WZ_PLUGIN_NOT_FOUND'],
      [`${api('nowhere')}/wishlist/enable`, {}, 404, 'WZ_PLATFORM_NOT_FOUND'],
      [`${api()}/bad-migration/enable`, {}, 409, 'WZ_PLUGIN_NOT_LOADED'],
      [`${api()}/wishlist/disable`, { dryRun: 'no' }, 400, 'WZ_VALIDATION'],
      [`${api()}/wishlist/disable`, { dryRun: true, force: true }, 400, 'WZ_VALIDATION'],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await post(path, body);
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).to.equal(status);
      expect(res.body.error.code, path).to.equal(code);
    }
    const notLoaded = await post(`${api()}/bad-migration/enable`, {});
    expect(notLoaded.body.error.details.error.code, 'the failed plugin’s own error').to.be.a('string');
    expect(await list()).to.deep.equal(before);
  });

  it('is for platform admins only', async () => {
    await request(test.app).get(api()).expect(401);
    await post(`${api()}/wishlist/disable`, {}, storeToken).expect(401);
    await request(test.app).get(api()).set('authorization', `Bearer ${storeToken}`).expect(401);
  });
});
