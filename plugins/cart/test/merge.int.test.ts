import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCart, cartCookie, createVariant, DEMO_PASSWORD, staffToken, toggle } from './helpers.js';

const API = '/api/v1/storefront/fashion/cart';
const PROBE = '/api/v1/storefront/fashion/cart-probe';
const cookieFor = (token: string) => ({ cookie: `wz_cart=${token}` });
const quantities = (cart: { lines: Array<{ variantId: string; quantity: number }> }) =>
  Object.fromEntries(cart.lines.map((line) => [line.variantId, line.quantity]));

describe('cart: merge on sign-in and the service for checkout', function () {
  this.timeout(120_000);
  let test: TestHost;
  let shopper: string;
  let scarf: string;
  let belt: string;

  async function guestWith(lines: Array<[string, number]>): Promise<string> {
    let token: string | undefined;
    for (const [variantId, quantity] of lines) {
      const res = await request(test.app)
        .post(`${API}/lines`)
        .set(token ? cookieFor(token) : {})
        .send({ variantId, quantity })
        .expect(201);
      token ??= cartCookie(res);
    }
    return token!;
  }

  before(async () => {
    test = await bootCart();
    const owner = await staffToken(test, 'fashion');
    scarf = await createVariant(test, owner, 'fashion', 'Merge Scarf', 2500, { stock: 5 });
    belt = await createVariant(test, owner, 'fashion', 'Merge Belt', 1000, { stock: 10 });
    shopper = (
      await request(test.app)
        .post('/api/v1/storefront/fashion/auth/login')
        .send({ email: 'shopper@fashion.local', password: DEMO_PASSWORD })
        .expect(200)
    ).body.token;
  });
  after(async () => test?.stop());

  it("merges the guest cart into the customer's on the first request after sign-in, capped by stock", async () => {
    await request(test.app)
      .post(`${API}/lines`)
      .set(bearer(shopper))
      .send({ variantId: scarf, quantity: 2 })
      .expect(201);
    const guest = await guestWith([
      [scarf, 4],
      [belt, 1],
    ]);
    const merged = await request(test.app).get(API).set(bearer(shopper)).set(cookieFor(guest)).expect(200);
    expect(quantities(merged.body)).to.deep.equal({ [scarf]: 5, [belt]: 1 });
    expect(merged.body.lines.find((line: { variantId: string }) => line.variantId === scarf)).to.include({
      availableQuantity: 5,
      problem: null,
    });
    expect(merged.body).to.include({ subtotal: 5 * 2500 + 1000, ready: true });
    expect(cartCookie(merged), 'the guest cookie is cleared').to.equal('');
    const guestRow = await test
      .db('cart.carts')
      .whereNull('customer_id')
      .whereNot({ id: merged.body.id })
      .orderBy('created_at', 'desc')
      .first('status');
    expect(guestRow.status).to.equal('merged');
    expect(
      (await request(test.app).get(API).set(cookieFor(guest)).expect(200)).body.id,
      'the merged guest cart is gone for the guest',
    ).to.equal(null);
    const again = await request(test.app).get(API).set(bearer(shopper)).set(cookieFor(guest)).expect(200);
    expect(quantities(again.body), 'a second request does not merge twice').to.deep.equal({ [scarf]: 5, [belt]: 1 });
  });

  it('merges up to the line limit only while inventory is off, and flags the shortfall once it is back', async () => {
    await toggle(test, 'inventory', 'disable');
    try {
      const guest = await guestWith([[scarf, 97]]);
      const merged = (await request(test.app).get(API).set(bearer(shopper)).set(cookieFor(guest)).expect(200)).body;
      expect(quantities(merged)[scarf]).to.equal(99);
      expect(merged.lines.find((line: { variantId: string }) => line.variantId === scarf)).to.include({
        availableQuantity: null,
        problem: null,
      });
    } finally {
      await toggle(test, 'inventory', 'enable');
    }
    const tracked = (await request(test.app).get(API).set(bearer(shopper)).expect(200)).body;
    expect(tracked.lines.find((line: { variantId: string }) => line.variantId === scarf)).to.include({
      availableQuantity: 5,
      problem: 'insufficient_stock',
    });
    expect(tracked).to.include({ ready: false, subtotal: 1000 });
    const line = tracked.lines.find((candidate: { variantId: string }) => candidate.variantId === scarf);
    await request(test.app).patch(`${API}/lines/${line.id}`).set(bearer(shopper)).send({ quantity: 5 }).expect(200);
  });

  it('merges after a sign-in through the storefront login form (cookie session)', async () => {
    const agent = request.agent(test.app);
    await agent.post(`${API}/lines`).send({ variantId: belt, quantity: 2 }).expect(201);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(
      (await agent.get('/storefront/fashion/customers/login')).text,
    )?.[1];
    await agent
      .post('/storefront/fashion/customers/login')
      .type('form')
      .send({ _csrf: csrf, email: 'shopper@fashion.local', password: DEMO_PASSWORD })
      .expect(303);
    const page = await agent.get('/storefront/fashion/cart').expect(200);
    expect(page.text).to.include(`data-variant="${belt}"`).and.to.include(`data-variant="${scarf}"`);
    expect(quantities((await request(test.app).get(API).set(bearer(shopper))).body)).to.deep.equal({
      [scarf]: 5,
      [belt]: 3,
    });
  });

  it("lets checkout lock, unlock and convert the shopper's cart through the service", async () => {
    const mine = (await request(test.app).get(`${PROBE}/mine`).set(bearer(shopper)).expect(200)).body;
    expect(mine).to.include({ status: 'open', ready: true });
    expect((await request(test.app).post(`${PROBE}/carts/${mine.id}/lock`).expect(200)).body.status).to.equal('locked');
    const blocked = await request(test.app)
      .post(`${API}/lines`)
      .set(bearer(shopper))
      .send({ variantId: belt })
      .expect(409);
    expect(blocked.body.error.code).to.equal('WZ_CART_LOCKED');
    expect((await request(test.app).post(`${PROBE}/carts/${mine.id}/clear`).expect(409)).body.error.code).to.equal(
      'WZ_CART_LOCKED',
    );
    expect((await request(test.app).post(`${PROBE}/carts/${mine.id}/unlock`).expect(200)).body.status).to.equal('open');
    expect((await request(test.app).post(`${PROBE}/carts/${mine.id}/convert`).expect(200)).body.status).to.equal(
      'converted',
    );
    expect((await request(test.app).post(`${PROBE}/carts/${mine.id}/lock`).expect(409)).body.error.code).to.equal(
      'WZ_CART_LOCKED',
    );
    expect(
      (await request(test.app).get(API).set(bearer(shopper)).expect(200)).body.id,
      'a converted cart makes way for a new one',
    ).to.equal(null);
    expect(
      (await request(test.app).post(`${PROBE}/carts/00000000-0000-4000-8000-000000000000/lock`).expect(404)).body.error
        .code,
    ).to.equal('WZ_CART_NOT_FOUND');
    const next = await request(test.app)
      .post(`${API}/lines`)
      .set(bearer(shopper))
      .send({ variantId: belt })
      .expect(201);
    expect((await request(test.app).post(`${PROBE}/carts/${next.body.id}/clear`).expect(200)).body).to.include({
      itemCount: 0,
      status: 'open',
    });
  });

  it('lets checkout find and move a cart without pricing it, with the same rules as lock, unlock and convert', async () => {
    const guest = await guestWith([
      [belt, 1],
      [scarf, 1],
    ]);
    const summary = (await request(test.app).get(`${PROBE}/summary`).set(cookieFor(guest)).expect(200)).body;
    expect(summary)
      .to.include({ status: 'open', lineCount: 2, currency: 'EUR', customerId: null })
      .and.not.to.have.property('lines');
    const status = (to: string, reference = '') =>
      request(test.app).post(`${PROBE}/carts/${summary.id}/status/${to}${reference && `?reference=${reference}`}`);
    const row = () => test.db('cart.carts').where({ id: summary.id }).first('status', 'reference');
    await status('locked').expect(204);
    await status('locked').expect(204);
    expect(
      (await request(test.app).post(`${API}/lines`).set(cookieFor(guest)).send({ variantId: belt }).expect(409)).body
        .error.code,
    ).to.equal('WZ_CART_LOCKED');
    expect((await request(test.app).get(`${PROBE}/summary`).set(cookieFor(guest)).expect(200)).body).to.include({
      id: summary.id,
      status: 'locked',
    });
    await status('open').expect(204);
    await status('converted', 'order-7').expect(204);
    await status('converted', 'order-8').expect(204);
    expect(await row(), 'converting again keeps the first reference').to.deep.equal({
      status: 'converted',
      reference: 'order-7',
    });
    expect((await status('locked').expect(409)).body.error.code).to.equal('WZ_CART_LOCKED');
    expect((await status('open').expect(409)).body.error.code).to.equal('WZ_CART_LOCKED');
    expect(
      (await request(test.app).post(`${PROBE}/carts/00000000-0000-4000-8000-000000000000/status/locked`).expect(404))
        .body.error.code,
    ).to.equal('WZ_CART_NOT_FOUND');
    expect(
      (await request(test.app).get(`${PROBE}/summary`).set(cookieFor(guest)).expect(200)).body,
      "a converted cart is nobody's current cart",
    ).to.equal(null);
  });

  it('adds up concurrent first adds of a new customer in one cart', async () => {
    const registered = await request(test.app)
      .post('/api/v1/storefront/fashion/auth/register')
      .send({ email: 'racer@example.com', password: 'racer-password-1', name: 'Racer' })
      .expect(201);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        request(test.app).post(`${API}/lines`).set(bearer(registered.body.token)).send({ variantId: belt }),
      ),
    );
    expect(
      results.map((res) => res.status),
      JSON.stringify(results.find((res) => res.status !== 201)?.body),
    ).to.deep.equal(results.map(() => 201));
    const cart = (await request(test.app).get(API).set(bearer(registered.body.token)).expect(200)).body;
    expect(new Set(results.map((res) => res.body.id))).to.deep.equal(new Set([cart.id]));
    expect(quantities(cart)).to.deep.equal({ [belt]: 8 });
  });

  it('lets a guest whose cart became an order start a new cart with the same cookie', async () => {
    const guest = await guestWith([[belt, 1]]);
    const first = (await request(test.app).get(`${PROBE}/mine`).set(cookieFor(guest)).expect(200)).body;
    await request(test.app).post(`${PROBE}/carts/${first.id}/convert`).expect(200);
    expect((await request(test.app).get(API).set(cookieFor(guest)).expect(200)).body.id).to.equal(null);
    const next = await request(test.app)
      .post(`${API}/lines`)
      .set(cookieFor(guest))
      .send({ variantId: belt, quantity: 2 })
      .expect(201);
    expect(next.body.id).to.be.a('string').and.not.equal(first.id);
    expect(quantities(next.body)).to.deep.equal({ [belt]: 2 });
  });
});
