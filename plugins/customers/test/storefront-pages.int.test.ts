import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bootCustomers, csrfOf, DEMO_PASSWORD } from './helpers.js';

describe('customers: storefront pages', () => {
  let test: TestHost;
  before(async () => {
    test = await bootCustomers();
  });
  after(async () => test?.stop());

  it('registers through the form, signs in with a session cookie and shows the account', async () => {
    const agent = request.agent(test.app);
    const form = await agent.get('/storefront/fashion/customers/register').expect(200);
    await agent
      .post('/storefront/fashion/customers/register')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: 'page@example.com', password: 'long-enough', name: 'Page Person' })
      .expect(303)
      .expect('location', '/storefront/fashion/customers/account');
    const account = await agent.get('/storefront/fashion/customers/account').expect(200);
    expect(account.text).to.include('page@example.com');
    await agent
      .post('/storefront/fashion/customers/account/profile')
      .type('form')
      .send({ _csrf: csrfOf(account.text), name: 'Page Renamed', phone: '' })
      .expect(303);
    await agent
      .post('/storefront/fashion/customers/account/addresses')
      .type('form')
      .send({
        _csrf: csrfOf(account.text),
        name: 'Page Renamed',
        line1: '5 Grand-Rue',
        postalCode: '1660',
        city: 'Luxembourg',
        country: 'lu',
      })
      .expect(303);
    const updated = await agent.get('/storefront/fashion/customers/account').expect(200);
    expect(updated.text).to.include('Page Renamed').and.to.include('5 Grand-Rue');
  });

  it('refuses a form post without the CSRF token of the session', async () => {
    const agent = request.agent(test.app);
    const form = await agent.get('/storefront/fashion/customers/login').expect(200);
    await agent
      .post('/storefront/fashion/customers/login')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: 'shopper@fashion.local', password: DEMO_PASSWORD })
      .expect(303);
    await agent
      .post('/storefront/fashion/customers/account/profile')
      .type('form')
      .send({ name: 'CSRF victim' })
      .expect(403);
    await agent
      .post('/storefront/fashion/customers/login')
      .type('form')
      .send({ email: 'shopper@fashion.local', password: DEMO_PASSWORD })
      .expect(403);
  });

  it('shows a wrong password on the form', async () => {
    const agent = request.agent(test.app);
    const form = await agent.get('/storefront/fashion/customers/login').expect(200);
    const res = await agent
      .post('/storefront/fashion/customers/login')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: 'shopper@fashion.local', password: 'wrong-password' })
      .expect(401);
    expect(res.text).to.include('data-error').and.to.include('value="shopper@fashion.local"');
  });

  it('shows a bad registration beside its fields, in the page language, keeping what was typed', async () => {
    const agent = request.agent(test.app);
    const form = await agent.get('/storefront/fashion/customers/register?lang=fr').expect(200);
    const body = { _csrf: csrfOf(form.text), name: 'Anne', email: 'not-an-email', password: 'short' };
    const res = await agent.post('/storefront/fashion/customers/register').type('form').send(body).expect(400);
    expect(res.text).to.include('value="Anne"').and.include('value="not-an-email"');
    expect(res.text).to.include('data-field-error="register-email">Saisissez une adresse e-mail valide</p>');
    expect(res.text).to.match(/id="register-email"[^>]*aria-invalid="true" aria-describedby="register-email-error"/);
    expect(res.text).not.to.match(/must match|must NOT|Invalid input/);
  });

  it('sends signed-out shoppers from the account page to the sign-in page', async () => {
    const res = await request(test.app).get('/storefront/fashion/customers/account').expect(303);
    expect(res.headers.location).to.equal(
      '/storefront/fashion/customers/login?next=%2Fstorefront%2Ffashion%2Fcustomers%2Faccount',
    );
  });

  it('does not carry a fashion session over to techhub', async () => {
    const agent = request.agent(test.app);
    const form = await agent.get('/storefront/fashion/customers/login').expect(200);
    const login = await agent
      .post('/storefront/fashion/customers/login')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: 'shopper@fashion.local', password: DEMO_PASSWORD })
      .expect(303);
    const cookie = login.headers['set-cookie'] as unknown as string[];
    const session = cookie.find((line) => line.startsWith('wz_storefront='))!.split(';')[0];
    await request(test.app).get('/storefront/fashion/customers/account').set('cookie', session).expect(200);
    await request(test.app).get('/storefront/techhub/customers/account').set('cookie', session).expect(303);
  });

  it('signs out', async () => {
    const agent = request.agent(test.app);
    const form = await agent.get('/storefront/fashion/customers/login').expect(200);
    await agent
      .post('/storefront/fashion/customers/login')
      .type('form')
      .send({ _csrf: csrfOf(form.text), email: 'shopper@fashion.local', password: DEMO_PASSWORD })
      .expect(303);
    const account = await agent.get('/storefront/fashion/customers/account').expect(200);
    await agent
      .post('/storefront/fashion/customers/logout')
      .type('form')
      .send({ _csrf: csrfOf(account.text) })
      .expect(303);
    await agent.get('/storefront/fashion/customers/account').expect(303);
  });
});
