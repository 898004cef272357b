import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { ADDRESS, bearer, bootCheckout, createVariant, Guest, staffToken } from './helpers.js';

describe('checkout: steps in order, validated on the server', function () {
  this.timeout(180_000);
  let test: TestHost;
  let owner: string;
  let tee: string;
  let guest: Guest;

  before(async () => {
    test = await bootCheckout();
    owner = await staffToken(test, 'fashion');
    tee = await createVariant(test, owner, 'fashion', 'Steps Tee', 2500, 50);
    guest = new Guest(test, 'fashion');
    await guest.add(tee, 2);
  });
  after(async () => test?.stop());

  it('answers 409 WZ_CHECKOUT_CART_EMPTY without a cart', async () => {
    const res = await request(test.app).get('/api/v1/storefront/fashion/checkout').expect(409);
    expect(res.body.error.code).to.equal('WZ_CHECKOUT_CART_EMPTY');
    const stranger = new Guest(test, 'fashion');
    stranger.token = 'A'.repeat(43);
    expect((await stranger.get().expect(409)).body.error.code, 'an unknown cart token has no cart').to.equal(
      'WZ_CHECKOUT_CART_EMPTY',
    );
    expect((await stranger.put('contact', { email: 'x@example.com' }).expect(409)).body.error.code).to.equal(
      'WZ_CHECKOUT_CART_EMPTY',
    );
  });

  it('starts at the contact step and lists what the store offers', async () => {
    const { body } = await guest.get().expect(200);
    expect(body.state).to.include({ next: 'contact', email: null, billingSameAsShipping: true });
    expect(body.state.completed).to.deep.equal([]);
    expect(
      body.options.shipping.map((option: { code: string; amount: number }) => [option.code, option.amount]),
    ).to.deep.equal([
      ['standard', 490],
      ['express', 990],
    ]);
    expect(body.options.providers.map((provider: { code: string }) => provider.code)).to.have.members([
      'manual',
      'cod',
      'test',
    ]);
    expect(
      body.cart.lines.map((line: { variantId: string; quantity: number }) => [line.variantId, line.quantity]),
    ).to.deep.equal([[tee, 2]]);
  });

  it('refuses a step while an earlier one is missing, naming the missing step', async () => {
    const shipping = await guest.put('shipping', { code: 'standard' }).expect(409);
    expect(shipping.body.error).to.deep.include({
      code: 'WZ_CHECKOUT_STEP_INCOMPLETE',
      details: { step: 'shipping', missing: 'contact' },
    });
    const review = await guest.get('/review').expect(409);
    expect(review.body.error.details).to.deep.equal({ step: 'review', missing: 'contact' });
  });

  it('validates each step with its schema: bad values and unknown fields are 400 and change nothing', async () => {
    for (const body of [{ email: 'not-an-email' }, { email: 'a@example.com', price: 1 }, {}]) {
      expect((await guest.put('contact', body).expect(400)).body.error.code, JSON.stringify(body)).to.equal(
        'WZ_VALIDATION',
      );
    }
    const form = await guest.put('contact', 'email=a%40example.com').type('form').expect(415);
    expect(form.body.error.code).to.equal('WZ_CHECKOUT_JSON_REQUIRED');
    expect((await guest.get().expect(200)).body.state.email).to.equal(null);
    expect((await guest.put('contact', { email: 'ana@example.com' }).expect(200)).body.state).to.include({
      next: 'address',
      email: 'ana@example.com',
    });
    const bad = await guest
      .put('address', { shippingAddress: { ...ADDRESS, country: 'Luxembourg', postalCode: '' } })
      .expect(400);
    expect(bad.body.error.details.problems.map((problem: { path: string }) => problem.path)).to.include.members([
      '/shippingAddress/country',
      '/shippingAddress/postalCode',
    ]);
    const noBilling = await guest
      .put('address', { shippingAddress: ADDRESS, billingSameAsShipping: false })
      .expect(400);
    expect(noBilling.body.error.details.problems.map((problem: { path: string }) => problem.path)).to.include(
      '/billingAddress',
    );
    expect(
      (await guest.put('address', { shippingAddress: { ...ADDRESS, total: 1 } }).expect(400)).body.error.code,
    ).to.equal('WZ_VALIDATION');
  });

  it('saves the address with a separate billing address, then shipping and payment from what the store offers', async () => {
    const billing = { ...ADDRESS, name: 'Accounts Dept', line2: 'Floor 3' };
    const saved = await guest
      .put('address', { shippingAddress: ADDRESS, billingSameAsShipping: false, billingAddress: billing })
      .expect(200);
    expect(saved.body.state).to.include({ next: 'shipping', billingSameAsShipping: false });
    expect(saved.body.state.shippingAddress).to.deep.equal({ ...ADDRESS, line2: null, region: null, phone: null });
    expect(saved.body.state.billingAddress).to.deep.equal({ ...billing, region: null, phone: null });
    const unknown = await guest.put('shipping', { code: 'teleport' }).expect(422);
    expect(unknown.body.error).to.deep.include({
      code: 'WZ_CHECKOUT_SHIPPING_UNAVAILABLE',
      details: { code: 'teleport' },
    });
    await guest.put('shipping', { code: 'express' }).expect(200);
    const provider = await guest.put('payment', { provider: 'bitcoin' }).expect(422);
    expect(provider.body.error.code).to.equal('WZ_CHECKOUT_PAYMENT_UNAVAILABLE');
    const done = await guest.put('payment', { provider: 'test' }).expect(200);
    expect(done.body.state).to.include({ next: 'review', shippingCode: 'express', paymentProvider: 'test' });
    expect(done.body.state.completed).to.deep.equal(['contact', 'address', 'shipping', 'payment']);
  });

  it("reviews the server's quote: catalog prices, the chosen shipping rate, the store's tax", async () => {
    const { body } = await guest.get('/review').expect(200);
    expect(body.quote).to.include({
      currency: 'EUR',
      subtotal: 5000,
      shippingTotal: 990,
      grandTotal: 5990,
      taxInclusive: true,
    });
    expect(
      body.quote.lines.map((line: { variantId: string; unitPrice: number; lineTotal: number }) => [
        line.variantId,
        line.unitPrice,
        line.lineTotal,
      ]),
    ).to.deep.equal([[tee, 2500, 5000]]);
    expect(body.quote.taxTotal).to.be.greaterThan(0).and.lessThan(5990);
  });

  it('keeps later steps when an earlier one changes, and drops what the store no longer offers', async () => {
    const changed = await guest.put('contact', { email: 'other@example.com' }).expect(200);
    expect(changed.body.state).to.include({ next: 'review', shippingCode: 'express', paymentProvider: 'test' });
    const same = await guest.put('address', { shippingAddress: ADDRESS }).expect(200);
    expect(same.body.state).to.include({ next: 'review', billingSameAsShipping: true, billingAddress: null });
    // The store stops offering the test provider: the payment step reads as missing and must be chosen again.
    await request(test.app)
      .put('/api/v1/store/fashion/payments/settings')
      .set(bearer(owner))
      .send({ providers: ['manual', 'cod'] })
      .expect(200);
    try {
      const state = (await guest.get().expect(200)).body.state;
      expect(state).to.include({ next: 'payment', paymentProvider: null, shippingCode: 'express' });
      expect((await guest.get('/review').expect(409)).body.error.details.missing).to.equal('payment');
    } finally {
      await request(test.app)
        .put('/api/v1/store/fashion/payments/settings')
        .set(bearer(owner))
        .send({ providers: ['manual', 'cod', 'test'] })
        .expect(200);
    }
  });

  it("keeps each store's checkout apart: the same cookie has no cart in another store", async () => {
    const elsewhere = new Guest(test, 'techhub');
    elsewhere.token = guest.token;
    expect((await elsewhere.get().expect(409)).body.error.code).to.equal('WZ_CHECKOUT_CART_EMPTY');
  });

  it("prefills a signed-in customer's email and saved addresses", async () => {
    const registered = await request(test.app)
      .post('/api/v1/storefront/fashion/auth/register')
      .send({ email: 'prefill@example.com', password: 'prefill-password-1', name: 'Pre Fill' })
      .expect(201);
    const auth = bearer(registered.body.token);
    const saved = await request(test.app)
      .post('/api/v1/storefront/fashion/me/addresses')
      .set(auth)
      .send({ ...ADDRESS, name: 'Pre Fill' });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(201);
    await request(test.app)
      .post('/api/v1/storefront/fashion/cart/lines')
      .set(auth)
      .send({ variantId: tee })
      .expect(201);
    const { body } = await request(test.app).get('/api/v1/storefront/fashion/checkout').set(auth).expect(200);
    expect(body.prefill.email).to.equal('prefill@example.com');
    expect(
      body.prefill.addresses.map((address: { name: string; isDefault: boolean }) => [address.name, address.isDefault]),
    ).to.deep.equal([['Pre Fill', true]]);
    expect(body.state.email, 'prefill is a suggestion, the step is still to do').to.equal(null);
  });
});
