import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootOrders, createVariant, eventsOf, placeOrder, probe, staffToken } from './helpers.js';

const API = '/api/v1/store/fashion/orders';

describe('orders: status changes by the store', function () {
  this.timeout(180_000);
  let test: TestHost;
  let owner: string;
  let staff: string;
  let ownerId: string;
  let shirt: string;
  let socks: string;

  const act = (id: string, action: string, body: Record<string, unknown> = {}, token = owner) =>
    request(test.app).post(`${API}/${id}/${action}`).set(bearer(token)).send(body);
  const payment = async (id: string) =>
    (await request(test.app).get(`/api/v1/store/fashion/payments/payments/${id}`).set(bearer(owner)).expect(200)).body;
  const level = async (variantId: string) =>
    test.db('inventory.levels').where({ variant_id: variantId }).first('on_hand', 'reserved');
  const history = (order: {
    history: Array<{ fromStatus: string | null; toStatus: string; actor: string; note: string | null }>;
  }) => order.history.map((entry) => [entry.fromStatus, entry.toStatus, entry.actor, entry.note]);

  before(async () => {
    test = await bootOrders();
    owner = await staffToken(test, 'fashion');
    staff = await staffToken(test, 'fashion', 'staff@fashion.local');
    ownerId = (await request(test.app).get('/api/v1/store/fashion/auth/me').set(bearer(owner)).expect(200)).body.id;
    shirt = await createVariant(test, owner, 'fashion', 'Linen Shirt', 4500, { stock: 10 });
    socks = await createVariant(test, owner, 'fashion', 'Wool Socks', 900, { stock: 10 });
  });
  after(async () => test?.stop());

  it('marks a bank-transfer order paid: the payment is captured and the staff member is in the history', async () => {
    const { order, payment: manual } = await placeOrder(test, 'fashion', {
      lines: [{ variantId: socks, quantity: 1 }],
      provider: 'manual',
    });
    expect(order.status).to.equal('pending_payment');
    const paid = (await act(order.id, 'mark-paid', { note: 'Transfer received' }).expect(200)).body;
    expect(paid).to.deep.include({ status: 'paid', actions: ['fulfil', 'cancel', 'refund'] });
    expect(paid.payment).to.deep.include({ id: manual.id, status: 'captured', capturedAmount: order.grandTotal });
    expect(history(paid)).to.deep.equal([
      [null, 'pending_payment', 'guest', null],
      ['pending_payment', 'paid', `staff:${ownerId}`, 'Transfer received'],
    ]);
    expect(await eventsOf(test, 'fashion', order.id)).to.deep.equal(['orders.placed', 'orders.paid']);
  });

  it('fulfils with a tracking number, delivers, then refunds the whole payment through its provider', async () => {
    const { order, payment: card } = await placeOrder(test, 'fashion', {
      lines: [{ variantId: shirt, quantity: 1 }],
      reserve: true,
    });
    expect(await level(shirt)).to.deep.equal({ on_hand: 9, reserved: 0 });
    const fulfilled = (
      await act(order.id, 'fulfil', { trackingNumber: ' LU123456789 ', note: 'Sent with PostLuxembourg' }).expect(200)
    ).body;
    expect(fulfilled).to.deep.include({
      status: 'fulfilled',
      trackingNumber: 'LU123456789',
      actions: ['deliver', 'refund'],
    });
    const delivered = (await act(order.id, 'deliver').expect(200)).body;
    expect(delivered.status).to.equal('delivered');
    const refunded = (await act(order.id, 'refund', { note: 'Returned unworn' }).expect(200)).body;
    expect(refunded).to.deep.include({ status: 'refunded', actions: [] });
    expect(await payment(card.id)).to.deep.include({ status: 'refunded', refundedAmount: order.grandTotal });
    expect(history(refunded).map((entry) => entry[1])).to.deep.equal(['paid', 'fulfilled', 'delivered', 'refunded']);
    expect(await eventsOf(test, 'fashion', order.id)).to.deep.equal([
      'orders.placed',
      'orders.paid',
      'orders.fulfilled',
      'orders.delivered',
      'orders.refunded',
    ]);
    expect(await level(shirt), 'a refund does not put the goods back on the shelf').to.deep.equal({
      on_hand: 9,
      reserved: 0,
    });
  });

  it('cancels a paid order: the payment is refunded in full and the sold units go back on hand', async () => {
    const { order, payment: card } = await placeOrder(test, 'fashion', {
      lines: [
        { variantId: shirt, quantity: 2 },
        { variantId: socks, quantity: 3 },
      ],
      reserve: true,
    });
    expect(await level(shirt)).to.deep.equal({ on_hand: 7, reserved: 0 });
    const cancelled = (await act(order.id, 'cancel', { note: 'Customer changed their mind' }).expect(200)).body;
    expect(cancelled).to.deep.include({ status: 'cancelled', actions: [] });
    expect(cancelled.payment).to.deep.include({ status: 'refunded', refundedAmount: order.grandTotal });
    expect(await level(shirt)).to.deep.equal({ on_hand: 9, reserved: 0 });
    expect(await level(socks)).to.deep.equal({ on_hand: 10, reserved: 0 });
    const returned = await test
      .db('inventory.movements')
      .whereIn(
        'reservation_id',
        order.lines.map((line: { reservationId: string }) => line.reservationId),
      )
      .where({ reason: 'returned' })
      .select('delta', 'actor');
    expect(returned.map((row: { delta: number }) => row.delta).sort()).to.deep.equal([2, 3]);
    expect(returned.every((row: { actor: string }) => row.actor === `staff:${ownerId}`)).to.equal(true);
    expect(history(cancelled).at(-1)).to.deep.equal([
      'paid',
      'cancelled',
      `staff:${ownerId}`,
      'Customer changed their mind',
    ]);
    expect(await eventsOf(test, 'fashion', order.id)).to.deep.equal([
      'orders.placed',
      'orders.paid',
      'orders.cancelled',
    ]);
    expect((await payment(card.id)).events.map((event: { type: string }) => event.type)).to.include('refund');
  });

  it('cancels an order waiting for payment: the payment is cancelled and an uncommitted hold released', async () => {
    const { order, payment: manual } = await placeOrder(test, 'fashion', {
      lines: [{ variantId: socks, quantity: 4 }],
      provider: 'manual',
    });
    // Checkout crashed before committing its hold: the reservation is still active.
    const hold = (
      await request(test.app)
        .post(`${probe('fashion')}/reserve`)
        .send({ variantId: socks, quantity: 4, reference: order.id })
        .expect(201)
    ).body;
    await test.db('orders.order_lines').where({ order_id: order.id }).update({ reservation_id: hold.id });
    expect(await level(socks)).to.deep.equal({ on_hand: 10, reserved: 4 });
    const cancelled = (await act(order.id, 'cancel').expect(200)).body;
    expect(cancelled.status).to.equal('cancelled');
    expect((await payment(manual.id)).status).to.equal('cancelled');
    expect(await level(socks)).to.deep.equal({ on_hand: 10, reserved: 0 });
    expect(await test.db('inventory.reservations').where({ id: hold.id }).first('status')).to.deep.equal({
      status: 'released',
    });
  });

  it('refuses every transition the status machine does not allow, and changes nothing', async () => {
    const pending = (
      await placeOrder(test, 'fashion', { lines: [{ variantId: socks, quantity: 1 }], provider: 'manual' })
    ).order;
    const paid = (await placeOrder(test, 'fashion', { lines: [{ variantId: socks, quantity: 1 }] })).order;
    const cases: Array<[string, string, string, string]> = [
      [pending.id, 'fulfil', 'pending_payment', 'fulfilled'],
      [pending.id, 'deliver', 'pending_payment', 'delivered'],
      [pending.id, 'refund', 'pending_payment', 'refunded'],
      [paid.id, 'mark-paid', 'paid', 'paid'],
      [paid.id, 'deliver', 'paid', 'delivered'],
    ];
    for (const [id, action, from, to] of cases) {
      const res = await act(id, action).expect(409);
      expect(res.body.error, action).to.deep.include({ code: 'WZ_ORDERS_INVALID_TRANSITION', details: { from, to } });
    }
    await act(paid.id, 'fulfil').expect(200);
    expect((await act(paid.id, 'cancel').expect(409)).body.error.details).to.deep.equal({
      from: 'fulfilled',
      to: 'cancelled',
    });
    await act(pending.id, 'cancel').expect(200);
    for (const action of ['mark-paid', 'fulfil', 'deliver', 'cancel', 'refund']) {
      expect((await act(pending.id, action).expect(409)).body.error.details.from, action).to.equal('cancelled');
    }
    const after = (await request(test.app).get(`${API}/${pending.id}`).set(bearer(owner)).expect(200)).body;
    expect(after.history.map((entry: { toStatus: string }) => entry.toStatus)).to.deep.equal([
      'pending_payment',
      'cancelled',
    ]);
    expect((await act(paid.id, 'fulfil', { trackingNumber: 'x', bogus: 1 }).expect(400)).body.error.code).to.equal(
      'WZ_VALIDATION',
    );
    expect((await act(paid.id, 'deliver', { trackingNumber: 'only-for-fulfil' }).expect(400)).body.error.code).to.equal(
      'WZ_VALIDATION',
    );
  });

  it('keeps each store to its own orders and each role to its permissions', async () => {
    const { order } = await placeOrder(test, 'fashion', { lines: [{ variantId: socks, quantity: 1 }] });
    const techhub = await staffToken(test, 'techhub');
    expect(
      (await request(test.app).get(`/api/v1/store/techhub/orders/${order.id}`).set(bearer(techhub)).expect(404)).body
        .error.code,
    ).to.equal('WZ_ORDERS_NOT_FOUND');
    expect(
      (
        await request(test.app)
          .post(`/api/v1/store/techhub/orders/${order.id}/fulfil`)
          .set(bearer(techhub))
          .send({})
          .expect(404)
      ).body.error.code,
    ).to.equal('WZ_ORDERS_NOT_FOUND');
    expect(
      (await request(test.app).get('/api/v1/store/techhub/orders').set(bearer(techhub)).expect(200)).body.items.map(
        (item: { id: string }) => item.id,
      ),
    ).not.to.include(order.id);
    expect(
      (await request(test.app).get(`/api/v1/store/fashion/orders/${order.id}`).set(bearer(techhub)).expect(401)).body
        .error.code,
    ).to.equal('WZ_AUTH_UNAUTHENTICATED');
    expect((await request(test.app).get(`${API}/not-an-id`).set(bearer(owner)).expect(404)).body.error.code).to.equal(
      'WZ_ORDERS_NOT_FOUND',
    );
    // Staff may look, not act or change settings.
    await request(test.app).get(`${API}/${order.id}`).set(bearer(staff)).expect(200);
    expect((await act(order.id, 'fulfil', {}, staff).expect(403)).body.error.details.missing).to.deep.equal([
      'orders.manage',
    ]);
    expect(
      (await request(test.app).get(`${API}/settings`).set(bearer(staff)).expect(403)).body.error.details.missing,
    ).to.deep.equal(['orders.settings-manage']);
    await request(test.app).get(API).expect(401);
    expect((await request(test.app).get(`${API}/${order.id}`).set(bearer(owner)).expect(200)).body.status).to.equal(
      'paid',
    );
  });

  it('lists orders with status filter, search by number, email or name, date range and pages', async () => {
    const list = async (query: Record<string, string>) =>
      (await request(test.app).get(API).query(query).set(bearer(owner)).expect(200)).body;
    const all = await list({});
    expect(all.total).to.be.greaterThan(5);
    expect(all.items[0].number, 'newest first').to.be.greaterThan(all.items[1].number);
    expect(all.items[0]).to.have.keys(
      'id',
      'number',
      'status',
      'email',
      'customerId',
      'customerName',
      'shippingName',
      'currency',
      'grandTotal',
      'itemCount',
      'placedAt',
    );
    expect(
      (await list({ status: 'cancelled' })).items.every((item: { status: string }) => item.status === 'cancelled'),
    ).to.equal(true);
    expect((await list({ status: 'cancelled' })).total).to.equal(3);
    expect((await list({ q: '#1001' })).items.map((item: { number: number }) => item.number)).to.deep.equal([1001]);
    expect((await list({ q: '1002' })).items.map((item: { number: number }) => item.number)).to.deep.equal([1002]);
    expect((await list({ q: 'ADA@example' })).total).to.equal(all.total);
    expect((await list({ q: 'ada shop' })).total, 'shipping name').to.equal(all.total);
    expect((await list({ q: 'nobody' })).total).to.equal(0);
    expect((await list({ q: '100%' })).total, 'LIKE characters are literal').to.equal(0);
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await list({ from: yesterday, to: tomorrow })).total).to.equal(all.total);
    expect((await list({ from: tomorrow })).total).to.equal(0);
    expect((await list({ to: yesterday })).total).to.equal(0);
    expect((await list({ from: today, to: today })).total).to.equal(all.total);
    const page2 = await list({ pageSize: '2', page: '2' });
    expect(page2).to.include({ page: 2, pageSize: 2, total: all.total });
    expect(page2.items.map((item: { id: string }) => item.id)).to.deep.equal(
      all.items.slice(2, 4).map((item: { id: string }) => item.id),
    );
    for (const query of [{ status: 'lost' }, { from: '2025-13-45x' }, { pageSize: '500' }, { sort: 'number' }]) {
      expect((await request(test.app).get(API).query(query).set(bearer(owner)).expect(400)).body.error.code).to.equal(
        'WZ_VALIDATION',
      );
    }
  });

  it('manages the tax setting and shipping rates through the API, with ajv-checked bodies', async () => {
    const settings = '/api/v1/store/fashion/orders/settings';
    expect((await request(test.app).get(settings).set(bearer(owner)).expect(200)).body).to.deep.include({
      currency: 'EUR',
      taxRateBasisPoints: 1700,
      taxInclusive: true,
    });
    const saved = (
      await request(test.app)
        .put(`${settings}/tax`)
        .set(bearer(owner))
        .send({ taxRateBasisPoints: 2000, taxInclusive: false })
        .expect(200)
    ).body;
    expect(saved).to.include({ taxRateBasisPoints: 2000, taxInclusive: false });
    const quote = (
      await request(test.app)
        .post(`${probe('fashion')}/quote`)
        .send({ lines: [{ variantId: socks, quantity: 1 }], shippingCode: 'standard' })
        .expect(200)
    ).body;
    expect(quote).to.include({ taxTotal: 278, grandTotal: 1668 });
    for (const body of [
      { taxRateBasisPoints: 10001, taxInclusive: false },
      { taxRateBasisPoints: 20 },
      { taxRateBasisPoints: 20, taxInclusive: true, extra: 1 },
    ]) {
      expect(
        (await request(test.app).put(`${settings}/tax`).set(bearer(owner)).send(body).expect(400)).body.error.code,
      ).to.equal('WZ_VALIDATION');
    }
    const pickup = (
      await request(test.app)
        .post(`${settings}/shipping-rates`)
        .set(bearer(owner))
        .send({ code: 'pickup', name: 'Pick up in store', amount: 0 })
        .expect(201)
    ).body;
    expect(pickup).to.include({ code: 'pickup', amount: 0, position: 0, active: true });
    expect(
      (
        await request(test.app)
          .post(`${settings}/shipping-rates`)
          .set(bearer(owner))
          .send({ code: 'pickup', name: 'Again', amount: 0 })
          .expect(409)
      ).body.error.code,
    ).to.equal('WZ_ORDERS_SHIPPING_CODE_TAKEN');
    expect(
      (
        await request(test.app)
          .patch(`${settings}/shipping-rates/${pickup.id}`)
          .set(bearer(owner))
          .send({ code: 'express' })
          .expect(409)
      ).body.error.code,
    ).to.equal('WZ_ORDERS_SHIPPING_CODE_TAKEN');
    await request(test.app)
      .patch(`${settings}/shipping-rates/${pickup.id}`)
      .set(bearer(owner))
      .send({ active: false, position: 9 })
      .expect(200);
    expect(
      (
        await request(test.app)
          .get(`${probe('fashion')}/shipping`)
          .expect(200)
      ).body.items.map((item: { code: string }) => item.code),
    ).to.deep.equal(['standard', 'express']);
    for (const body of [
      { code: 'Bad Code', name: 'x', amount: 1 },
      { code: 'neg', name: 'x', amount: -1 },
      { code: 'f', name: 'x', amount: 1.5 },
      { code: 'x', name: 'x', amount: 1, currency: 'USD' },
    ]) {
      expect(
        (await request(test.app).post(`${settings}/shipping-rates`).set(bearer(owner)).send(body).expect(400)).body
          .error.code,
        JSON.stringify(body),
      ).to.equal('WZ_VALIDATION');
    }
    const techhub = await staffToken(test, 'techhub');
    expect(
      (
        await request(test.app)
          .delete(`/api/v1/store/techhub/orders/settings/shipping-rates/${pickup.id}`)
          .set(bearer(techhub))
          .expect(404)
      ).body.error.code,
    ).to.equal('WZ_ORDERS_SHIPPING_RATE_NOT_FOUND');
    await request(test.app).delete(`${settings}/shipping-rates/${pickup.id}`).set(bearer(owner)).expect(204);
    await request(test.app)
      .put(`${settings}/tax`)
      .set(bearer(owner))
      .send({ taxRateBasisPoints: 1700, taxInclusive: true })
      .expect(200);
  });
});
