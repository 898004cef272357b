import { expect } from 'chai';
import request from 'supertest';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import type { RunningHost } from '../src/runtime/host.js';
import { eventually, rawGet, runtimeFixture } from './runtime-helpers.js';

const PLUGINS = [
  ...['ledger', 'audit', 'flaky', 'bad-migration', 'after-bad', 'gatekeeper', 'sneaky', 'open-door'],
  ...['misspelt', 'reader'],
].map(runtimeFixture);

describe('host runtime through the SDK test harness', () => {
  let test: TestHost;
  let host: RunningHost;
  before(async () => {
    test = await startTestHost({ plugins: PLUGINS });
    host = test.host as RunningHost;
  });
  after(async () => test?.stop());

  const stateOf = (code: string) => host.kernel.plugins.find((node) => node.code === code);

  describe('migrations', () => {
    it('creates each plugin table in the plugin’s own schema, in dependency order', async () => {
      const tables = await test
        .db('information_schema.tables')
        .whereIn('table_schema', ['ledger', 'audit', 'public'])
        .whereIn('table_name', ['entries', 'log'])
        .select('table_schema', 'table_name');
      expect(
        tables.map((t: { table_schema: string; table_name: string }) => `${t.table_schema}.${t.table_name}`).sort(),
      ).to.deep.equal(['audit.log', 'ledger.entries']);
      const applied = await test.db('wizamart.plugin_migrations').orderBy('applied_at').select('plugin', 'name');
      expect(applied.map((row: { name: string }) => row.name)).to.deep.equal([
        'ledger_001_create_entries',
        'ledger_002_add_created_at',
        'audit_001_create_log',
      ]);
    });

    it('fails a plugin whose migration throws, rolls its work back and blocks its dependents', async () => {
      expect(stateOf('bad-migration')).to.include({ state: 'failed' });
      expect(stateOf('bad-migration')?.error?.code).to.equal('WZ_MIGRATION_FAILED');
      expect(stateOf('bad-migration')?.error?.message).to.include('disk full while migrating');
      expect(stateOf('after-bad')).to.include({ state: 'blocked' });
      const things = await test
        .db('information_schema.tables')
        .where({ table_schema: 'bad_migration', table_name: 'things' });
      expect(things).to.have.length(0);
    });
  });

  describe('plugin routes', () => {
    it('serves a plugin API backed by its schema-bound ctx.db', async () => {
      await request(test.app).post('/api/v1/admin/ledger/entries').send({ label: 'first' }).expect(201);
      const list = await request(test.app).get('/api/v1/admin/ledger/entries').expect(200);
      expect(list.body.map((row: { label: string }) => row.label)).to.include('first');
      expect(await test.db('ledger.entries').where({ label: 'first' })).to.have.length(1);
    });

    it('mounts routers per surface under the plugin code, with the store in params and tenant', async () => {
      const api = await request(test.app).get('/api/v1/storefront/shop-1/ledger/whoami/hat').expect(200);
      expect(api.body).to.deep.include({ store: 'shop-1', thing: 'hat', baseUrl: '/api/v1/storefront/shop-1/ledger' });
      expect(api.body.tenant).to.include({ platform: 'main', store: 'shop-1', surface: 'storefront' });
      expect((await request(test.app).get('/store/shop-2/ledger').expect(200)).text).to.equal('dashboard of shop-2');
      expect(
        (await request(test.app).post('/api/v1/shared/ledger/webhook').send({ a: 1 }).expect(200)).body,
      ).to.deep.equal({ received: { a: 1 } });
      // Surfaces are not interchangeable: the storefront router is not on the admin or store surface.
      await request(test.app).get('/api/v1/store/shop-1/ledger/whoami/hat').expect(404);
      await request(test.app).get('/api/v1/storefrontx/shop-1/ledger/whoami/hat').expect(404);
      await request(test.app).get('/api/v1/storefront/shop-1/ledgerx/whoami/hat').expect(404);
    });

    it('answers a throwing route with WZ_INTERNAL and no internals', async () => {
      const res = await request(test.app).get('/api/v1/admin/ledger/boom').expect(500);
      expect(res.body).to.deep.equal({ error: { code: 'WZ_INTERNAL', message: res.body.error.message, details: {} } });
      expect(res.text).not.to.match(/hunter2|postgres:\/\/|stack|plugin\.js|at /);
      expect(res.headers['x-request-id']).to.be.a('string');
    });

    it('renders the error view for a throwing page, without internals', async () => {
      const res = await request(test.app).get('/admin/ledger/boom').set('accept', 'text/html').expect(500);
      expect(res.headers['content-type']).to.match(/html/);
      expect(res.text).to.include('WZ_INTERNAL');
      expect(res.text).not.to.match(/page exploded|plugin\.js/);
    });

    it('renders plugin views with namespaced partials', async () => {
      const res = await request(test.app).get('/admin/ledger').set('accept', 'text/html').expect(200);
      expect(res.text).to.include('<h1>Ledger</h1>').and.to.include('Ledger banner');
    });

    it('refuses bodies over 1 MB with 413 and bad JSON with WZ_VALIDATION', async () => {
      const big = await request(test.app)
        .post('/api/v1/admin/ledger/echo')
        .set('content-type', 'application/json')
        .send(JSON.stringify({ blob: 'x'.repeat(1_100_000) }))
        .expect(413);
      expect(big.body.error.code).to.equal('WZ_PAYLOAD_TOO_LARGE');
      await request(test.app)
        .post('/api/v1/admin/ledger/echo')
        .send({ blob: 'x'.repeat(900_000) })
        .expect(200);
      const bad = await request(test.app)
        .post('/api/v1/admin/ledger/echo')
        .set('content-type', 'application/json')
        .send('{"oops":')
        .expect(400);
      expect(bad.body.error.code).to.equal('WZ_VALIDATION');
    });

    it('answers a body in an encoding it cannot read with 415 WZ_PAYLOAD_UNSUPPORTED, not WZ_VALIDATION', async () => {
      const res = await request(test.app)
        .post('/api/v1/admin/ledger/echo')
        .set('content-type', 'application/json')
        .set('content-encoding', 'x-unknown')
        .send('{"a":1}')
        .expect(415);
      expect(res.body).to.deep.equal({
        error: { code: 'WZ_PAYLOAD_UNSUPPORTED', message: 'The request body encoding is not supported', details: {} },
      });
    });

    it('answers unknown paths with WZ_NOT_FOUND and routes of a failed plugin not at all', async () => {
      expect((await request(test.app).get('/api/v1/admin/nothing-here').expect(404)).body.error.code).to.equal(
        'WZ_NOT_FOUND',
      );
      await request(test.app).get('/api/v1/admin/after-bad/anything').expect(404);
    });

    it('gates a plugin disabled on the platform with 404 WZ_PLUGIN_DISABLED', async () => {
      await test.db('wizamart.plugin_enablement').where({ platform: 'main', plugin: 'ledger' }).delete();
      await host.enablement.refresh();
      try {
        const res = await request(test.app).get('/api/v1/admin/ledger/entries').expect(404);
        expect(res.body.error).to.include({ code: 'WZ_PLUGIN_DISABLED' });
      } finally {
        await test
          .db('wizamart.plugin_enablement')
          .insert({ platform: 'main', plugin: 'ledger', reasons: ['explicit'] });
        await host.enablement.refresh();
      }
      await request(test.app).get('/api/v1/admin/ledger/entries').expect(200);
    });
  });

  describe('route guards and pipeline stages', () => {
    it('answers 401 without a principal, 403 without the permission, 200 with it', async () => {
      expect((await request(test.app).get('/api/v1/admin/ledger/private').expect(401)).body.error.code).to.equal(
        'WZ_AUTH_UNAUTHENTICATED',
      );
      const forbidden = await request(test.app)
        .get('/api/v1/admin/ledger/private')
        .set('x-test-principal', 'ann')
        .expect(403);
      expect(forbidden.body.error).to.deep.include({
        code: 'WZ_AUTH_FORBIDDEN',
        details: { missing: ['ledger.read'] },
      });
      await request(test.app)
        .get('/api/v1/admin/ledger/private')
        .set('x-test-principal', 'ann')
        .set('x-test-permissions', 'ledger.read')
        .expect(200);
      expect(
        (
          await request(test.app)
            .get('/api/v1/admin/ledger/anyone-signed-in')
            .set('x-test-principal', 'bob')
            .expect(200)
        ).body,
      ).to.deep.equal({ who: 'bob' });
    });

    it('fails a plugin with an unguarded route at registration, naming the route', () => {
      expect(stateOf('open-door')?.error?.code).to.equal('WZ_AUTH_ROUTE_UNGUARDED');
      expect(stateOf('open-door')?.error?.message).to.include('DELETE api:admin /everything').and.not.include('/fine');
    });

    it('fails a plugin guarding a route with a permission nobody declares, naming it and the route', async () => {
      expect(stateOf('misspelt')).to.include({ state: 'failed' });
      expect(stateOf('misspelt')?.error?.code).to.equal('WZ_AUTH_PERMISSION_UNDECLARED');
      const message = stateOf('misspelt')?.error?.message;
      expect(message).to.include('nope.view (GET api:admin /report)').and.include('misspelt.veiw (menu admin:report)');
      expect(message).not.to.include('misspelt.view (');
      await request(test.app).get('/api/v1/admin/misspelt/fine').set('x-test-principal', 'ann').expect(404);
      // The host keeps serving everything else.
      await request(test.app).get('/api/v1/admin/ledger/entries').expect(200);
    });

    it('accepts permissions a plugin declares itself or gets from a plugin it requires', async () => {
      expect(stateOf('reader')).to.include({ state: 'ok' });
      const asAnn = (path: string) =>
        request(test.app).get(path).set('x-test-principal', 'ann').set('x-test-permissions', 'ledger.read');
      await asAnn('/api/v1/admin/reader/ledger').expect(200);
      await asAnn('/api/v1/admin/reader/mine').expect(403);
    });

    it('serves surface roots from the home router a core plugin mounted', async () => {
      expect((await request(test.app).get('/admin').expect(200)).text).to.equal('home of admin  at /admin');
      expect((await request(test.app).get('/storefront/shop-1/').expect(200)).text).to.equal(
        'home of storefront shop-1 at /storefront/shop-1',
      );
      await request(test.app).get('/store/shop-1').expect(404);
    });

    it('serves API roots of core plugins for paths no plugin code owns', async () => {
      await request(test.app).get('/api/v1/admin/me').expect(401);
      expect(
        (await request(test.app).get('/api/v1/admin/me').set('x-test-principal', 'cy').expect(200)).body,
      ).to.deep.equal({ id: 'cy', surface: 'admin' });
      await request(test.app).get('/api/v1/admin/ledger/entries').expect(200);
      await request(test.app).get('/api/v1/admin/nothing/here').expect(404);
    });

    it('sends a page request without a principal to the login page, and API requests get 401', async () => {
      const page = await request(test.app).get('/admin/gatekeeper/secret?x=1').set('accept', 'text/html').expect(303);
      expect(page.headers.location).to.equal('/admin/gatekeeper/login?next=%2Fadmin%2Fgatekeeper%2Fsecret%3Fx%3D1');
      await request(test.app)
        .get('/admin/gatekeeper/secret')
        .set('accept', 'text/html')
        .set('x-test-principal', 'dee')
        .expect(200);
    });

    it('refuses pipeline middleware from a non-core plugin', () => {
      expect(stateOf('sneaky')?.error?.code).to.equal('WZ_PLUGIN_STAGE_FORBIDDEN');
    });

    it('runs core stage middleware for every request: the tenant stage decides the platform the gate checks', async () => {
      await request(test.app).get('/api/v1/admin/ledger/entries').expect(200);
      const other = await request(test.app)
        .get('/api/v1/admin/ledger/entries')
        .set('x-test-platform', 'elsewhere')
        .expect(404);
      expect(other.body.error.code).to.equal('WZ_PLUGIN_DISABLED');
    });
  });

  describe('static files', () => {
    it('serves a plugin’s static folder', async () => {
      const res = await request(test.app).get('/static/modules/ledger/css/ledger.css').expect(200);
      expect(res.text).to.include('color: #123');
    });

    for (const attempt of [
      '/static/modules/ledger/../secret.txt',
      '/static/modules/ledger/%2e%2e/secret.txt',
      '/static/modules/ledger/%2E%2E%2Fsecret.txt',
      '/static/modules/ledger/css/%252e%252e%252f%252e%252e%252fsecret.txt',
      '/static/modules/ledger/..%5csecret.txt',
      '/static/modules/ledger/css/..%2f..%2fpackage.json',
    ]) {
      it(`returns 404 for ${attempt}`, async () => {
        // supertest would normalise `..` away; the raw path goes out through the http module unchanged.
        const { url } = await host.listen(0);
        const res = await rawGet(url, attempt);
        expect(res.status).to.equal(404);
        expect(res.body).not.to.include('top secret');
      });
    }
  });

  describe('jobs', () => {
    it('runs a job enqueued from a route for its platform and store, with progress read back', async () => {
      const { body } = await request(test.app)
        .post('/api/v1/admin/ledger/count')
        .send({ label: 'job', store: 'shop-1' })
        .expect(202);
      const status = await eventually(
        async () => {
          const res = await request(test.app).get(`/api/v1/admin/ledger/jobs/${body.id}`).expect(200);
          return res.body.state === 'completed' ? res.body : undefined;
        },
        10_000,
        'the job to complete',
      );
      expect(status).to.include({ progress: 100, note: 'done' });
      expect(await test.db('ledger.entries').where({ label: 'job@main/shop-1' })).to.have.length(1);
      const metrics = await request(test.app).get('/metrics').expect(200);
      expect(metrics.text).to.match(/wizamart_jobs_total\{job="ledger\.count",outcome="success"\} 1/);
    });

    it('rejects an unknown job id without a database error', async () => {
      await request(test.app).get('/api/v1/admin/ledger/jobs/not-a-uuid').expect(404);
    });
  });

  describe('health and metrics', () => {
    it('reports degraded when a plugin check fails, with every check listed', async () => {
      const res = await request(test.app).get('/health').expect(200);
      expect(res.body.status).to.equal('degraded');
      const byName = Object.fromEntries(res.body.checks.map((check: { name: string }) => [check.name, check]));
      expect(byName.database.status).to.equal('ok');
      expect(byName.jobs.status).to.equal('ok');
      expect(byName['ledger.entries'].status).to.equal('ok');
      expect(byName['flaky.upstream']).to.include({ status: 'down', error: 'upstream payment gateway unreachable' });
      expect(byName['flaky.upstream'].durationMs).to.be.a('number');
    });

    it('is live and ready', async () => {
      await request(test.app).get('/health/live').expect(200);
      await request(test.app).get('/health/ready').expect(200);
    });

    it('exposes request durations by route pattern, plugin states and boot times', async () => {
      await request(test.app).get('/api/v1/admin/ledger/entries').expect(200);
      const res = await request(test.app).get('/metrics').expect(200);
      expect(res.text).to.match(
        /wizamart_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/admin\/ledger\/entries",status="200"\} \d+/,
      );
      // bad-migration, sneaky, open-door, misspelt
      expect(res.text).to.match(/wizamart_plugins\{state="failed"\} 4/);
      expect(res.text).to.match(/wizamart_plugins\{state="blocked"\} 1/);
      expect(res.text).to.match(/wizamart_plugin_boot_duration_seconds\{plugin="ledger"\} [\d.e-]+/);
    });
  });
});
