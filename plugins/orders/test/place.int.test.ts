import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import {
  ADDRESS,
  APPROVED_CARD,
  DECLINED_CARD,
  bearer,
  bootOrders,
  createVariant,
  eventsOf,
  placeOrder,
  probe,
  staffToken,
} from './helpers.js';

describe('orders: quote and place', function () {
  this.timeout(180_000);
  let test: TestHost;
  let owner: string;
  let dress: string;
  let belt: string;
  let draft: string;
  let gadget: string;

  const orderCount = async () => Number((await test.db('orders.orders').count({ n: '*' }).first())!.n);
  const pay = (store: string, body: Record<string, unknown>) =>
    request(test.app)
      .post(`${probe(store)}/pay`)
      .send(body)
      .expect(201)
      .then((res) => res.body);
  const placeBody = (id: string, paymentId: string, extra: Record<string, unknown> = {}) => ({
    id,
    lines: [{ variantId: dress, quantity: 1 }],
    shippingCode: 'standard',
    email: 'eve@example.com',
    customerId: null,
    shippingAddress: ADDRESS,
    billingAddress: null,
    paymentId,
    actor: 'guest',
    ...extra,
  });
  const place = (store: string, body: Record<string, unknown>) =>
    request(test.app)
      .post(`${probe(store)}/place`)
      .send(body);

  before(async () => {
    test = await bootOrders();
    owner = await staffToken(test, 'fashion');
    dress = await createVariant(test, owner, 'fashion', 'Summer Dress', 2990, { stock: 100 });
    belt = await createVariant(test, owner, 'fashion', 'Leather Belt', 1500, { stock: 100 });
    draft = await createVariant(test, owner, 'fashion', 'Draft Scarf', 900, { status: 'draft' });
    gadget = await createVariant(test, await staffToken(test, 'techhub'), 'techhub', 'Gadget', 2990, { stock: 100 });
  });
  after(async () => test?.stop());

  it("offers the store's shipping rates and prices a quote from catalog, shipping and the tax setting", async () => {
    const options = (
      await request(test.app)
        .get(`${probe('fashion')}/shipping`)
        .expect(200)
    ).body.items;
    expect(options).to.deep.equal([
      { code: 'standard', name: 'Standard (3–5 days)', amount: 490, currency: 'EUR' },
      { code: 'express', name: 'Express (next day)', amount: 990, currency: 'EUR' },
    ]);
    // fashion: 17 % included in the prices; 2 × 29.90 + 4.90 = 64.70 contains 64.70 × 17/117 = 9.4008 → 9.40.
    const inclusive = (
      await request(test.app)
        .post(`${probe('fashion')}/quote`)
        .send({ lines: [{ variantId: dress, quantity: 2 }], shippingCode: 'standard' })
        .expect(200)
    ).body;
    expect(inclusive).to.deep.include({
      currency: 'EUR',
      subtotal: 5980,
      shippingTotal: 490,
      taxTotal: 940,
      grandTotal: 6470,
      taxInclusive: true,
      taxRateBasisPoints: 1700,
    });
    expect(inclusive.lines).to.deep.equal([
      {
        variantId: dress,
        productTitle: 'Summer Dress',
        productSlug: 'summer-dress',
        sku: inclusive.lines[0].sku,
        optionValues: {},
        quantity: 2,
        unitPrice: 2990,
        lineTotal: 5980,
      },
    ]);
    expect(inclusive.shipping).to.deep.equal(options[0]);
    // techhub: 17 % added; 64.70 × 17 % = 10.999 → 11.00.
    const exclusive = (
      await request(test.app)
        .post(`${probe('techhub')}/quote`)
        .send({ lines: [{ variantId: gadget, quantity: 2 }], shippingCode: 'standard' })
        .expect(200)
    ).body;
    expect(exclusive).to.deep.include({
      subtotal: 5980,
      shippingTotal: 490,
      taxTotal: 1100,
      grandTotal: 7570,
      taxInclusive: false,
    });
    const noShipping = (
      await request(test.app)
        .post(`${probe('fashion')}/quote`)
        .send({ lines: [{ variantId: belt, quantity: 1 }] })
        .expect(200)
    ).body;
    expect(noShipping).to.deep.include({
      subtotal: 1500,
      shippingTotal: 0,
      grandTotal: 1500,
      shipping: null,
      taxTotal: 218,
    });
  });

  it('places a paid order numbered per store from 1001, with line snapshots, history and events', async () => {
    const first = await placeOrder(test, 'fashion', {
      lines: [
        { variantId: dress, quantity: 2 },
        { variantId: belt, quantity: 1 },
      ],
      shippingCode: 'express',
    });
    expect(first.order).to.deep.include({
      number: 1001,
      status: 'paid',
      currency: 'EUR',
      subtotal: 7480,
      shippingTotal: 990,
      grandTotal: 8470,
      taxInclusive: true,
      email: 'ada@example.com',
    });
    expect(first.order.shipping).to.deep.equal({ code: 'express', name: 'Express (next day)', amount: 990 });
    expect(
      first.order.lines.map(
        (line: { productTitle: string; quantity: number; unitPrice: number; lineTotal: number }) => [
          line.productTitle,
          line.quantity,
          line.unitPrice,
          line.lineTotal,
        ],
      ),
    ).to.deep.equal([
      ['Summer Dress', 2, 2990, 5980],
      ['Leather Belt', 1, 1500, 1500],
    ]);
    expect(
      first.order.history.map((entry: { fromStatus: string | null; toStatus: string; actor: string }) => [
        entry.fromStatus,
        entry.toStatus,
        entry.actor,
      ]),
    ).to.deep.equal([[null, 'paid', 'guest']]);
    expect(first.order.paymentId).to.equal(first.payment.id);
    expect(await eventsOf(test, 'fashion', first.order.id)).to.deep.equal(['orders.placed', 'orders.paid']);
    const techhub = await placeOrder(test, 'techhub', { lines: [{ variantId: gadget, quantity: 1 }] });
    expect(techhub.order.number, 'numbers are per store').to.equal(1001);
    const second = await placeOrder(test, 'fashion', { lines: [{ variantId: belt, quantity: 1 }] });
    expect(second.order.number).to.equal(1002);
    // The catalog changes its price later: the order keeps what was sold.
    await test.db('catalog.variants').where({ id: belt }).update({ price: 9999 });
    const read = (
      await request(test.app)
        .get(`${probe('fashion')}/orders/${second.order.id}`)
        .expect(200)
    ).body;
    expect(read.lines[0]).to.include({ unitPrice: 1500, lineTotal: 1500, productTitle: 'Leather Belt' });
    await test.db('catalog.variants').where({ id: belt }).update({ price: 1500 });
  });

  it('places a pending order for a payment that is not captured yet, and publishes only orders.placed', async () => {
    const { order } = await placeOrder(test, 'fashion', {
      lines: [{ variantId: belt, quantity: 1 }],
      provider: 'manual',
    });
    expect(order).to.include({ status: 'pending_payment', number: 1003 });
    expect(await eventsOf(test, 'fashion', order.id)).to.deep.equal(['orders.placed']);
  });

  it('is idempotent by id: placing again returns the same order, with no new number, row or event', async () => {
    const { order, payment } = await placeOrder(test, 'fashion', { lines: [{ variantId: dress, quantity: 1 }] });
    const before = await orderCount();
    const again = await place(
      'fashion',
      placeBody(order.id, payment.id, { lines: [{ variantId: belt, quantity: 5 }], email: 'other@example.com' }),
    ).expect(201);
    expect(again.body).to.deep.include({
      id: order.id,
      number: order.number,
      email: 'ada@example.com',
      grandTotal: order.grandTotal,
    });
    expect(await orderCount()).to.equal(before);
    expect(await eventsOf(test, 'fashion', order.id)).to.deep.equal(['orders.placed', 'orders.paid']);
    // Another store cannot use (or read) the id, even with a payment of its own for it.
    const theirs = await pay('techhub', {
      orderId: order.id,
      amount: 4072,
      provider: 'test',
      cardNumber: APPROVED_CARD,
    });
    const elsewhere = await place(
      'techhub',
      placeBody(order.id, theirs.id, { lines: [{ variantId: gadget, quantity: 1 }] }),
    ).expect(409);
    expect(elsewhere.body.error.code).to.equal('WZ_ORDERS_ID_CONFLICT');
    expect(
      (
        await place('techhub', placeBody(order.id, payment.id, { lines: [{ variantId: gadget, quantity: 1 }] })).expect(
          422,
        )
      ).body.error.details.reason,
    ).to.equal('not_found');
    expect(
      (
        await request(test.app)
          .get(`${probe('techhub')}/orders/${order.id}`)
          .expect(200)
      ).body,
    ).to.equal(null);
  });

  it('rejects client prices, totals, currency and bad quantities, and changes nothing', async () => {
    const id = randomUUID();
    const payment = await pay('fashion', { orderId: id, amount: 3480, provider: 'test', cardNumber: APPROVED_CARD });
    const before = await orderCount();
    const tampered = [
      { lines: [{ variantId: dress, quantity: 1, unitPrice: 1 }] },
      { lines: [{ variantId: dress, quantity: 1, price: 1 }] },
      { grandTotal: 1 },
      { total: 1 },
      { currency: 'USD' },
      { subtotal: 0 },
      { lines: [{ variantId: dress, quantity: 0 }] },
      { lines: [{ variantId: dress, quantity: -2 }] },
      { lines: [{ variantId: dress, quantity: 1.5 }] },
      { lines: [] },
      { lines: [{ variantId: 'not-a-uuid', quantity: 1 }] },
    ];
    for (const extra of tampered) {
      const res = await place('fashion', placeBody(id, payment.id, extra)).expect(400);
      expect(res.body.error.code, JSON.stringify(extra)).to.equal('WZ_VALIDATION');
    }
    for (const lines of [[{ variantId: dress, quantity: 0 }], [{ variantId: dress, quantity: 1, unitPrice: 1 }]]) {
      expect(
        (
          await request(test.app)
            .post(`${probe('fashion')}/quote`)
            .send({ lines })
            .expect(400)
        ).body.error.code,
      ).to.equal('WZ_VALIDATION');
    }
    expect(await orderCount()).to.equal(before);
  });

  it('refuses variants that are not on sale in the store and unknown shipping rates', async () => {
    const id = randomUUID();
    const payment = await pay('fashion', { orderId: id, amount: 3480, provider: 'test', cardNumber: APPROVED_CARD });
    const unknown = randomUUID();
    const foreign = await place(
      'fashion',
      placeBody(id, payment.id, {
        lines: [
          { variantId: dress, quantity: 1 },
          { variantId: gadget, quantity: 1 },
          { variantId: draft, quantity: 1 },
          { variantId: unknown, quantity: 1 },
        ],
      }),
    ).expect(422);
    expect(foreign.body.error.code).to.equal('WZ_ORDERS_LINE_UNAVAILABLE');
    expect(foreign.body.error.details.variantIds).to.have.members([gadget, draft, unknown]);
    const shipping = await place('fashion', placeBody(id, payment.id, { shippingCode: 'teleport' })).expect(422);
    expect(shipping.body.error).to.deep.include({ code: 'WZ_ORDERS_SHIPPING_UNKNOWN', details: { code: 'teleport' } });
    const quote = await request(test.app)
      .post(`${probe('fashion')}/quote`)
      .send({ lines: [{ variantId: gadget, quantity: 1 }] })
      .expect(422);
    expect(quote.body.error.code).to.equal('WZ_ORDERS_LINE_UNAVAILABLE');
    // A variant priced in another currency than the store's is not on sale either.
    await test.db('catalog.variants').where({ id: belt }).update({ currency: 'USD' });
    const currency = await request(test.app)
      .post(`${probe('fashion')}/quote`)
      .send({ lines: [{ variantId: belt, quantity: 1 }] })
      .expect(422);
    expect(currency.body.error.details.variantIds).to.deep.equal([belt]);
    await test.db('catalog.variants').where({ id: belt }).update({ currency: 'EUR' });
  });

  it('accepts only a payment of this order for the quoted total, in the store currency, not failed', async () => {
    const before = await orderCount();
    const check = async (payment: { id: string }, id: string, reason: string) => {
      const res = await place('fashion', placeBody(id, payment.id)).expect(422);
      expect(res.body.error, reason).to.deep.include({ code: 'WZ_ORDERS_PAYMENT_MISMATCH' });
      expect(res.body.error.details.reason).to.equal(reason);
    };
    // 29.90 + 4.90 shipping = 34.80 is the server's total; a client that pays 10.00 does not get an order.
    const cheap = randomUUID();
    await check(
      await pay('fashion', { orderId: cheap, amount: 1000, provider: 'test', cardNumber: APPROVED_CARD }),
      cheap,
      'amount',
    );
    const dollars = randomUUID();
    await check(
      await pay('fashion', {
        orderId: dollars,
        amount: 3480,
        currency: 'USD',
        provider: 'test',
        cardNumber: APPROVED_CARD,
      }),
      dollars,
      'currency',
    );
    const declined = randomUUID();
    const failed = await pay('fashion', {
      orderId: declined,
      amount: 3480,
      provider: 'test',
      cardNumber: DECLINED_CARD,
    });
    expect(failed.status).to.equal('failed');
    await check(failed, declined, 'status');
    await check(
      await pay('fashion', { orderId: randomUUID(), amount: 3480, provider: 'test', cardNumber: APPROVED_CARD }),
      randomUUID(),
      'other_order',
    );
    const foreignId = randomUUID();
    await check(
      await pay('techhub', { orderId: foreignId, amount: 3480, provider: 'test', cardNumber: APPROVED_CARD }),
      foreignId,
      'not_found',
    );
    await check({ id: randomUUID() }, randomUUID(), 'not_found');
    const stranger = await place('fashion', placeBody(randomUUID(), randomUUID(), { customerId: randomUUID() })).expect(
      400,
    );
    expect(stranger.body.error.details.problems).to.deep.equal([
      { path: '/customerId', message: 'is not a customer of this store' },
    ]);
    expect(await orderCount()).to.equal(before);
    // Nothing refused above used up a number.
    const next = await placeOrder(test, 'fashion', { lines: [{ variantId: belt, quantity: 1 }] });
    expect(next.order.number).to.equal(1005);
  });

  it("keeps the signed-in customer's name with the order", async () => {
    const registered = await request(test.app)
      .post('/api/v1/storefront/fashion/auth/register')
      .send({ email: 'named@example.com', password: 'named-password-1', name: 'Named Shopper' })
      .expect(201);
    const { order } = await placeOrder(test, 'fashion', {
      lines: [{ variantId: belt, quantity: 1 }],
      customerId: registered.body.customer.id,
      email: 'named@example.com',
    });
    expect(order).to.include({ customerId: registered.body.customer.id, customerName: 'Named Shopper' });
    expect(order.history[0].actor).to.equal(`customer:${registered.body.customer.id}`);
  });

  // On the embedded database every transaction runs alone, so the race is only meaningful on a PostgreSQL server.
  it('numbers 20 concurrent placements in one store 1 apart, without gaps or repeats (PostgreSQL server)', async function () {
    if (!process.env.WIZAMART_TEST_DATABASE_URL) this.skip();
    const start = Number(
      (
        await test
          .db('orders.counters')
          .join('tenancy.stores', 'tenancy.stores.id', 'orders.counters.store_id')
          .where('tenancy.stores.code', 'techhub')
          .first('next_number')
      ).next_number,
    );
    const prepared = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const id = randomUUID();
        const payment = await pay('techhub', {
          orderId: id,
          amount: 4072,
          provider: 'test',
          cardNumber: APPROVED_CARD,
        });
        return placeBody(id, payment.id, { lines: [{ variantId: gadget, quantity: 1 }] });
      }),
    );
    const results = await Promise.all(prepared.map((body) => place('techhub', body)));
    expect(
      results.map((res) => res.status),
      JSON.stringify(results.find((res) => res.status !== 201)?.body),
    ).to.deep.equal(results.map(() => 201));
    const numbers = results.map((res) => res.body.number as number).sort((a, b) => a - b);
    expect(numbers).to.deep.equal(Array.from({ length: 20 }, (_, index) => start + index));
    // The same id placed 10 times at once: one order, one number.
    const id = randomUUID();
    const payment = await pay('techhub', { orderId: id, amount: 4072, provider: 'test', cardNumber: APPROVED_CARD });
    const same = await Promise.all(
      Array.from({ length: 10 }, () =>
        place('techhub', placeBody(id, payment.id, { lines: [{ variantId: gadget, quantity: 1 }] })),
      ),
    );
    expect(new Set(same.map((res) => `${res.status}:${res.body.number}`))).to.deep.equal(
      new Set([`201:${start + 20}`]),
    );
    expect(await eventsOf(test, 'techhub', id)).to.deep.equal(['orders.placed']);
  });

  it('refuses to place (and quote with shipping) in a store without shipping rates', async () => {
    const techhubOwner = await staffToken(test, 'techhub');
    const rates = (
      await request(test.app).get('/api/v1/store/techhub/orders/settings').set(bearer(techhubOwner)).expect(200)
    ).body.shippingRates;
    for (const rate of rates)
      await request(test.app)
        .delete(`/api/v1/store/techhub/orders/settings/shipping-rates/${rate.id}`)
        .set(bearer(techhubOwner))
        .expect(204);
    expect(
      (
        await request(test.app)
          .get(`${probe('techhub')}/shipping`)
          .expect(200)
      ).body.items,
    ).to.deep.equal([]);
    const res = await request(test.app)
      .post(`${probe('techhub')}/quote`)
      .send({ lines: [{ variantId: gadget, quantity: 1 }], shippingCode: 'standard' })
      .expect(422);
    expect(res.body.error).to.deep.include({ code: 'WZ_ORDERS_SHIPPING_UNKNOWN', details: { code: null } });
  });
});
