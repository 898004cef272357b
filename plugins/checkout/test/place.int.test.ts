import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { ADDRESS, bearer, bootCheckout, CARDS, createVariant, Guest, staffToken, stockOf } from './helpers.js';

interface Enablement {
  change(
    platform: string,
    code: string,
    action: 'enable' | 'disable',
    options: { dryRun: boolean; release: boolean; actor: string },
  ): Promise<unknown>;
}

const approve = { payment: { input: { cardNumber: CARDS.approve } } };
const decline = { payment: { input: { cardNumber: CARDS.decline } } };

describe('checkout: placing an order', function () {
  this.timeout(180_000);
  let test: TestHost;
  let owner: string;
  let tee: string;
  let cap: string;
  let gadget: string;

  const ordersOf = (cartId: string) =>
    test
      .db('orders.orders')
      .whereRaw(`source->>'cartId' = ?`, [cartId])
      .count({ n: '*' })
      .first()
      .then((row) => Number(row?.n));
  const paymentsFor = (orderId: string) =>
    test.db('payments.payments').where({ order_ref: orderId }).select('id', 'status', 'amount');

  async function readyGuest(lines: Array<[string, number]>, options: { provider?: string } = {}): Promise<Guest> {
    const guest = new Guest(test, 'fashion');
    for (const [variantId, quantity] of lines) expect((await guest.add(variantId, quantity)).status).to.equal(201);
    await guest.completeSteps(options);
    return guest;
  }

  before(async () => {
    test = await bootCheckout();
    owner = await staffToken(test, 'fashion');
    tee = await createVariant(test, owner, 'fashion', 'Place Tee', 2500, 20);
    cap = await createVariant(test, owner, 'fashion', 'Place Cap', 1200, 20);
    gadget = await createVariant(test, await staffToken(test, 'techhub'), 'techhub', 'Foreign Gadget', 100, 20);
  });
  after(async () => test?.stop());

  it('needs an Idempotency-Key of 1 to 255 printable characters', async () => {
    const guest = await readyGuest([[tee, 1]]);
    for (const key of [undefined, '', 'x'.repeat(256), 'clé']) {
      const res = await guest.place(key).expect(400);
      expect(res.body.error.code, JSON.stringify(key)).to.equal('WZ_IDEMPOTENCY_KEY_REQUIRED');
    }
    expect((await guest.cart()).body.status, 'nothing happened').to.equal('open');
  });

  it('places the order: server totals, payment captured, stock taken, cart converted, confirmation for the shopper', async () => {
    const guest = await readyGuest([
      [tee, 2],
      [cap, 1],
    ]);
    const cartId = (await guest.cart()).body.id as string;
    const before = await stockOf(test, tee);
    const expectedTotal = (await guest.get('/review').expect(200)).body.quote.grandTotal as number;
    const res = await guest.place(randomUUID(), { ...approve, expectedTotal }).expect(201);
    const { order, payment, confirmationUrl } = res.body;
    expect(order).to.include({
      status: 'paid',
      currency: 'EUR',
      subtotal: 6200,
      shippingTotal: 490,
      grandTotal: 6690,
      email: 'guest@example.com',
    });
    expect(order.number).to.be.a('number');
    expect(
      order.lines.map((line: { variantId: string; quantity: number; unitPrice: number }) => [
        line.variantId,
        line.quantity,
        line.unitPrice,
      ]),
    ).to.have.deep.members([
      [tee, 2, 2500],
      [cap, 1, 1200],
    ]);
    expect(payment).to.include({ provider: 'test', status: 'captured' });
    expect(res.headers['idempotent-replayed']).to.equal(undefined);
    expect(await stockOf(test, tee)).to.deep.equal({ onHand: before.onHand - 2, reserved: 0 });
    expect((await paymentsFor(order.id)).map((row) => [row.status, Number(row.amount)])).to.deep.equal([
      ['captured', 6690],
    ]);
    const cart = await guest.cart();
    expect(cart.body.id, 'the converted cart makes way for a new one').to.equal(null);
    expect(await test.db('cart.carts').where({ id: cartId }).first('status', 'reference')).to.deep.equal({
      status: 'converted',
      reference: order.id,
    });
    expect(confirmationUrl).to.equal(`/storefront/fashion/checkout/complete/${order.id}`);
    expect((await guest.get(`/orders/${order.id}`).expect(200)).body).to.include({
      id: order.id,
      number: order.number,
    });
    const other = new Guest(test, 'fashion');
    await other.add(tee);
    expect(
      (await other.get(`/orders/${order.id}`).expect(404)).body.error.code,
      'another shopper cannot see it',
    ).to.equal('WZ_CHECKOUT_ORDER_NOT_FOUND');
    expect(
      (
        await request(test.app)
          .get(`/api/v1/storefront/techhub/checkout/orders/${order.id}`)
          .set(guest.cookie)
          .expect(404)
      ).body.error.code,
    ).to.equal('WZ_CHECKOUT_ORDER_NOT_FOUND');
  });

  it('answers the same key with the same response, once, and refuses it for a different body', async () => {
    const guest = await readyGuest([[tee, 1]]);
    const key = randomUUID();
    const first = await guest.place(key).expect(201);
    const again = await guest.place(key).expect(201);
    expect(again.text, 'the same bytes').to.equal(first.text);
    expect(again.headers['idempotent-replayed']).to.equal('true');
    expect(await paymentsFor(first.body.order.id)).to.have.length(1);
    const cartId = (await test.db('cart.carts').where({ reference: first.body.order.id }).first('id')).id as string;
    expect(await ordersOf(cartId)).to.equal(1);
    const mismatch = await guest.place(key, { payment: { input: { cardNumber: CARDS.decline } } }).expect(422);
    expect(mismatch.body.error.code).to.equal('WZ_IDEMPOTENCY_MISMATCH');
    expect((await guest.place(key, { ...approve, expectedTotal: 1 }).expect(422)).body.error.code).to.equal(
      'WZ_IDEMPOTENCY_MISMATCH',
    );
    // A new key for the converted cart finds nothing to place.
    expect((await guest.place(randomUUID()).expect(409)).body.error.code).to.equal('WZ_CHECKOUT_CART_EMPTY');
  });

  it("keys are per shopper: another shopper's same key is a new request for their own cart", async () => {
    const [a, b] = [await readyGuest([[tee, 1]]), await readyGuest([[cap, 1]])];
    const key = `shared-${randomUUID()}`;
    const placedA = (await a.place(key).expect(201)).body;
    const placedB = (await b.place(key).expect(201)).body;
    expect(placedB.order.id).not.to.equal(placedA.order.id);
    expect(placedB.order.lines.map((line: { variantId: string }) => line.variantId)).to.deep.equal([cap]);
  });

  it('a declined payment leaves the cart open and the stock released; a new key with a good card then places it', async () => {
    const guest = await readyGuest([[tee, 3]]);
    const before = await stockOf(test, tee);
    const key = randomUUID();
    const res = await guest.place(key, decline).expect(402);
    expect(res.body.error.code).to.equal('WZ_CHECKOUT_PAYMENT_DECLINED');
    expect(res.body.error.details.failureCode).to.equal('card_declined');
    expect(await stockOf(test, tee), 'stock released').to.deep.equal(before);
    const cart = (await guest.cart().expect(200)).body;
    expect(cart).to.include({ status: 'open', itemCount: 3 });
    expect(await ordersOf(cart.id), 'no order').to.equal(0);
    expect((await guest.place(key, decline).expect(402)).text, "the decline is the key's answer").to.equal(res.text);
    const placed = await guest.place(randomUUID(), approve).expect(201);
    expect(placed.body.order.status).to.equal('paid');
    expect(await stockOf(test, tee)).to.deep.equal({ onHand: before.onHand - 3, reserved: 0 });
  });

  it('an offline provider leaves the order awaiting payment', async () => {
    const guest = await readyGuest([[cap, 1]], { provider: 'manual' });
    const { body } = await guest.place(randomUUID(), {}).expect(201);
    expect(body.order.status).to.equal('pending_payment');
    expect(body.payment).to.include({ provider: 'manual', status: 'pending' });
  });

  it('refuses a total that changed since the review (409), with nothing held', async () => {
    const guest = await readyGuest([[tee, 1]]);
    const reviewed = (await guest.get('/review')).body.quote.grandTotal as number;
    await test.db('catalog.variants').where({ id: tee }).update({ price: 2600 });
    try {
      const before = await stockOf(test, tee);
      const res = await guest.place(randomUUID(), { ...approve, expectedTotal: reviewed }).expect(409);
      expect(res.body.error).to.deep.include({
        code: 'WZ_CHECKOUT_PRICE_CHANGED',
        details: { expectedTotal: reviewed, grandTotal: reviewed + 100, currency: 'EUR' },
      });
      expect(await stockOf(test, tee)).to.deep.equal(before);
      expect((await guest.cart()).body.status).to.equal('open');
    } finally {
      await test.db('catalog.variants').where({ id: tee }).update({ price: 2500 });
    }
  });

  it('places without holding stock while inventory is turned off on the platform', async () => {
    const guest = await readyGuest([[cap, 1]]);
    const before = await stockOf(test, cap);
    const toggle = (action: 'enable' | 'disable') =>
      (test.host as { enablementChanges: Enablement }).enablementChanges.change('main', 'inventory', action, {
        dryRun: false,
        release: false,
        actor: 'test',
      });
    await toggle('disable');
    try {
      const { body } = await guest.place(randomUUID()).expect(201);
      expect(body.order.status).to.equal('paid');
      expect(await test.db('inventory.reservations').where({ reference: body.order.id }).select('id')).to.deep.equal(
        [],
      );
      expect(await stockOf(test, cap), 'stock is not tracked there').to.deep.equal(before);
    } finally {
      await toggle('enable');
    }
  });

  describe('tampering', () => {
    it("ignores a price, total or currency in the provider input and charges the server's total", async () => {
      const guest = await readyGuest([[tee, 1]]);
      const res = await guest
        .place(randomUUID(), {
          payment: { input: { cardNumber: CARDS.approve, amount: 1, currency: 'USD', unitPrice: 1, total: 1 } },
        })
        .expect(201);
      expect(res.body.order).to.include({ subtotal: 2500, grandTotal: 2990, currency: 'EUR' });
      expect((await paymentsFor(res.body.order.id)).map((row) => Number(row.amount))).to.deep.equal([2990]);
    });

    it('refuses a unit price, total or currency in the place body, and a quantity of 0 or below in the cart', async () => {
      const guest = await readyGuest([[tee, 1]]);
      for (const body of [
        { ...approve, total: 1 },
        { ...approve, currency: 'USD' },
        { ...approve, lines: [{ variantId: tee, unitPrice: 1 }] },
        { ...approve, expectedTotal: -5 },
      ]) {
        expect((await guest.place(randomUUID(), body).expect(400)).body.error.code, JSON.stringify(body)).to.equal(
          'WZ_VALIDATION',
        );
      }
      for (const body of [
        { variantId: tee, quantity: 0 },
        { variantId: tee, quantity: -2 },
      ]) {
        expect(
          (
            await request(test.app)
              .post('/api/v1/storefront/fashion/cart/lines')
              .set(guest.cookie)
              .send(body)
              .expect(400)
          ).body.error.code,
        ).to.equal('WZ_VALIDATION');
      }
      expect(
        (
          await request(test.app)
            .post('/api/v1/storefront/fashion/cart/lines')
            .set(guest.cookie)
            .send({ variantId: tee, unitPrice: 1 })
            .expect(400)
        ).body.error.code,
      ).to.equal('WZ_CART_CLIENT_PRICE');
      const placed = await guest.place(randomUUID()).expect(201);
      expect(placed.body.order).to.include({ subtotal: 2500, grandTotal: 2990 });
    });

    it("refuses another store's variant and keeps the server's totals", async () => {
      const guest = await readyGuest([[cap, 2]]);
      expect(
        (
          await request(test.app)
            .post('/api/v1/storefront/fashion/cart/lines')
            .set(guest.cookie)
            .send({ variantId: gadget })
            .expect(422)
        ).body.error.code,
      ).to.equal('WZ_CART_VARIANT_UNAVAILABLE');
      const placed = await guest.place(randomUUID()).expect(201);
      expect(placed.body.order.lines.map((line: { variantId: string }) => line.variantId)).to.deep.equal([cap]);
      expect(placed.body.order).to.include({ subtotal: 2400, grandTotal: 2890 });
    });

    it("gives another customer's cart token no access to the cart, the checkout or the order", async () => {
      const owner1 = await readyGuest([[tee, 1]]);
      const intruder = new Guest(test, 'fashion');
      intruder.token = owner1.token.slice(0, -1) + (owner1.token.endsWith('A') ? 'B' : 'A');
      expect((await intruder.get().expect(409)).body.error.code).to.equal('WZ_CHECKOUT_CART_EMPTY');
      expect((await intruder.place(randomUUID()).expect(409)).body.error.code).to.equal('WZ_CHECKOUT_CART_EMPTY');
      const placed = (await owner1.place(randomUUID()).expect(201)).body;
      expect((await intruder.get(`/orders/${placed.order.id}`).expect(404)).body.error.code).to.equal(
        'WZ_CHECKOUT_ORDER_NOT_FOUND',
      );
      expect((await request(test.app).get(placed.confirmationUrl).set(intruder.cookie)).status).to.equal(404);
      const customer = await request(test.app)
        .post('/api/v1/storefront/fashion/auth/register')
        .send({ email: 'snoop@example.com', password: 'snoop-password-1', name: 'Snoop' })
        .expect(201);
      expect(
        (
          await request(test.app)
            .get(`/api/v1/storefront/fashion/checkout/orders/${placed.order.id}`)
            .set(bearer(customer.body.token))
            .expect(404)
        ).body.error.code,
      ).to.equal('WZ_CHECKOUT_ORDER_NOT_FOUND');
    });
  });

  it("places a signed-in customer's cart as their order", async () => {
    const registered = await request(test.app)
      .post('/api/v1/storefront/fashion/auth/register')
      .send({ email: 'buyer@example.com', password: 'buyer-password-1', name: 'Buyer' })
      .expect(201);
    const auth = bearer(registered.body.token);
    const api = '/api/v1/storefront/fashion';
    await request(test.app).post(`${api}/cart/lines`).set(auth).send({ variantId: cap }).expect(201);
    for (const [step, body] of [
      ['contact', { email: 'buyer@example.com' }],
      ['address', { shippingAddress: ADDRESS }],
      ['shipping', { code: 'standard' }],
      ['payment', { provider: 'cod' }],
    ] as const) {
      await request(test.app).put(`${api}/checkout/${step}`).set(auth).send(body).expect(200);
    }
    const placed = await request(test.app)
      .post(`${api}/checkout/place`)
      .set(auth)
      .set('Idempotency-Key', 'buyer-1')
      .send({})
      .expect(201);
    expect(placed.body.order.status).to.equal('pending_payment');
    expect(placed.body.payment).to.include({ provider: 'cod', status: 'authorized' });
    const order = (await request(test.app).get(`${api}/checkout/orders/${placed.body.order.id}`).set(auth).expect(200))
      .body;
    expect(order.customerId).to.equal(registered.body.customer.id);
  });
});
