import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const runSeeds = (test: TestHost) => (test.host as { runSeeds(set: string): Promise<string[]> }).runSeeds('demo');

describe('catalog + inventory: demo seed', () => {
  let test: TestHost;
  before(async () => {
    const plugins = ['core', 'tenancy', 'auth', 'cms', 'catalog', 'inventory'].map((code) => `${PLUGINS_DIR}${code}`);
    test = await startTestHost({ plugins, env: { WIZAMART_JOBS: 'false' } });
  });
  after(async () => test?.stop());

  it('adds about 60 active products with variants, categories and stock to the two demo stores, once', async () => {
    const lines = await runSeeds(test);
    expect(lines.join('\n')).to.match(/Catalog of .*: \d+ demo products added/);
    const count = async (store: string) =>
      (await request(test.app).get(`/api/v1/storefront/${store}/catalog/products`).expect(200)).body.total as number;
    const [fashion, techhub] = [await count('fashion'), await count('techhub')];
    expect(fashion + techhub).to.be.within(55, 70);
    expect(fashion).to.be.greaterThan(20);
    expect(techhub).to.be.greaterThan(20);
    const variants = await test.db('catalog.variants').count({ n: '*' }).first();
    expect(Number(variants!.n)).to.be.greaterThan(fashion + techhub);
    const levels = await test.db('inventory.levels').count({ n: '*' }).first();
    expect(Number(levels!.n)).to.equal(Number(variants!.n));
    const states = await test
      .db('inventory.levels')
      .select(
        test.db.raw(
          `count(*) filter (where on_hand = 0)::int as out, count(*) filter (where on_hand between 1 and 5)::int as low`,
        ),
      )
      .first();
    expect(states.out).to.be.greaterThan(0);
    expect(states.low).to.be.greaterThan(0);
    const dresses = await request(test.app)
      .get('/api/v1/storefront/fashion/catalog/products')
      .query({ category: 'women' })
      .expect(200);
    expect(dresses.body.total).to.be.greaterThan(5);
    const search = await request(test.app)
      .get('/api/v1/storefront/fashion/catalog/products')
      .query({ q: 'creme' })
      .expect(200);
    expect(search.body.items[0].title).to.match(/^Crème /);
    await runSeeds(test);
    expect(await count('fashion')).to.equal(fashion);
    expect(Number((await test.db('inventory.levels').count({ n: '*' }).first())!.n)).to.equal(Number(variants!.n));
  });

  it('shows stock and low stock to staff and takes stock changes from the page form', async () => {
    const login = await request(test.app)
      .post('/api/v1/store/fashion/auth/login')
      .send({ email: 'owner@fashion.local', password: 'wizamart-demo' })
      .expect(200);
    const auth = { authorization: `Bearer ${login.body.token}` };
    const low = await request(test.app).get('/store/fashion/inventory/low').set(auth).expect(200);
    expect(low.text).to.match(/data-state="(low|out_of_stock)"/);
    expect(low.text).not.to.include('data-state="in_stock"');
    const stock = await request(test.app)
      .get('/store/fashion/inventory')
      .query({ q: 'linen summer' })
      .set(auth)
      .expect(200);
    const variantId = /name="variantId" value="([0-9a-f-]{36})"/.exec(stock.text)![1];
    await request(test.app)
      .post('/store/fashion/inventory/changes')
      .set(auth)
      .type('form')
      .send({ variantId, mode: 'set', quantity: '42', reason: 'counted' })
      .expect(303);
    const level = await test.db('inventory.levels').where({ variant_id: variantId }).first('on_hand');
    expect(level.on_hand).to.equal(42);
    const refused = await request(test.app)
      .post('/store/fashion/inventory/changes')
      .set(auth)
      .type('form')
      .send({ variantId, mode: 'add', quantity: '-43', reason: 'damaged' });
    expect(refused.status).to.equal(409);
    expect((await test.db('inventory.levels').where({ variant_id: variantId }).first('on_hand')).on_hand).to.equal(42);
    await request(test.app)
      .post('/store/fashion/inventory/locations')
      .set(auth)
      .type('form')
      .send({ code: 'shop', name: 'Shop floor' })
      .expect(303);
    const withShop = await request(test.app)
      .get('/store/fashion/inventory')
      .query({ q: 'linen summer' })
      .set(auth)
      .expect(200);
    expect(withShop.text).to.include('data-location="shop"').and.include('name="locationId"');
    const taken = await request(test.app)
      .post('/api/v1/store/fashion/inventory/locations')
      .set(auth)
      .send({ code: 'shop', name: 'Again' })
      .expect(409);
    expect(taken.body.error.code).to.equal('WZ_INVENTORY_LOCATION_TAKEN');
    const shop = (
      await request(test.app).get('/api/v1/store/fashion/inventory/locations').set(auth).expect(200)
    ).body.items.find((l: { code: string }) => l.code === 'shop');
    await request(test.app)
      .post('/store/fashion/inventory/changes')
      .set(auth)
      .type('form')
      .send({ variantId, locationId: shop.id, mode: 'add', quantity: '5', reason: 'received' })
      .expect(303);
    const overview = await request(test.app)
      .get('/api/v1/store/fashion/inventory/stock')
      .query({ q: 'linen summer' })
      .set(auth)
      .expect(200);
    expect(overview.body.items.find((v: { id: string }) => v.id === variantId)).to.include({
      onHand: 47,
      available: 47,
    });
    const unknown = await request(test.app)
      .post('/api/v1/store/fashion/inventory/stock/changes')
      .set(auth)
      .send({ variantId, locationId: variantId, delta: 1, reason: 'received' })
      .expect(404);
    expect(unknown.body.error.code).to.equal('WZ_INVENTORY_LOCATION_NOT_FOUND');
  });
});
