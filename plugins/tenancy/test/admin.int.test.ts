import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootWithDemo, login } from './helpers.js';

describe('tenancy admin console API', () => {
  let test: TestHost;
  let admin: string;
  const api = () => request(test.app);
  const base = '/api/v1/admin/tenancy';

  before(async () => {
    test = await bootWithDemo();
    admin = await login(test, 'admin@wizamart.local');
  });
  after(async () => test?.stop());

  it('is closed to anyone but platform admins', async () => {
    await api().get(`${base}/stores`).expect(401);
    const owner = await login(test, 'owner@fashion.local', 'fashion');
    await api().get(`${base}/stores`).set(bearer(owner)).expect(401);
  });

  it('manages merchants; one that owns stores cannot be deleted', async () => {
    const created = await api()
      .post(`${base}/merchants`)
      .set(bearer(admin))
      .send({ name: 'Acme Retail', email: 'Ops@Acme.example' })
      .expect(201);
    expect(created.body).to.include({ name: 'Acme Retail', email: 'ops@acme.example' });
    const found = await api().get(`${base}/merchants?q=acme`).set(bearer(admin)).expect(200);
    expect(found.body.items.map((m: { name: string }) => m.name)).to.deep.equal(['Acme Retail']);
    await api()
      .patch(`${base}/merchants/${created.body.id}`)
      .set(bearer(admin))
      .send({ name: 'Acme Group' })
      .expect(200);
    expect((await api().get(`${base}/merchants/${created.body.id}`).set(bearer(admin)).expect(200)).body.name).to.equal(
      'Acme Group',
    );
    const fashion = (await api().get(`${base}/stores/fashion`).set(bearer(admin)).expect(200)).body;
    expect(
      (await api().delete(`${base}/merchants/${fashion.merchantId}`).set(bearer(admin)).expect(409)).body.error.code,
    ).to.equal('WZ_TENANCY_MERCHANT_HAS_STORES');
    await api().delete(`${base}/merchants/${created.body.id}`).set(bearer(admin)).expect(204);
    expect(
      (await api().get(`${base}/merchants/${created.body.id}`).set(bearer(admin)).expect(404)).body.error.code,
    ).to.equal('WZ_TENANCY_MERCHANT_NOT_FOUND');
    await api().get(`${base}/merchants/not-a-uuid`).set(bearer(admin)).expect(400);
  });

  it('creates stores with an owner, searches and pages them, and refuses bad or taken codes', async () => {
    const merchant = (await api().post(`${base}/merchants`).set(bearer(admin)).send({ name: 'Chain Ltd' }).expect(201))
      .body;
    for (const code of ['chain-a', 'chain-b', 'chain-c']) {
      await api()
        .post(`${base}/stores`)
        .set(bearer(admin))
        .send({
          code,
          name: `Chain ${code.slice(-1).toUpperCase()}`,
          merchantId: merchant.id,
          platform: 'main',
          currency: 'GBP',
          locale: 'en',
        })
        .expect(201);
    }
    const page1 = await api().get(`${base}/stores?q=chain&pageSize=2`).set(bearer(admin)).expect(200);
    expect(page1.body).to.include({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items.map((s: { code: string }) => s.code)).to.deep.equal(['chain-a', 'chain-b']);
    const page2 = await api().get(`${base}/stores?q=chain&pageSize=2&page=2`).set(bearer(admin)).expect(200);
    expect(page2.body.items.map((s: { code: string }) => s.code)).to.deep.equal(['chain-c']);
    expect(
      (
        await api()
          .post(`${base}/stores`)
          .set(bearer(admin))
          .send({ code: 'chain-a', name: 'Again', merchantId: merchant.id, platform: 'main' })
          .expect(409)
      ).body.error.code,
    ).to.equal('WZ_TENANCY_CONFLICT');
    await api()
      .post(`${base}/stores`)
      .set(bearer(admin))
      .send({ code: 'admin', name: 'Admin', merchantId: merchant.id, platform: 'main' })
      .expect(400);
    await api()
      .post(`${base}/stores`)
      .set(bearer(admin))
      .send({ code: 'Bad Code', name: 'x', merchantId: merchant.id, platform: 'main' })
      .expect(400);
    await api()
      .post(`${base}/stores`)
      .set(bearer(admin))
      .send({ code: 'nowhere', name: 'x', merchantId: merchant.id, platform: 'atlantis' })
      .expect(400);
    const owned = await api()
      .post(`${base}/stores`)
      .set(bearer(admin))
      .send({
        code: 'owned',
        name: 'Owned',
        merchantId: merchant.id,
        platform: 'main',
        owner: { email: 'boss@owned.example', name: 'Boss', password: 'boss-password-1' },
      })
      .expect(201);
    expect(owned.body).to.include({ code: 'owned', status: 'active', currency: 'EUR', locale: 'en' });
    const boss = await login(test, 'boss@owned.example', 'owned', 'boss-password-1');
    expect((await api().get('/api/v1/store/owned/me').set(bearer(boss)).expect(200)).body.role).to.equal('owner');
    const orphan = await api()
      .post(`${base}/stores`)
      .set(bearer(admin))
      .send({
        code: 'orphan',
        name: 'Orphan',
        merchantId: merchant.id,
        platform: 'main',
        owner: { email: 'nobody@owned.example' },
      })
      .expect(404);
    expect(orphan.body.error.code).to.equal('WZ_TENANCY_USER_NOT_FOUND');
    expect(
      await test.db('tenancy.stores').where({ code: 'orphan' }).first(),
      'a refused owner leaves no store behind',
    ).to.equal(undefined);
    const edited = await api()
      .patch(`${base}/stores/owned`)
      .set(bearer(admin))
      .send({ name: 'Owned & Co', currency: 'USD' })
      .expect(200);
    expect(edited.body).to.include({ name: 'Owned & Co', currency: 'USD', code: 'owned' });
  });

  it('manages platform admins and never removes the last one', async () => {
    const added = await api()
      .post(`${base}/admins`)
      .set(bearer(admin))
      .send({ email: 'second@wizamart.local', name: 'Second', password: 'second-password' })
      .expect(201);
    const second = await login(test, 'second@wizamart.local', undefined, 'second-password');
    expect((await api().get(`${base}/admins`).set(bearer(admin)).expect(200)).body.total).to.equal(2);
    const first = (await test.db('tenancy.users').where({ email: 'admin@wizamart.local' }).first()).id;
    await api().delete(`${base}/admins/${first}`).set(bearer(second)).expect(204);
    await api().get('/api/v1/admin/me').set(bearer(admin)).expect(401);
    const last = await api().delete(`${base}/admins/${added.body.id}`).set(bearer(second)).expect(409);
    expect(last.body.error.code).to.equal('WZ_TENANCY_LAST_ADMIN');
    await api().post(`${base}/admins`).set(bearer(second)).send({ email: 'admin@wizamart.local' }).expect(201);
    admin = await login(test, 'admin@wizamart.local');
    await api()
      .post(`${base}/admins`)
      .set(bearer(admin))
      .send({ email: 'weak@wizamart.local', name: 'Weak', password: 'short' })
      .expect(400);
  });

  it('lists, creates and edits platforms through the host', async () => {
    const list = await api().get(`${base}/platforms`).set(bearer(admin)).expect(200);
    expect(list.body.items[0]).to.include({ code: 'main', domain: 'localhost' });
    await api()
      .post(`${base}/platforms`)
      .set(bearer(admin))
      .send({ code: 'eu', name: 'Europe', domain: 'shop.eu' })
      .expect(201);
    expect(
      (
        await api()
          .post(`${base}/platforms`)
          .set(bearer(admin))
          .send({ code: 'eu2', name: 'Europe 2', domain: 'shop.eu' })
          .expect(409)
      ).body.error.code,
    ).to.equal('WZ_PLATFORM_CONFLICT');
    const edited = await api().patch(`${base}/platforms/eu`).set(bearer(admin)).send({ domain: null }).expect(200);
    expect(edited.body).to.include({ code: 'eu', domain: null });
  });

  it('audits admin actions', async () => {
    const audit = await api().get(`${base}/audit?pageSize=100`).set(bearer(admin)).expect(200);
    const actions = new Set(audit.body.items.map((entry: { action: string }) => entry.action));
    for (const action of [
      'merchant.created',
      'merchant.deleted',
      'store.created',
      'store.updated',
      'admin.added',
      'admin.removed',
      'platform.created',
      'platform.updated',
      'auth.signed-in',
    ]) {
      expect(actions.has(action), action).to.equal(true);
    }
  });
});
