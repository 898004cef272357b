import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootOrders, createVariant, placeOrder, staffToken } from './helpers.js';

const API = '/api/v1/storefront/fashion/orders';
const PAGES = '/storefront/fashion/orders';

/** The flash messages a redirect leaves in core's `wz_flash` cookie (base64url JSON). */
function flashOf(res: { headers: Record<string, unknown> }): Array<{ type: string; message: string }> {
  const cookie = ((res.headers['set-cookie'] as string[] | undefined) ?? []).find((value) =>
    value.startsWith('wz_flash='),
  );
  return cookie
    ? JSON.parse(Buffer.from(decodeURIComponent(cookie.slice(9).split(';')[0]), 'base64url').toString('utf8'))
    : [];
}

/** The value of `name="<field>"` in an HTML form. */
const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

describe('orders: shoppers and the store dashboard pages', function () {
  this.timeout(180_000);
  let test: TestHost;
  let owner: string;
  let cap: string;
  let ada: { id: string; token: string };
  let bob: { id: string; token: string };
  let adaOrders: Array<{ id: string; number: number }>;
  let bobOrder: { id: string; number: number };
  let guestOrder: { id: string; number: number; email: string };

  const register = async (email: string, name: string) => {
    const res = await request(test.app)
      .post('/api/v1/storefront/fashion/auth/register')
      .send({ email, password: `${name}-password-1`, name })
      .expect(201);
    return { id: res.body.customer.id as string, token: res.body.token as string };
  };
  const lookup = (body: Record<string, unknown>) => request(test.app).post(`${API}/lookup`).send(body);

  before(async () => {
    // Low limits, so that guessing order numbers (or passwords) runs into them within the test.
    test = await bootOrders({
      WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '3',
      WIZAMART_ORDERS_LOOKUP_IP_MAX_ATTEMPTS: '8',
      WIZAMART_ORDERS_LOOKUP_NUMBER_MAX_ATTEMPTS: '3',
    });
    owner = await staffToken(test, 'fashion');
    cap = await createVariant(test, owner, 'fashion', 'Baseball Cap', 1900, { stock: 50 });
    ada = await register('ada@example.com', 'Ada');
    bob = await register('bob@example.com', 'Bob');
    adaOrders = [
      (
        await placeOrder(test, 'fashion', {
          lines: [{ variantId: cap, quantity: 1 }],
          customerId: ada.id,
          email: 'ada@example.com',
        })
      ).order,
      (
        await placeOrder(test, 'fashion', {
          lines: [{ variantId: cap, quantity: 2 }],
          customerId: ada.id,
          email: 'ada@example.com',
          provider: 'manual',
        })
      ).order,
    ];
    bobOrder = (
      await placeOrder(test, 'fashion', {
        lines: [{ variantId: cap, quantity: 1 }],
        customerId: bob.id,
        email: 'bob@example.com',
      })
    ).order;
    guestOrder = (
      await placeOrder(test, 'fashion', { lines: [{ variantId: cap, quantity: 3 }], email: 'Guest.Buyer@Example.com' })
    ).order;
  });
  after(async () => test?.stop());

  it('shows a signed-in customer only their own orders, newest first, without internal ids', async () => {
    const list = (await request(test.app).get(API).set(bearer(ada.token)).expect(200)).body;
    expect(list).to.include({ total: 2, page: 1 });
    expect(list.items.map((item: { number: number }) => item.number)).to.deep.equal([
      adaOrders[1].number,
      adaOrders[0].number,
    ]);
    const detail = (await request(test.app).get(`${API}/${adaOrders[0].id}`).set(bearer(ada.token)).expect(200)).body;
    expect(detail).to.include({ number: adaOrders[0].number, status: 'paid' });
    expect(detail).not.to.have.any.keys('customerId', 'paymentId', 'storeId', 'source');
    expect(detail.lines[0]).not.to.have.any.keys('reservationId', 'id');
    expect(detail.history[0]).not.to.have.any.keys('actor');
    expect(detail.history[0].by).to.deep.equal({ kind: 'you' });
    for (const id of [bobOrder.id, guestOrder.id]) {
      expect((await request(test.app).get(`${API}/${id}`).set(bearer(ada.token)).expect(404)).body.error.code).to.equal(
        'WZ_ORDERS_NOT_FOUND',
      );
    }
    expect(
      (await request(test.app).get(API).set(bearer(bob.token)).expect(200)).body.items.map(
        (item: { id: string }) => item.id,
      ),
    ).to.deep.equal([bobOrder.id]);
    await request(test.app).get(API).expect(401);
    await request(test.app).get('/api/v1/storefront/techhub/orders').set(bearer(ada.token)).expect(401);
    await request(test.app).get(API).set(bearer(owner)).expect(401);
  });

  it('lets the store fulfil an order and the shopper see the new status and tracking number', async () => {
    await request(test.app)
      .post(`/api/v1/store/fashion/orders/${adaOrders[0].id}/fulfil`)
      .set(bearer(owner))
      .send({ trackingNumber: 'LU-777', note: 'On its way!' })
      .expect(200);
    const detail = (await request(test.app).get(`${API}/${adaOrders[0].id}`).set(bearer(ada.token)).expect(200)).body;
    expect(detail).to.include({ status: 'fulfilled', trackingNumber: 'LU-777' });
    expect(detail.history.at(-1)).to.deep.include({ fromStatus: 'paid', toStatus: 'fulfilled', note: 'On its way!' });
    const page = await request(test.app).get(`${PAGES}/${adaOrders[0].id}`).set(bearer(ada.token)).expect(200);
    expect(page.text)
      .to.include('data-status="fulfilled"')
      .and.include('LU-777')
      .and.include('On its way!')
      .and.include('Shipped');
    expect(page.text, 'no staff ids on the shopper page').not.to.include('staff:');
    expect(detail.history.map((entry: { by: { kind: string } }) => entry.by.kind)).to.deep.equal(['you', 'store']);
    expect(page.text)
      .to.include('data-actor="store"')
      .and.include('data-actor="you"')
      .and.not.include('owner@fashion.local')
      .and.not.include('Fashion Owner');
    // The store sees who it was, in words.
    const store = (
      await request(test.app).get(`/api/v1/store/fashion/orders/${adaOrders[0].id}`).set(bearer(owner)).expect(200)
    ).body;
    expect(store.history.map((entry: { by: unknown }) => entry.by)).to.deep.equal([
      { kind: 'customer', name: 'Ada', email: 'ada@example.com' },
      { kind: 'staff', name: 'Fashion Owner', email: 'owner@fashion.local' },
    ]);
    const dashboard = await request(test.app)
      .get(`/store/fashion/orders/${adaOrders[0].id}`)
      .set(bearer(owner))
      .expect(200);
    expect(dashboard.text)
      .to.include('Customer Ada (ada@example.com)')
      .and.include('Fashion Owner (owner@fashion.local)');
    expect(dashboard.text, 'no raw actor ids').not.to.match(/(staff|customer):[0-9a-f]{8}-/);
  });

  it('finds a guest order by number and email (any case), and answers a wrong email like an unknown number', async () => {
    const found = (await lookup({ number: guestOrder.number, email: 'guest.buyer@example.COM ' }).expect(200)).body;
    expect(found).to.include({ id: guestOrder.id, number: guestOrder.number, status: 'paid' });
    expect(
      (await lookup({ number: `#${guestOrder.number}`, email: 'Guest.Buyer@Example.com' }).expect(200)).body.id,
    ).to.equal(guestOrder.id);
    const wrongEmail = await lookup({ number: guestOrder.number, email: 'ada@example.com' }).expect(404);
    const unknown = await lookup({ number: 999_999, email: 'guest.buyer@example.com' }).expect(404);
    expect(wrongEmail.body).to.deep.equal(unknown.body);
    expect(wrongEmail.body.error.code).to.equal('WZ_ORDERS_NOT_FOUND');
    expect(
      (
        await request(test.app)
          .post('/api/v1/storefront/techhub/orders/lookup')
          .send({ number: guestOrder.number, email: 'guest.buyer@example.com' })
          .expect(404)
      ).body.error.code,
    ).to.equal('WZ_ORDERS_NOT_FOUND');
    expect((await lookup({ number: 'abc', email: 'x@example.com' }).expect(400)).body.error.code).to.equal(
      'WZ_VALIDATION',
    );
    expect(
      (await lookup({ number: 1001, email: 'x@example.com', status: 'paid' }).expect(400)).body.error.code,
    ).to.equal('WZ_VALIDATION');
  });

  it('looks a guest order up through the page form, with its sign-in form token', async () => {
    const agent = request.agent(test.app);
    const form = await agent.get(`${PAGES}/lookup`).expect(200);
    const csrf = field(form.text, '_csrf')!;
    expect(csrf).to.be.a('string');
    const found = await agent
      .post(`${PAGES}/lookup`)
      .type('form')
      .send({ _csrf: csrf, number: String(guestOrder.number), email: guestOrder.email })
      .expect(200);
    expect(found.text).to.include(`data-order="${guestOrder.id}"`).and.include('Baseball Cap');
    expect(found.headers['cache-control']).to.equal('no-store');
    const miss = await agent
      .post(`${PAGES}/lookup`)
      .type('form')
      .send({ _csrf: csrf, number: String(guestOrder.number), email: 'someone@example.com' })
      .expect(404);
    expect(miss.text)
      .to.include('data-error')
      .and.include('We could not find an order with this number and email address.');
    expect(miss.text, 'the form keeps what was typed').to.include('value="someone@example.com"');
    const invalid = await agent
      .post(`${PAGES}/lookup`)
      .type('form')
      .send({ _csrf: csrf, number: 'x', email: '' })
      .expect(400);
    expect(invalid.text).to.include('Enter an order number');
    await request(test.app)
      .post(`${PAGES}/lookup`)
      .type('form')
      .send({ number: String(guestOrder.number), email: guestOrder.email })
      .expect(403);
  });

  it('sends guests to sign in and shows signed-in customers their history page', async () => {
    const guest = await request(test.app).get(PAGES).expect(303);
    expect(guest.headers.location).to.equal(`/storefront/fashion/customers/login?next=${encodeURIComponent(PAGES)}`);
    const page = await request(test.app).get(PAGES).set(bearer(ada.token)).expect(200);
    expect(page.text)
      .to.include(`data-number="${adaOrders[0].number}"`)
      .and.include(`data-number="${adaOrders[1].number}"`)
      .and.not.include(`data-number="${bobOrder.number}"`);
    await request(test.app).get(`${PAGES}/${bobOrder.id}`).set(bearer(ada.token)).expect(404);
    const home = await request(test.app).get('/storefront/fashion').set(bearer(ada.token)).expect(200);
    expect(home.text).to.include('data-menu="orders.orders"').and.include('data-menu="orders.lookup"');
    const anonymous = await request(test.app).get('/storefront/fashion').expect(200);
    expect(anonymous.text).to.include('data-menu="orders.lookup"').and.not.include('data-menu="orders.orders"');
  });

  it('gives the store a list with filters, an order page with action forms, and a settings page', async () => {
    const list = await request(test.app)
      .get('/store/fashion/orders')
      .query({ status: 'paid', q: 'bob' })
      .set(bearer(owner))
      .expect(200);
    expect(list.text)
      .to.include(`data-number="${bobOrder.number}"`)
      .and.not.include(`data-number="${guestOrder.number}"`);
    expect(list.text).to.include('<option value="paid" selected>');
    const detail = await request(test.app).get(`/store/fashion/orders/${bobOrder.id}`).set(bearer(owner)).expect(200);
    expect(detail.text)
      .to.include('data-form="fulfil"')
      .and.include('data-form="cancel"')
      .and.include('data-form="refund"')
      .and.not.include('data-form="mark-paid"');
    expect(detail.text).to.include('data-payment-status="captured"').and.include('Ada Shopper');
    const fulfil = await request(test.app)
      .post(`/store/fashion/orders/${bobOrder.id}/fulfil`)
      .set(bearer(owner))
      .type('form')
      .send({ trackingNumber: 'TRACK-42', note: '' })
      .expect(303);
    expect(fulfil.headers.location).to.equal(`/store/fashion/orders/${bobOrder.id}`);
    expect(flashOf(fulfil)).to.deep.equal([{ type: 'success', message: 'The order is marked shipped.' }]);
    const after = await request(test.app).get(`/store/fashion/orders/${bobOrder.id}`).set(bearer(owner)).expect(200);
    expect(after.text).to.include('TRACK-42').and.include('data-form="deliver"');
    // A form for a step the status no longer allows comes back with an error message, not a crash.
    const refused = await request(test.app)
      .post(`/store/fashion/orders/${bobOrder.id}/mark-paid`)
      .set(bearer(owner))
      .type('form')
      .send({})
      .expect(303);
    expect(flashOf(refused)).to.deep.equal([
      {
        type: 'error',
        message: "The order's status does not allow this (any more). Reload the page to see where it stands.",
      },
    ]);
    await request(test.app)
      .get('/store/fashion/orders/00000000-0000-4000-8000-000000000000')
      .set(bearer(owner))
      .expect(404);
    const staff = await staffToken(test, 'fashion', 'staff@fashion.local');
    expect(
      (await request(test.app).get(`/store/fashion/orders/${bobOrder.id}`).set(bearer(staff)).expect(200)).text,
    ).not.to.include('data-form="deliver"');
    await request(test.app)
      .post(`/store/fashion/orders/${bobOrder.id}/deliver`)
      .set(bearer(staff))
      .type('form')
      .send({})
      .expect(403);
    const settings = await request(test.app).get('/store/fashion/orders/settings').set(bearer(owner)).expect(200);
    expect(settings.text).to.include('data-rate="standard"').and.include('value="4.90"').and.include('value="17"');
    const added = await request(test.app)
      .post('/store/fashion/orders/settings/rates')
      .set(bearer(owner))
      .type('form')
      .send({ code: 'courier', name: 'Courier', amount: '12,50', position: '3', active: 'on' })
      .expect(303);
    expect(flashOf(added)).to.deep.equal([{ type: 'success', message: 'Shipping rate added.' }]);
    await request(test.app)
      .post('/store/fashion/orders/settings/tax')
      .set(bearer(owner))
      .type('form')
      .send({ taxRate: '8.5' })
      .expect(303);
    const saved = (await request(test.app).get('/api/v1/store/fashion/orders/settings').set(bearer(owner)).expect(200))
      .body;
    expect(saved).to.include({ taxRateBasisPoints: 850, taxInclusive: false });
    expect(saved.shippingRates.find((rate: { code: string }) => rate.code === 'courier')).to.include({
      amount: 1250,
      position: 3,
      active: true,
    });
    // A form mistake shows the settings page again (400), the typed values kept and the message beside the amount.
    const bad = await request(test.app)
      .post('/store/fashion/orders/settings/rates')
      .set(bearer(owner))
      .type('form')
      .send({ code: 'x', name: 'X', amount: '1.234' })
      .expect(400);
    expect(bad.text)
      .to.include('data-error="add-rate"')
      .and.include('value="1.234"')
      .and.include('id="new-code" name="code" value="x"');
    expect(bad.text).to.match(/id="new-amount"[^>]*aria-invalid="true" aria-describedby="new-amount-error"/);
    expect(bad.text).to.include(
      '<p class="wz-field-error" id="new-amount-error" data-field-error="new-amount">Enter an amount such as 4.90</p>',
    );
    const badTax = await request(test.app)
      .post('/store/fashion/orders/settings/tax?lang=de')
      .set(bearer(owner))
      .type('form')
      .send({ taxRate: '170' })
      .expect(400);
    expect(badTax.text)
      .to.include('data-field-error="tax-rate">Bitte einen Prozentsatz wie 17 oder 8,5 eingeben</p>')
      .and.include('value="170"');
  });

  it('names a team member who left the store as a former one', async () => {
    const manager = {
      email: 'temp.manager@fashion.local',
      name: 'Temp Manager',
      password: 'temp-manager-1',
      role: 'manager',
    };
    const added = await request(test.app)
      .post('/api/v1/store/fashion/tenancy/team')
      .set(bearer(owner))
      .send(manager)
      .expect(201);
    const token = (
      await request(test.app)
        .post('/api/v1/store/fashion/auth/login')
        .send({ email: manager.email, password: manager.password })
        .expect(200)
    ).body.token as string;
    const { order } = await placeOrder(test, 'fashion', {
      lines: [{ variantId: cap, quantity: 1 }],
      email: 'later@example.com',
    });
    await request(test.app)
      .post(`/api/v1/store/fashion/orders/${order.id}/cancel`)
      .set(bearer(token))
      .send({})
      .expect(200);
    const byOf = async () =>
      (
        await request(test.app).get(`/api/v1/store/fashion/orders/${order.id}`).set(bearer(owner)).expect(200)
      ).body.history.map((entry: { by: unknown }) => entry.by);
    expect(await byOf()).to.deep.equal([
      { kind: 'guest' },
      { kind: 'staff', name: 'Temp Manager', email: manager.email },
    ]);
    await request(test.app)
      .delete(`/api/v1/store/fashion/tenancy/team/${added.body.userId}`)
      .set(bearer(owner))
      .expect(204);
    expect(await byOf()).to.deep.equal([{ kind: 'guest' }, { kind: 'former-staff' }]);
  });

  const lookupFrom = (ip: string, body: Record<string, unknown>) =>
    request(test.app).post(`${API}/lookup`).set('x-forwarded-for', ip).send(body);
  const signInFrom = (ip: string, password: string) =>
    request(test.app)
      .post('/api/v1/storefront/fashion/auth/login')
      .set('x-forwarded-for', ip)
      .send({ email: 'ada@example.com', password });

  it('limits failed guest lookups per client address in their own bucket, which sign-ins do not share', async () => {
    for (let n = 0; n < 8; n++)
      await lookupFrom('10.7.0.1', { number: 500_000 + n, email: 'guess@example.com' }).expect(404);
    const limited = await lookupFrom('10.7.0.1', { number: 500_100, email: 'guess@example.com' }).expect(429);
    expect(limited.body.error.code).to.equal('WZ_RATE_LIMITED');
    expect(limited.body.error.message).not.to.match(/sign-in/i);
    expect(Number(limited.headers['retry-after'])).to.be.within(1, 900);
    expect(
      (await lookupFrom('10.7.0.1', { number: guestOrder.number, email: guestOrder.email }).expect(429)).body.error
        .code,
      'even a right guess waits',
    ).to.equal('WZ_RATE_LIMITED');
    await lookupFrom('10.7.0.9', { number: guestOrder.number, email: guestOrder.email }).expect(200);
    // The page says so in words, with Retry-After.
    const agent = request.agent(test.app);
    const csrf = field((await agent.get(`${PAGES}/lookup`).expect(200)).text, '_csrf')!;
    const page = await agent
      .post(`${PAGES}/lookup`)
      .set('x-forwarded-for', '10.7.0.1')
      .type('form')
      .send({ _csrf: csrf, number: String(guestOrder.number), email: guestOrder.email })
      .expect(429);
    expect(page.text).to.include('data-error').and.include('Too many attempts');
    expect(Number(page.headers['retry-after'])).to.be.greaterThan(0);
    // Sign-ins from the same address are counted apart: the right password works, a wrong one is a plain 401.
    await signInFrom('10.7.0.1', 'Ada-password-1').expect(200);
    await signInFrom('10.7.0.1', 'wrong-password').expect(401);
  });

  it('does not let failed sign-ins use up the lookups of an address', async () => {
    for (let n = 0; n < 3; n++) await signInFrom('10.7.0.2', 'wrong-password').expect(401);
    expect((await signInFrom('10.7.0.2', 'Ada-password-1').expect(429)).body.error.code).to.equal(
      'WZ_AUTH_RATE_LIMITED',
    );
    expect(
      (await lookupFrom('10.7.0.2', { number: guestOrder.number, email: guestOrder.email }).expect(200)).body.id,
    ).to.equal(guestOrder.id);
    await lookupFrom('10.7.0.2', { number: 500_200, email: 'guess@example.com' }).expect(404);
  });

  it('limits failed lookups of one order number from any address, and not other numbers', async () => {
    const { order } = await placeOrder(test, 'fashion', {
      lines: [{ variantId: cap, quantity: 1 }],
      email: 'target@example.com',
    });
    for (let n = 0; n < 3; n++)
      await lookupFrom(`10.7.1.${n}`, { number: order.number, email: `guess${n}@example.com` }).expect(404);
    expect(
      (await lookupFrom('10.7.1.9', { number: order.number, email: 'guess9@example.com' }).expect(429)).body.error.code,
    ).to.equal('WZ_RATE_LIMITED');
    await lookupFrom('10.7.2.1', { number: order.number, email: 'target@example.com' }).expect(429);
    await lookupFrom('10.7.2.1', { number: bobOrder.number, email: 'bob@example.com' }).expect(200);
    // The same number in another store is another order, counted apart.
    await request(test.app)
      .post('/api/v1/storefront/techhub/orders/lookup')
      .set('x-forwarded-for', '10.7.2.1')
      .send({ number: order.number, email: 'target@example.com' })
      .expect(404);
  });
});
