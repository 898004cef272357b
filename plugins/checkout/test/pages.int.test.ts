import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCheckout, CARDS, setStock, staffToken, stockOf } from './helpers.js';

const BASE = '/storefront/fashion/checkout';
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
const field = (html: string, name: string) => new RegExp(`name="${name}"[^>]*? value="([^"]*)"`).exec(html)?.[1];

/** The checkout pages as a browser without JavaScript uses them: forms post, the server redirects (PRG). */
describe('checkout: pages without JavaScript', function () {
  this.timeout(180_000);
  let test: TestHost;
  let tee: string;

  before(async () => {
    test = await bootCheckout();
    // Two options, so the review and the confirmation must show which size and colour is bought.
    const owner = await staffToken(test, 'fashion');
    const product = await request(test.app)
      .post('/api/v1/store/fashion/catalog/products')
      .set(bearer(owner))
      .send({
        title: 'Page Tee',
        status: 'active',
        options: [
          { name: 'Size', values: ['M', 'L'] },
          { name: 'Colour', values: ['Navy'] },
        ],
        variants: [
          { sku: 'PAGE-TEE-M', price: 2500, optionValues: { Size: 'M', Colour: 'Navy' } },
          { sku: 'PAGE-TEE-L', price: 2500, optionValues: { Size: 'L', Colour: 'Navy' } },
        ],
      })
      .expect(201);
    tee = (product.body.variants as Array<{ id: string; sku: string }>).find(
      (variant) => variant.sku === 'PAGE-TEE-L',
    )!.id;
    await setStock(test, owner, 'fashion', tee, 10);
  });
  after(async () => test?.stop());

  it('sends a shopper without a cart back to the cart page', async () => {
    const res = await request(test.app).get(`${BASE}/contact`).expect(303);
    expect(res.headers.location).to.equal('/storefront/fashion/cart');
  });

  it('walks a guest through every step with per-field errors, a declined card, then the order and its confirmation', async () => {
    const agent = request.agent(test.app);
    const csrf = csrfOf((await agent.get('/storefront/fashion/customers/login').expect(200)).text)!;
    await agent
      .post('/storefront/fashion/cart/add')
      .type('form')
      .send({ _csrf: csrf, variantId: tee, quantity: '2' })
      .expect(303);
    expect((await agent.get(BASE).expect(303)).headers.location).to.equal(`${BASE}/contact`);

    const contact = await agent.get(`${BASE}/contact`).expect(200);
    expect(contact.text)
      .to.include('data-form="contact"')
      .and.to.include('data-steps')
      .and.to.include('data-subtotal="5000"');
    expect(contact.text).to.include('name="viewport"');
    expect(
      (await agent.post(`${BASE}/contact`).type('form').send({ email: 'a@b.lu' })).status,
      'the form token is checked',
    ).to.equal(403);
    const badEmail = await agent.post(`${BASE}/contact`).type('form').send({ _csrf: csrf, email: 'nope' }).expect(400);
    expect(badEmail.text)
      .to.include('data-field-error="email"')
      .and.to.include('Enter an email address')
      .and.to.include('value="nope"');
    expect(
      (await agent.post(`${BASE}/contact`).type('form').send({ _csrf: csrf, email: 'page@example.com' }).expect(303))
        .headers.location,
    ).to.equal(`${BASE}/address`);

    const skipped = await agent.get(`${BASE}/payment`).expect(303);
    expect(skipped.headers.location, 'a later step sends the shopper to the missing one').to.equal(`${BASE}/address`);
    const address = {
      _csrf: csrf,
      shipping_name: 'Page Shopper',
      shipping_line1: '2 Avenue',
      shipping_postalCode: 'L-2222',
      shipping_city: '',
      shipping_country: 'lu',
      billingSameAsShipping: 'on',
    };
    const missingCity = await agent.post(`${BASE}/address`).type('form').send(address).expect(400);
    expect(missingCity.text)
      .to.include('data-field-error="shipping_city"')
      .and.to.include('Please fill in this field.');
    expect(field(missingCity.text, 'shipping_name'), 'what was typed stays').to.equal('Page Shopper');
    expect(
      (
        await agent
          .post(`${BASE}/address`)
          .type('form')
          .send({ ...address, shipping_city: 'Esch' })
          .expect(303)
      ).headers.location,
    ).to.equal(`${BASE}/shipping`);

    const shipping = await agent.get(`${BASE}/shipping`).expect(200);
    expect(shipping.text).to.include('data-shipping="standard"').and.to.include('data-shipping="express"');
    expect(
      (await agent.post(`${BASE}/shipping`).type('form').send({ _csrf: csrf, code: 'express' }).expect(303)).headers
        .location,
    ).to.equal(`${BASE}/payment`);
    const unknown = await agent
      .post(`${BASE}/payment`)
      .type('form')
      .send({ _csrf: csrf, provider: 'bitcoin' })
      .expect(422);
    expect(unknown.text).to.include('data-error').and.to.include('This payment method is not available');
    expect(
      (await agent.post(`${BASE}/payment`).type('form').send({ _csrf: csrf, provider: 'test' }).expect(303)).headers
        .location,
    ).to.equal(`${BASE}/review`);

    const review = await agent.get(`${BASE}/review`).expect(200);
    expect(review.text)
      .to.include('data-grand-total="5990"')
      .and.to.include('name="input_cardNumber"')
      .and.to.include('Esch');
    expect(review.text, 'the review shows the chosen options').to.include('PAGE-TEE-L · Size: L · Colour: Navy');
    const key = field(review.text, 'idempotencyKey')!;
    expect(key).to.match(/^[0-9a-f-]{36}$/);
    const declined = await agent
      .post(`${BASE}/place`)
      .type('form')
      .send({ _csrf: csrf, idempotencyKey: key, expectedTotal: '5990', input_cardNumber: CARDS.decline })
      .expect(303);
    expect(declined.headers.location).to.equal(`${BASE}/review`);
    const again = await agent.get(`${BASE}/review`).expect(200);
    expect(again.text).to.include('The payment was declined (card_declined)');
    expect(await stockOf(test, tee)).to.deep.equal({ onHand: 10, reserved: 0 });

    const fresh = field(again.text, 'idempotencyKey')!;
    expect(fresh, 'every review gets a new key').not.to.equal(key);
    const form = { _csrf: csrf, idempotencyKey: fresh, expectedTotal: '5990', input_cardNumber: CARDS.approve };
    const placed = await agent.post(`${BASE}/place`).type('form').send(form).expect(303);
    expect(placed.headers.location).to.match(new RegExp(`^${BASE}/complete/[0-9a-f-]{36}$`));
    const resent = await agent.post(`${BASE}/place`).type('form').send(form).expect(303);
    expect(resent.headers.location, 'a double submit lands on the same order').to.equal(placed.headers.location);
    const done = await agent.get(placed.headers.location).expect(200);
    expect(done.text)
      .to.include('data-order-number=')
      .and.to.include('Page Tee')
      .and.to.include('data-status="paid"')
      .and.to.include('/storefront/fashion/orders/lookup');
    expect(done.text, 'the confirmation shows the chosen options').to.include('PAGE-TEE-L · Size: L · Colour: Navy');
    expect(await stockOf(test, tee)).to.deep.equal({ onHand: 8, reserved: 0 });
    expect((await request(test.app).get(placed.headers.location)).status, 'nobody else sees the confirmation').to.equal(
      404,
    );
  });

  it('renders the steps in every shipped language', async () => {
    const agent = request.agent(test.app);
    const csrf = csrfOf((await agent.get('/storefront/fashion/customers/login').expect(200)).text)!;
    await agent
      .post('/storefront/fashion/cart/add')
      .type('form')
      .send({ _csrf: csrf, variantId: tee, quantity: '1' })
      .expect(303);
    for (const [lang, text] of [
      ['de', 'Kasse: Kontakt'],
      ['fr', 'Commande : contact'],
      ['lb', 'Keess: Kontakt'],
      ['en', 'Checkout: contact'],
    ]) {
      expect((await agent.get(`${BASE}/contact?lang=${lang}`).expect(200)).text, lang).to.include(text);
    }
  });
});
