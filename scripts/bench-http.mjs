#!/usr/bin/env node
// Requests/s and p50/p99 of a trivial plugin route through the host's full middleware stack (request id + pino
// logging, metrics, tenant, enablement gate, body parsing, router, error handler) against the same handler on bare
// express, in one run, alternating rounds so both see the same machine. Target: host/bare ratio >= 0.8.
// The host logs every request at info level as in production; its log goes to /dev/null. A second baseline mounts the
// handler in an express Router (as plugins are mounted), to show what router nesting alone costs. The host uses the
// embedded database unless BENCH_DATABASE_URL names a server (in-process PGlite shares the CPU with HTTP).
// Noise: each round measures every mode once (order alternating), so the host/bare ratio is also taken per round and
// reported as median and range; the servers' CPU time per request (user + system, all threads) is printed beside
// req/s, as it moves less than throughput when other processes share the cores. The load average is printed too.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as loadPaths, median } from './bench/load.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PATH = '/api/v1/storefront/demo/ping/ping';

function startServer(mode) {
  // The host logs every request at info level, as in production; like a production log shipper's file, the log goes
  // to /dev/null rather than through a pipe this process would have to drain while it generates the load.
  const devNull = openSync('/dev/null', 'w');
  const child = spawn(process.execPath, [path.join(here, 'bench', 'http-server.mjs'), mode], {
    stdio: ['ignore', devNull, 'inherit', 'ipc'],
  });
  closeSync(devNull);
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      const cpu = () =>
        new Promise((done) => {
          const listener = (reply) => {
            if (!reply.cpu) return;
            child.off('message', listener);
            done(reply.cpu.user + reply.cpu.system);
          };
          child.on('message', listener);
          child.send('cpu');
        });
      resolve({
        url: message.ready,
        cpu,
        stop: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited ${code}`)));
  });
}

/** The load of one measurement: `CONNECTIONS` keep-alive clients on the bench route for `seconds`. */
const load = (url, seconds) => loadPaths(url, [PATH], seconds, CONNECTIONS);

const load0 = loadavg()[0];
const MODES = ['bare', 'bare-router', 'host'];
const results = { host: [], bare: [], 'bare-router': [] };
for (const mode of MODES) {
  const server = await startServer(mode);
  await load(server.url, 1); // warm-up: JIT, pools, first-request paths
  await server.stop();
}
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of round % 2 === 0 ? MODES : [...MODES].reverse()) {
    const server = await startServer(mode);
    await load(server.url, 1);
    const cpuBefore = await server.cpu();
    const run = await load(server.url, SECONDS);
    run.cpuPerRequest = ((await server.cpu()) - cpuBefore) / run.requests;
    results[mode].push(run);
    await server.stop();
  }
}

const summary = Object.fromEntries(
  Object.entries(results).map(([mode, runs]) => [
    mode,
    {
      rps: median(runs.map((r) => r.rps)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      cpu: median(runs.map((r) => r.cpuPerRequest)),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
    },
  ]),
);
const ratio = summary.host.rps / summary.bare.rps;
const perRound = results.host.map((run, round) => run.rps / results.bare[round].rps).sort((a, b) => a - b);
console.log(
  `bench-http: GET ${PATH}, ${CONNECTIONS} keep-alive connections, ${ROUNDS} rounds x ${SECONDS} s each (node ${process.version})`,
);
const LABELS = { bare: 'bare express route ', 'bare-router': 'bare express router', host: 'host full stack    ' };
for (const mode of MODES) {
  const s = summary[mode];
  const spread = `${Math.min(...results[mode].map((r) => r.rps)).toFixed(0)}–${Math.max(...results[mode].map((r) => r.rps)).toFixed(0)}`;
  console.log(
    `  ${LABELS[mode]}  ${s.rps.toFixed(0).padStart(7)} req/s (${spread})  p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  server CPU ${s.cpu.toFixed(0)} µs/req  errors ${s.errors}`,
  );
}
console.log(
  `  ratio host/bare req/s ${ratio.toFixed(2)}  (target >= 0.8: ${ratio >= 0.8 ? 'MET' : 'NOT MET'}); per round: median ${median(perRound).toFixed(2)}, range ${perRound[0].toFixed(2)}–${perRound[perRound.length - 1].toFixed(2)}`,
);
console.log(`  ratio bare/host server CPU per request ${(summary.bare.cpu / summary.host.cpu).toFixed(2)}`);
console.log(
  `  ratio host/bare-router req/s ${(summary.host.rps / summary['bare-router'].rps).toFixed(2)}  (router nesting alone: bare-router/bare ${(summary['bare-router'].rps / summary.bare.rps).toFixed(2)})`,
);
console.log(
  `  database: ${process.env.BENCH_DATABASE_URL ? 'server' : 'embedded (in process)'}; load average ${load0.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end (other load on the machine skews req/s more than CPU per request)`,
);
