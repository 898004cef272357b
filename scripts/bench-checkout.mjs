#!/usr/bin/env node
// Checkout under load on a real PostgreSQL server: BENCH_SHOPPERS (default 50) concurrent shoppers, each in a loop for
// BENCH_SECONDS (default 30) as a new guest: add 1–3 of the 100 seeded products to the cart (1–2 units each), fill the
// four checkout steps (contact, address, shipping, payment with the `test` provider), then place the order with an
// Idempotency-Key and the approved test card. Ten of the products are "hot" (10 units each, asked for in half of
// the carts), so they sell out during the run and the out-of-stock path is raced too; the others have 1,000 units.
// Prints places/s, p50/p99 of the place request, p50 of a whole shopper iteration, the outcomes, and then checks the
// books on the database: orders created = 201 answers, units in orders = stock taken (on hand before − after, and the
// `sold` movements), no variant below zero or with units left reserved, every order's payment captured, nobody
// charged without an order. Exits 1 when a request failed unexpectedly (an error) or a unit was oversold.
// The host runs in a child process (every first-party plugin, logs at info level to /dev/null, job processing on) on a
// new database created on the server at DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and dropped at
// the end; the demo seed (`wizamart seed demo`) gives it the store `fashion` with shipping rates and the test provider.
// The host child counts its SQL statements (scripts/bench-checkout-sql.mjs, preloaded): the figures include the
// statements per shopper iteration over the run and, for one shopper alone after it, the statements of each request
// (the least of three iterations, so that a job's poll in between does not count).
// Knobs: BENCH_SECONDS, BENCH_WARMUP_SECONDS (default 5), BENCH_SHOPPERS, BENCH_CPU_PROF=<folder> (host CPU profile),
// BENCH_SQL_TRACE=1 (print the statements of each of that lone shopper's requests).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { createFreshDatabase } from '../host/dist/src/testing/test-host.js';
import { quantile, startServer } from './bench/storefront-load.mjs';

const SERVER = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const PRODUCTS = 100;
const HOT = 10;
const HOT_STOCK = 10;
const STOCK = 1000;
const STORE = 'fashion';
const CARD = '4242 4242 4242 4242';
const ADDRESS = {
  name: 'Bench Shopper',
  line1: '1 Rue du Marché',
  postalCode: 'L-1111',
  city: 'Luxembourg',
  country: 'LU',
};
const HOST_ENV = {
  WIZAMART_JWT_SECRET: process.env.WIZAMART_JWT_SECRET ?? 'bench-only-secret-bench-only-secret-42',
  WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000',
};

const log = (line) => console.log(line);
const began = performance.now();
const load0 = loadavg()[0];
const cleanups = [];
const agent = new http.Agent({ keepAlive: true, maxSockets: SHOPPERS + 4 });

/** One JSON request; resolves with status, body (parsed when JSON) and the `wz_cart` cookie it set, if any. */
function call(base, method, path, { body, headers = {} } = {}) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      new URL(path, base),
      {
        method,
        agent,
        headers: {
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          const cookie = (res.headers['set-cookie'] ?? []).map((c) => /^wz_cart=([^;]+)/.exec(c)?.[1]).find(Boolean);
          resolve({ status: res.statusCode, body: json, text, cookie });
        });
      },
    );
    req.on('error', (error) => resolve({ status: 0, body: undefined, text: error.message }));
    if (payload) req.write(payload);
    req.end();
  });
}

/** A free TCP port on 127.0.0.1 (for the statement counter of the host child). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net
      .createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address();
        probe.close(() => resolve(port));
      });
  });
}

/** The host child's statement counter (see scripts/bench-checkout-sql.mjs). */
function sqlCounter(port) {
  const ask = async (path, method = 'GET') => (await call(`http://127.0.0.1:${port}`, method, path)).body;
  return {
    count: async () => (await ask('/count')).count,
    trace: () => ask('/trace', 'POST'),
    take: () => ask('/take'),
  };
}

async function stopAll() {
  for (const cleanup of cleanups.reverse())
    await cleanup().catch((error) => console.error(`cleanup: ${error.message}`));
  cleanups.length = 0;
}
process.once('SIGINT', () => stopAll().finally(() => process.exit(130)));

