import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { startTestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, login, PLUGINS } from './helpers.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!';

describe('auth JWT secret', () => {
  // Only a host on a database server must have the secret; the embedded (demo) database generates one.
  (process.env.WIZAMART_TEST_DATABASE_URL ? it : it.skip)(
    'refuses to start on a database server without WIZAMART_JWT_SECRET (WZ_AUTH_SECRET_MISSING)',
    async () => {
      let failure: unknown;
      await startTestHost({ plugins: PLUGINS, env: { WIZAMART_JWT_SECRET: '' } }).then(
        (test) => test.stop(),
        (error) => (failure = error),
      );
      expect(failure, 'the host must not start').to.be.instanceOf(Error);
      expect((failure as { code?: string }).code).to.equal('WZ_AUTH_SECRET_MISSING');
      expect(String((failure as Error).message)).to.include('WIZAMART_JWT_SECRET is not set');
      failure = undefined;
      await startTestHost({ plugins: PLUGINS, env: { WIZAMART_JWT_SECRET: 'too-short' } }).then(
        (test) => test.stop(),
        (error) => (failure = error),
      );
      expect(String((failure as Error)?.message)).to.match(/at least 32/);
    },
  );

  it('signs with WIZAMART_JWT_SECRET when it is set, and generates none', async () => {
    const test = await startTestHost({ plugins: PLUGINS, env: { WIZAMART_JWT_SECRET: SECRET }, seeds: ['demo'] });
    try {
      const token = await login(test, 'admin@wizamart.local');
      await login(test, 'staff@fashion.local', 'fashion');
      const options = { algorithms: ['HS256' as const], audience: 'admin', issuer: 'wizamart' };
      expect(() => jwt.verify(token, SECRET, options)).not.to.throw();
      expect(await test.db('auth.settings').where({ key: 'jwt_secret' }).first(), 'no secret is generated').to.equal(
        undefined,
      );
    } finally {
      await test.stop();
    }
  });
});

describe('auth upgrade from tenancy-held sessions', () => {
  it('copies revocations and the generated secret: a token revoked before the upgrade stays revoked', async () => {
    const before = await startTestHost({ plugins: PLUGINS.filter((dir) => !dir.endsWith('auth')) });
    try {
      const inAnHour = new Date(Date.now() + 3600_000);
      await before.db('tenancy.settings').insert({ key: 'jwt_secret', value: SECRET });
      await before.db('tenancy.revoked_tokens').insert([
        { jti: 'revoked-before-the-upgrade', expires_at: inAnHour },
        { jti: 'long-expired', expires_at: new Date(Date.now() - 3600_000) },
      ]);
      // A second host on the same database counts as a server one, which must be given the secret.
      const env = { WIZAMART_JWT_SECRET: SECRET };
      const after = await startTestHost({
        plugins: PLUGINS,
        database: { url: before.databaseUrl },
        env,
        seeds: ['demo'],
      });
      try {
        expect((await after.db('auth.settings').where({ key: 'jwt_secret' }).first()).value).to.equal(SECRET);
        const revoked = await after.db('auth.revoked_tokens').pluck('jti');
        expect(revoked).to.deep.equal(['revoked-before-the-upgrade']);
        const admin = (await after.db('tenancy.users').where({ email: 'admin@wizamart.local' }).first()).id as string;
        const sign = (jti: string) =>
          jwt.sign({}, SECRET, {
            algorithm: 'HS256',
            issuer: 'wizamart',
            audience: 'admin',
            subject: admin,
            expiresIn: 600,
            jwtid: jti,
          });
        await request(after.app)
          .get('/api/v1/admin/me')
          .set(bearer(sign('revoked-before-the-upgrade')))
          .expect(401);
        await request(after.app)
          .get('/api/v1/admin/me')
          .set(bearer(sign('issued-before-the-upgrade')))
          .expect(200);
      } finally {
        await after.stop();
      }
    } finally {
      await before.stop();
    }
  });
});
