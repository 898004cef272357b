import { createHmac } from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootOrders, createVariant, eventsOf, placeOrder, probe, staffToken } from './helpers.js';

interface Jobs {
  now(name: string, data: unknown, target: { platform?: string }): Promise<string>;
  status(id: string, plugin: string): Promise<{ state: string; note: string | null } | undefined>;
}
interface Enablement {
  change(
    platform: string,
    code: string,
    action: 'enable' | 'disable',
    options: { dryRun: boolean; release: boolean; actor: string },
  ): Promise<unknown>;
}

/** The `Wizamart-Signature` header payments checks: HMAC-SHA256 of `<t>.<body>` with the store's secret. */
function sign(secret: string, body: string): string {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * Orders following payments: webhooks and the payments dashboard move orders through `payments.*` events, and the
 * reconciliation job catches what an event missed. Jobs run in this file.
 */
describe('orders: following payments', function () {
  this.timeout(180_000);
  let test: TestHost;
  let owner: string;
  let secret: string;
  let hat: string;

  const order = async (id: string) =>
    (await request(test.app).get(`/api/v1/store/fashion/orders/${id}`).set(bearer(owner)).expect(200)).body;
  const payments = (path: string, body: Record<string, unknown> = {}) =>
    request(test.app).post(`/api/v1/store/fashion/payments/payments/${path}`).set(bearer(owner)).send(body);
  const toggle = (code: string, action: 'enable' | 'disable') =>
    (test.host as { enablementChanges: Enablement }).enablementChanges.change('main', code, action, {
      dryRun: false,
      release: false,
      actor: 'test',
    });
  const runJob = async () => {
    const jobs = (test.host as { jobs: Jobs }).jobs;
    const id = await jobs.now('orders.reconcile-payments', {}, { platform: 'main' });
    for (let tries = 0; tries < 200 && (await jobs.status(id, 'orders'))?.state !== 'completed'; tries++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    return jobs.status(id, 'orders');
  };

  before(async () => {
    test = await bootOrders({ WIZAMART_JOBS: 'true' });
    owner = await staffToken(test, 'fashion');
    secret = (
      await request(test.app)
        .post('/api/v1/store/fashion/payments/settings/webhook-secret')
        .set(bearer(owner))
        .expect(201)
    ).body.webhookSecret;
    hat = await createVariant(test, owner, 'fashion', 'Straw Hat', 2500, { stock: 20 });
  });
  after(async () => test?.stop());

  it("turns an order paid when the provider's signed webhook says the payment was captured", async () => {
    const placed = await placeOrder(test, 'fashion', { lines: [{ variantId: hat, quantity: 1 }], capture: false });
    expect(placed.order.status).to.equal('pending_payment');
    const body = JSON.stringify({
      id: 'evt_order_paid',
      store: 'fashion',
      type: 'payment.captured',
      payment: placed.payment.id,
    });
    const res = await request(test.app)
      .post('/api/v1/shared/payments/webhooks/test')
      .set('content-type', 'application/octet-stream')
      .set('wizamart-signature', sign(secret, body))
      .send(body)
      .expect(200);
    expect(res.body.result).to.equal('applied');
    const paid = await order(placed.order.id);
    expect(paid.status).to.equal('paid');
    expect(
      paid.history.map((entry: { toStatus: string; actor: string }) => [entry.toStatus, entry.actor]),
    ).to.deep.equal([
      ['pending_payment', 'guest'],
      ['paid', 'payments:test'],
    ]);
    expect(
      paid.history.map((entry: { by: unknown }) => entry.by),
      'in words',
    ).to.deep.equal([{ kind: 'guest' }, { kind: 'payments', provider: 'Test card (sandbox)' }]);
    const page = await request(test.app).get(`/store/fashion/orders/${placed.order.id}`).set(bearer(owner)).expect(200);
    expect(page.text)
      .to.include('Payment provider (Test card (sandbox))')
      .and.include('>Guest<')
      .and.not.include('payments:test');
    expect(await eventsOf(test, 'fashion', placed.order.id)).to.deep.equal(['orders.placed', 'orders.paid']);
  });

  it('follows refunds made in the payments dashboard: a partial one changes nothing, the full one refunds the order', async () => {
    const placed = await placeOrder(test, 'fashion', { lines: [{ variantId: hat, quantity: 2 }] });
    await payments(`${placed.payment.id}/refund`, { amount: 100 }).expect(200);
    expect((await order(placed.order.id)).status).to.equal('paid');
    await payments(`${placed.payment.id}/refund`).expect(200);
    const refunded = await order(placed.order.id);
    expect(refunded.status).to.equal('refunded');
    expect(refunded.history.at(-1)).to.deep.include({
      fromStatus: 'paid',
      toStatus: 'refunded',
      actor: 'payments:test',
    });
  });

  it('cancels a waiting order whose payment is cancelled in the payments dashboard, giving its stock back', async () => {
    const placed = await placeOrder(test, 'fashion', {
      lines: [{ variantId: hat, quantity: 3 }],
      provider: 'manual',
      reserve: true,
    });
    const before = await test.db('inventory.levels').where({ variant_id: hat }).first('on_hand');
    await payments(`${placed.payment.id}/cancel`).expect(200);
    const cancelled = await order(placed.order.id);
    expect(cancelled.status).to.equal('cancelled');
    expect(cancelled.history.at(-1)).to.deep.include({
      toStatus: 'cancelled',
      actor: 'payments:manual',
      note: 'payment cancelled',
    });
    expect((await test.db('inventory.levels').where({ variant_id: hat }).first('on_hand')).on_hand).to.equal(
      before.on_hand + 3,
    );
  });

  it('ignores payments of other references and of another store', async () => {
    const foreign = await request(test.app)
      .post(`${probe('techhub')}/pay`)
      .send({ orderId: 'DEMO-XYZ', amount: 500, provider: 'manual' })
      .expect(201);
    await request(test.app)
      .post(`/api/v1/store/techhub/payments/payments/${foreign.body.id}/mark-paid`)
      .set(bearer(await staffToken(test, 'techhub')))
      .send({})
      .expect(200);
    const placed = await placeOrder(test, 'fashion', { lines: [{ variantId: hat, quantity: 1 }], provider: 'manual' });
    // A techhub payment naming this fashion order's id does not touch it.
    const impostor = await request(test.app)
      .post(`${probe('techhub')}/pay`)
      .send({ orderId: placed.order.id, amount: placed.order.grandTotal, provider: 'manual' })
      .expect(201);
    await request(test.app)
      .post(`/api/v1/store/techhub/payments/payments/${impostor.body.id}/mark-paid`)
      .set(bearer(await staffToken(test, 'techhub')))
      .send({})
      .expect(200);
    expect((await order(placed.order.id)).status).to.equal('pending_payment');
  });

  it('reconciles orders whose payment event was missed, in a job that is safe to run twice', async () => {
    const captured = await placeOrder(test, 'fashion', { lines: [{ variantId: hat, quantity: 1 }], capture: false });
    const failed = await placeOrder(test, 'fashion', {
      lines: [{ variantId: hat, quantity: 1 }],
      provider: 'manual',
      reserve: true,
    });
    const waiting = await placeOrder(test, 'fashion', { lines: [{ variantId: hat, quantity: 1 }], provider: 'manual' });
    // While orders is off on the platform, its event handler ignores the store: the events are lost for good.
    await toggle('orders', 'disable');
    await payments(`${captured.payment.id}/capture`).expect(200);
    await payments(`${failed.payment.id}/cancel`).expect(200);
    await toggle('orders', 'enable');
    await toggle('orders-probe', 'enable');
    expect((await order(captured.order.id)).status).to.equal('pending_payment');
    expect((await order(failed.order.id)).status).to.equal('pending_payment');
    const first = await runJob();
    expect(first?.state).to.equal('completed');
    expect(first?.note).to.match(/^checked \d+, changed 2$/);
    expect((await order(captured.order.id)).status).to.equal('paid');
    const cancelled = await order(failed.order.id);
    expect(cancelled.status).to.equal('cancelled');
    expect(
      await test.db('inventory.reservations').where({ id: cancelled.lines[0].reservationId }).first('status'),
    ).to.deep.equal({ status: 'restored' });
    expect((await order(waiting.order.id)).status, 'a payment still pending leaves its order waiting').to.equal(
      'pending_payment',
    );
    const second = await runJob();
    expect(second?.note).to.match(/^checked \d+, changed 0$/);
    expect(
      (await order(captured.order.id)).history.filter((entry: { toStatus: string }) => entry.toStatus === 'paid'),
    ).to.have.length(1);
  });
});