/** Signs the demo owner in and creates the benchmark's products with their stock through the store API. */
async function seedProducts(base) {
  const login = await call(base, 'POST', `/api/v1/store/${STORE}/auth/login`, {
    body: { email: `owner@${STORE}.local`, password: process.env.WIZAMART_DEMO_PASSWORD ?? 'wizamart-demo' },
  });
  if (login.status !== 200) throw new Error(`owner login → ${login.status} ${login.text}`);
  const auth = { authorization: `Bearer ${login.body.token}` };
  const products = [];
  for (let n = 1; n <= PRODUCTS; n++) {
    const hot = n <= HOT;
    const created = await call(base, 'POST', `/api/v1/store/${STORE}/catalog/products`, {
      headers: auth,
      body: {
        title: `Bench ${hot ? 'Hot ' : ''}Product ${n}`,
        status: 'active',
        variants: [{ sku: `BENCH-${n}`, price: 500 + n * 37 }],
      },
    });
    if (created.status !== 201) throw new Error(`product ${n} → ${created.status} ${created.text}`);
    const variantId = created.body.variants[0].id;
    const stock = hot ? HOT_STOCK : STOCK;
    const counted = await call(base, 'POST', `/api/v1/store/${STORE}/inventory/stock/changes`, {
      headers: auth,
      body: { variantId, onHand: stock, reason: 'counted' },
    });
    if (counted.status !== 201) throw new Error(`stock ${n} → ${counted.status} ${counted.text}`);
    products.push({ variantId, hot, stock });
  }
  return products;
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];

/**
 * One shopper iteration as a new guest; returns what happened. Statuses other than the expected ones are errors:
 * add 201 (409 when the product ran out: the line is skipped), steps 200, place 201 or 409 (sold out meanwhile).
 */
async function shop(
  base,
  products,
  stats,
  { observe = (_label, request) => request(), lines = 1 + Math.floor(Math.random() * 3) } = {},
) {
  const hot = products.filter((p) => p.hot);
  const cold = products.filter((p) => !p.hot);
  const wanted = new Map();
  for (let i = 0; i < lines; i++)
    wanted.set(
      (i === 0 && hot.length && Math.random() < 1 / 2 ? pick(hot) : pick(cold)).variantId,
      1 + Math.floor(Math.random() * 2),
    );
  let cookie;
  const headers = () => (cookie ? { cookie: `wz_cart=${cookie}` } : {});
  for (const [variantId, quantity] of wanted) {
    const added = await observe('add', () =>
      call(base, 'POST', `/api/v1/storefront/${STORE}/cart/lines`, {
        headers: headers(),
        body: { variantId, quantity },
      }),
    );
    cookie ??= added.cookie;
    if (added.status === 409 && added.body?.error?.code === 'WZ_CART_INSUFFICIENT_STOCK') stats.addSoldOut++;
    else if (added.status !== 201) return stats.fail(`add ${added.status} ${added.text.slice(0, 200)}`);
  }
  if (!cookie) return 'empty';
  const steps = [
    ['contact', { email: 'bench@example.com' }],
    ['address', { shippingAddress: ADDRESS }],
    ['shipping', { code: 'standard' }],
    ['payment', { provider: 'test' }],
  ];
  for (const [step, body] of steps) {
    const res = await observe(step, () =>
      call(base, 'PUT', `/api/v1/storefront/${STORE}/checkout/${step}`, { headers: headers(), body }),
    );
    if (res.status === 409 && res.body?.error?.code === 'WZ_CHECKOUT_CART_EMPTY') return 'empty';
    if (res.status !== 200) return stats.fail(`${step} ${res.status} ${res.text.slice(0, 200)}`);
  }
  const started = performance.now();
  const placed = await observe('place', () =>
    call(base, 'POST', `/api/v1/storefront/${STORE}/checkout/place`, {
      headers: { ...headers(), 'idempotency-key': randomUUID() },
      body: { payment: { input: { cardNumber: CARD } } },
    }),
  );
  const took = performance.now() - started;
  if (placed.status === 201) {
    stats.placeLatencies.push(took);
    stats.units += placed.body.order.lines.reduce((sum, line) => sum + line.quantity, 0);
    return 'placed';
  }
  if (
    placed.status === 409 &&
    ['WZ_CHECKOUT_OUT_OF_STOCK', 'WZ_CHECKOUT_CART_NOT_READY'].includes(placed.body?.error?.code)
  ) {
    stats.refusedLatencies.push(took);
    return 'soldOut';
  }
  return stats.fail(`place ${placed.status} ${placed.text.slice(0, 200)}`);
}

/** SHOPPERS shoppers in a loop for `seconds`. */
async function run(base, products, seconds) {
  const stats = {
    placed: 0,
    soldOut: 0,
    empty: 0,
    errors: 0,
    addSoldOut: 0,
    units: 0,
    placeLatencies: [],
    refusedLatencies: [],
    iterations: [],
    samples: [],
    fail(message) {
      this.errors++;
      if (this.samples.length < 5) this.samples.push(message);
      return 'error';
    },
  };
  const until = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: SHOPPERS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const outcome = await shop(base, products, stats);
        if (outcome !== 'error') stats[outcome]++;
        stats.iterations.push(performance.now() - t0);
      }
    }),
  );
  stats.elapsed = (performance.now() - start) / 1000;
  for (const list of [stats.placeLatencies, stats.refusedLatencies, stats.iterations]) list.sort((a, b) => a - b);
  return stats;
}

