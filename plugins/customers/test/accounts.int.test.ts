import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCustomers, DEMO_PASSWORD, register, runSeeds } from './helpers.js';

const api = (store: string) => `/api/v1/storefront/${store}/customers`;

describe('customers: storefront accounts', () => {
  let test: TestHost;
  before(async () => {
    test = await bootCustomers();
  });
  after(async () => test?.stop());

  it('makes the same email two separate customers in two stores', async () => {
    const inFashion = await register(test, 'fashion', {
      email: 'twin@example.com',
      password: 'fashion-pass-1',
      name: 'Twin in Fashion',
    });
    const inTech = await register(test, 'techhub', {
      email: 'twin@example.com',
      password: 'techhub-pass-2',
      name: 'Twin in Tech',
    });
    expect(inFashion.customer.id).not.to.equal(inTech.customer.id);
    expect(inFashion.token).to.be.a('string');
    expect(Date.parse(inFashion.expiresAt)).to.be.greaterThan(Date.now());
    // Each store checks its own password.
    await request(test.app)
      .post(`${api('fashion')}/auth/login`)
      .send({ email: 'twin@example.com', password: 'techhub-pass-2' })
      .expect(401);
    const login = await request(test.app)
      .post(`${api('techhub')}/auth/login`)
      .send({ email: 'TWIN@example.com', password: 'techhub-pass-2' })
      .expect(200);
    const me = await request(test.app)
      .get(`${api('techhub')}/me`)
      .set(bearer(login.body.token))
      .expect(200);
    expect(me.body).to.include({ id: inTech.customer.id, email: 'twin@example.com', name: 'Twin in Tech' });
    expect(me.body).not.to.have.property('passwordHash');
    const rows = await test.db('customers.customers').where({ email: 'twin@example.com' });
    expect(rows).to.have.length(2);
  });

  it('refuses a second account with the same email in one store, whatever its case', async () => {
    await register(test, 'fashion', { email: 'once@example.com', password: 'long-enough', name: 'Once' });
    const res = await request(test.app)
      .post(`${api('fashion')}/auth/register`)
      .send({ email: 'Once@Example.COM', password: 'long-enough', name: 'Twice' })
      .expect(409);
    expect(res.body.error.code).to.equal('WZ_CUSTOMERS_EMAIL_TAKEN');
  });

  it('validates registrations', async () => {
    for (const body of [
      { email: 'not-an-email', password: 'long-enough', name: 'x' },
      { email: 'a@b.co', password: 'short', name: 'x' },
      { email: 'a@b.co', password: 'long-enough', name: '' },
      { email: 'a@b.co', password: 'long-enough', name: 'x', admin: true },
    ]) {
      const res = await request(test.app)
        .post(`${api('fashion')}/auth/register`)
        .send(body)
        .expect(400);
      expect(res.body.error.code, JSON.stringify(body)).to.equal('WZ_VALIDATION');
    }
  });

  it('answers wrong passwords and unknown emails alike', async () => {
    const wrong = await request(test.app)
      .post(`${api('fashion')}/auth/login`)
      .send({ email: 'shopper@fashion.local', password: 'not-the-password' })
      .expect(401);
    const unknown = await request(test.app)
      .post(`${api('fashion')}/auth/login`)
      .send({ email: 'nobody@fashion.local', password: 'not-the-password' })
      .expect(401);
    expect(wrong.body.error.code).to.equal('WZ_AUTH_INVALID_CREDENTIALS');
    expect(unknown.body).to.deep.equal(wrong.body);
  });

  it('rejects a customer token of store A on store B', async () => {
    const login = await request(test.app)
      .post(`${api('fashion')}/auth/login`)
      .send({ email: 'shopper@fashion.local', password: DEMO_PASSWORD })
      .expect(200);
    await request(test.app)
      .get(`${api('fashion')}/me`)
      .set(bearer(login.body.token))
      .expect(200);
    const res = await request(test.app)
      .get(`${api('techhub')}/me`)
      .set(bearer(login.body.token))
      .expect(401);
    expect(res.body.error.code).to.equal('WZ_AUTH_UNAUTHENTICATED');
    await request(test.app)
      .get(`${api('techhub')}/me/addresses`)
      .set(bearer(login.body.token))
      .expect(401);
    // Nor is a storefront token a staff token.
    await request(test.app).get('/api/v1/store/fashion/customers').set(bearer(login.body.token)).expect(401);
  });

  it('needs a signed-in customer for the account API', async () => {
    await request(test.app)
      .get(`${api('fashion')}/me`)
      .expect(401);
    await request(test.app)
      .get(`${api('fashion')}/me`)
      .set(bearer('not.a.token'))
      .expect(401);
  });

  it('manages the profile and addresses, with one default', async () => {
    const { token } = await register(test, 'fashion', {
      email: 'addr@example.com',
      password: 'long-enough',
      name: 'Addr',
    });
    const home = await request(test.app)
      .post(`${api('fashion')}/me/addresses`)
      .set(bearer(token))
      .send({ name: 'Addr Home', line1: '1 Rue de la Gare', postalCode: 'L-1611', city: 'Luxembourg', country: 'LU' })
      .expect(201);
    expect(home.body.isDefault, 'the first address becomes the default').to.equal(true);
    const work = await request(test.app)
      .post(`${api('fashion')}/me/addresses`)
      .set(bearer(token))
      .send({
        name: 'Addr Work',
        line1: '2 Avenue JFK',
        postalCode: '1855',
        city: 'Kirchberg',
        country: 'LU',
        isDefault: true,
      })
      .expect(201);
    const list = await request(test.app)
      .get(`${api('fashion')}/me/addresses`)
      .set(bearer(token))
      .expect(200);
    expect(list.body.items.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault])).to.deep.equal([
      [work.body.id, true],
      [home.body.id, false],
    ]);
    await request(test.app)
      .patch(`${api('fashion')}/me/addresses/${home.body.id}`)
      .set(bearer(token))
      .send({ isDefault: true, city: 'Esch' })
      .expect(200);
    const after = await request(test.app)
      .get(`${api('fashion')}/me/addresses`)
      .set(bearer(token))
      .expect(200);
    expect(
      after.body.items.filter((a: { isDefault: boolean }) => a.isDefault).map((a: { city: string }) => a.city),
    ).to.deep.equal(['Esch']);
    await request(test.app)
      .post(`${api('fashion')}/me/addresses`)
      .set(bearer(token))
      .send({ name: 'x', line1: 'y', postalCode: '1', city: 'z', country: 'lux' })
      .expect(400);
    const profile = await request(test.app)
      .patch(`${api('fashion')}/me`)
      .set(bearer(token))
      .send({ name: 'Addr Renamed', phone: '+352 621 000 000' })
      .expect(200);
    expect(profile.body).to.include({ name: 'Addr Renamed', phone: '+352 621 000 000' });
    await request(test.app)
      .delete(`${api('fashion')}/me/addresses/${work.body.id}`)
      .set(bearer(token))
      .expect(204);
  });

  it('never lets a customer touch another customer’s addresses', async () => {
    const owner = await register(test, 'fashion', {
      email: 'owner-addr@example.com',
      password: 'long-enough',
      name: 'Owner',
    });
    const other = await register(test, 'fashion', {
      email: 'other-addr@example.com',
      password: 'long-enough',
      name: 'Other',
    });
    const address = await request(test.app)
      .post(`${api('fashion')}/me/addresses`)
      .set(bearer(owner.token))
      .send({ name: 'Owner', line1: '1 Main St', postalCode: '1000', city: 'Town', country: 'LU' })
      .expect(201);
    await request(test.app)
      .patch(`${api('fashion')}/me/addresses/${address.body.id}`)
      .set(bearer(other.token))
      .send({ city: 'Stolen' })
      .expect(404);
    await request(test.app)
      .delete(`${api('fashion')}/me/addresses/${address.body.id}`)
      .set(bearer(other.token))
      .expect(404);
    const still = await request(test.app)
      .get(`${api('fashion')}/me/addresses`)
      .set(bearer(owner.token))
      .expect(200);
    expect(still.body.items[0]).to.include({ city: 'Town', isDefault: true });
  });

  it('seeds the demo shopper once', async () => {
    await runSeeds(test, 'demo');
    const rows = await test.db('customers.customers').where({ email: 'shopper@fashion.local' });
    expect(rows).to.have.length(1);
  });
});
