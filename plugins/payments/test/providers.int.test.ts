import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { authorize, bearer, bootPayments, ownerToken } from './helpers.js';

const APPROVE = '4242 4242 4242 4242';
const DECLINE = '4000 0000 0000 0002';
const ERROR = '4000 0000 0000 0119';

describe('payments: providers, status machine and store API', () => {
  let test: TestHost;
  let fashion: string;
  let techhub: string;
  const api = (path: string) => `/api/v1/store/fashion/payments${path}`;
  const eventsOf = async (paymentId: string) =>
    (
      (await request(test.app).get('/api/v1/storefront/fashion/payments-probe/events').expect(200)).body
        .items as Array<{ name: string; paymentId: string }>
    )
      .filter((event) => event.paymentId === paymentId)
      .map((event) => event.name);

  before(async () => {
    test = await bootPayments();
    [fashion, techhub] = await Promise.all([ownerToken(test, 'fashion'), ownerToken(test, 'techhub')]);
  });
  after(async () => test?.stop());

  it('manual: stays pending until the store marks it paid', async () => {
    const payment = (
      await authorize(test, 'fashion', { orderRef: 'M-1', amount: 4200, currency: 'EUR', provider: 'manual' }).expect(
        201,
      )
    ).body;
    expect(payment).to.include({ status: 'pending', amount: 4200, capturedAmount: 0, provider: 'manual' });
    // Orders cannot capture a bank transfer that has not arrived through the provider API either: it is the store's
    // call.
    const paid = await request(test.app)
      .post(api(`/payments/${payment.id}/mark-paid`))
      .set(bearer(fashion))
      .send({})
      .expect(200);
    expect(paid.body).to.include({ status: 'captured', capturedAmount: 4200 });
    const again = await request(test.app)
      .post(api(`/payments/${payment.id}/mark-paid`))
      .set(bearer(fashion))
      .expect(409);
    expect(again.body.error.code).to.equal('WZ_PAYMENTS_INVALID_STATE');
    const detail = (
      await request(test.app)
        .get(api(`/payments/${payment.id}`))
        .set(bearer(fashion))
        .expect(200)
    ).body;
    expect(detail.events.map((e: { type: string; toStatus: string }) => `${e.type}:${e.toStatus}`)).to.deep.equal([
      'authorize:pending',
      'capture:captured',
    ]);
    expect(detail.events[1].actor).to.match(/^staff:/);
    expect(await eventsOf(payment.id)).to.deep.equal(['payments.captured']);
  });

  it('cod: authorized at once, captured when the store marks the cash collected', async () => {
    const payment = (
      await authorize(test, 'fashion', { orderRef: 'C-1', amount: 1500, currency: 'EUR', provider: 'cod' }).expect(201)
    ).body;
    expect(payment.status).to.equal('authorized');
    const paid = await request(test.app)
      .post(api(`/payments/${payment.id}/mark-paid`))
      .set(bearer(fashion))
      .expect(200);
    expect(paid.body.status).to.equal('captured');
    expect(await eventsOf(payment.id)).to.deep.equal(['payments.authorized', 'payments.captured']);
  });

  it('test: 4242… approves, 4000…0002 declines with card_declined, 4000…0119 errors; none throws at the caller', async () => {
    const approved = (
      await authorize(test, 'fashion', {
        orderRef: 'T-1',
        amount: 999,
        currency: 'EUR',
        provider: 'test',
        input: { cardNumber: APPROVE },
      }).expect(201)
    ).body;
    expect(approved.status).to.equal('authorized');
    expect(approved.providerReference).to.match(/^test_[0-9a-f]{24}$/);
    const declined = (
      await authorize(test, 'fashion', {
        orderRef: 'T-2',
        amount: 999,
        currency: 'EUR',
        provider: 'test',
        input: { cardNumber: DECLINE },
      }).expect(201)
    ).body;
    expect(declined).to.include({ status: 'failed', failureCode: 'card_declined' });
    const errored = (
      await authorize(test, 'fashion', {
        orderRef: 'T-3',
        amount: 999,
        currency: 'EUR',
        provider: 'test',
        input: { cardNumber: ERROR },
      }).expect(201)
    ).body;
    expect(errored).to.include({ status: 'failed', failureCode: 'provider_error' });
    expect(await eventsOf(declined.id)).to.deep.equal(['payments.failed']);
    // A failed payment cannot be captured; the mark-paid action is only for offline providers.
    expect(
      (await request(test.app).post(`/api/v1/storefront/fashion/payments-probe/capture/${declined.id}`).expect(409))
        .body.error.code,
    ).to.equal('WZ_PAYMENTS_INVALID_STATE');
    expect(
      (
        await request(test.app)
          .post(api(`/payments/${approved.id}/mark-paid`))
          .set(bearer(fashion))
          .expect(409)
      ).body.error.code,
    ).to.equal('WZ_PAYMENTS_NOT_OFFLINE');
    const captured = await request(test.app)
      .post(api(`/payments/${approved.id}/capture`))
      .set(bearer(fashion))
      .expect(200);
    expect(captured.body).to.include({ status: 'captured', capturedAmount: 999 });
  });

  it('validates requests: unknown fields, bad amounts and currencies, unknown and unoffered providers', async () => {
    const base = { orderRef: 'V-1', amount: 100, currency: 'EUR', provider: 'manual' };
    for (const body of [
      { ...base, price: 1 },
      { ...base, amount: 0 },
      { ...base, amount: 1.5 },
      { ...base, amount: '100' },
      { ...base, currency: 'eur' },
      { ...base, orderRef: '' },
    ]) {
      const res = await authorize(test, 'fashion', body);
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.body.error.code).to.equal('WZ_VALIDATION');
    }
    expect((await authorize(test, 'fashion', { ...base, provider: 'nope' }).expect(404)).body.error.code).to.equal(
      'WZ_PAYMENTS_PROVIDER_UNKNOWN',
    );
    // probe-pay is registered by another plugin but not offered by the store until its settings say so.
    expect((await authorize(test, 'fashion', { ...base, provider: 'probe-pay' }).expect(409)).body.error.code).to.equal(
      'WZ_PAYMENTS_PROVIDER_NOT_OFFERED',
    );
    const bad = await request(test.app)
      .post(api('/payments/00000000-0000-4000-8000-000000000000/refund'))
      .set(bearer(fashion))
      .send({ amount: 5, note: 'x' })
      .expect(400);
    expect(bad.body.error.code).to.equal('WZ_VALIDATION');
    expect(
      (await request(test.app).post(api('/payments/not-a-uuid/cancel')).set(bearer(fashion)).expect(404)).body.error
        .code,
    ).to.equal('WZ_PAYMENTS_NOT_FOUND');
    expect(await test.db('payments.payments').where({ order_ref: 'V-1' }).count({ n: '*' }).first()).to.deep.equal({
      n: 0,
    });
  });

  it('settings: choose providers, third-party providers included; the webhook secret shows once on rotate', async () => {
    const before = (await request(test.app).get(api('/settings')).set(bearer(fashion)).expect(200)).body;
    expect(before.providers).to.deep.equal(['manual', 'cod', 'test']);
    expect(before.available.map((p: { code: string }) => p.code)).to.deep.equal(['manual', 'cod', 'test', 'probe-pay']);
    expect(before.webhookSecretHint).to.match(/^whsec_….{4}$/);
    expect(JSON.stringify(before)).to.not.match(/whsec_[A-Za-z0-9_-]{20,}/);
    const saved = await request(test.app)
      .put(api('/settings'))
      .set(bearer(fashion))
      .send({ providers: ['manual', 'cod', 'test', 'probe-pay'] })
      .expect(200);
    expect(saved.body.providers).to.deep.equal(['manual', 'cod', 'test', 'probe-pay']);
    expect(
      (
        await request(test.app)
          .put(api('/settings'))
          .set(bearer(fashion))
          .send({ providers: ['bogus'] })
          .expect(404)
      ).body.error.code,
    ).to.equal('WZ_PAYMENTS_PROVIDER_UNKNOWN');
    expect(
      (
        await request(test.app)
          .put(api('/settings'))
          .set(bearer(fashion))
          .send({ providers: ['manual'], secret: 'x' })
          .expect(400)
      ).body.error.code,
    ).to.equal('WZ_VALIDATION');
    const rotated = (await request(test.app).post(api('/settings/webhook-secret')).set(bearer(fashion)).expect(201))
      .body;
    expect(rotated.webhookSecret).to.match(/^whsec_[A-Za-z0-9_-]{43}$/);
    const after = (await request(test.app).get(api('/settings')).set(bearer(fashion)).expect(200)).body;
    expect(after.webhookSecretHint).to.equal(`whsec_…${rotated.webhookSecret.slice(-4)}`);
    expect(JSON.stringify(after)).to.not.include(rotated.webhookSecret);
    expect(
      (await request(test.app).get('/api/v1/storefront/fashion/payments-probe/offered').expect(200)).body.providers,
    ).to.include('probe-pay');
    // techhub's settings are its own.
    expect(
      (await request(test.app).get('/api/v1/store/techhub/payments/settings').set(bearer(techhub)).expect(200)).body
        .providers,
    ).to.deep.equal(['manual', 'cod', 'test']);
  });

  it('refunds: partial, then the rest; never more than captured; refused provider refunds change nothing', async () => {
    const payment = (
      await authorize(test, 'fashion', {
        orderRef: 'R-1',
        amount: 1000,
        currency: 'EUR',
        provider: 'probe-pay',
      }).expect(201)
    ).body;
    const pending = await request(test.app)
      .post(api(`/payments/${payment.id}/refund`))
      .set(bearer(fashion))
      .send({ amount: 1 })
      .expect(409);
    expect(pending.body.error.code).to.equal('WZ_PAYMENTS_INVALID_STATE');
    await request(test.app).post(`/api/v1/storefront/fashion/payments-probe/capture/${payment.id}`).expect(200);
    const partial = await request(test.app)
      .post(api(`/payments/${payment.id}/refund`))
      .set(bearer(fashion))
      .send({ amount: 300 })
      .expect(200);
    expect(partial.body).to.include({ status: 'partially_refunded', refundedAmount: 300 });
    const tooMuch = await request(test.app)
      .post(api(`/payments/${payment.id}/refund`))
      .set(bearer(fashion))
      .send({ amount: 701 })
      .expect(409);
    expect(tooMuch.body.error).to.deep.include({
      code: 'WZ_PAYMENTS_REFUND_EXCEEDS_CAPTURED',
      details: { requested: 701, refundable: 700 },
    });
    const refused = await request(test.app)
      .post(`/api/v1/storefront/fashion/payments-probe/refund/${payment.id}`)
      .send({ amount: 13 })
      .expect(402);
    expect(refused.body.error).to.deep.include({
      code: 'WZ_PAYMENTS_PROVIDER_DECLINED',
      details: { action: 'refund', code: 'refund_refused' },
    });
    const rest = await request(test.app)
      .post(api(`/payments/${payment.id}/refund`))
      .set(bearer(fashion))
      .send({})
      .expect(200);
    expect(rest.body).to.include({ status: 'refunded', refundedAmount: 1000, capturedAmount: 1000 });
    expect(
      (
        await request(test.app)
          .post(api(`/payments/${payment.id}/refund`))
          .set(bearer(fashion))
          .send({ amount: 1 })
          .expect(409)
      ).body.error.code,
    ).to.equal('WZ_PAYMENTS_INVALID_STATE');
    const history = (
      await request(test.app)
        .get(api(`/payments/${payment.id}`))
        .set(bearer(fashion))
        .expect(200)
    ).body.events;
    expect(
      history.map(
        (e: { type: string; outcome: string; amount: number | null }) => `${e.type}:${e.outcome}:${e.amount}`,
      ),
    ).to.deep.equal([
      'authorize:ok:1000',
      'capture:ok:1000',
      'refund:ok:300',
      'refund:refund_refused:13',
      'refund:ok:700',
    ]);
    expect(await eventsOf(payment.id)).to.deep.equal([
      'payments.authorized',
      'payments.captured',
      'payments.refunded',
      'payments.refunded',
    ]);
  });

  it('concurrent captures and refunds: one capture wins, refunds never exceed what was captured', async () => {
    const payment = (
      await authorize(test, 'fashion', {
        orderRef: 'X-1',
        amount: 500,
        currency: 'EUR',
        provider: 'test',
        input: { cardNumber: APPROVE },
      }).expect(201)
    ).body;
    const captures = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(test.app).post(`/api/v1/storefront/fashion/payments-probe/capture/${payment.id}`),
      ),
    );
    expect(captures.map((res) => res.status).sort()).to.deep.equal([200, ...Array(9).fill(409)]);
    const refunds = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(test.app).post(`/api/v1/storefront/fashion/payments-probe/refund/${payment.id}`).send({ amount: 200 }),
      ),
    );
    expect(refunds.filter((res) => res.status === 200)).to.have.length(2);
    const row = await test
      .db('payments.payments')
      .where({ id: payment.id })
      .first('captured_amount', 'refunded_amount', 'status');
    expect(row).to.deep.equal({ captured_amount: 500, refunded_amount: 400, status: 'partially_refunded' });
    const history = await test
      .db('payments.payment_events')
      .where({ payment_id: payment.id, outcome: 'ok' })
      .select('type');
    expect(history.map((e: { type: string }) => e.type).sort()).to.deep.equal([
      'authorize',
      'capture',
      'refund',
      'refund',
    ]);
  });

  it('idempotency keys: same request → same payment, one provider call; a different request → 422', async () => {
    const body = {
      orderRef: 'I-1',
      amount: 700,
      currency: 'EUR',
      provider: 'test',
      input: { cardNumber: APPROVE },
      idempotencyKey: 'order-I-1',
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => authorize(test, 'fashion', body)));
    expect(results.map((res) => res.status)).to.deep.equal([201, 201, 201, 201, 201]);
    expect(new Set(results.map((res) => res.body.id)).size).to.equal(1);
    expect(await test.db('payments.payments').where({ order_ref: 'I-1' }).count({ n: '*' }).first()).to.deep.equal({
      n: 1,
    });
    const mismatch = await authorize(test, 'fashion', { ...body, amount: 701 }).expect(422);
    expect(mismatch.body.error.code).to.equal('WZ_PAYMENTS_IDEMPOTENCY_MISMATCH');
    // The same key in another store is another payment.
    await authorize(test, 'techhub', body).expect(201);
    const listed = (await request(test.app).get('/api/v1/storefront/fashion/payments-probe/order/I-1').expect(200)).body
      .items;
    expect(listed).to.have.length(1);
  });

  it('cancel: pending and authorized payments only', async () => {
    const payment = (
      await authorize(test, 'fashion', { orderRef: 'K-1', amount: 100, currency: 'EUR', provider: 'cod' }).expect(201)
    ).body;
    expect(
      (
        await request(test.app)
          .post(api(`/payments/${payment.id}/cancel`))
          .set(bearer(fashion))
          .expect(200)
      ).body.status,
    ).to.equal('cancelled');
    expect(
      (
        await request(test.app)
          .post(api(`/payments/${payment.id}/mark-paid`))
          .set(bearer(fashion))
          .expect(409)
      ).body.error.code,
    ).to.equal('WZ_PAYMENTS_INVALID_STATE');
  });

  it('isolates stores: techhub cannot see or act on fashion payments', async () => {
    const payment = (
      await authorize(test, 'fashion', { orderRef: 'ISO-1', amount: 100, currency: 'EUR', provider: 'manual' }).expect(
        201,
      )
    ).body;
    const other = (path: string) => `/api/v1/store/techhub/payments${path}`;
    expect(
      (
        await request(test.app)
          .get(other(`/payments/${payment.id}`))
          .set(bearer(techhub))
          .expect(404)
      ).body.error.code,
    ).to.equal('WZ_PAYMENTS_NOT_FOUND');
    for (const action of ['mark-paid', 'capture', 'cancel', 'refund']) {
      const res = await request(test.app)
        .post(other(`/payments/${payment.id}/${action}`))
        .set(bearer(techhub))
        .send({});
      expect(res.status, action).to.equal(404);
      expect(res.body.error.code).to.equal('WZ_PAYMENTS_NOT_FOUND');
    }
    const list = (
      await request(test.app).get(other('/payments')).query({ orderRef: 'ISO-1' }).set(bearer(techhub)).expect(200)
    ).body;
    expect(list.total).to.equal(0);
    // A fashion token does not work on techhub's API; the probe (service callers) is scoped by the request's store too.
    await request(test.app)
      .get(other('/payments'))
      .set(bearer(fashion))
      .expect((res) => expect(res.status).to.be.oneOf([401, 403]));
    expect(
      (await request(test.app).post(`/api/v1/storefront/techhub/payments-probe/capture/${payment.id}`).expect(404)).body
        .error.code,
    ).to.equal('WZ_PAYMENTS_NOT_FOUND');
    expect(
      (await request(test.app).get(`/api/v1/storefront/techhub/payments-probe/order/ISO-1`).expect(200)).body.items,
    ).to.deep.equal([]);
    expect(
      (
        await request(test.app)
          .get(api(`/payments/${payment.id}`))
          .set(bearer(fashion))
          .expect(200)
      ).body.status,
    ).to.equal('pending');
  });

  it('lists and filters payments; needs a signed-in store principal', async () => {
    const captured = (
      await request(test.app)
        .get(api('/payments'))
        .query({ status: 'captured', pageSize: '100' })
        .set(bearer(fashion))
        .expect(200)
    ).body;
    expect(captured.items.length).to.be.greaterThan(0);
    expect(captured.items.every((p: { status: string }) => p.status === 'captured')).to.equal(true);
    const manual = (
      await request(test.app).get(api('/payments')).query({ provider: 'manual' }).set(bearer(fashion)).expect(200)
    ).body;
    expect(manual.items.every((p: { provider: string }) => p.provider === 'manual')).to.equal(true);
    expect(
      (await request(test.app).get(api('/payments')).query({ status: 'bogus' }).set(bearer(fashion)).expect(400)).body
        .error.code,
    ).to.equal('WZ_VALIDATION');
    await request(test.app).get(api('/payments')).expect(401);
  });

  it('permissions: staff may view payments but not act on them or see the settings', async () => {
    const staff = (
      await request(test.app)
        .post('/api/v1/store/fashion/auth/login')
        .send({ email: 'staff@fashion.local', password: 'wizamart-demo' })
        .expect(200)
    ).body.token;
    const payment = (
      await authorize(test, 'fashion', { orderRef: 'P-1', amount: 100, currency: 'EUR', provider: 'manual' }).expect(
        201,
      )
    ).body;
    await request(test.app)
      .get(api(`/payments/${payment.id}`))
      .set(bearer(staff))
      .expect(200);
    const forbidden = await request(test.app)
      .post(api(`/payments/${payment.id}/mark-paid`))
      .set(bearer(staff))
      .expect(403);
    expect(forbidden.body.error.details.missing).to.deep.equal(['payments.manage']);
    expect(
      (await request(test.app).get(api('/settings')).set(bearer(staff)).expect(403)).body.error.details.missing,
    ).to.deep.equal(['payments.settings-manage']);
    await request(test.app).post(api('/settings/webhook-secret')).set(bearer(staff)).expect(403);
    expect(
      (
        await request(test.app)
          .get(api(`/payments/${payment.id}`))
          .set(bearer(fashion))
          .expect(200)
      ).body.status,
    ).to.equal('pending');
  });

  it('the demo seed is idempotent: a second run adds no payments and keeps the settings', async () => {
    const count = async () =>
      Number((await test.db('payments.payments').where('order_ref', 'like', 'DEMO-%').count({ n: '*' }).first())!.n);
    expect(await count()).to.equal(6);
    const settings = await test
      .db('payments.settings')
      .select('store_id', 'providers', 'webhook_secret')
      .orderBy('store_id');
    await (test.host as { runSeeds(set: string): Promise<string[]> }).runSeeds('demo');
    expect(await count()).to.equal(6);
    expect(
      await test.db('payments.settings').select('store_id', 'providers', 'webhook_secret').orderBy('store_id'),
    ).to.deep.equal(settings);
  });

  it('dashboard pages: list, detail with history and mark paid, settings', async () => {
    const agent = request.agent(test.app);
    const form = await agent.get('/store/fashion/auth/login').set('accept', 'text/html').expect(200);
    const loginCsrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
    await agent
      .post('/store/fashion/auth/login')
      .type('form')
      .send({ _csrf: loginCsrf, email: 'owner@fashion.local', password: 'wizamart-demo' })
      .expect(303);
    const list = await agent.get('/store/fashion/payments').expect(200);
    expect(list.text).to.include('DEMO-1001');
    const demo = await test
      .db('payments.payments as p')
      .where({ order_ref: 'DEMO-1001' })
      .join('tenancy.stores as s', 's.id', 'p.store_id')
      .where('s.code', 'fashion')
      .first('p.id as id');
    const detail = await agent.get(`/store/fashion/payments/payments/${demo.id}`).expect(200);
    expect(detail.text).to.include('data-form="mark-paid"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(detail.text)?.[1];
    expect(csrf).to.be.a('string');
    await agent
      .post(`/store/fashion/payments/payments/${demo.id}/mark-paid`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(303);
    const after = await agent.get(`/store/fashion/payments/payments/${demo.id}`).expect(200);
    expect(after.text).to.include('data-status="captured"');
    expect(after.text).to.include('data-event="capture"');
    const settings = await agent.get('/store/fashion/payments/settings').expect(200);
    expect(settings.text).to.include('data-secret-hint');
    const rotated = await agent
      .post('/store/fashion/payments/settings/webhook-secret')
      .type('form')
      .send({ _csrf: csrf })
      .expect(200);
    const secret = /data-webhook-secret>([^<]+)</.exec(rotated.text)?.[1];
    expect(secret).to.match(/^whsec_/);
    expect((await agent.get('/store/fashion/payments/settings').expect(200)).text).to.not.include(secret!);
  });
});
