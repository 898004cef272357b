import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bootWithDemo } from './helpers.js';

const PROBE = fileURLToPath(new URL('../../test/fixtures/services-probe', import.meta.url));

describe('tenancy services for other plugins: staff directory and generic rate limits', () => {
  let test: TestHost;
  const idOf = async (email: string) => (await test.db('tenancy.users').where({ email }).first()).id as string;

  before(async () => {
    // A low sign-in limit per address, to show that the generic buckets and sign-ins count apart.
    test = await bootWithDemo([PROBE], { WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '3' });
  });
  after(async () => test?.stop());

  it("names the members of the request's store only, and skips unknown and malformed ids", async () => {
    const [owner, staff, techhubOwner] = await Promise.all(
      ['owner@fashion.local', 'staff@fashion.local', 'owner@techhub.local'].map(idOf),
    );
    const ids = [
      owner,
      staff.toUpperCase(),
      techhubOwner,
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      '',
    ].join(',');
    const found = (
      await request(test.app).get('/api/v1/storefront/fashion/services-probe/staff').query({ ids }).expect(200)
    ).body.items;
    expect(found.map((member: { email: string; role: string }) => `${member.email}:${member.role}`)).to.deep.equal([
      'owner@fashion.local:owner',
      'staff@fashion.local:staff',
    ]);
    expect(found[0]).to.have.all.keys('id', 'name', 'email', 'role');
    const other = (
      await request(test.app).get('/api/v1/storefront/techhub/services-probe/staff').query({ ids }).expect(200)
    ).body.items;
    expect(other.map((member: { email: string }) => member.email)).to.deep.equal(['owner@techhub.local']);
  });

  it('limits a bucket with 429 WZ_RATE_LIMITED and Retry-After, without touching sign-ins from the same address', async () => {
    const ping = (ip: string, body: Record<string, unknown> = {}) =>
      request(test.app).post('/api/v1/storefront/fashion/services-probe/limited').set('x-forwarded-for', ip).send(body);
    for (let i = 0; i < 3; i++) await ping('10.4.0.1').expect(200);
    const limited = await ping('10.4.0.1').expect(429);
    expect(limited.body.error.code).to.equal('WZ_RATE_LIMITED');
    expect(limited.body.error.message).not.to.match(/sign-in/i);
    expect(Number(limited.headers['retry-after'])).to.be.within(1, 600);
    await ping('10.4.0.2').expect(200);
    const signIn = (password: string) =>
      request(test.app)
        .post('/api/v1/store/fashion/auth/login')
        .set('x-forwarded-for', '10.4.0.1')
        .send({ email: 'staff@fashion.local', password });
    await signIn('wrong-password').expect(401);
    expect((await signIn('wizamart-demo').expect(200)).body.token).to.be.a('string');
  });

  it('does not let failed sign-ins use up a bucket, and undo keeps successes from counting', async () => {
    const signIn = () =>
      request(test.app)
        .post('/api/v1/admin/auth/login')
        .set('x-forwarded-for', '10.4.1.1')
        .send({ email: 'nobody@wizamart.local', password: 'wrong-password' });
    for (let i = 0; i < 3; i++) await signIn().expect(401);
    expect((await signIn().expect(429)).body.error.code).to.equal('WZ_AUTH_RATE_LIMITED');
    const ping = (body: Record<string, unknown> = {}) =>
      request(test.app)
        .post('/api/v1/storefront/fashion/services-probe/limited')
        .set('x-forwarded-for', '10.4.1.1')
        .send(body);
    for (let i = 0; i < 6; i++) await ping({ succeed: true }).expect(200);
    for (let i = 0; i < 3; i++) await ping().expect(200);
    await ping().expect(429);
  });
});
