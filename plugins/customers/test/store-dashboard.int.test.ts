import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootCustomers, register, staffToken } from './helpers.js';

describe('customers: store dashboard', () => {
  let test: TestHost;
  let fashionOwner: string;
  let fashionStaff: string;
  let techhubOwner: string;
  let fashionCustomer: string;
  before(async () => {
    test = await bootCustomers();
    [fashionOwner, fashionStaff, techhubOwner] = await Promise.all([
      staffToken(test, 'owner@fashion.local', 'fashion'),
      staffToken(test, 'staff@fashion.local', 'fashion'),
      staffToken(test, 'owner@techhub.local', 'techhub'),
    ]);
    fashionCustomer = (
      await register(test, 'fashion', { email: 'alice@example.com', password: 'long-enough', name: 'Alice Fashion' })
    ).customer.id;
    for (let n = 1; n <= 3; n++)
      await register(test, 'fashion', { email: `buyer${n}@example.com`, password: 'long-enough', name: `Buyer ${n}` });
    await register(test, 'techhub', { email: 'bob@example.com', password: 'long-enough', name: 'Bob Tech' });
  });
  after(async () => test?.stop());

  it('lists, searches and pages the store’s customers', async () => {
    const all = await request(test.app).get('/api/v1/store/fashion/customers').set(bearer(fashionOwner)).expect(200);
    expect(all.body.total).to.equal(5);
    expect(all.body.items.map((c: { email: string }) => c.email))
      .to.include.members(['alice@example.com', 'shopper@fashion.local'])
      .and.not.to.include('bob@example.com');
    expect(all.body.items[0]).not.to.have.property('passwordHash');
    const byName = await request(test.app)
      .get('/api/v1/store/fashion/customers')
      .query({ q: 'alice fash' })
      .set(bearer(fashionOwner))
      .expect(200);
    expect(byName.body.items.map((c: { id: string }) => c.id)).to.deep.equal([fashionCustomer]);
    const byEmail = await request(test.app)
      .get('/api/v1/store/fashion/customers')
      .query({ q: 'BUYER' })
      .set(bearer(fashionOwner))
      .expect(200);
    expect(byEmail.body.total).to.equal(3);
    const wildcard = await request(test.app)
      .get('/api/v1/store/fashion/customers')
      .query({ q: '%' })
      .set(bearer(fashionOwner))
      .expect(200);
    expect(wildcard.body.total).to.equal(0);
    const page2 = await request(test.app)
      .get('/api/v1/store/fashion/customers')
      .query({ page: '2', pageSize: '2' })
      .set(bearer(fashionOwner))
      .expect(200);
    expect(page2.body).to.include({ page: 2, pageSize: 2, total: 5 });
    expect(page2.body.items).to.have.length(2);
    await request(test.app)
      .get('/api/v1/store/fashion/customers')
      .query({ pageSize: '1000' })
      .set(bearer(fashionOwner))
      .expect(400);
  });

  it('does not let staff of store B read store A’s customers', async () => {
    const other = await request(test.app).get('/api/v1/store/fashion/customers').set(bearer(techhubOwner)).expect(401);
    expect(JSON.stringify(other.body)).not.to.include('alice');
    const detail = await request(test.app)
      .get(`/api/v1/store/techhub/customers/${fashionCustomer}`)
      .set(bearer(techhubOwner))
      .expect(404);
    expect(detail.body.error.code).to.equal('WZ_CUSTOMERS_NOT_FOUND');
    expect(JSON.stringify(detail.body)).not.to.include('alice');
    await request(test.app)
      .patch(`/api/v1/store/techhub/customers/${fashionCustomer}`)
      .set(bearer(techhubOwner))
      .send({ name: 'Hacked' })
      .expect(404);
    const list = await request(test.app).get('/api/v1/store/techhub/customers').set(bearer(techhubOwner)).expect(200);
    expect(list.body.items.map((c: { email: string }) => c.email)).to.deep.equal(['bob@example.com']);
    const page = await request(test.app)
      .get(`/store/techhub/customers/${fashionCustomer}`)
      .set(bearer(techhubOwner))
      .set('accept', 'text/html')
      .expect(404);
    expect(page.text).not.to.include('alice@example.com');
  });

  it('shows a customer with addresses; editing needs customers.manage', async () => {
    const detail = await request(test.app)
      .get(`/api/v1/store/fashion/customers/${fashionCustomer}`)
      .set(bearer(fashionStaff))
      .expect(200);
    expect(detail.body).to.include({ email: 'alice@example.com', name: 'Alice Fashion' });
    expect(detail.body.addresses).to.deep.equal([]);
    const refused = await request(test.app)
      .patch(`/api/v1/store/fashion/customers/${fashionCustomer}`)
      .set(bearer(fashionStaff))
      .send({ name: 'Staff edit' })
      .expect(403);
    expect(refused.body.error.code).to.equal('WZ_AUTH_FORBIDDEN');
    await request(test.app)
      .patch(`/api/v1/store/fashion/customers/${fashionCustomer}`)
      .set(bearer(fashionOwner))
      .send({ name: 'Alice Owner-edited' })
      .expect(200);
  });

  it('renders the customer list and detail pages', async () => {
    const list = await request(test.app)
      .get('/store/fashion/customers')
      .query({ q: 'alice' })
      .set(bearer(fashionStaff))
      .expect(200);
    expect(list.text).to.include('alice@example.com').and.not.to.include('buyer1@example.com');
    const detail = await request(test.app)
      .get(`/store/fashion/customers/${fashionCustomer}`)
      .set(bearer(fashionStaff))
      .expect(200);
    expect(detail.text).to.include('alice@example.com');
    await request(test.app)
      .get('/store/fashion/customers')
      .expect((res) => expect([302, 303, 401]).to.include(res.status));
  });
});
