#!/usr/bin/env node
// Storefront catalog under load on a real PostgreSQL server, in one run:
//   1. 10,000 active products across 100 stores (100 each, with variants, images, categories and generated Markdown
//      descriptions): requests/s and p50/p99 of the listing API, the search API (rotating queries, ranked full text)
//      and the listing HTML page of one store, through the full host with every first-party plugin;
//   2. the same listing (same SQL, same store and page, same JSON) on bare express + pg as the baseline; host/bare
//      req/s ratio, target >= 0.8;
//   3. the same store's listing with 10 stores in the database versus 1,000 stores (100,000 products), on two hosts;
//      p99 ratio, target: within 10%. Also the listing's statements timed straight on the two databases.
// Noise (2 shared cores here): the workloads of a phase take turns in short slices (order alternating) and their
// latencies are pooled, so each sees the same share of whatever else runs; server CPU per request is printed too.
// Every database is new (created on the server at DATABASE_URL, default the local `test` one, and dropped at the end);
// existing databases are never touched. Hosts log every request at info level to /dev/null, as in bench-http.
// Knobs: BENCH_SECONDS (per workload and round, default 3), BENCH_ROUNDS (default 4), BENCH_SLICE_SECONDS (default 1),
// BENCH_CONNECTIONS (default 16; BENCH_SCALE_CONNECTIONS, default 4, for phase 3), BENCH_WARMUP_SECONDS (per server
// and path before measuring, default 3: the JIT needs a few thousand requests), BENCH_PLUGINS (comma-separated plugin
// folders, default every first-party plugin), BENCH_EXPLAIN=1 (print the query plans on the 1,000-store database),
// BENCH_CPU_PROF=<dir> (V8 CPU profiles of the phase-1 host and of the bare server, written to <dir> when they stop;
// open them in Chrome DevTools or any .cpuprofile viewer; profiling slows both, so such a run's figures do not count).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createFreshDatabase } from '../host/dist/src/testing/test-host.js';
import { fetchText, load, median, quantile, startServer } from './bench/storefront-load.mjs';
import { seedStores, storeCode } from './bench/storefront-seed.mjs';
import { listing } from './bench/storefront-sql.mjs';

const SERVER = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const SLICE = Number(process.env.BENCH_SLICE_SECONDS ?? 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
// The scaling comparison is about latency, not throughput: a load that does not saturate the server keeps queueing (and
// its amplification of whatever else runs on the machine) out of the p99.
const SCALE_CONNECTIONS = Number(process.env.BENCH_SCALE_CONNECTIONS ?? 4);
const PER_STORE = 100;
const STORE = storeCode(1);
const LISTING = `/api/v1/storefront/${STORE}/catalog/products`;
// Shoppers' listing page: /storefront/<store>/products (the catalog's short alias), else the plugin's own path.
const PAGES = [`/storefront/${STORE}/products`, `/storefront/${STORE}/catalog/products`];
let PAGE = PAGES[0];
const QUERIES = [
  'merino',
  'cast iron',
  'creme',
  'waterproof',
  'cafe press',
  'steel',
  'wireless earbuds',
  'organic cotton',
  'suede',
  'cashmere',
];
const SEARCHES = QUERIES.map((q) => `${LISTING}?q=${encodeURIComponent(q)}`);
const HOST_ENV = { WIZAMART_JWT_SECRET: process.env.WIZAMART_JWT_SECRET ?? 'bench-only-secret-bench-only-secret-42' };
const PROFILE = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

const began = performance.now();
const load0 = loadavg()[0];
const log = (line) => console.log(line);
const secondsSince = (start) => ((performance.now() - start) / 1000).toFixed(1);
const cleanups = [];

/**
 * Measures every workload (name → [server, paths]) for ROUNDS x SECONDS seconds in slices of SLICE seconds, the
 * workloads taking turns slice by slice (order alternating), so that each sees the same share of whatever else the
 * machine is doing. Latencies are pooled per workload; req/s is requests over measured time; CPU is the server's.
 */
async function interleaved(workloads, connections = CONNECTIONS) {
  const names = Object.keys(workloads);
  const fresh = () => ({ latencies: [], requests: 0, ok: 0, elapsed: 0, errors: 0 });
  const acc = Object.fromEntries(names.map((name) => [name, { ...fresh(), cpu: 0, rounds: [] }]));
  const slices = Math.max(1, Math.round(SECONDS / SLICE));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names) acc[name].rounds.push(fresh());
    for (let slice = 0; slice < slices; slice++) {
      for (const name of (round * slices + slice) % 2 === 0 ? names : [...names].reverse()) {
        const [server, paths] = workloads[name];
        const before = await server.cpu();
        const run = await load(server.url, paths, SLICE, connections);
        acc[name].cpu += (await server.cpu()) - before;
        for (const into of [acc[name], acc[name].rounds[round]]) {
          into.latencies.push(...run.latencies);
          into.requests += run.requests;
          into.ok += run.latencies.length;
          into.elapsed += run.elapsed;
          into.errors += run.errors;
        }
      }
    }
  }
  const stats = (a) => {
    const sorted = [...a.latencies].sort((x, y) => x - y);
    return { rps: a.ok / a.elapsed, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), errors: a.errors };
  };
  return Object.fromEntries(
    names.map((name) => {
      const a = acc[name];
      const rounds = a.rounds.map(stats);
      const range = `${Math.min(...rounds.map((r) => r.rps)).toFixed(0)}–${Math.max(...rounds.map((r) => r.rps)).toFixed(0)}`;
      return [name, { ...stats(a), cpu: a.cpu / Math.max(1, a.requests), rounds, range }];
    }),
  );
}