/**
 * The statements of each request of one shopper alone (two lines of products in stock), the least over three
 * iterations, and the texts of each request of the last iteration (printed with BENCH_SQL_TRACE=1).
 */
async function statementsAlone(base, products, sql) {
  const cold = products.filter((p) => !p.hot);
  const least = {};
  let texts = [];
  for (let round = 0; round < 3; round++) {
    const seen = {};
    texts = [];
    const stats = {
      placeLatencies: [],
      refusedLatencies: [],
      units: 0,
      addSoldOut: 0,
      fail: (message) => {
        throw new Error(`lone shopper: ${message}`);
      },
    };
    const observe = async (label, request) => {
      await sql.trace();
      const before = await sql.count();
      const res = await request();
      const after = await sql.take();
      seen[label] = (seen[label] ?? 0) + after.count - before;
      texts.push([label, after.texts]);
      return res;
    };
    const outcome = await shop(base, cold, stats, { observe, lines: 2 });
    if (outcome !== 'placed') throw new Error(`lone shopper: ${outcome}`);
    for (const [label, n] of Object.entries(seen)) least[label] = Math.min(least[label] ?? Infinity, n);
  }
  return { least, texts };
}

/** The books on the database: orders, units, stock before/after, movements, payments. */
async function books(pool, products) {
  const ids = products.map((p) => p.variantId);
  const q = async (sql, params = []) => (await pool.query(sql, params)).rows;
  const [orders] = await q(
    `select count(*)::int as n from orders.orders o join tenancy.stores s on s.id = o.store_id where s.code = $1`,
    [STORE],
  );
  const perVariant = await q(
    `select variant_id as id, sum(quantity)::int as units from orders.order_lines where variant_id = any($1) group by variant_id`,
    [ids],
  );
  const levels = await q(
    `select variant_id as id, sum(on_hand)::int as "onHand", sum(reserved)::int as reserved, min(on_hand)::int as "minOnHand" from inventory.levels where variant_id = any($1) group by variant_id`,
    [ids],
  );
  const [sold] = await q(
    `select coalesce(-sum(delta), 0)::int as units from inventory.movements where reason = 'sold' and variant_id = any($1)`,
    [ids],
  );
  const payments = await q(
    `select p.status, count(*)::int as n from payments.payments p where p.order_ref in (select id::text from orders.orders) group by p.status`,
  );
  // Payments checkout made (their order ref is an attempt's order id) that are still taken although no order exists.
  const [orphans] =
    await q(`select count(*)::int as n from payments.payments p where p.status in ('captured', 'authorized', 'pending')
    and p.order_ref in (select order_id::text from checkout.idempotency_keys) and p.order_ref not in (select id::text from orders.orders)`);
  const unitsBy = new Map(perVariant.map((row) => [row.id, row.units]));
  let taken = 0;
  let oversold = 0;
  let leftReserved = 0;
  for (const product of products) {
    const level = levels.find((row) => row.id === product.variantId) ?? { onHand: 0, reserved: 0, minOnHand: 0 };
    const units = unitsBy.get(product.variantId) ?? 0;
    taken += product.stock - level.onHand;
    leftReserved += level.reserved;
    // Oversold: more units in orders than the product ever had, stock below zero, or orders and stock disagreeing.
    oversold +=
      Math.max(0, units - product.stock) +
      Math.max(0, -level.minOnHand) +
      Math.abs(units - (product.stock - level.onHand));
  }
  const unitsInOrders = perVariant.reduce((sum, row) => sum + row.units, 0);
  const soldOutHot = products.filter((p) => p.hot && levels.find((row) => row.id === p.variantId)?.onHand === 0).length;
  return {
    orders: orders.n,
    unitsInOrders,
    taken,
    soldMovements: sold.units,
    oversold,
    leftReserved,
    payments,
    orphans: orphans.n,
    soldOutHot,
  };
}

const ms = (value) => `${value.toFixed(1)} ms`;

