import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootWithDemo, login, SHOPPER_FIXTURE } from './helpers.js';

describe('tenancy tenant resolution', () => {
  let test: TestHost;
  let admin: string;
  const api = () => request(test.app);
  const tenantAt = async (host: string, path: string, status = 200) =>
    (await api().get(path).set('host', host).expect(status)).body;

  before(async () => {
    test = await bootWithDemo([SHOPPER_FIXTURE]);
    admin = await login(test, 'admin@wizamart.local');
    await api()
      .post('/api/v1/admin/tenancy/stores/fashion/domains')
      .set(bearer(admin))
      .send({ domain: 'Shop.Fashion.test' })
      .expect(201);
  });
  after(async () => test?.stop());

  it('serves a store on its custom domain, rewriting URLs to path mode and keeping links on the host', async () => {
    const body = await tenantAt('shop.fashion.test', '/api/v1/storefront/shopper/tenant?x=1');
    expect(body.tenant).to.deep.include({
      platform: 'main',
      store: 'fashion',
      surface: 'storefront',
      mode: 'domain',
      base: '',
    });
    expect(body.tenant.storeId).to.be.a('string');
    expect(body).to.include({ url: '/tenant?x=1', originalUrl: '/api/v1/storefront/shopper/tenant?x=1' });
    const page = await tenantAt('SHOP.fashion.test:8443', '/shopper/hello');
    expect(page.tenant).to.include({ store: 'fashion', mode: 'domain', base: '' });
  });

  it('serves <store>.<platform domain> as the storefront of that store', async () => {
    const body = await tenantAt('fashion.localhost:3000', '/api/v1/storefront/shopper/tenant');
    expect(body.tenant).to.deep.include({
      platform: 'main',
      store: 'fashion',
      surface: 'storefront',
      mode: 'subdomain',
      base: '',
    });
    expect((await tenantAt('techhub.localhost', '/shopper/hello')).tenant).to.include({
      store: 'techhub',
      mode: 'subdomain',
    });
  });

  it('serves the admin console on admin.<platform domain>, / meaning /admin', async () => {
    const body = await tenantAt('admin.localhost', '/api/v1/admin/shopper/tenant');
    expect(body.tenant).to.deep.include({
      platform: 'main',
      surface: 'admin',
      mode: 'admin-subdomain',
      base: '/admin',
    });
    await api().get('/api/v1/admin/me').set('host', 'admin.localhost').set(bearer(admin)).expect(200);
    const home = await api().get('/').set('host', 'admin.localhost').set('accept', 'text/html');
    expect(home.status, 'the admin home without a session sends people to sign in').to.equal(303);
    expect(home.headers.location).to.match(/^\/admin\/auth\/login\?next=/);
  });

  it('resolves path mode on the platform domain and on unknown hosts', async () => {
    const store = await tenantAt('localhost', '/api/v1/storefront/fashion/shopper/tenant');
    expect(store.tenant).to.deep.include({
      platform: 'main',
      store: 'fashion',
      surface: 'storefront',
      mode: 'path',
      base: '/storefront/fashion',
    });
    const dashboard = await tenantAt('127.0.0.1:4000', '/api/v1/store/techhub/shopper/tenant');
    expect(dashboard.tenant).to.deep.include({
      store: 'techhub',
      surface: 'store',
      mode: 'path',
      base: '/store/techhub',
    });
    expect((await tenantAt('localhost', '/api/v1/admin/shopper/tenant')).tenant).to.deep.include({
      surface: 'admin',
      mode: 'path',
      base: '/admin',
    });
  });

  it('answers unknown stores with 404 WZ_TENANCY_STORE_NOT_FOUND: JSON for APIs, a page for browsers', async () => {
    expect(
      (await api().get('/api/v1/storefront/shopper/tenant').set('host', 'nope.localhost').expect(404)).body.error.code,
    ).to.equal('WZ_TENANCY_STORE_NOT_FOUND');
    expect((await api().get('/api/v1/storefront/nope/shopper/tenant').expect(404)).body.error.code).to.equal(
      'WZ_TENANCY_STORE_NOT_FOUND',
    );
    const page = await api().get('/').set('host', 'nope.localhost').set('accept', 'text/html').expect(404);
    expect(page.headers['content-type']).to.match(/html/);
    expect(page.text).to.include('There is no open store at this address').and.include('nope');
    const dashboard = await api().get('/store/nope').set('accept', 'text/html').expect(404);
    expect(dashboard.text).to.include('There is no open store');
  });

  it('hides a suspended store everywhere at once and brings it back on activation', async () => {
    const owner = await login(test, 'owner@techhub.local', 'techhub');
    await api().get('/api/v1/store/techhub/me').set(bearer(owner)).expect(200);
    await api().post('/api/v1/admin/tenancy/stores/techhub/suspend').set(bearer(admin)).expect(200);
    await api().get('/api/v1/storefront/shopper/tenant').set('host', 'techhub.localhost').expect(404);
    await api().get('/api/v1/storefront/techhub/shopper/tenant').expect(404);
    expect((await api().get('/api/v1/store/techhub/me').set(bearer(owner)).expect(404)).body.error.code).to.equal(
      'WZ_TENANCY_STORE_NOT_FOUND',
    );
    expect(
      (await api().get('/api/v1/admin/tenancy/stores/techhub').set(bearer(admin)).expect(200)).body.status,
    ).to.equal('suspended');
    await api().post('/api/v1/admin/tenancy/stores/techhub/activate').set(bearer(admin)).expect(200);
    await api().get('/api/v1/storefront/shopper/tenant').set('host', 'techhub.localhost').expect(200);
    await api().get('/api/v1/store/techhub/me').set(bearer(owner)).expect(200);
  });

  it('keeps stores to their platform and follows platform domain changes without restart', async () => {
    await api()
      .post('/api/v1/admin/tenancy/platforms')
      .set(bearer(admin))
      .send({ code: 'b2b', name: 'Wholesale', domain: 'b2b.test' })
      .expect(201);
    const merchant = (
      await api().post('/api/v1/admin/tenancy/merchants').set(bearer(admin)).send({ name: 'Bulk Ltd' }).expect(201)
    ).body;
    await api()
      .post('/api/v1/admin/tenancy/stores')
      .set(bearer(admin))
      .send({ code: 'bulk', name: 'Bulk', merchantId: merchant.id, platform: 'b2b' })
      .expect(201);
    expect((await tenantAt('bulk.b2b.test', '/api/v1/storefront/shopper/tenant')).tenant).to.include({
      platform: 'b2b',
      store: 'bulk',
    });
    await api().get('/api/v1/storefront/shopper/tenant').set('host', 'bulk.localhost').expect(404);
    await api().get('/api/v1/storefront/shopper/tenant').set('host', 'fashion.b2b.test').expect(404);
    expect((await tenantAt('admin.b2b.test', '/api/v1/admin/shopper/tenant')).tenant).to.include({
      platform: 'b2b',
      surface: 'admin',
    });
    await api()
      .patch('/api/v1/admin/tenancy/platforms/b2b')
      .set(bearer(admin))
      .send({ domain: 'wholesale.test' })
      .expect(200);
    expect((await tenantAt('bulk.wholesale.test', '/api/v1/storefront/shopper/tenant')).tenant).to.include({
      platform: 'b2b',
      store: 'bulk',
    });
    await api().get('/api/v1/storefront/shopper/tenant').set('host', 'bulk.b2b.test').expect(404);
  });

  it('forgets a removed custom domain at once and refuses domains that belong to a platform', async () => {
    await api()
      .post('/api/v1/admin/tenancy/stores/techhub/domains')
      .set(bearer(admin))
      .send({ domain: 'techhub.example' })
      .expect(201);
    await tenantAt('techhub.example', '/api/v1/storefront/shopper/tenant');
    const taken = await api()
      .post('/api/v1/admin/tenancy/stores/fashion/domains')
      .set(bearer(admin))
      .send({ domain: 'techhub.example' })
      .expect(409);
    expect(taken.body.error.code).to.equal('WZ_TENANCY_CONFLICT');
    await api()
      .post('/api/v1/admin/tenancy/stores/fashion/domains')
      .set(bearer(admin))
      .send({ domain: 'x.localhost' })
      .expect(409);
    await api().delete('/api/v1/admin/tenancy/stores/techhub/domains/techhub.example').set(bearer(admin)).expect(204);
    await api().get('/api/v1/storefront/shopper/tenant').set('host', 'techhub.example').expect(404);
  });

  it('resolves warm requests from memory: no store or domain query per request', async () => {
    await tenantAt('fashion.localhost', '/api/v1/storefront/shopper/tenant');
    await tenantAt('shop.fashion.test', '/api/v1/storefront/shopper/tenant');
    await tenantAt('localhost', '/api/v1/storefront/techhub/shopper/tenant');
    const queries: string[] = [];
    const count = (query: { sql: string }) => queries.push(query.sql);
    test.db.on('query', count);
    try {
      for (let i = 0; i < 10; i++) {
        await tenantAt('fashion.localhost', '/api/v1/storefront/shopper/tenant');
        await tenantAt('shop.fashion.test', '/api/v1/storefront/shopper/tenant');
        await tenantAt('localhost', '/api/v1/storefront/techhub/shopper/tenant');
      }
    } finally {
      test.db.off('query', count);
    }
    expect(queries.filter((sql) => /stores|store_domains|platforms/.test(sql))).to.deep.equal([]);
  });
});
