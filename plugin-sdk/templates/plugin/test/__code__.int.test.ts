import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';

const require = createRequire(import.meta.url);
/** This package (dist/test/ → ../..) and the first-party plugins it requires, as installed dev dependencies. */
const PLUGIN_DIR = fileURLToPath(new URL('../../', import.meta.url));
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
const PLUGINS = ['core', 'tenancy', 'auth'].map((code) => packageDir(`@wizamart/plugin-${code}`)).concat(PLUGIN_DIR);
const { version } = require(path.join(PLUGIN_DIR, 'package.json')) as { version: string };

/** The demo admin of the tenancy plugin's demo seed (password: WIZAMART_DEMO_PASSWORD, default wizamart-demo). */
const ADMIN = { email: 'admin@wizamart.local', password: process.env.WIZAMART_DEMO_PASSWORD ?? 'wizamart-demo' };

async function waitForJob(test: TestHost, token: string, id: string): Promise<{ state: string; note: string | null }> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const res = await request(test.app).get(`/api/v1/admin/__code__/jobs/${id}`).set('authorization', `Bearer ${token}`).expect(200);
    if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('__code__: on a real host', function () {
  this.timeout(120_000);
  let test: TestHost;
  let token: string;
  const api = (url: string) => `/api/v1/admin/__code__${url}`;
  const bearer = () => ({ authorization: `Bearer ${token}` });

  before(async () => {
    test = await startTestHost({ plugins: PLUGINS, seeds: ['demo'] });
    const login = await request(test.app).post('/api/v1/admin/auth/login').send(ADMIN);
    if (login.status !== 200) throw new Error(`admin login → ${login.status} ${JSON.stringify(login.body)}`);
    token = login.body.token as string;
  });
  after(async () => test?.stop());

  it('answers its public status route with its code and version', async () => {
    const res = await request(test.app).get(api('/status')).expect(200);
    expect(res.body).to.deep.equal({ plugin: '__code__', version, ok: true });
  });

  it('refuses the notes API without a sign-in', async () => {
    const res = await request(test.app).get(api('/notes')).expect(401);
    expect(res.body.error.code).to.equal('WZ_AUTH_UNAUTHENTICATED');
  });

  it('adds and lists notes; a bad note is refused and stores nothing', async () => {
    const created = await request(test.app).post(api('/notes')).set(bearer()).send({ text: '  Order more boxes ' }).expect(201);
    expect(created.body).to.include({ platform: 'main', text: 'Order more boxes' });
    const refused = await request(test.app).post(api('/notes')).set(bearer()).send({ text: '' }).expect(400);
    expect(refused.body.error.code).to.equal('WZ_VALIDATION');
    const list = await request(test.app).get(api('/notes')).set(bearer()).expect(200);
    expect(list.body.items.map((note: { text: string }) => note.text)).to.deep.equal(['Order more boxes']);
  });

  it('shows the notes page in the admin layout, with its menu item', async () => {
    const res = await request(test.app).get('/admin/__code__').set(bearer()).set('accept', 'text/html').expect(200);
    expect(res.text).to.include('Order more boxes');
    expect(res.text).to.match(/href="[^"]*\/admin\/__code__\/?"/);
  });

  it('tidies old notes in a background job', async () => {
    const old = await request(test.app).post(api('/notes')).set(bearer()).send({ text: 'Last year’s note' }).expect(201);
    await test.db('__schema__.notes').where({ id: old.body.id }).update({ created_at: new Date(Date.now() - 400 * 86_400_000) });
    const started = await request(test.app).post(api('/tidy')).set(bearer()).send({ olderThanDays: 365 }).expect(202);
    const job = await waitForJob(test, token, started.body.id);
    expect(job).to.include({ state: 'completed', note: 'removed 1' });
    const list = await request(test.app).get(api('/notes')).set(bearer()).expect(200);
    expect(list.body.items.map((note: { text: string }) => note.text)).to.deep.equal(['Order more boxes']);
    const unknown = await request(test.app).get(api('/jobs/000000000000000000000000')).set(bearer()).expect(404);
    expect(unknown.body.error.code).to.equal('WZ___CODE___JOB_NOT_FOUND');
  });

  it('reports its health check on /health', async () => {
    const res = await request(test.app).get('/health').expect(200);
    const check = (res.body.checks as Array<{ name: string; status: string }>).find((entry) => entry.name === '__code__.notes');
    expect(check?.status).to.equal('ok');
  });
});
