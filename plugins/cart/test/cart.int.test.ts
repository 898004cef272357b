import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCart, cartCookie, createVariant, staffToken, toggle } from './helpers.js';

const API = '/api/v1/storefront/fashion/cart';
const cookieFor = (token: string) => ({ cookie: `wz_cart=${token}` });

describe('cart: guest carts, server prices and store scoping', function () {
  this.timeout(120_000);
  let test: TestHost;
  let owner: string;
  let tee: string;
  let draft: string;
  let gadget: string;
  let guest: string;

  before(async () => {
    test = await bootCart();
    owner = await staffToken(test, 'fashion');
    tee = await createVariant(test, owner, 'fashion', 'Cart Tee', 1500, { stock: 20 });
    draft = await createVariant(test, owner, 'fashion', 'Draft Hat', 900, { status: 'draft', stock: 20 });
    gadget = await createVariant(test, await staffToken(test, 'techhub'), 'techhub', 'Cart Gadget', 4900, {
      stock: 20,
    });
  });
  after(async () => test?.stop());

  it('keeps a guest cart behind a random HttpOnly, SameSite=Lax cookie scoped to the store', async () => {
    expect((await request(test.app).get(API).expect(200)).body).to.include({
      id: null,
      itemCount: 0,
      subtotal: 0,
      currency: 'EUR',
    });
    const added = await request(test.app).post(`${API}/lines`).send({ variantId: tee, quantity: 2 }).expect(201);
    const cookies = added.headers['set-cookie'] as unknown as string[];
    expect(
      cookies.filter((cookie) => cookie.startsWith('wz_cart=')).map((cookie) => /Path=([^;]+)/.exec(cookie)?.[1]),
    ).to.have.members(['/storefront/fashion', '/api/v1/storefront/fashion']);
    for (const cookie of cookies.filter((value) => value.startsWith('wz_cart=')))
      expect(cookie)
        .to.match(/HttpOnly/)
        .and.to.match(/SameSite=Lax/);
    guest = cartCookie(added)!;
    expect(guest).to.match(/^[A-Za-z0-9_-]{43}$/);
    const again = await request(test.app).get(API).set(cookieFor(guest)).expect(200);
    expect(again.body.id).to.equal(added.body.id);
    expect(
      again.body.lines.map((line: { variantId: string; quantity: number; unitPrice: number }) => [
        line.variantId,
        line.quantity,
        line.unitPrice,
      ]),
    ).to.deep.equal([[tee, 2, 1500]]);
    expect(again.body).to.include({ itemCount: 2, subtotal: 3000, ready: true });
    const row = await test.db('cart.carts').where({ id: added.body.id }).first('token_hash');
    expect(row.token_hash, 'only a hash of the token is stored').to.be.a('string').and.not.equal(guest);
    const more = await request(test.app)
      .post(`${API}/lines`)
      .set(cookieFor(guest))
      .send({ variantId: tee })
      .expect(201);
    expect(cartCookie(more), 'no new cookie for a known guest').to.equal(undefined);
    expect(more.body.lines[0].quantity).to.equal(3);
  });

  it('refuses client prices and totals and keeps pricing from the catalog', async () => {
    for (const body of [
      { variantId: tee, quantity: 1, price: 1 },
      { variantId: tee, unitPrice: 1 },
      { variantId: tee, total: 1, currency: 'USD' },
    ]) {
      const res = await request(test.app).post(`${API}/lines`).set(cookieFor(guest)).send(body).expect(400);
      expect(res.body.error.code, JSON.stringify(res.body)).to.equal('WZ_CART_CLIENT_PRICE');
    }
    const line = (await request(test.app).get(API).set(cookieFor(guest))).body.lines[0];
    const patched = await request(test.app)
      .patch(`${API}/lines/${line.id}`)
      .set(cookieFor(guest))
      .send({ quantity: 1, lineTotal: 5 })
      .expect(400);
    expect(patched.body.error.code, JSON.stringify(patched.body)).to.equal('WZ_CART_CLIENT_PRICE');
    expect(
      (
        await request(test.app)
          .post(`${API}/lines`)
          .set(cookieFor(guest))
          .send({ variantId: tee, discount: 100 })
          .expect(400)
      ).body.error.code,
    ).to.equal('WZ_VALIDATION');
    const form = await request(test.app)
      .post(`${API}/lines`)
      .set(cookieFor(guest))
      .type('form')
      .send({ variantId: tee, quantity: '1' })
      .expect(415);
    expect(form.body.error.code).to.equal('WZ_CART_JSON_REQUIRED');
    // The store changes its price: every read prices the cart anew.
    await test.db('catalog.variants').where({ id: tee }).update({ price: 2000 });
    const cart = (await request(test.app).get(API).set(cookieFor(guest)).expect(200)).body;
    expect(cart.lines[0]).to.include({ quantity: 3, unitPrice: 2000, lineTotal: 6000, priceChanged: true });
    expect(cart.subtotal).to.equal(6000);
  });

  it("gives another store nothing for this store's token, and refuses another store's variant", async () => {
    const fashionCart = (await request(test.app).get(API).set(cookieFor(guest))).body;
    const elsewhere = await request(test.app).get('/api/v1/storefront/techhub/cart').set(cookieFor(guest)).expect(200);
    expect(elsewhere.body).to.include({ id: null, itemCount: 0 });
    const foreign = await request(test.app)
      .post(`${API}/lines`)
      .set(cookieFor(guest))
      .send({ variantId: gadget })
      .expect(422);
    expect(foreign.body.error.code).to.equal('WZ_CART_VARIANT_UNAVAILABLE');
    const own = await request(test.app)
      .post('/api/v1/storefront/techhub/cart/lines')
      .set(cookieFor(guest))
      .send({ variantId: gadget })
      .expect(201);
    expect(own.body.id).not.to.equal(fashionCart.id);
    const probe = await request(test.app)
      .get(`/api/v1/storefront/techhub/cart-probe/carts/${fashionCart.id}`)
      .expect(200);
    expect(probe.body, "the service does not hand out another store's cart").to.equal(null);
    const line = fashionCart.lines[0].id;
    expect(
      (
        await request(test.app)
          .delete(`/api/v1/storefront/techhub/cart/lines/${line}`)
          .set(cookieFor(guest))
          .expect(404)
      ).body.error.code,
    ).to.equal('WZ_CART_LINE_NOT_FOUND');
    expect((await request(test.app).get(API).set(cookieFor(guest))).body.itemCount).to.equal(3);
  });

  it('refuses draft variants, flags lines whose product goes away and keeps the limits', async () => {
    expect(
      (await request(test.app).post(`${API}/lines`).set(cookieFor(guest)).send({ variantId: draft }).expect(422)).body
        .error.code,
    ).to.equal('WZ_CART_VARIANT_UNAVAILABLE');
    expect(
      (
        await request(test.app)
          .post(`${API}/lines`)
          .set(cookieFor(guest))
          .send({ variantId: tee, quantity: 100 })
          .expect(400)
      ).body.error.code,
    ).to.equal('WZ_VALIDATION');
    expect(
      (
        await request(test.app)
          .post(`${API}/lines`)
          .set(cookieFor(guest))
          .send({ variantId: tee, quantity: 0 })
          .expect(400)
      ).body.error.code,
    ).to.equal('WZ_VALIDATION');
    const short = await request(test.app)
      .post(`${API}/lines`)
      .set(cookieFor(guest))
      .send({ variantId: tee, quantity: 18 })
      .expect(409);
    expect(short.body.error).to.deep.include({
      code: 'WZ_CART_INSUFFICIENT_STOCK',
      details: { variantId: tee, available: 20 },
    });
    await test.db('inventory.levels').where({ variant_id: tee }).update({ on_hand: 200 });
    const full = await request(test.app)
      .post(`${API}/lines`)
      .set(cookieFor(guest))
      .send({ variantId: tee, quantity: 97 })
      .expect(422);
    expect(full.body.error.code).to.equal('WZ_CART_QUANTITY_LIMIT');
    const product = (await test.db('catalog.variants').where({ id: tee }).first('product_id')).product_id as string;
    await request(test.app)
      .post('/api/v1/store/fashion/catalog/products/status')
      .set(bearer(owner))
      .send({ ids: [product], status: 'archived' })
      .expect(200);
    const cart = (await request(test.app).get(API).set(cookieFor(guest)).expect(200)).body;
    expect(cart.lines).to.have.length(1);
    expect(cart.lines[0]).to.include({ title: 'Cart Tee', problem: 'unavailable', unitPrice: null });
    expect(cart).to.include({ subtotal: 0, ready: false, itemCount: 3 });
    await request(test.app)
      .post('/api/v1/store/fashion/catalog/products/status')
      .set(bearer(owner))
      .send({ ids: [product], status: 'active' })
      .expect(200);
  });

  it('serves the cart page and its CSRF-checked form target, and the mini-cart on the home page', async () => {
    const agent = request.agent(test.app);
    const page = await agent.get('/storefront/fashion/cart').expect(200);
    expect(page.text).to.include('data-cart-empty');
    expect(page.text.match(/<h1/g), 'the layout shows the title once').to.have.length(1);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(
      (await agent.get('/storefront/fashion/customers/login')).text,
    )?.[1];
    expect(
      (await agent.post('/storefront/fashion/cart/add').type('form').send({ variantId: tee, quantity: '2' })).status,
    ).to.equal(403);
    const added = await agent
      .post('/storefront/fashion/cart/add')
      .type('form')
      .send({ _csrf: csrf, variantId: tee, quantity: '2' })
      .expect(303);
    expect(added.headers.location).to.equal('/storefront/fashion/cart');
    const cart = await agent.get('/storefront/fashion/cart').expect(200);
    expect(cart.text).to.include(`data-variant="${tee}"`).and.to.include('data-subtotal="4000"');
    const tooMany = await agent
      .post('/storefront/fashion/cart/add')
      .type('form')
      .send({ _csrf: csrf, variantId: draft })
      .expect(303);
    expect(tooMany.headers.location).to.equal('/storefront/fashion/cart');
    expect((await agent.get('/storefront/fashion/cart')).text).to.include('This product is not available.');
    expect((await agent.get('/storefront/fashion').expect(200)).text).to.include('data-mini-cart="2"');
  });

  it('answers 404 WZ_PLUGIN_DISABLED while cart is turned off on the platform', async () => {
    await toggle(test, 'cart', 'disable');
    try {
      expect((await request(test.app).get(API).set(cookieFor(guest)).expect(404)).body.error.code).to.equal(
        'WZ_PLUGIN_DISABLED',
      );
      expect(
        (await request(test.app).post(`${API}/lines`).send({ variantId: tee }).expect(404)).body.error.code,
      ).to.equal('WZ_PLUGIN_DISABLED');
      expect((await request(test.app).get('/storefront/fashion/cart')).status).to.equal(404);
      expect((await request(test.app).get('/storefront/fashion').expect(200)).text).not.to.include(
        '/storefront/fashion/cart',
      );
    } finally {
      await toggle(test, 'cart', 'enable');
    }
    expect(
      (await request(test.app).get(API).set(cookieFor(guest)).expect(200)).body.itemCount,
      'disabling keeps the data',
    ).to.equal(3);
  });
});
