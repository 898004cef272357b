import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { requestHash } from '../src/services/idempotency.js';
import { ADDRESS, bootCheckout, CARDS, createVariant, Guest, staffToken, stockOf } from './helpers.js';

const body = { payment: { input: { cardNumber: CARDS.approve } } };

interface Jobs {
  now(name: string, data: unknown, target: { platform: string }): Promise<string>;
  status(id: string, plugin: string): Promise<{ state: string; note: string | null } | undefined>;
}
const PROBE = '/api/v1/storefront/fashion/checkout-probe';

/**
 * A placement that crashed midway leaves an in-progress key behind. These tests write such keys (and, through the
 * checkout-probe fixture, what the crashed attempt had done: cart locked, stock reserved, payment made) and check
 * that the same key waits for, replays or resumes the attempt, never reserving or charging twice.
 */
describe('checkout: the same key while an attempt is in progress or crashed', function () {
  this.timeout(180_000);
  let test: TestHost;
  let tee: string;
  let storeId: string;

  const scopeOf = (guest: Guest) => `guest:${createHash('sha256').update(guest.token).digest('hex')}`;

  async function readyGuest(quantity = 1): Promise<Guest> {
    const guest = new Guest(test, 'fashion');
    await guest.add(tee, quantity);
    await guest.completeSteps();
    return guest;
  }

  /**
   * Writes the key row a crashed (or still running) attempt would have left; `abandoned`: its lease lapsed 10 minutes
   * ago.
   */
  async function leftBehind(
    guest: Guest,
    key: string,
    row: { orderId?: string; state?: unknown; lease: 'lapsed' | 'running' | 'abandoned' },
  ): Promise<string> {
    const orderId = row.orderId ?? randomUUID();
    const lease = {
      lapsed: `now() - interval '1 minute'`,
      running: `now() + interval '1 minute'`,
      abandoned: `now() - interval '10 minutes'`,
    }[row.lease];
    await test.db('checkout.idempotency_keys').insert({
      store_id: storeId,
      scope: scopeOf(guest),
      key,
      request_hash: requestHash('POST', 'checkout/place', body),
      order_id: orderId,
      state: JSON.stringify(row.state ?? {}),
      locked_until: test.db.raw(lease),
    });
    return orderId;
  }

  /**
   * What a crashed attempt had done, through the same services (checkout-probe): the cart locked, its units held and,
   * with `pay`, the payment authorized. Returns the attempt's order id and saved state.
   */
  async function crashedAttempt(guest: Guest, pay: boolean) {
    const cart = (await guest.cart().expect(200)).body;
    const amount = (await guest.get('/review').expect(200)).body.quote.grandTotal as number;
    const orderId = randomUUID();
    await request(test.app).post(`${PROBE}/lock/${cart.id}`).expect(200);
    const quantity = cart.lines[0].quantity as number;
    const reservation = (
      await request(test.app)
        .post(`${PROBE}/reserve`)
        .send({ variantId: tee, quantity, reference: orderId })
        .expect(201)
    ).body;
    const payment = pay
      ? (
          await request(test.app)
            .post(`${PROBE}/authorize`)
            .send({
              orderRef: orderId,
              amount,
              currency: 'EUR',
              provider: 'test',
              input: { cardNumber: CARDS.approve },
              idempotencyKey: `checkout:${orderId}`,
            })
            .expect(201)
        ).body
      : undefined;
    const plan = {
      cartId: cart.id,
      lines: [{ variantId: tee, quantity }],
      email: 'guest@example.com',
      customerId: null,
      shippingAddress: { ...ADDRESS, line2: null, region: null, phone: null },
      billingAddress: null,
      shippingCode: 'standard',
      provider: 'test',
      amount,
      currency: 'EUR',
      actor: 'guest',
      confirmationUrl: `/storefront/fashion/checkout/complete/${orderId}`,
    };
    const state = {
      heldCartId: cart.id,
      plan,
      reservations: { [tee]: reservation.id },
      ...(payment ? { paymentId: payment.id } : {}),
    };
    return { cart, amount, orderId, payment, reservation, state };
  }

  /** Runs `checkout.cleanup` now and waits for it to finish. */
  async function runCleanup(): Promise<{ state: string; note: string | null } | undefined> {
    const jobs = (test.host as { jobs: Jobs }).jobs;
    const id = await jobs.now('checkout.cleanup', {}, { platform: 'main' });
    for (let tries = 0; tries < 200 && (await jobs.status(id, 'checkout'))?.state !== 'completed'; tries++)
      await sleep(100);
    return jobs.status(id, 'checkout');
  }

  before(async () => {
    test = await bootCheckout(
      { WIZAMART_CHECKOUT_IDEMPOTENCY_WAIT_MS: '1500', WIZAMART_JOBS: 'true' },
      { probe: true },
    );
    tee = await createVariant(test, await staffToken(test, 'fashion'), 'fashion', 'Resume Tee', 2500, 20);
    storeId = (await test.db('tenancy.stores').where({ code: 'fashion' }).first('id')).id as string;
  });
  after(async () => test?.stop());

  it('waits for an attempt in progress, then answers 409 WZ_IDEMPOTENCY_IN_PROGRESS with Retry-After', async () => {
    const guest = await readyGuest();
    const key = randomUUID();
    await leftBehind(guest, key, { lease: 'running' });
    const started = Date.now();
    const res = await guest.place(key, body).expect(409);
    expect(res.body.error.code).to.equal('WZ_IDEMPOTENCY_IN_PROGRESS');
    expect(res.headers['retry-after']).to.equal('1');
    expect(Date.now() - started, 'it waited').to.be.at.least(1400);
    expect((await guest.cart()).body.status, 'and did nothing itself').to.equal('open');
  });

  it('returns the response of the attempt it waited for', async () => {
    const guest = await readyGuest();
    const key = randomUUID();
    await leftBehind(guest, key, { lease: 'running' });
    const pending = guest.place(key, body).then((res) => res);
    await sleep(300);
    const stored = JSON.stringify({
      error: {
        code: 'WZ_CHECKOUT_OUT_OF_STOCK',
        message: 'Some items are no longer in stock',
        details: { variantIds: [tee] },
      },
    });
    await test
      .db('checkout.idempotency_keys')
      .where({ key })
      .update({ status: 'completed', response_status: 409, response_body: stored });
    const res = await pending;
    expect(res.status).to.equal(409);
    expect(res.text).to.equal(stored);
    expect(res.headers['idempotent-replayed']).to.equal('true');
  });

  it('takes over an attempt that crashed right after claiming the key, keeping its order id', async () => {
    const guest = await readyGuest();
    const key = randomUUID();
    const orderId = await leftBehind(guest, key, { lease: 'lapsed' });
    const res = await guest.place(key, body).expect(201);
    expect(res.body.order.id).to.equal(orderId);
    expect(await test.db('checkout.idempotency_keys').where({ key }).first('attempt', 'status')).to.deep.equal({
      attempt: 2,
      status: 'completed',
    });
  });

  it('resumes an attempt that crashed after reserving and paying: one reservation, one payment, one order', async () => {
    const guest = await readyGuest(2);
    const before = await stockOf(test, tee);
    const crashed = await crashedAttempt(guest, true);
    expect(crashed.payment.status).to.equal('authorized');
    const key = randomUUID();
    await leftBehind(guest, key, { orderId: crashed.orderId, lease: 'lapsed', state: crashed.state });

    const res = await guest.place(key, body).expect(201);
    expect(res.body.order).to.include({ id: crashed.orderId, status: 'paid', grandTotal: crashed.amount });
    expect(res.body.payment).to.include({ id: crashed.payment.id, status: 'captured' });
    expect(
      Number((await test.db('payments.payments').where({ order_ref: crashed.orderId }).count({ n: '*' }).first())?.n),
    ).to.equal(1);
    expect(
      (await test.db('inventory.reservations').where({ reference: crashed.orderId }).select('status')).map(
        (row) => row.status,
      ),
    ).to.deep.equal(['committed']);
    expect(await stockOf(test, tee)).to.deep.equal({ onHand: before.onHand - 2, reserved: 0 });
    expect((await test.db('cart.carts').where({ id: crashed.cart.id }).first('status')).status).to.equal('converted');
    expect((await guest.place(key, body).expect(201)).text, 'and the key answers the same from now on').to.equal(
      res.text,
    );
  });

  it('undoes a paid attempt whose order is refused for a changed price: payment refunded, stock released, cart open, 409', async () => {
    const guest = await readyGuest(1);
    const before = await stockOf(test, tee);
    const crashed = await crashedAttempt(guest, true);
    const key = randomUUID();
    await leftBehind(guest, key, { orderId: crashed.orderId, lease: 'lapsed', state: crashed.state });
    await test.db('catalog.variants').where({ id: tee }).update({ price: 2600 });
    try {
      const res = await guest.place(key, body).expect(409);
      expect(res.body.error).to.deep.include({
        code: 'WZ_CHECKOUT_PRICE_CHANGED',
        details: { expectedTotal: crashed.amount, grandTotal: crashed.amount + 100, currency: 'EUR' },
      });
    } finally {
      await test.db('catalog.variants').where({ id: tee }).update({ price: 2500 });
    }
    expect((await test.db('payments.payments').where({ id: crashed.payment.id }).first('status')).status).to.equal(
      'refunded',
    );
    expect(await test.db('orders.orders').where({ id: crashed.orderId }).first()).to.equal(undefined);
    expect(await stockOf(test, tee)).to.deep.equal(before);
    expect((await guest.cart().expect(200)).body.status).to.equal('open');
  });

  it('the cleanup job undoes an abandoned attempt that had not paid: stock released, cart open, key forgotten', async () => {
    const guest = await readyGuest(1);
    const before = await stockOf(test, tee);
    const crashed = await crashedAttempt(guest, false);
    expect((await stockOf(test, tee)).reserved).to.equal(before.reserved + 1);
    const key = randomUUID();
    await leftBehind(guest, key, { orderId: crashed.orderId, lease: 'abandoned', state: crashed.state });
    const run = await runCleanup();
    expect(run?.state).to.equal('completed');
    expect(run?.note).to.include('undone 1');
    expect(await stockOf(test, tee)).to.deep.equal(before);
    expect((await guest.cart().expect(200)).body).to.include({ status: 'open', itemCount: 1 });
    expect(await test.db('checkout.idempotency_keys').where({ key }).first()).to.equal(undefined);
    expect((await guest.place(key, body).expect(201)).body.order.id, 'the forgotten key is new again').not.to.equal(
      crashed.orderId,
    );
  });

  it('the cleanup job places an abandoned attempt that had paid, and deletes expired keys', async () => {
    const guest = await readyGuest(1);
    const crashed = await crashedAttempt(guest, true);
    const key = randomUUID();
    await leftBehind(guest, key, { orderId: crashed.orderId, lease: 'abandoned', state: crashed.state });
    const old = randomUUID();
    await leftBehind(guest, old, { lease: 'running' });
    await test
      .db('checkout.idempotency_keys')
      .where({ key: old })
      .update({
        status: 'completed',
        response_status: 409,
        response_body: '{}',
        created_at: test.db.raw(`now() - interval '25 hours'`),
      });
    const run = await runCleanup();
    expect(run?.note).to.include('expired keys 1').and.to.include('placed 1');
    const order = await test.db('orders.orders').where({ id: crashed.orderId }).first('status');
    expect(order?.status).to.equal('paid');
    expect((await test.db('cart.carts').where({ id: crashed.cart.id }).first('status')).status).to.equal('converted');
    const stored = await test.db('checkout.idempotency_keys').where({ key }).first('status', 'response_status');
    expect(stored).to.deep.equal({ status: 'completed', response_status: 201 });
    expect((await guest.place(key, body).expect(201)).body.order.id, "the shopper's retry gets the order").to.equal(
      crashed.orderId,
    );
    expect(await test.db('checkout.idempotency_keys').where({ key: old }).first()).to.equal(undefined);
  });
});
