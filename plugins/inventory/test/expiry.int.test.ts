import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const PROBE = fileURLToPath(new URL('../../test/fixtures/reservation-probe', import.meta.url));

interface Jobs {
  now(name: string, data: unknown, target: { platform?: string }): Promise<string>;
  status(id: string, plugin: string): Promise<{ state: string; note: string | null } | undefined>;
}

describe('inventory: expired reservations', () => {
  let test: TestHost;
  const jobs = () => (test.host as { jobs: Jobs }).jobs;
  before(async () => {
    const plugins = ['core', 'tenancy', 'auth', 'cms', 'catalog', 'inventory'].map((code) => `${PLUGINS_DIR}${code}`);
    test = await startTestHost({ plugins: [...plugins, PROBE], env: { WIZAMART_CATALOG_DEMO_PRODUCTS: 'false' } });
    await (test.host as { runSeeds(set: string): Promise<string[]> }).runSeeds('demo');
  });
  after(async () => test?.stop());

  it('the release-expired job gives expired holds back and leaves live ones alone', async () => {
    const login = await request(test.app)
      .post('/api/v1/store/fashion/auth/login')
      .send({ email: 'owner@fashion.local', password: 'wizamart-demo' })
      .expect(200);
    const auth = { authorization: `Bearer ${login.body.token}` };
    const product = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(auth)
      .send({ title: 'Expiring Cap', status: 'active', variants: [{ sku: 'CAP-1', price: 900 }] })
      .expect(201);
    const variantId = product.body.variants[0].id;
    await request(test.app)
      .post('/api/v1/store/fashion/inventory/stock/changes')
      .set(auth)
      .send({ variantId, delta: 5, reason: 'received' })
      .expect(201);
    const reserve = (quantity: number, ttlSeconds: number) =>
      request(test.app)
        .post('/api/v1/storefront/fashion/reservation-probe/reserve')
        .send({ variantId, quantity, ttlSeconds })
        .expect(201);
    const short = (await reserve(3, 1)).body;
    const long = (await reserve(2, 3600)).body;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const id = await jobs().now('inventory.release-expired', {}, { platform: 'main' });
    for (let tries = 0; tries < 100 && (await jobs().status(id, 'inventory'))?.state !== 'completed'; tries++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await jobs().status(id, 'inventory')).to.deep.include({ state: 'completed', note: 'released 1' });
    const rows = await test.db('inventory.reservations').whereIn('id', [short.id, long.id]).select('id', 'status');
    expect(Object.fromEntries(rows.map((row: { id: string; status: string }) => [row.id, row.status]))).to.deep.equal({
      [short.id]: 'released',
      [long.id]: 'active',
    });
    expect(
      await test.db('inventory.levels').where({ variant_id: variantId }).first('on_hand', 'reserved'),
    ).to.deep.equal({ on_hand: 5, reserved: 2 });
    const committed = await request(test.app)
      .post(`/api/v1/storefront/fashion/reservation-probe/commit/${short.id}`)
      .expect(409);
    expect(committed.body.error.code).to.equal('WZ_INVENTORY_RESERVATION_CLOSED');
  });
});
