import { createHmac } from 'node:crypto';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootWithDemo, DEMO_PASSWORD, jwtSecret, login, SHOPPER_FIXTURE } from './helpers.js';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('auth: sign-in, tokens bound to surface and store', () => {
  let test: TestHost;
  let secret: string;
  const tokens: Record<string, string> = {};
  before(async () => {
    test = await bootWithDemo([SHOPPER_FIXTURE]);
    secret = await jwtSecret(test);
    tokens.admin = await login(test, 'admin@wizamart.local');
    tokens.store = await login(test, 'owner@fashion.local', 'fashion');
    tokens.storefront = (
      await request(test.app).post('/api/v1/storefront/fashion/shopper/login').send({ sub: 'cust-1' }).expect(200)
    ).body.token;
  });
  after(async () => test?.stop());

  describe('sign-in', () => {
    it('signs a platform admin in; /me answers on the admin surface (exact and under auth/)', async () => {
      const res = await request(test.app)
        .post('/api/v1/admin/auth/login')
        .send({ email: 'Admin@Wizamart.local', password: DEMO_PASSWORD })
        .expect(200);
      expect(res.body).to.have.keys('token', 'expiresAt');
      expect(Date.parse(res.body.expiresAt) - Date.now()).to.be.within(3500_000, 3600_000);
      const me = await request(test.app).get('/api/v1/admin/me').set(bearer(res.body.token)).expect(200);
      expect(me.body).to.deep.include({ kind: 'admin', email: 'admin@wizamart.local', permissions: ['*'] });
      expect(
        (await request(test.app).get('/api/v1/admin/auth/me').set(bearer(res.body.token)).expect(200)).body.email,
      ).to.equal('admin@wizamart.local');
    });

    it('signs staff in on their own store only, with their role’s permissions', async () => {
      const token = await login(test, 'staff@fashion.local', 'fashion');
      const me = await request(test.app).get('/api/v1/store/fashion/me').set(bearer(token)).expect(200);
      expect(me.body).to.deep.include({ kind: 'staff', store: 'fashion', role: 'staff', email: 'staff@fashion.local' });
      expect(me.body.permissions).to.include('tenancy.team-view').and.not.include('tenancy.team-manage');
      const other = await request(test.app)
        .post('/api/v1/store/techhub/auth/login')
        .send({ email: 'staff@fashion.local', password: DEMO_PASSWORD })
        .expect(401);
      expect(other.body.error.code).to.equal('WZ_AUTH_INVALID_CREDENTIALS');
    });

    it('answers a wrong password and an unknown email with the same 401 body', async () => {
      const wrong = await request(test.app)
        .post('/api/v1/admin/auth/login')
        .send({ email: 'admin@wizamart.local', password: 'not-the-password' })
        .expect(401);
      const unknown = await request(test.app)
        .post('/api/v1/admin/auth/login')
        .send({ email: 'nobody@wizamart.local', password: 'not-the-password' })
        .expect(401);
      expect(wrong.body.error.code).to.equal('WZ_AUTH_INVALID_CREDENTIALS');
      expect(unknown.body).to.deep.equal(wrong.body);
    });

    it('refuses staff on the admin surface and admins on a store they do not belong to', async () => {
      await request(test.app)
        .post('/api/v1/admin/auth/login')
        .send({ email: 'owner@fashion.local', password: DEMO_PASSWORD })
        .expect(401);
      await request(test.app)
        .post('/api/v1/store/fashion/auth/login')
        .send({ email: 'admin@wizamart.local', password: DEMO_PASSWORD })
        .expect(401);
    });

    it('validates the body and answers 404 for an unknown store', async () => {
      expect(
        (await request(test.app).post('/api/v1/admin/auth/login').send({ email: 'a@b.c' }).expect(400)).body.error.code,
      ).to.equal('WZ_VALIDATION');
      expect(
        (
          await request(test.app)
            .post('/api/v1/store/nope/auth/login')
            .send({ email: 'a@b.c', password: 'x' })
            .expect(404)
        ).body.error.code,
      ).to.equal('WZ_TENANCY_STORE_NOT_FOUND');
    });
  });

  describe('token audience and store binding', () => {
    const probes: Record<string, string> = {
      admin: '/api/v1/admin/me',
      'store fashion': '/api/v1/store/fashion/me',
      'store techhub': '/api/v1/store/techhub/me',
      'storefront fashion': '/api/v1/storefront/fashion/shopper/me',
      'storefront techhub': '/api/v1/storefront/techhub/shopper/me',
    };
    const home: Record<string, string> = { admin: 'admin', store: 'store fashion', storefront: 'storefront fashion' };

    for (const kind of ['admin', 'store', 'storefront']) {
      it(`accepts a ${kind} token only on its own surface and store`, async () => {
        for (const [probe, url] of Object.entries(probes)) {
          const res = await request(test.app).get(url).set(bearer(tokens[kind]));
          expect(res.status, `${kind} token on ${probe}`).to.equal(probe === home[kind] ? 200 : 401);
          if (res.status === 401) expect(res.body.error.code).to.equal('WZ_AUTH_UNAUTHENTICATED');
        }
      });
    }

    it('refuses alg "none", other algorithms, tampered, expired and foreign tokens', async () => {
      const claims = jwt.decode(tokens.admin) as Record<string, unknown>;
      const forged = [
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
        jwt.sign({}, secret, {
          algorithm: 'HS512',
          audience: 'admin',
          issuer: 'wizamart',
          subject: String(claims.sub),
          expiresIn: 600,
        }),
        `${tokens.admin.split('.')[0]}.${b64({ ...claims, sub: '00000000-0000-0000-0000-000000000000' })}.${tokens.admin.split('.')[2]}`,
        jwt.sign({ exp: Math.floor(Date.now() / 1000) - 10 }, secret, {
          algorithm: 'HS256',
          audience: 'admin',
          issuer: 'wizamart',
          subject: String(claims.sub),
          jwtid: 'x',
        }),
        jwt.sign({}, 'another-secret-that-is-long-enough-0123456789', {
          algorithm: 'HS256',
          audience: 'admin',
          issuer: 'wizamart',
          subject: String(claims.sub),
          expiresIn: 600,
          jwtid: 'y',
        }),
        jwt.sign({}, secret, {
          algorithm: 'HS256',
          audience: 'admin',
          issuer: 'someone-else',
          subject: String(claims.sub),
          expiresIn: 600,
          jwtid: 'z',
        }),
      ];
      for (const [index, token] of forged.entries()) {
        const res = await request(test.app).get('/api/v1/admin/me').set(bearer(token));
        expect(res.status, `forged token #${index}`).to.equal(401);
      }
      // The control: the same claims signed properly are accepted, so the refusals above are about the forgery.
      const genuine = jwt.sign({}, secret, {
        algorithm: 'HS256',
        audience: 'admin',
        issuer: 'wizamart',
        subject: String(claims.sub),
        expiresIn: 600,
        jwtid: 'ok',
      });
      await request(test.app).get('/api/v1/admin/me').set(bearer(genuine)).expect(200);
    });

    it('refuses a store token whose store claim names another store', async () => {
      const claims = jwt.decode(tokens.store) as Record<string, unknown>;
      const moved = jwt.sign({ store: 'techhub' }, secret, {
        algorithm: 'HS256',
        audience: 'store',
        issuer: 'wizamart',
        subject: String(claims.sub),
        expiresIn: 600,
        jwtid: 'moved',
      });
      await request(test.app).get('/api/v1/store/fashion/me').set(bearer(moved)).expect(401);
      // The owner of fashion is not a member of techhub either, so the claim alone grants nothing there.
      await request(test.app).get('/api/v1/store/techhub/me').set(bearer(moved)).expect(401);
    });

    it('refuses a storefront token the customer resolver does not know', async () => {
      const unknown = (
        await request(test.app).post('/api/v1/storefront/fashion/shopper/login').send({ sub: 'ghost' }).expect(200)
      ).body.token;
      await request(test.app).get('/api/v1/storefront/fashion/shopper/me').set(bearer(unknown)).expect(401);
    });
  });

  describe('sign-out', () => {
    it('revokes the token: the same bearer token is refused afterwards', async () => {
      const token = await login(test, 'admin@wizamart.local');
      await request(test.app).get('/api/v1/admin/me').set(bearer(token)).expect(200);
      await request(test.app).post('/api/v1/admin/auth/logout').set(bearer(token)).expect(204);
      await request(test.app).get('/api/v1/admin/me').set(bearer(token)).expect(401);
      const row = await test
        .db('auth.revoked_tokens')
        .where({ jti: (jwt.decode(token) as { jti: string }).jti })
        .first();
      expect(row, 'revocation kept for other instances').to.exist;
    });

    it('does not revoke a token sent to another surface’s or store’s sign-out', async () => {
      const staff = await login(test, 'owner@fashion.local', 'fashion');
      await request(test.app).post('/api/v1/store/techhub/auth/logout').set(bearer(staff)).expect(204);
      await request(test.app).post('/api/v1/admin/auth/logout').set(bearer(staff)).expect(204);
      await request(test.app).get('/api/v1/store/fashion/me').set(bearer(staff)).expect(200);
    });
  });

  describe('CSRF for cookie sessions', () => {
    const csrfOf = (token: string) =>
      createHmac('sha256', secret)
        .update(`csrf:${(jwt.decode(token) as { jti: string }).jti}`)
        .digest('base64url');

    it('requires the session’s CSRF token on cookie-authenticated POSTs, not on bearer ones', async () => {
      const token = await login(test, 'admin@wizamart.local');
      const cookie = `wz_admin=${token}`;
      await request(test.app).get('/api/v1/admin/me').set('cookie', cookie).expect(200);
      const refused = await request(test.app)
        .post('/api/v1/admin/tenancy/merchants')
        .set('cookie', cookie)
        .send({ name: 'No CSRF' })
        .expect(403);
      expect(refused.body.error.code).to.equal('WZ_AUTH_CSRF');
      await request(test.app)
        .post('/api/v1/admin/tenancy/merchants')
        .set('cookie', cookie)
        .set('x-csrf-token', csrfOf(tokens.admin))
        .send({ name: 'Other session' })
        .expect(403);
      await request(test.app)
        .post('/api/v1/admin/tenancy/merchants')
        .set('cookie', cookie)
        .set('x-csrf-token', csrfOf(token))
        .send({ name: 'With CSRF' })
        .expect(201);
      await request(test.app)
        .post('/api/v1/admin/tenancy/merchants')
        .set(bearer(token))
        .send({ name: 'Bearer' })
        .expect(201);
    });

    it('checks the _csrf field of cookie-authenticated form posts', async () => {
      const token = await login(test, 'admin@wizamart.local');
      const agent = () => request(test.app).post('/admin/auth/logout').set('cookie', `wz_admin=${token}`).type('form');
      expect((await agent().send({}).expect(403)).text).to.include('WZ_AUTH_CSRF');
      await agent()
        .send({ _csrf: csrfOf(token) })
        .expect(303);
      await request(test.app).get('/api/v1/admin/me').set(bearer(token)).expect(401);
    });

    it('protects storefront sessions too, and hands the CSRF token to plugins through AuthService.csrfToken', async () => {
      const login = await request(test.app)
        .post('/api/v1/storefront/fashion/shopper/login')
        .send({ sub: 'cust-7', session: true })
        .expect(200);
      const cookie = login.headers['set-cookie'] as unknown as string[];
      expect(cookie.join('\n'))
        .to.match(/wz_storefront=.*Path=\/storefront\/fashion/)
        .and.to.match(/Path=\/api\/v1\/storefront\/fashion/)
        .and.to.match(/HttpOnly/)
        .and.to.match(/SameSite=Lax/);
      const session = `wz_storefront=${login.body.token}`;
      const me = await request(test.app)
        .get('/api/v1/storefront/fashion/shopper/me')
        .set('cookie', session)
        .expect(200);
      expect(me.body.csrf).to.equal(csrfOf(login.body.token));
      await request(test.app)
        .post('/api/v1/storefront/fashion/shopper/wishlist')
        .set('cookie', session)
        .send({})
        .expect(403);
      await request(test.app)
        .post('/api/v1/storefront/fashion/shopper/wishlist')
        .set('cookie', session)
        .set('x-csrf-token', me.body.csrf)
        .send({})
        .expect(201);
      expect(
        (await request(test.app).get('/api/v1/storefront/fashion/shopper/me').set(bearer(login.body.token)).expect(200))
          .body.csrf,
      ).to.equal(null);
    });
  });
});
