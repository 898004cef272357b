import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, staffToken } from '@wizamart/plugin-auth/testing';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** Stock changes through the store API: raising, lowering and refusing what would go below zero. */
describe('inventory: stock changes', () => {
  let test: TestHost;
  let owner: string;
  let variantId: string;
  const change = (body: Record<string, unknown>) =>
    request(test.app)
      .post('/api/v1/store/fashion/inventory/stock/changes')
      .set(bearer(owner))
      .send({ variantId, ...body });
  const level = async () => test.db('inventory.levels').where({ variant_id: variantId }).first('on_hand', 'reserved');
  const movements = async () =>
    (
      await test
        .db('inventory.movements')
        .where({ variant_id: variantId })
        .orderBy('created_at')
        .select('delta', 'reason')
    ).map((m) => [m.delta, m.reason]);

  before(async () => {
    const plugins = ['core', 'tenancy', 'auth', 'cms', 'catalog', 'inventory'].map((code) => `${PLUGINS_DIR}${code}`);
    const env = {
      WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '1000',
      WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000',
      WIZAMART_CATALOG_DEMO_PRODUCTS: 'false',
      WIZAMART_JOBS: 'false',
    };
    test = await startTestHost({ plugins, env, seeds: ['demo'] });
    owner = await staffToken(test, 'fashion');
    const product = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(owner))
      .send({ title: 'Counted Socks', status: 'active', variants: [{ sku: 'COUNTED-SOCKS', price: 900 }] })
      .expect(201);
    variantId = product.body.variants[0].id;
  });
  after(async () => test?.stop());

  it('lowers existing stock by a count and by a negative delta, recording each movement', async () => {
    await change({ delta: 10, reason: 'received' }).expect(201);
    await change({ onHand: 4, reason: 'counted' }).expect(201);
    expect(await level()).to.deep.equal({ on_hand: 4, reserved: 0 });
    await change({ delta: -1, reason: 'adjusted' }).expect(201);
    expect(await level()).to.deep.equal({ on_hand: 3, reserved: 0 });
    expect(await movements()).to.deep.equal([
      [10, 'received'],
      [-6, 'counted'],
      [-1, 'adjusted'],
    ]);
  });

  it('refuses a change below zero with WZ_INVENTORY_NEGATIVE_STOCK and changes nothing', async () => {
    const before = await movements();
    const res = await change({ delta: -4, reason: 'adjusted' }).expect(409);
    expect(res.body.error.code).to.equal('WZ_INVENTORY_NEGATIVE_STOCK');
    expect(await level()).to.deep.equal({ on_hand: 3, reserved: 0 });
    expect(await movements()).to.deep.equal(before);
  });
});
