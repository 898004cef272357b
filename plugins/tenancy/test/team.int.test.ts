import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, bootWithDemo, login } from './helpers.js';

describe('tenancy store team, roles and settings', () => {
  let test: TestHost;
  let owner: string;
  let staff: string;
  let lead: string;
  const api = () => request(test.app);
  const team = '/api/v1/store/fashion/tenancy/team';
  const roles = '/api/v1/store/fashion/tenancy/roles';
  const idOf = async (email: string) => (await test.db('tenancy.users').where({ email }).first()).id as string;

  before(async () => {
    test = await bootWithDemo();
    owner = await login(test, 'owner@fashion.local', 'fashion');
    staff = await login(test, 'staff@fashion.local', 'fashion');
    await api()
      .post(roles)
      .set(bearer(owner))
      .send({ name: 'team-lead', permissions: ['tenancy.team-view', 'tenancy.team-manage'] })
      .expect(201);
    await api()
      .post(team)
      .set(bearer(owner))
      .send({ email: 'lead@fashion.local', name: 'Team Lead', password: 'lead-password-1', role: 'team-lead' })
      .expect(201);
    lead = await login(test, 'lead@fashion.local', 'fashion', 'lead-password-1');
  });
  after(async () => test?.stop());

  it('lists the team for members with team-view and refuses changes without team-manage', async () => {
    const list = await api().get(team).set(bearer(staff)).expect(200);
    expect(list.body.items.map((m: { email: string; role: string }) => `${m.email}:${m.role}`)).to.include.members([
      'owner@fashion.local:owner',
      'staff@fashion.local:staff',
      'lead@fashion.local:team-lead',
    ]);
    const refused = await api()
      .post(team)
      .set(bearer(staff))
      .send({ email: 'x@fashion.local', role: 'staff' })
      .expect(403);
    expect(refused.body.error.code).to.equal('WZ_AUTH_FORBIDDEN');
  });

  it('refuses to let a member grant, change or remove a role above their own (403)', async () => {
    const grantOwner = await api()
      .post(team)
      .set(bearer(lead))
      .send({ email: 'new@fashion.local', name: 'New', password: 'new-password-1', role: 'owner' })
      .expect(403);
    expect(grantOwner.body.error).to.deep.include({ code: 'WZ_AUTH_FORBIDDEN' });
    expect(grantOwner.body.error.details.missing).to.deep.equal(['*']);
    await api()
      .post(team)
      .set(bearer(lead))
      .send({ email: 'new@fashion.local', name: 'New', password: 'new-password-1', role: 'manager' })
      .expect(403);
    await api()
      .patch(`${team}/${await idOf('staff@fashion.local')}`)
      .set(bearer(lead))
      .send({ role: 'manager' })
      .expect(403);
    await api()
      .patch(`${team}/${await idOf('lead@fashion.local')}`)
      .set(bearer(lead))
      .send({ role: 'owner' })
      .expect(403);
    await api()
      .delete(`${team}/${await idOf('owner@fashion.local')}`)
      .set(bearer(lead))
      .expect(403);
    await api()
      .post(roles)
      .set(bearer(lead))
      .send({ name: 'sneaky', permissions: ['tenancy.settings-manage'] })
      .expect(403);
    expect(
      await test.db('tenancy.users').where({ email: 'new@fashion.local' }).first(),
      'nothing was created',
    ).to.equal(undefined);
    // Within their own permissions the same member may act.
    const added = await api()
      .post(team)
      .set(bearer(lead))
      .send({ email: 'helper@fashion.local', name: 'Helper', password: 'helper-password', role: 'staff' })
      .expect(201);
    expect(added.body).to.include({ email: 'helper@fashion.local', role: 'staff' });
  });

  it('keeps at least one owner', async () => {
    const ownerId = await idOf('owner@fashion.local');
    expect(
      (await api().patch(`${team}/${ownerId}`).set(bearer(owner)).send({ role: 'manager' }).expect(409)).body.error
        .code,
    ).to.equal('WZ_TENANCY_LAST_OWNER');
    expect((await api().delete(`${team}/${ownerId}`).set(bearer(owner)).expect(409)).body.error.code).to.equal(
      'WZ_TENANCY_LAST_OWNER',
    );
    const leadId = await idOf('lead@fashion.local');
    await api().patch(`${team}/${leadId}`).set(bearer(owner)).send({ role: 'owner' }).expect(200);
    await api().patch(`${team}/${ownerId}`).set(bearer(owner)).send({ role: 'manager' }).expect(200);
    await api().patch(`${team}/${ownerId}`).set(bearer(lead)).send({ role: 'owner' }).expect(200);
    await api().patch(`${team}/${leadId}`).set(bearer(owner)).send({ role: 'team-lead' }).expect(200);
  });

  it('adds existing accounts by email, refuses duplicates and unknown emails without a password', async () => {
    await api().post(team).set(bearer(owner)).send({ email: 'owner@techhub.local', role: 'staff' }).expect(201);
    expect(
      (await api().post(team).set(bearer(owner)).send({ email: 'owner@techhub.local', role: 'staff' }).expect(409)).body
        .error.code,
    ).to.equal('WZ_TENANCY_CONFLICT');
    expect(
      (await api().post(team).set(bearer(owner)).send({ email: 'ghost@fashion.local', role: 'staff' }).expect(404)).body
        .error.code,
    ).to.equal('WZ_TENANCY_USER_NOT_FOUND');
    expect(
      (await api().post(team).set(bearer(owner)).send({ email: 'ghost@fashion.local', role: 'nope' }).expect(404)).body
        .error.code,
    ).to.equal('WZ_TENANCY_ROLE_NOT_FOUND');
    expect(
      (await api().post(team).set(bearer(owner)).send({ email: 'not-an-email', role: 'staff' }).expect(400)).body.error
        .code,
    ).to.equal('WZ_VALIDATION');
    // The techhub owner now works in fashion too, with fashion's staff permissions there.
    const there = await login(test, 'owner@techhub.local', 'fashion');
    expect((await api().get('/api/v1/store/fashion/me').set(bearer(there)).expect(200)).body.role).to.equal('staff');
  });

  it('takes access away at once when a member is removed', async () => {
    const helper = await login(test, 'helper@fashion.local', 'fashion', 'helper-password');
    await api().get('/api/v1/store/fashion/me').set(bearer(helper)).expect(200);
    await api()
      .delete(`${team}/${await idOf('helper@fashion.local')}`)
      .set(bearer(owner))
      .expect(204);
    await api().get('/api/v1/store/fashion/me').set(bearer(helper)).expect(401);
  });

  it('builds custom roles from declared permissions and refuses to delete one in use', async () => {
    const list = await api().get(roles).set(bearer(staff)).expect(200);
    expect(list.body.permissions).to.include.members([
      'tenancy.team-view',
      'tenancy.team-manage',
      'tenancy.settings-manage',
    ]);
    expect(list.body.items.map((r: { name: string }) => r.name)).to.deep.equal([
      'owner',
      'manager',
      'staff',
      'team-lead',
    ]);
    expect(
      (
        await api()
          .post(roles)
          .set(bearer(owner))
          .send({ name: 'odd', permissions: ['nobody.declares-this'] })
          .expect(400)
      ).body.error.code,
    ).to.equal('WZ_VALIDATION');
    expect(
      (await api().post(roles).set(bearer(owner)).send({ name: 'manager', permissions: [] }).expect(400)).body.error
        .code,
    ).to.equal('WZ_VALIDATION');
    expect((await api().delete(`${roles}/team-lead`).set(bearer(owner)).expect(409)).body.error.code).to.equal(
      'WZ_TENANCY_ROLE_IN_USE',
    );
    await api()
      .post(roles)
      .set(bearer(owner))
      .send({ name: 'viewer', permissions: ['tenancy.team-view'] })
      .expect(201);
    await api()
      .put(`${roles}/viewer`)
      .set(bearer(owner))
      .send({ permissions: ['tenancy.team-view', 'tenancy.settings-manage'] })
      .expect(200);
    await api().delete(`${roles}/viewer`).set(bearer(owner)).expect(204);
  });

  it('edits store settings with settings-manage only, validated', async () => {
    await api()
      .patch('/api/v1/store/fashion/tenancy/settings')
      .set(bearer(staff))
      .send({ currency: 'CHF' })
      .expect(403);
    expect(
      (
        await api()
          .patch('/api/v1/store/fashion/tenancy/settings')
          .set(bearer(owner))
          .send({ currency: 'chf' })
          .expect(400)
      ).body.error.code,
    ).to.equal('WZ_VALIDATION');
    const saved = await api()
      .patch('/api/v1/store/fashion/tenancy/settings')
      .set(bearer(owner))
      .send({ currency: 'CHF', locale: 'de', name: 'Fashion Schweiz' })
      .expect(200);
    expect(saved.body).to.deep.equal({ code: 'fashion', name: 'Fashion Schweiz', currency: 'CHF', locale: 'de' });
    expect(
      (await api().get('/api/v1/store/fashion/tenancy/settings').set(bearer(staff)).expect(200)).body.currency,
    ).to.equal('CHF');
  });

  it('keeps an audit log of staff actions, per store', async () => {
    const audit = await api().get('/api/v1/store/fashion/tenancy/audit?pageSize=100').set(bearer(owner)).expect(200);
    const actions = audit.body.items.map((entry: { action: string }) => entry.action);
    expect(actions).to.include.members([
      'team.member-added',
      'team.role-changed',
      'team.member-removed',
      'role.created',
      'store.settings-updated',
    ]);
    const removal = audit.body.items.find((entry: { action: string }) => entry.action === 'team.member-removed');
    expect(removal).to.include({ actorEmail: 'owner@fashion.local', target: 'helper@fashion.local' });
    const techhub = await login(test, 'owner@techhub.local', 'techhub');
    const other = await api().get('/api/v1/store/techhub/tenancy/audit').set(bearer(techhub)).expect(200);
    expect(other.body.items.filter((entry: { action: string }) => entry.action.startsWith('team.'))).to.deep.equal([]);
  });
});
