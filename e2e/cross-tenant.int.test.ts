import { createHash } from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import { routeTable, type RouteEntry, type TestHost } from '@wizamart/host/testing';
import { startDemoHost } from './support.js';

const PASSWORD = process.env.WIZAMART_DEMO_PASSWORD ?? 'wizamart-demo';
const VICTIM = 'fashion';
const OTHER = 'techhub';

interface Caller {
  name: string;
  token?: string;
  /** Whether this caller is allowed into the victim store (the control row of the matrix). */
  own: boolean;
}

/** `/api/v1/<surface>/<store>/<plugin><path>` (or the surface API root) with params filled from the victim's data. */
function urlOf(route: RouteEntry, ids: Map<string, string>): string {
  const mount = route.kind === 'root' ? '' : `/${route.plugin}`;
  const path = route.path.replace(/:([A-Za-z_]+)/g, (_match, name: string) =>
    encodeURIComponent(ids.get(`${route.plugin}:${name}`) ?? ids.get(name) ?? '00000000-0000-4000-8000-000000000000'),
  );
  return `/api/v1/${route.surface}/${VICTIM}${mount}${path}`;
}

/** Every row of every plugin table that carries `store_id` = the victim's, hashed, to prove nothing changed. */
async function victimSnapshot(
  test: TestHost,
  storeId: string,
): Promise<{ hash: string; ids: Map<string, string>; needles: string[]; emails: string[] }> {
  const columns: Array<{ table_schema: string; table_name: string }> = await test
    .db('information_schema.columns')
    .where({ column_name: 'store_id' })
    .whereNotIn('table_schema', ['wizamart', 'public', 'information_schema', 'pg_catalog'])
    .select('table_schema', 'table_name')
    .orderBy(['table_schema', 'table_name']);
  const hash = createHash('sha256');
  const ids = new Map<string, string>();
  const needles = new Set<string>();
  for (const { table_schema: schema, table_name: table } of columns) {
    const rows: Array<Record<string, unknown>> = await test
      .db(`${schema}.${table}`)
      .where({ store_id: storeId })
      .orderByRaw('1');
    hash.update(`${schema}.${table}:${JSON.stringify(rows)}`);
    for (const row of rows) {
      if (typeof row.id === 'string') {
        ids.set(`${schema}:id`, ids.get(`${schema}:id`) ?? row.id);
        needles.add(row.id);
      }
      if (typeof row.email === 'string') needles.add(row.email);
    }
  }
  // E-mail addresses are never public: not even a public storefront route may show one of the victim's.
  const staff: Array<{ email: string }> = await test
    .db('tenancy.users')
    .join('tenancy.memberships', 'memberships.user_id', 'users.id')
    .where('memberships.store_id', storeId)
    .select('users.email');
  const emails = [
    ...new Set([...staff.map((row) => row.email), ...[...needles].filter((needle) => needle.includes('@'))]),
  ];
  return { hash: hash.digest('hex'), ids, needles: [...needles, ...emails], emails };
}

async function login(test: TestHost, path: string, email: string): Promise<string> {
  const res = await request(test.app).post(path).send({ email, password: PASSWORD });
  expect(res.status, `${path} ${email}: ${JSON.stringify(res.body)}`).to.equal(200);
  return res.body.token as string;
}

describe('cross-tenant matrix: every store and storefront API route against foreign callers', function () {
  this.timeout(120_000);
  let test: TestHost;
  let routes: RouteEntry[];
  let callers: Caller[];
  let victimId: string;

  before(async () => {
    ({ test } = await startDemoHost());
    routes = routeTable(test.host.kernel.contributions.routes).filter(
      (route) =>
        (route.surface === 'store' || route.surface === 'storefront') &&
        (route.kind === 'api' || route.kind === 'root'),
    );
    victimId = (await test.db('tenancy.stores').where({ code: VICTIM }).first()).id;
    await request(test.app)
      .post(`/api/v1/storefront/${OTHER}/auth/register`)
      .send({ email: 'mallory@example.com', password: PASSWORD, name: 'Mallory' })
      .expect(201);
    callers = [
      {
        name: 'own store staff',
        own: true,
        token: await login(test, `/api/v1/store/${VICTIM}/auth/login`, 'owner@fashion.local'),
      },
      {
        name: "other store's staff",
        own: false,
        token: await login(test, `/api/v1/store/${OTHER}/auth/login`, 'owner@techhub.local'),
      },
      {
        name: 'customer of the other store',
        own: false,
        token: await login(test, `/api/v1/storefront/${OTHER}/auth/login`, 'mallory@example.com'),
      },
      { name: 'admin token', own: false, token: await login(test, '/api/v1/admin/auth/login', 'admin@wizamart.local') },
      { name: 'no token', own: false },
    ];
  });
  after(async () => test?.stop());

  it('finds the routes from the routers (and grows with them)', () => {
    expect(routes.length).to.be.greaterThan(10);
    expect(
      routes.some((route) => route.path.includes('…')),
      'a route mounted with a regular expression cannot be enumerated',
    ).to.equal(false);
  });

  it('rejects every foreign call to a protected route, leaks no victim data and changes no victim row', async () => {
    const before = await victimSnapshot(test, victimId);
    const failures: string[] = [];
    let calls = 0;
    for (const route of routes) {
      const url = urlOf(route, before.ids);
      for (const caller of callers.filter((candidate) => !candidate.own)) {
        let call = request(test.app)[route.method.toLowerCase() as 'get'](url);
        if (caller.token) call = call.set('authorization', `Bearer ${caller.token}`);
        if (!['GET', 'HEAD', 'DELETE'].includes(route.method))
          call = call.send({ name: 'pwned', email: 'pwned@example.com', title: 'pwned', slug: 'pwned', role: 'owner' });
        const res = await call;
        calls++;
        const where = `${route.method} ${url} as ${caller.name} → ${res.status}`;
        if (!route.access?.public && ![401, 403, 404].includes(res.status))
          failures.push(`${where} (expected 401/403/404)`);
        const body = res.text ?? '';
        const leaked = (route.access?.public ? before.emails : before.needles).filter((needle) =>
          body.includes(needle),
        );
        if (leaked.length > 0) failures.push(`${where} leaked ${leaked.join(', ')}`);
      }
    }
    expect(failures, `${failures.length} of ${calls} foreign calls misbehaved`).to.deep.equal([]);
    const after = await victimSnapshot(test, victimId);
    expect(after.hash, 'a row of the victim store changed').to.equal(before.hash);
  });

  it('lets the victim store’s own staff reach its protected store routes (the control row)', async () => {
    const own = callers.find((caller) => caller.own)!;
    const reads = routes.filter(
      (route) => route.surface === 'store' && route.method === 'GET' && !route.path.includes(':'),
    );
    expect(reads.length).to.be.greaterThan(0);
    for (const route of reads) {
      const res = await request(test.app).get(urlOf(route, new Map())).set('authorization', `Bearer ${own.token}`);
      expect(res.status, `${route.method} ${route.path}`).to.be.oneOf([200, 204]);
    }
  });
});