const row = (label, s) =>
  `  ${label.padEnd(34)} ${s.rps.toFixed(0).padStart(6)} req/s (${s.range.padStart(9)})  p50 ${s.p50.toFixed(2).padStart(6)} ms  p99 ${s.p99.toFixed(2).padStart(7)} ms  server CPU ${s.cpu.toFixed(0).padStart(5)} µs/req  errors ${s.errors}`;

/** Fails loudly unless the path answers 200 with the expected content type. */
async function check(server, path, type) {
  const res = await fetchText(new URL(path, server.url));
  if (res.status !== 200 || !res.type.includes(type))
    throw new Error(`GET ${path} → ${res.status} ${res.type}: ${res.body.slice(0, 300)}`);
  return res.body;
}

async function stopAll() {
  for (const cleanup of cleanups.reverse())
    await cleanup().catch((error) => console.error(`cleanup: ${error.message}`));
  cleanups.length = 0;
}
process.once('SIGINT', () => stopAll().finally(() => process.exit(130)));

try {
  log(
    `bench-storefront: ${CONNECTIONS} keep-alive connections, ${ROUNDS} rounds x ${SECONDS} s per workload (${SLICE} s slices), store ${STORE} (node ${process.version})`,
  );
  // Two new databases: `main` (100 stores, later 1,000) and `small` (10 stores), each migrated by a first host boot.
  const mainDb = await createFreshDatabase(SERVER, 'wz_bench_storefront');
  cleanups.push(() => mainDb.drop());
  const smallDb = await createFreshDatabase(SERVER, 'wz_bench_storefront_small');
  cleanups.push(() => smallDb.drop());
  let start = performance.now();
  const [host, smallHost] = await Promise.all([
    startServer('host', mainDb.url, HOST_ENV, PROFILE),
    startServer('host', smallDb.url, HOST_ENV),
  ]);
  cleanups.push(
    () => host.stop(),
    () => smallHost.stop(),
  );
  log(`  migrated two new databases (host boot incl. every migration): ${secondsSince(start)} s`);

  const mainPool = new pg.Pool({ connectionString: mainDb.url, max: 2 });
  const smallPool = new pg.Pool({ connectionString: smallDb.url, max: 2 });
  cleanups.push(
    () => mainPool.end(),
    () => smallPool.end(),
  );
  start = performance.now();
  let written = await seedStores(mainPool, { from: 1, to: 100, perStore: PER_STORE });
  written += await seedStores(smallPool, { from: 1, to: 10, perStore: PER_STORE });
  const counts = async (pool) =>
    (
      await pool.query(
        `select (select count(*) from tenancy.stores) as stores, (select count(*) from catalog.products where status = 'active') as products, (select count(*) from catalog.variants) as variants`,
      )
    ).rows[0];
  const mainCounts = await counts(mainPool);
  log(
    `  seeded ${written} products in ${secondsSince(start)} s: main ${mainCounts.stores} stores / ${mainCounts.products} active products / ${mainCounts.variants} variants; small ${(await counts(smallPool)).stores} stores`,
  );

  const bare = await startServer('bare', mainDb.url, {}, PROFILE);
  cleanups.push(() => bare.stop());

  // The baseline must answer with what the host answers: same items in the same order, same totals.
  const hostJson = JSON.parse(await check(host, LISTING, 'application/json'));
  const bareJson = JSON.parse(await check(bare, LISTING, 'application/json'));
  if (hostJson.total !== PER_STORE || hostJson.items.length !== 24)
    throw new Error(`host listing: total ${hostJson.total}, ${hostJson.items.length} items`);
  const same = JSON.stringify(hostJson) === JSON.stringify(bareJson);
  if (!same) {
    // The catalog changed what a listing does: the baseline no longer mirrors it (the run goes on, and exits 1).
    process.exitCode = 1;
    log(
      `  WARNING: the bare listing's JSON differs from the host's; update scripts/bench/storefront-server.mjs\n    host ${JSON.stringify(hostJson.items[0])}\n    bare ${JSON.stringify(bareJson.items[0])}`,
    );
  }
  for (const search of SEARCHES) {
    const found = JSON.parse(await check(host, search, 'application/json'));
    if (found.total === 0) throw new Error(`search ${search} finds nothing`);
  }
  for (const candidate of PAGES) {
    PAGE = candidate;
    if ((await fetchText(new URL(PAGE, host.url))).status === 200) break;
  }
  const html = await check(host, PAGE, 'text/html');
  if (!html.includes(hostJson.items[0].title.replace(/&/g, '&amp;')))
    throw new Error('the listing page does not show the newest product');
  log(
    `  checks: bare listing JSON ${same ? 'identical to' : 'DIFFERENT from'} the host's (${hostJson.items.length} of ${hostJson.total} items); all ${QUERIES.length} searches find products; ${PAGE} shows them`,
  );

  // Phase 1 + 2: 100 stores. Warm up every path, then rounds alternating the order of host and bare.
  const WORK = {
    listing: [host, [LISTING]],
    bare: [bare, [LISTING]],
    search: [host, SEARCHES],
    page: [host, [PAGE]],
  };
  for (const [server, paths] of Object.values(WORK)) await load(server.url, paths, WARMUP, CONNECTIONS);
  const s = await interleaved(WORK);

  // Phase 3: grow `main` to 1,000 stores (the measured store keeps its 100 products), then alternate small and large.
  start = performance.now();
  written = await seedStores(mainPool, { from: 101, to: 1000, perStore: PER_STORE, chunk: 100 });
  const largeCounts = await counts(mainPool);
  log(
    `  grew main to ${largeCounts.stores} stores / ${largeCounts.products} products / ${largeCounts.variants} variants (+${written} products) in ${secondsSince(start)} s`,
  );
  // Two new host processes of the same age for the comparison (the phase-1 host has a larger, older heap by now).
  await Promise.all([host.stop(), smallHost.stop()]);
  const [largeHost, smallFresh] = await Promise.all([
    startServer('host', mainDb.url, HOST_ENV),
    startServer('host', smallDb.url, HOST_ENV),
  ]);
  cleanups.push(
    () => largeHost.stop(),
    () => smallFresh.stop(),
  );
  const smallJson = JSON.parse(await check(smallFresh, LISTING, 'application/json'));
  const largeJson = JSON.parse(await check(largeHost, LISTING, 'application/json'));
  const shape = (json) => JSON.stringify(json.items.map((item) => [item.title, item.price]));
  if (shape(smallJson) !== shape(largeJson) || smallJson.total !== largeJson.total)
    throw new Error('the measured store differs between the 10-store and 1,000-store databases');
  const SCALE = {
    small: [smallFresh, [LISTING]],
    large: [largeHost, [LISTING]],
    smallSearch: [smallFresh, SEARCHES],
    largeSearch: [largeHost, SEARCHES],
  };
  for (const [server, paths] of Object.values(SCALE)) await load(server.url, paths, WARMUP, SCALE_CONNECTIONS);
  // The listing's statements alone, one at a time straight on the database (no HTTP, no queueing): alternating
  // batches on the two databases, so the query's own dependence on the table size shows without the HTTP noise.
  const storeId = async (pool) =>
    (await pool.query('select id from tenancy.stores where code = $1', [STORE])).rows[0].id;
  const direct = { small: [], large: [] };
  const directIds = { small: await storeId(smallPool), large: await storeId(mainPool) };
  for (let batch = 0; batch < 10; batch++) {
    for (const name of batch % 2 === 0 ? ['small', 'large'] : ['large', 'small']) {
      const pool = name === 'small' ? smallPool : mainPool;
      for (let i = 0; i < 50; i++) {
        const t0 = performance.now();
        await listing(pool, directIds[name]);
        direct[name].push(performance.now() - t0);
      }
    }
  }
  for (const values of Object.values(direct)) values.sort((a, b) => a - b);
  const t = await interleaved(SCALE, SCALE_CONNECTIONS);
  log('');
  log(
    `  100 stores, 10,000 products (${ROUNDS * SECONDS} s each, in ${SLICE} s slices taking turns; req/s range over ${ROUNDS} rounds in brackets)`,
  );
  log(row('listing API   (host)', s.listing));
  log(row('search API    (host, 10 queries)', s.search));
  log(row('listing page  (host, HTML)', s.page));
  log(row('listing API   (bare express + pg)', s.bare));
  const ratio = s.listing.rps / s.bare.rps;
  const perRound = s.listing.rounds.map((run, i) => run.rps / s.bare.rounds[i].rps).sort((a, b) => a - b);
  log(
    `  ratio host/bare listing req/s ${ratio.toFixed(2)}  (target >= 0.8: ${ratio >= 0.8 ? 'MET' : 'NOT MET'}); per round: median ${median(perRound).toFixed(2)}, range ${perRound[0].toFixed(2)}–${perRound[perRound.length - 1].toFixed(2)}`,
  );
  log(
    `  ratio bare/host server CPU per listing request ${(s.bare.cpu / s.listing.cpu).toFixed(2)} (steadier than req/s while other processes share the cores)`,
  );
  log('');
  log(
    `  same store (${PER_STORE} products), database with 10 stores (1,000 products) vs 1,000 stores (100,000 products), ${SCALE_CONNECTIONS} connections`,
  );
  log(row('listing API, 10 stores', t.small));
  log(row('listing API, 1,000 stores', t.large));
  log(row('search API,  10 stores', t.smallSearch));
  log(row('search API,  1,000 stores', t.largeSearch));
  const scaling = t.large.p99 / t.small.p99;
  const scalingRounds = t.large.rounds.map((run, i) => run.p99 / t.small.rounds[i].p99).sort((a, b) => a - b);
  log(
    `  listing p99 1,000 stores / 10 stores ${scaling.toFixed(2)} (${t.large.p99.toFixed(2)} vs ${t.small.p99.toFixed(2)} ms)  (target within 10%, <= 1.10: ${scaling <= 1.1 ? 'MET' : 'NOT MET'}); per round: median ${median(scalingRounds).toFixed(2)}, range ${scalingRounds[0].toFixed(2)}–${scalingRounds[scalingRounds.length - 1].toFixed(2)}`,
  );
  const d = (name) =>
    `p50 ${quantile(direct[name], 0.5).toFixed(2)} ms, p99 ${quantile(direct[name], 0.99).toFixed(2)} ms`;
  log(
    `  listing statements straight on the database, ${direct.small.length} sequential runs each: 10 stores ${d('small')}; 1,000 stores ${d('large')}; p99 ratio ${(quantile(direct.large, 0.99) / quantile(direct.small, 0.99)).toFixed(2)}`,
  );
  log(
    `  search p99 1,000 stores / 10 stores ${(t.largeSearch.p99 / t.smallSearch.p99).toFixed(2)} (no target; shown for information)`,
  );
  if (process.env.BENCH_EXPLAIN === '1') {
    // The plans on the 1,000-store database (index use of the listing, the count and a search).
    const { COUNT_SQL, LISTING_SQL } = await import('./bench/storefront-sql.mjs');
    const id = directIds.large;
    const search = `select p.id, ts_rank_cd(p.search, to_tsquery('simple', catalog.search_fold($2))) as rank from catalog.products p where p.store_id = $1 and p.status = 'active' and p.deleted_at is null and p.search @@ to_tsquery('simple', catalog.search_fold($2)) order by rank desc, p.created_at desc, p.id limit 24`;
    for (const [label, sql, params] of [
      ['listing', LISTING_SQL, [id, 24, 0]],
      ['count (a page past the end only)', COUNT_SQL, [id]],
      ['search "cast:* & iron:*"', search, [id, 'cast:* & iron:*']],
    ]) {
      const plan = await mainPool.query(`explain (analyze, buffers, costs off) ${sql}`, params);
      log(`  EXPLAIN ANALYZE ${label} (1,000 stores):\n${plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
    }
  }
  log(
    `  database: PostgreSQL server ${new URL(SERVER).host}; load average ${load0.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end (2 cores here are shared); total ${secondsSince(began)} s`,
  );
} finally {
  await stopAll();
}
