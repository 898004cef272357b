import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const PROBE = fileURLToPath(new URL('../../test/fixtures/reservation-probe', import.meta.url));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Reservations through the exported service, used by a stand-in checkout plugin (test/fixtures/reservation-probe).
 * With WIZAMART_TEST_DATABASE_URL this runs on the PostgreSQL server, where the 50 requests really race over the
 * pool's connections; on the embedded database they are serialised.
 */
describe('inventory: reservations', () => {
  let test: TestHost;
  let owner: string;
  let variantId: string;
  let slug: string;
  const reserve = (quantity: number, id = variantId) =>
    request(test.app).post('/api/v1/storefront/fashion/reservation-probe/reserve').send({ variantId: id, quantity });
  const level = async () => test.db('inventory.levels').where({ variant_id: variantId }).first('on_hand', 'reserved');

  before(async () => {
    const plugins = ['core', 'tenancy', 'auth', 'cms', 'catalog', 'inventory'].map((code) => `${PLUGINS_DIR}${code}`);
    const env = { WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '1000', WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000' };
    test = await startTestHost({ plugins: [...plugins, PROBE], env });
    await (test.host as { runSeeds(set: string): Promise<string[]> }).runSeeds('demo');
    owner = (
      await request(test.app)
        .post('/api/v1/store/fashion/auth/login')
        .send({ email: 'owner@fashion.local', password: 'wizamart-demo' })
        .expect(200)
    ).body.token;
    const product = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(owner))
      .send({
        title: 'Last Ten Sneakers',
        status: 'active',
        options: [{ name: 'Size', values: ['42'] }],
        variants: [{ sku: 'LAST-42', price: 9900, optionValues: { Size: '42' } }],
      })
      .expect(201);
    variantId = product.body.variants[0].id;
    slug = product.body.slug;
  });
  after(async () => test?.stop());

  it('records received stock as a movement and shows availability on the storefront', async () => {
    const stockState = async () =>
      (await request(test.app).get(`/api/v1/storefront/fashion/catalog/products/${slug}`).expect(200)).body.variants[0]
        .stock;
    expect(await stockState()).to.equal('out_of_stock');
    await request(test.app)
      .post('/api/v1/store/fashion/inventory/stock/changes')
      .set(bearer(owner))
      .send({ variantId, delta: 3, reason: 'received', lowThreshold: 5 })
      .expect(201);
    expect(await stockState()).to.equal('low');
    await request(test.app)
      .post('/api/v1/store/fashion/inventory/stock/changes')
      .set(bearer(owner))
      .send({ variantId, onHand: 10, reason: 'counted', lowThreshold: 2 })
      .expect(201);
    expect(await stockState()).to.equal('in_stock');
    expect(await level()).to.deep.equal({ on_hand: 10, reserved: 0 });
    const movements = await request(test.app)
      .get('/api/v1/store/fashion/inventory/movements')
      .query({ variantId })
      .set(bearer(owner))
      .expect(200);
    expect(movements.body.items.map((m: { delta: number; reason: string }) => [m.delta, m.reason])).to.deep.equal([
      [7, 'counted'],
      [3, 'received'],
    ]);
    expect(movements.body.items[0].actor).to.match(/^staff:/);
  });

  it('lets exactly 10 of 50 concurrent reservations take the last 10 units; stock ends at 0, never below', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => reserve(1)));
    const statuses = results.map((res) => res.status);
    expect(statuses.filter((status) => status === 201)).to.have.length(10);
    expect(statuses.filter((status) => status === 409)).to.have.length(40);
    expect(results.find((res) => res.status === 409)!.body.error.code).to.equal('WZ_INVENTORY_INSUFFICIENT_STOCK');
    expect(await level()).to.deep.equal({ on_hand: 10, reserved: 10 });
    const held = results.filter((res) => res.status === 201).map((res) => res.body.id as string);
    const committed = await Promise.all(
      held.map((id) => request(test.app).post(`/api/v1/storefront/fashion/reservation-probe/commit/${id}`)),
    );
    expect(committed.map((res) => res.status)).to.deep.equal(held.map(() => 200));
    expect(await level()).to.deep.equal({ on_hand: 0, reserved: 0 });
    const sold = await test
      .db('inventory.movements')
      .where({ variant_id: variantId, reason: 'sold' })
      .sum({ total: 'delta' })
      .first();
    expect(Number(sold!.total)).to.equal(-10);
    expect((await reserve(1)).status).to.equal(409);
  });

  it('releases give units back; closed reservations stay closed; retries are harmless', async () => {
    await request(test.app)
      .post('/api/v1/store/fashion/inventory/stock/changes')
      .set(bearer(owner))
      .send({ variantId, delta: 2, reason: 'returned' })
      .expect(201);
    const hold = (await reserve(2).expect(201)).body;
    expect((await reserve(1)).status).to.equal(409);
    await request(test.app).post(`/api/v1/storefront/fashion/reservation-probe/release/${hold.id}`).expect(200);
    await request(test.app).post(`/api/v1/storefront/fashion/reservation-probe/release/${hold.id}`).expect(200);
    expect(await level()).to.deep.equal({ on_hand: 2, reserved: 0 });
    const closed = await request(test.app)
      .post(`/api/v1/storefront/fashion/reservation-probe/commit/${hold.id}`)
      .expect(409);
    expect(closed.body.error.code).to.equal('WZ_INVENTORY_RESERVATION_CLOSED');
    const other = await request(test.app)
      .post(`/api/v1/storefront/techhub/reservation-probe/release/${hold.id}`)
      .expect(404);
    expect(other.body.error.code).to.equal('WZ_INVENTORY_RESERVATION_NOT_FOUND');
    const foreign = await request(test.app)
      .post('/api/v1/storefront/techhub/reservation-probe/reserve')
      .send({ variantId, quantity: 1 })
      .expect(404);
    expect(foreign.body.error.code).to.equal('WZ_INVENTORY_VARIANT_NOT_FOUND');
    await reserve(0).expect(400);
  });

  it('restores a committed reservation once: units back on hand as a returned movement; other states refused', async () => {
    const probe = (action: string, id: string, store = 'fashion') =>
      request(test.app).post(`/api/v1/storefront/${store}/reservation-probe/${action}/${id}`);
    const sold = (await reserve(2).expect(201)).body;
    await probe('commit', sold.id).expect(200);
    expect(await level()).to.deep.equal({ on_hand: 0, reserved: 0 });
    expect((await probe('restore', sold.id, 'techhub').expect(404)).body.error.code).to.equal(
      'WZ_INVENTORY_RESERVATION_NOT_FOUND',
    );
    expect((await probe('restore', sold.id).expect(200)).body).to.include({
      id: sold.id,
      status: 'restored',
      quantity: 2,
    });
    expect((await probe('restore', sold.id).expect(200)).body.status, 'a retry changes nothing').to.equal('restored');
    expect(await level()).to.deep.equal({ on_hand: 2, reserved: 0 });
    const returned = await test
      .db('inventory.movements')
      .where({ reservation_id: sold.id })
      .orderBy('created_at')
      .select('delta', 'reason', 'actor');
    expect(returned).to.deep.equal([
      { delta: -2, reason: 'sold', actor: 'probe' },
      { delta: 2, reason: 'returned', actor: 'probe' },
    ]);
    for (const action of ['commit', 'release']) {
      const closed = await probe(action, sold.id).expect(409);
      expect(closed.body.error).to.deep.include({
        code: 'WZ_INVENTORY_RESERVATION_CLOSED',
        details: { status: 'restored' },
      });
    }
    const active = (await reserve(1).expect(201)).body;
    expect((await probe('restore', active.id).expect(409)).body.error.details).to.deep.equal({ status: 'active' });
    await probe('release', active.id).expect(200);
    expect((await probe('restore', active.id).expect(409)).body.error.details).to.deep.equal({ status: 'released' });
    expect((await probe('restore', 'not-a-uuid').expect(404)).body.error.code).to.equal(
      'WZ_INVENTORY_RESERVATION_NOT_FOUND',
    );
    expect(await level()).to.deep.equal({ on_hand: 2, reserved: 0 });
  });

  it('refuses to take stock below zero, in the service and in the database', async () => {
    const refused = await request(test.app)
      .post('/api/v1/store/fashion/inventory/stock/changes')
      .set(bearer(owner))
      .send({ variantId, delta: -3, reason: 'damaged' })
      .expect(409);
    expect(refused.body.error.code).to.equal('WZ_INVENTORY_NEGATIVE_STOCK');
    expect(await level()).to.deep.equal({ on_hand: 2, reserved: 0 });
    let error: unknown;
    await test
      .db('inventory.levels')
      .where({ variant_id: variantId })
      .update({ on_hand: -1 })
      .catch((caught) => {
        error = caught;
      });
    expect((error as { code?: string }).code).to.equal('23514');
    const unknown = await request(test.app)
      .post('/api/v1/store/fashion/inventory/stock/changes')
      .set(bearer(owner))
      .send({ variantId, delta: 1, reason: 'received', bogus: 1 })
      .expect(400);
    expect(unknown.body.error.code).to.equal('WZ_VALIDATION');
  });
});