try {
  log(
    `bench-checkout: ${SHOPPERS} concurrent shoppers for ${SECONDS} s (after a ${WARMUP} s warm-up), ${PRODUCTS} products (${HOT} hot with ${HOT_STOCK} units, the rest ${STOCK}), node ${process.version}`,
  );
  const db = await createFreshDatabase(SERVER, 'wz_bench_checkout');
  cleanups.push(() => db.drop());
  let t = performance.now();
  // BENCH_CPU_PROF=<folder>: the host writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const sqlPort = await freePort();
  const preload = ['--import', fileURLToPath(new URL('./bench-checkout-sql.mjs', import.meta.url))];
  const host = await startServer('host', db.url, { ...HOST_ENV, BENCH_SQL_PORT: String(sqlPort) }, [
    ...preload,
    ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
  ]);
  const sql = sqlCounter(sqlPort);
  cleanups.push(() => host.stop());
  log(`  host up on a new database (every migration applied): ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const repo = fileURLToPath(new URL('..', import.meta.url));
  await promisify(execFile)(process.execPath, ['host/bin/wizamart.js', 'seed', 'demo'], {
    cwd: repo,
    env: { ...process.env, ...HOST_ENV, DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
  });
  const products = await seedProducts(host.url);
  log(
    `  demo seed + ${PRODUCTS} products with stock through the store API: ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  cleanups.push(() => pool.end());

  // The warm-up sells too (the JIT needs a few hundred requests); the books below cover it, the figures do not.
  if (WARMUP > 0) await run(host.url, products, WARMUP);
  const cpu0 = await host.cpu();
  const sql0 = await sql.count();
  const s = await run(host.url, products, SECONDS);
  const cpu = (await host.cpu()) - cpu0;
  const statements = (await sql.count()) - sql0;
  const alone = await statementsAlone(host.url, products, sql);
  const b = await books(pool, products);

  log('');
  log(
    `  place order      ${(s.placeLatencies.length / s.elapsed).toFixed(1).padStart(7)} orders/s   p50 ${ms(quantile(s.placeLatencies, 0.5)).padStart(9)}   p99 ${ms(quantile(s.placeLatencies, 0.99)).padStart(9)}   (${s.placeLatencies.length} placed in ${s.elapsed.toFixed(1)} s)`,
  );
  log(
    `  sold out (409)   ${String(s.soldOut).padStart(7)} answers    p50 ${ms(quantile(s.refusedLatencies, 0.5) || 0).padStart(9)}   p99 ${ms(quantile(s.refusedLatencies, 0.99) || 0).padStart(9)}   (+${s.addSoldOut} adds refused for stock, ${s.empty} empty carts)`,
  );
  log(
    `  shopper iteration (add → 4 steps → place) p50 ${ms(quantile(s.iterations, 0.5))}, p99 ${ms(quantile(s.iterations, 0.99))}; server CPU ${(cpu / Math.max(1, s.iterations.length) / 1000).toFixed(1)} ms per iteration`,
  );
  const perRequest = Object.entries(alone.least)
    .map(([label, n]) => `${label} ${n}`)
    .join(', ');
  log(
    `  SQL statements: ${(statements / Math.max(1, s.iterations.length)).toFixed(1)} per shopper iteration over the run (jobs included); one shopper alone with 2 lines: ${perRequest}`,
  );
  if (process.env.BENCH_SQL_TRACE === '1') {
    for (const [label, texts] of alone.texts)
      log(
        `  ${label}: ${texts.length} statements\n${texts.map((text) => `    ${text.replace(/\s+/g, ' ').slice(0, 200)}`).join('\n')}`,
      );
  }
  log(`  errors ${s.errors}${s.samples.length ? `: ${s.samples.join(' | ')}` : ''}`);
  log(
    `  books (warm-up included): orders ${b.orders}, units in orders ${b.unitsInOrders}, stock taken ${b.taken}, sold movements ${b.soldMovements}, units left reserved ${b.leftReserved}, hot products sold out ${b.soldOutHot}/${HOT}`,
  );
  log(
    `  payments of orders: ${b.payments.map((row) => `${row.status} ${row.n}`).join(', ') || 'none'}; captured or authorized payments without an order: ${b.orphans}`,
  );
  const consistent =
    b.unitsInOrders === b.taken &&
    b.taken === b.soldMovements &&
    b.leftReserved === 0 &&
    b.orphans === 0 &&
    b.payments.every((row) => row.status === 'captured') &&
    b.payments.reduce((sum, row) => sum + row.n, 0) === b.orders;
  log(`  oversold units ${b.oversold}; books ${consistent ? 'consistent' : 'INCONSISTENT'}`);
  log(
    `  database: PostgreSQL server ${new URL(SERVER).host}; load average ${load0.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end (the cores are shared); total ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  if (s.errors > 0 || b.oversold > 0 || !consistent) process.exitCode = 1;
} catch (error) {
  console.error(`bench-checkout: ${error.stack ?? error.message}`);
  process.exitCode = 1;
} finally {
  agent.destroy();
  await stopAll();
}
