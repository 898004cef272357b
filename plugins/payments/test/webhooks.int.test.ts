import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { signatureHeader } from '../src/signature.js';
import { authorize, bearer, bootPayments, ownerToken } from './helpers.js';

const URL_OF = (provider: string) => `/api/v1/shared/payments/webhooks/${provider}`;

/**
 * Signed webhooks. With WIZAMART_TEST_DATABASE_URL these run on the PostgreSQL server, where the 10 concurrent
 * deliveries really race over the pool's connections (the event-id claim and the row lock decide); on the embedded
 * database transactions are serialised, so the event-id claim alone decides.
 */
describe('payments: webhooks', () => {
  let test: TestHost;
  let secret: string;
  let techhubSecret: string;
  const deliver = (
    body: string,
    signature: string | undefined,
    provider = 'manual',
    type = 'application/octet-stream',
  ) => {
    const req = request(test.app).post(URL_OF(provider)).set('content-type', type);
    if (signature !== undefined) req.set('wizamart-signature', signature);
    return req.send(body);
  };
  const payment = async (provider = 'manual', store = 'fashion', orderRef = `W-${Math.random()}`) =>
    (
      await authorize(test, store, {
        orderRef,
        amount: 2500,
        currency: 'EUR',
        provider,
        ...(provider === 'test' ? { input: { cardNumber: '4242424242424242' } } : {}),
      }).expect(201)
    ).body as { id: string; providerReference: string };
  const row = (id: string) =>
    test.db('payments.payments').where({ id }).first('status', 'captured_amount', 'refunded_amount');
  const history = async (id: string) =>
    (await test.db('payments.payment_events').where({ payment_id: id }).count({ n: '*' }).first())!.n;

  before(async () => {
    test = await bootPayments();
    const [fashion, techhub] = await Promise.all([ownerToken(test, 'fashion'), ownerToken(test, 'techhub')]);
    secret = (
      await request(test.app)
        .post('/api/v1/store/fashion/payments/settings/webhook-secret')
        .set(bearer(fashion))
        .expect(201)
    ).body.webhookSecret;
    techhubSecret = (
      await request(test.app)
        .post('/api/v1/store/techhub/payments/settings/webhook-secret')
        .set(bearer(techhub))
        .expect(201)
    ).body.webhookSecret;
  });
  after(async () => test?.stop());

  it('one event delivered 10 times concurrently → exactly one state change', async () => {
    const { id } = await payment('manual');
    const body = JSON.stringify({ id: 'evt_concurrent_1', store: 'fashion', type: 'payment.captured', payment: id });
    const signature = signatureHeader(secret, body);
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(body, signature)));
    expect(results.map((res) => res.status)).to.deep.equal(Array(10).fill(200));
    const outcomes = results.map((res) => res.body.result).sort();
    expect(outcomes).to.deep.equal(['applied', ...Array(9).fill('duplicate')]);
    expect(await row(id)).to.deep.equal({ status: 'captured', captured_amount: 2500, refunded_amount: 0 });
    const webhookEntries = await test
      .db('payments.payment_events')
      .where({ payment_id: id, type: 'webhook' })
      .select('to_status', 'actor');
    expect(webhookEntries).to.deep.equal([{ to_status: 'captured', actor: 'webhook:manual:evt_concurrent_1' }]);
    const events = (
      await request(test.app).get('/api/v1/storefront/fashion/payments-probe/events').expect(200)
    ).body.items.filter((e: { paymentId: string }) => e.paymentId === id);
    expect(events.map((e: { name: string }) => e.name)).to.deep.equal(['payments.captured']);
    expect(
      await test.db('payments.webhook_events').where({ event_id: 'evt_concurrent_1' }).select('result'),
    ).to.deep.equal([{ result: 'applied' }]);
  });

  it('10 different refund events at once never refund more than was captured', async () => {
    const { id, providerReference } = await payment('test');
    const capture = JSON.stringify({
      id: 'evt_cap_2',
      store: 'fashion',
      type: 'payment.captured',
      reference: providerReference,
    });
    await deliver(capture, signatureHeader(secret, capture), 'test').expect(200);
    const refunds = Array.from({ length: 10 }, (_, n) =>
      JSON.stringify({ id: `evt_ref_${n}`, store: 'fashion', type: 'payment.refunded', payment: id, amount: 1000 }),
    );
    const results = await Promise.all(refunds.map((body) => deliver(body, signatureHeader(secret, body), 'test')));
    expect(results.map((res) => res.body.result).filter((r) => r === 'applied')).to.have.length(2);
    expect(await row(id)).to.deep.equal({ status: 'partially_refunded', captured_amount: 2500, refunded_amount: 2000 });
  });

  it('a bad signature → 400 WZ_PAYMENTS_SIGNATURE_INVALID and nothing changes', async () => {
    const { id } = await payment('manual');
    const body = JSON.stringify({ id: 'evt_bad_1', store: 'fashion', type: 'payment.captured', payment: id });
    const before = await history(id);
    const cases = [
      signatureHeader('whsec_wrong', body),
      signatureHeader(techhubSecret, body),
      signatureHeader(secret, body.replace('captured', 'cancelled')),
    ];
    for (const signature of cases) {
      const res = await deliver(body, signature).expect(400);
      expect(res.body.error.code).to.equal('WZ_PAYMENTS_SIGNATURE_INVALID');
    }
    for (const signature of [undefined, 'nonsense', `t=${Math.floor(Date.now() / 1000)}`]) {
      expect((await deliver(body, signature).expect(400)).body.error.code).to.equal('WZ_PAYMENTS_SIGNATURE_MISSING');
    }
    // An unknown store answers like a bad signature.
    const unknown = JSON.stringify({ id: 'evt_bad_2', store: 'nowhere', type: 'payment.captured', payment: id });
    expect((await deliver(unknown, signatureHeader(secret, unknown)).expect(400)).body.error.code).to.equal(
      'WZ_PAYMENTS_SIGNATURE_INVALID',
    );
    expect(await row(id)).to.deep.equal({ status: 'pending', captured_amount: 0, refunded_amount: 0 });
    expect(await history(id)).to.equal(before);
    expect(
      await test
        .db('payments.webhook_events')
        .whereIn('event_id', ['evt_bad_1', 'evt_bad_2'])
        .count({ n: '*' })
        .first(),
    ).to.deep.equal({ n: 0 });
    // The same event correctly signed is then processed: the refusals did not burn its id.
    expect((await deliver(body, signatureHeader(secret, body)).expect(200)).body.result).to.equal('applied');
  });

  it('an old (or future) timestamp → 400 WZ_PAYMENTS_SIGNATURE_EXPIRED, even with a valid signature', async () => {
    const { id } = await payment('manual');
    const body = JSON.stringify({ id: 'evt_old_1', store: 'fashion', type: 'payment.captured', payment: id });
    const now = Math.floor(Date.now() / 1000);
    for (const t of [now - 301, now - 86400, now + 600]) {
      const res = await deliver(body, signatureHeader(secret, body, t)).expect(400);
      expect(res.body.error.code).to.equal('WZ_PAYMENTS_SIGNATURE_EXPIRED');
    }
    expect(await row(id)).to.deep.equal({ status: 'pending', captured_amount: 0, refunded_amount: 0 });
    expect((await deliver(body, signatureHeader(secret, body, now - 240)).expect(200)).body.result).to.equal('applied');
  });

  it('replays and transitions that no longer apply change nothing; payloads are validated after the signature', async () => {
    const { id } = await payment('cod');
    const failed = JSON.stringify({
      id: 'evt_fail_1',
      store: 'fashion',
      type: 'payment.failed',
      payment: id,
      code: 'bounced',
    });
    expect((await deliver(failed, signatureHeader(secret, failed), 'cod').expect(200)).body).to.deep.include({
      result: 'applied',
      status: 'failed',
    });
    expect((await deliver(failed, signatureHeader(secret, failed), 'cod').expect(200)).body.result).to.equal(
      'duplicate',
    );
    const late = JSON.stringify({ id: 'evt_cap_late', store: 'fashion', type: 'payment.captured', payment: id });
    expect((await deliver(late, signatureHeader(secret, late), 'cod').expect(200)).body).to.deep.include({
      result: 'ignored',
      status: 'failed',
    });
    expect(await row(id)).to.deep.include({ status: 'failed' });
    // Another provider's path does not reach this payment; another store's payment is not found either.
    const wrongProvider = JSON.stringify({ id: 'evt_wp_1', store: 'fashion', type: 'payment.cancelled', payment: id });
    expect(
      (await deliver(wrongProvider, signatureHeader(secret, wrongProvider), 'manual').expect(404)).body.error.code,
    ).to.equal('WZ_PAYMENTS_NOT_FOUND');
    const foreign = await payment('manual', 'techhub');
    const cross = JSON.stringify({
      id: 'evt_cross_1',
      store: 'fashion',
      type: 'payment.captured',
      payment: foreign.id,
    });
    expect((await deliver(cross, signatureHeader(secret, cross)).expect(404)).body.error.code).to.equal(
      'WZ_PAYMENTS_NOT_FOUND',
    );
    expect(await row(foreign.id)).to.deep.include({ status: 'pending' });
    const extra = JSON.stringify({ id: 'evt_x', store: 'fashion', type: 'payment.captured', payment: id, total: 1 });
    expect((await deliver(extra, signatureHeader(secret, extra)).expect(400)).body.error.code).to.equal(
      'WZ_PAYMENTS_WEBHOOK_INVALID',
    );
    expect((await deliver('not json', signatureHeader(secret, 'not json')).expect(400)).body.error.code).to.equal(
      'WZ_PAYMENTS_WEBHOOK_INVALID',
    );
    expect((await deliver('{}', signatureHeader(secret, '{}'), 'nope').expect(404)).body.error.code).to.equal(
      'WZ_PAYMENTS_PROVIDER_UNKNOWN',
    );
  });

  it('verifies the exact bytes received: a JSON-typed delivery is never checked against a re-serialisation', async () => {
    const { id } = await payment('manual');
    // Whitespace that JSON.stringify(JSON.parse(body)) would drop: only the raw bytes carry this signature.
    const body = `{ "id": "evt_json_1",\n  "store": "fashion", "type": "payment.captured", "payment": "${id}" }`;
    const res = await deliver(body, signatureHeader(secret, body), 'manual', 'application/json');
    // The host keeps the exact bytes of JSON bodies on shared APIs (req.wz.rawBody): verified over them and applied.
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.result).to.equal('applied');
    expect(await row(id)).to.deep.include({ status: 'captured' });
    // The same bytes with one space changed no longer match the signature: refused, nothing changes.
    const { id: other } = await payment('manual');
    const signed = `{ "id": "evt_json_2", "store": "fashion", "type": "payment.captured", "payment": "${other}" }`;
    const tampered = await deliver(
      signed.replace('{ ', '{'),
      signatureHeader(secret, signed),
      'manual',
      'application/json',
    );
    expect(tampered.status).to.equal(400);
    expect(await row(other)).to.deep.include({ status: 'pending' });
  });

  it('a rotated secret invalidates the old one at once', async () => {
    const token = await ownerToken(test, 'fashion');
    const old = secret;
    secret = (
      await request(test.app)
        .post('/api/v1/store/fashion/payments/settings/webhook-secret')
        .set(bearer(token))
        .expect(201)
    ).body.webhookSecret;
    const { id } = await payment('manual');
    const body = JSON.stringify({ id: 'evt_rot_1', store: 'fashion', type: 'payment.captured', payment: id });
    expect((await deliver(body, signatureHeader(old, body)).expect(400)).body.error.code).to.equal(
      'WZ_PAYMENTS_SIGNATURE_INVALID',
    );
    expect((await deliver(body, signatureHeader(secret, body)).expect(200)).body.result).to.equal('applied');
  });
});
