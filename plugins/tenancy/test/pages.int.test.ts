import { expect } from 'chai';
import request from 'supertest';
import type { TestHost } from '@wizamart/plugin-sdk/testing';
import { bootWithDemo, DEMO_PASSWORD, hiddenField, setCookies } from './helpers.js';

type Agent = ReturnType<typeof request.agent>;

describe('tenancy pages and the auth plugin’s sign-in pages', () => {
  let test: TestHost;
  before(async () => {
    test = await bootWithDemo();
  });
  after(async () => test?.stop());

  async function signIn(agent: Agent, base: string, email: string, extra: Record<string, string> = {}) {
    const form = await agent.get(`${base}/auth/login`).set('accept', 'text/html').expect(200);
    const csrf = hiddenField(form.text, '_csrf');
    expect(csrf, 'the sign-in form carries a form token').to.be.a('string');
    return agent
      .post(`${base}/auth/login`)
      .type('form')
      .send({ _csrf: csrf!, email, password: DEMO_PASSWORD, ...extra });
  }

  it('sends a signed-out browser from a protected page to the sign-in page and back afterwards', async () => {
    const page = await request(test.app).get('/admin/tenancy/stores?q=fa').set('accept', 'text/html').expect(303);
    expect(page.headers.location).to.equal('/admin/auth/login?next=%2Fadmin%2Ftenancy%2Fstores%3Fq%3Dfa');
    const agent = request.agent(test.app);
    const res = await signIn(agent, '/admin', 'admin@wizamart.local', { next: '/admin/tenancy/stores?q=fa' }).then(
      (r) => r,
    );
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal('/admin/tenancy/stores?q=fa');
    const cookies = setCookies(res).filter((line) => line.startsWith('wz_admin='));
    expect(cookies).to.have.length(2);
    expect(cookies.join('\n'))
      .to.match(/Path=\/admin;/)
      .and.to.match(/Path=\/api\/v1\/admin;/);
    for (const line of cookies)
      expect(line)
        .to.match(/HttpOnly/)
        .and.to.match(/SameSite=Lax/)
        .and.not.to.match(/Secure/);
    const list = await agent.get('/admin/tenancy/stores?q=fa').set('accept', 'text/html').expect(200);
    expect(list.text).to.include('data-store="fashion"').and.not.include('data-store="techhub"');
  });

  it('refuses a sign-in form post without its form token, shows wrong credentials on the form, never redirects off-site', async () => {
    const refused = await request(test.app)
      .post('/admin/auth/login')
      .type('form')
      .send({ email: 'admin@wizamart.local', password: DEMO_PASSWORD })
      .set('accept', 'text/html')
      .expect(403);
    expect(refused.text).to.include('WZ_AUTH_CSRF');
    const agent = request.agent(test.app);
    const form = await agent.get('/admin/auth/login').set('accept', 'text/html').expect(200);
    const wrong = await agent
      .post('/admin/auth/login')
      .type('form')
      .send({ _csrf: hiddenField(form.text, '_csrf')!, email: 'admin@wizamart.local', password: 'wrong-password' })
      .expect(401);
    expect(wrong.text).to.include('The email or password is not right');
    const away = await signIn(request.agent(test.app), '/admin', 'admin@wizamart.local', {
      next: '//evil.example/admin',
    });
    expect(away.headers.location).to.equal('/admin');
  });

  it('marks session cookies Secure on https requests', async () => {
    // supertest's cookie jar keeps Secure cookies away from http: carry the form cookie by hand.
    const form = await request(test.app).get('/admin/auth/login').set('x-forwarded-proto', 'https').expect(200);
    const formCookie = setCookies(form).find((line) => line.startsWith('wz_login_csrf='))!;
    expect(formCookie).to.match(/Secure/);
    const res = await request(test.app)
      .post('/admin/auth/login')
      .set('x-forwarded-proto', 'https')
      .set('cookie', formCookie.split(';')[0])
      .type('form')
      .send({ _csrf: hiddenField(form.text, '_csrf')!, email: 'admin@wizamart.local', password: DEMO_PASSWORD })
      .expect(303);
    const session = setCookies(res).filter((l) => l.startsWith('wz_admin='));
    expect(session).to.have.length(2);
    for (const line of session) expect(line).to.match(/Secure/);
  });

  it('runs admin forms with the session’s CSRF token: create a merchant, then a store for it', async () => {
    const agent = request.agent(test.app);
    await signIn(agent, '/admin', 'admin@wizamart.local').then((r) => expect(r.status).to.equal(303));
    const page = await agent.get('/admin/tenancy/merchants').set('accept', 'text/html').expect(200);
    const csrf = hiddenField(page.text, '_csrf')!;
    await agent.post('/admin/tenancy/merchants').type('form').send({ name: 'Forged Ltd' }).expect(403);
    const created = await agent
      .post('/admin/tenancy/merchants')
      .type('form')
      .send({ _csrf: csrf, name: 'Form Ltd', email: '' })
      .expect(303);
    const merchant = await test.db('tenancy.merchants').where({ name: 'Form Ltd' }).first();
    expect(merchant).to.exist;
    expect(await test.db('tenancy.merchants').where({ name: 'Forged Ltd' }).first()).to.equal(undefined);
    expect(created.headers.location).to.equal(`/admin/tenancy/merchants/${merchant.id}`);
    await agent
      .post('/admin/tenancy/stores')
      .type('form')
      .send({
        _csrf: csrf,
        code: 'formshop',
        name: 'Form Shop',
        merchantId: merchant.id,
        platform: 'main',
        currency: 'EUR',
        locale: 'en',
        ownerEmail: 'owner@formshop.local',
        ownerName: 'Form Owner',
        ownerPassword: 'a-long-password',
      })
      .expect(303);
    const store = await agent.get('/admin/tenancy/stores/formshop').set('accept', 'text/html').expect(200);
    expect(store.text).to.include('owner@formshop.local');
    // A refused form shows the form again with what was typed, never an error page or a redirect that loses it.
    const taken = await agent.post('/admin/tenancy/stores').type('form').send({
      _csrf: csrf,
      code: 'formshop',
      name: 'Again',
      merchantId: merchant.id,
      platform: 'main',
      ownerPassword: 'secret-typed',
    });
    expect(taken.status).to.be.oneOf([400, 409]);
    expect(taken.text)
      .to.include('data-error="store"')
      .and.include('value="formshop"')
      .and.include('value="Again"')
      .and.not.include('secret-typed');
    const merchant2 = await agent
      .post('/admin/tenancy/merchants')
      .type('form')
      .send({ _csrf: csrf, name: 'Typo Ltd', email: 'typo@' })
      .expect(400);
    expect(merchant2.text).to.include('value="Typo Ltd"').and.include('value="typo@"');
    expect(merchant2.text).to.include('data-field-error="merchant-email">Enter a valid e-mail address</span>');
    const platform = await agent
      .post('/admin/tenancy/platforms')
      .type('form')
      .send({ _csrf: csrf, code: 'Bad Code', name: 'Bad' })
      .expect(400);
    expect(platform.text).to.include(
      'data-field-error="platform-code">Use 2–39 lower-case letters, digits or -, starting with a letter</span>',
    );
    const bad = await agent
      .post('/admin/tenancy/stores/formshop/domains')
      .type('form')
      .send({ _csrf: csrf, domain: 'not a domain!' })
      .expect(400);
    expect(bad.text).to.include('value="not a domain!"');
    expect(bad.text).to.include('data-field-error="domain-domain">Enter a domain name such as shop.example.com</span>');
    expect(bad.text).to.match(/id="domain-domain"[^>]*aria-invalid="true" aria-describedby="domain-domain-error"/);
    expect(bad.text).not.to.match(/\^\(|must match|Invalid input/);
  });

  it('shows the store team to staff read-only and lets the owner manage it', async () => {
    const staff = request.agent(test.app);
    expect((await signIn(staff, '/store/fashion', 'staff@fashion.local')).headers.location).to.equal('/store/fashion');
    const readOnly = await staff.get('/store/fashion/tenancy/team').set('accept', 'text/html').expect(200);
    expect(readOnly.text).to.include('data-member="owner@fashion.local"').and.not.include('Add a member');
    await staff.get('/store/fashion/tenancy/settings').set('accept', 'text/html').expect(403);
    const owner = request.agent(test.app);
    await signIn(owner, '/store/fashion', 'owner@fashion.local');
    const team = await owner.get('/store/fashion/tenancy/team').set('accept', 'text/html').expect(200);
    expect(team.text).to.include('Add a member');
    const csrf = hiddenField(team.text, '_csrf')!;
    await owner
      .post('/store/fashion/tenancy/settings')
      .type('form')
      .send({ _csrf: csrf, name: 'Fashion Corner Lux', currency: 'EUR', locale: 'lb' })
      .expect(303);
    const settings = await owner.get('/store/fashion/tenancy/settings').set('accept', 'text/html').expect(200);
    expect(settings.text)
      .to.include('value="Fashion Corner Lux"')
      .and.to.match(/value="lb" selected/);
    await owner
      .post('/store/fashion/tenancy/settings')
      .type('form')
      .send({ _csrf: csrf, name: 'Fashion Corner' })
      .expect(303);
    await owner.get('/store/fashion/tenancy/roles').set('accept', 'text/html').expect(200);
  });

  it('shows each permission on the roles page by its translated name and description, grouped by plugin', async () => {
    const owner = request.agent(test.app);
    await signIn(owner, '/store/fashion', 'owner@fashion.local');
    const page = await owner.get('/store/fashion/tenancy/roles').set('accept', 'text/html').expect(200);
    const manager = page.text.slice(page.text.indexOf('data-role="manager"'), page.text.indexOf('data-role="staff"'));
    expect(manager).to.include('data-plugin="tenancy"').and.include('data-permission="tenancy.team-manage"');
    expect(manager).to.include('Manage team').and.include('Invite and remove team members and edit roles.');
    const bare = />tenancy\.(team|settings|permissions)[\w.-]*</;
    expect(page.text, 'no bare codes or locale keys on the page').not.to.match(bare);
    expect(page.text).not.to.include('data-permission="customers.account"');
    const german = await owner.get('/store/fashion/tenancy/roles?lang=de').set('accept', 'text/html').expect(200);
    expect(german.text).to.include('Team verwalten');
    expect(german.text).to.include('Teammitglieder einladen und entfernen und Rollen bearbeiten.');
  });

  it('signs out through the form: the cookies are cleared and the token is refused', async () => {
    const agent = request.agent(test.app);
    const res = await signIn(agent, '/admin', 'admin@wizamart.local');
    const token = /wz_admin=([^;]+)/.exec(setCookies(res).join('\n'))![1];
    const page = await agent.get('/admin/tenancy/admins').set('accept', 'text/html').expect(200);
    const out = await agent
      .post('/admin/auth/logout')
      .type('form')
      .send({ _csrf: hiddenField(page.text, '_csrf')! })
      .expect(303);
    expect(out.headers.location).to.equal('/admin/auth/login');
    expect(setCookies(out).filter((line) => line.startsWith('wz_admin=;'))).to.have.length(2);
    await request(test.app).get('/api/v1/admin/me').set('authorization', `Bearer ${token}`).expect(401);
  });
});
