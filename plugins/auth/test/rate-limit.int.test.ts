import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { DEMO_PASSWORD, PLUGINS, startWithDemo } from './helpers.js';

describe('auth: sign-in rate limits (10 per 15 min per account and per IP)', () => {
  let test: TestHost;
  before(async () => {
    test = await startWithDemo();
  });
  after(async () => test?.stop());

  const attempt = (email: string, password: string, ip: string, url = '/api/v1/store/fashion/auth/login') =>
    request(test.app).post(url).set('x-forwarded-for', ip).send({ email, password });

  it('answers 429 WZ_AUTH_RATE_LIMITED with Retry-After after 10 attempts for one account, even with the right password', async () => {
    for (let i = 0; i < 10; i++)
      expect((await attempt('owner@fashion.local', 'wrong-password', `10.1.0.${i}`)).status).to.equal(401);
    const limited = await attempt('owner@fashion.local', DEMO_PASSWORD, '10.1.1.1').expect(429);
    expect(limited.body.error.code).to.equal('WZ_AUTH_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).to.be.within(1, 900);
    // Another store's account and the same email on the admin surface are counted apart.
    await attempt('owner@techhub.local', DEMO_PASSWORD, '10.1.1.2', '/api/v1/store/techhub/auth/login').expect(200);
  });

  it('limits one IP trying many accounts, and not the other IPs', async () => {
    for (let i = 0; i < 10; i++) await attempt(`guess${i}@fashion.local`, 'wrong-password', '10.2.0.1').expect(401);
    expect(
      (await attempt('someone-new@fashion.local', 'wrong-password', '10.2.0.1').expect(429)).body.error.code,
    ).to.equal('WZ_AUTH_RATE_LIMITED');
    await attempt('staff@fashion.local', DEMO_PASSWORD, '10.2.0.2').expect(200);
  });

  it('does not count successful sign-ins against the IP, and a success resets the account', async () => {
    for (let i = 0; i < 12; i++) await attempt('staff@fashion.local', DEMO_PASSWORD, '10.3.0.1').expect(200);
    for (let i = 0; i < 9; i++)
      await attempt('owner@techhub.local', 'wrong-password', `10.3.1.${i}`, '/api/v1/store/techhub/auth/login').expect(
        401,
      );
    await attempt('owner@techhub.local', DEMO_PASSWORD, '10.3.2.1', '/api/v1/store/techhub/auth/login').expect(200);
    for (let i = 0; i < 9; i++)
      await attempt('owner@techhub.local', 'wrong-password', `10.3.3.${i}`, '/api/v1/store/techhub/auth/login').expect(
        401,
      );
    await attempt('owner@techhub.local', DEMO_PASSWORD, '10.3.4.1', '/api/v1/store/techhub/auth/login').expect(200);
  });
});

describe('auth: sign-in rate limits shared through Redis (REDIS_URL)', function () {
  const redisUrl = process.env.WIZAMART_TEST_REDIS_URL;
  const saved = process.env.REDIS_URL;
  const hosts: TestHost[] = [];
  before(async function () {
    if (!redisUrl) return this.skip();
    process.env.REDIS_URL = redisUrl;
    // A fresh prefix per run: windows last 15 minutes and the Redis server outlives the test.
    const env = { WIZAMART_AUTH_REDIS_PREFIX: `wizamart-test:${Date.now()}:${Math.random().toString(36).slice(2)}:` };
    hosts.push(await startWithDemo([], env));
    hosts.push(await startTestHost({ plugins: PLUGINS, database: { url: hosts[0].databaseUrl }, env }));
  });
  after(async () => {
    if (saved === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = saved;
    for (const host of hosts.reverse()) await host.stop();
  });

  it('counts attempts on one instance against the other', async () => {
    const attempt = (host: TestHost, ip: string) =>
      request(host.app)
        .post('/api/v1/admin/auth/login')
        .set('x-forwarded-for', ip)
        .send({ email: 'admin@wizamart.local', password: 'wrong-password' });
    for (let i = 0; i < 10; i++) expect((await attempt(hosts[i % 2], `10.9.0.${i}`)).status).to.equal(401);
    const limited = await attempt(hosts[1], '10.9.1.1').expect(429);
    expect(limited.body.error.code).to.equal('WZ_AUTH_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).to.be.within(1, 900);
    await attempt(hosts[0], '10.9.1.2').expect(429);
  });
});
