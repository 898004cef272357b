import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bootWithDemo } from './helpers.js';

const PROBE = fileURLToPath(new URL('../../test/fixtures/context-probe', import.meta.url));

interface Counted {
  metrics: { contextsBuilt: { get(): Promise<{ values: Array<{ value: number }> }> } };
}

describe('request context (contextOf)', () => {
  let test: TestHost;
  before(async () => {
    test = await bootWithDemo([PROBE]);
  });
  after(async () => test?.stop());

  const built = async () => (await (test.host as Counted).metrics.contextsBuilt.get()).values[0]?.value ?? 0;

  it('is built once per request, however many services read it', async () => {
    const before = await built();
    const res = await request(test.app).get('/api/v1/store/fashion/context-probe').expect(200);
    expect(res.body.same).to.equal(true);
    expect(await built()).to.equal(before + 1);
    await request(test.app).get('/storefront/fashion/context-probe').expect(200);
    await request(test.app).get('/storefront/fashion/context-probe').expect(200);
    expect(await built()).to.equal(before + 3);
  });

  it('is not built for requests that never reach a plugin router', async () => {
    const before = await built();
    await request(test.app).get('/health/live').expect(200);
    await request(test.app).get('/nothing-here').expect(404);
    expect(await built()).to.equal(before);
  });

  it('gives the same store from the store API and from the storefront page of that store', async () => {
    const api = await request(test.app).get('/api/v1/store/fashion/context-probe').expect(200);
    const page = await request(test.app)
      .get('/storefront/fashion/context-probe')
      .set('accept-language', 'de')
      .expect(200);
    expect(api.body.store).to.deep.equal(page.body.store);
    expect(api.body.store).to.include({ code: 'fashion', platform: 'main', base: '/storefront/fashion' });
    expect(api.body.store.id).to.be.a('string');
    expect(api.body.store.merchantId).to.be.a('string');
    expect(api.body.store.currency).to.match(/^[A-Z]{3}$/);
    expect(api.body).to.include({ surface: 'store', linkBase: '/store/fashion', platform: 'main', language: 'en' });
    expect(page.body).to.include({ surface: 'storefront', linkBase: '/storefront/fashion', language: 'de' });
    expect(page.body.actor).to.deep.equal({ kind: 'anonymous', canView: false });
    expect(page.body.requestId).to.equal(page.headers['x-request-id']);
  });

  it('answers 404 for a store code with malformed %-encoding instead of failing', async () => {
    const res = await request(test.app).get('/api/v1/store/%E0%A4%A/context-probe').expect(404);
    expect(res.body.error.code).to.equal('WZ_TENANCY_STORE_NOT_FOUND');
  });
});
