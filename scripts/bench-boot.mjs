#!/usr/bin/env node
// Time to ready of `wizamart start` with all first-party plugins, cold (new database: schema + every migration) and
// warm (existing database), on the embedded database and on a PostgreSQL server, plus the time of each boot step.
// Time to ready is measured from spawning the process to its "ready at http://…" line, so it includes Node's own
// start-up and every import. Target: warm boot to ready under 1.5 s on a real server.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createFreshDatabase } from '../host/dist/src/testing/test-host.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(root, 'host', 'bin', 'wizamart.js');
const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SERVER =
  process.env.BENCH_DATABASE_URL ?? process.env.WIZAMART_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const STEPS = ['discover', 'resolve', 'import', 'register', 'migrate', 'start'];

const firstParty = existsSync(path.join(root, 'plugins'))
  ? readdirSync(path.join(root, 'plugins')).filter((name) =>
      existsSync(path.join(root, 'plugins', name, 'package.json')),
    )
  : [];

function boot(env) {
  const began = performance.now();
  const child = spawn(process.execPath, [BIN, 'start', '--port', '0'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'info', LOG_PRETTY: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((resolve, reject) => {
    let ready = false;
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (ready || !/ready at http:\/\//.test(out)) return;
      ready = true;
      const readyMs = performance.now() - began;
      child.once('exit', () => {
        const line = out.split('\n').find((l) => l.includes('"host ready"'));
        resolve({ readyMs, timings: line ? JSON.parse(line).timings : undefined });
      });
      child.kill('SIGTERM');
    });
    child.once('exit', (code) => {
      if (!/ready at/.test(out)) reject(new Error(`start exited ${code}:\n${err}${out}`));
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function report(label, cold, warm) {
  const warmMs = median(warm.map((run) => run.readyMs));
  console.log(
    `  ${label.padEnd(9)} cold ${cold.readyMs.toFixed(0).padStart(5)} ms   warm median ${warmMs.toFixed(0).padStart(5)} ms  (min ${Math.min(...warm.map((r) => r.readyMs)).toFixed(0)}, max ${Math.max(...warm.map((r) => r.readyMs)).toFixed(0)}, ${warm.length} runs)`,
  );
  for (const [name, runs] of [
    ['cold', [cold]],
    ['warm', warm],
  ]) {
    const steps = STEPS.map(
      (step) => `${step} ${(median(runs.map((run) => run.timings?.[step] ?? 0)) * 1000).toFixed(1)}`,
    );
    console.log(
      `    ${name} steps (ms, median): ${steps.join('  ')}  | in-process total ${(median(runs.map((run) => run.timings?.total ?? 0)) * 1000).toFixed(0)}`,
    );
  }
  return warmMs;
}

/** A fresh database on the server (dropped afterwards), or undefined when no server answers. */
async function serverDatabase() {
  return createFreshDatabase(SERVER, 'wz_bench_boot').catch(() => undefined);
}

console.log(
  `bench-boot: wizamart start to ready, ${firstParty.length} first-party plugins${firstParty.length ? ` (${firstParty.join(', ')})` : ''}, ${WARM_RUNS} warm runs (node ${process.version})`,
);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wz-bench-boot-'));
const embeddedEnv = { WIZAMART_DATA_DIR: dataDir, DATABASE_URL: '' };
const embeddedCold = await boot(embeddedEnv);
const embeddedWarm = [];
for (let i = 0; i < WARM_RUNS; i++) embeddedWarm.push(await boot(embeddedEnv));
report('embedded', embeddedCold, embeddedWarm);
rmSync(dataDir, { recursive: true, force: true });

const server = await serverDatabase();
if (!server) {
  console.log(`  server    skipped: no PostgreSQL at ${SERVER}`);
} else {
  try {
    // Every host on a server needs the shared token secret (auth refuses to start without one).
    const serverEnv = {
      DATABASE_URL: server.url,
      WIZAMART_JWT_SECRET: process.env.WIZAMART_JWT_SECRET ?? 'bench-only-secret-bench-only-secret-42',
    };
    const cold = await boot(serverEnv);
    const warm = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await boot(serverEnv));
    const warmMs = report('server', cold, warm);
    console.log(
      `  target warm boot to ready on a server < 1500 ms: ${warmMs < 1500 ? 'MET' : 'NOT MET'} (${warmMs.toFixed(0)} ms)`,
    );
  } finally {
    await server.drop();
  }
}
