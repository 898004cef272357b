#!/usr/bin/env node
// Discovery + validation + graph for 1,000 installed packages of which 100 are plugins (target: < 100 ms warm).
// Baseline in the same run: reading every package.json in parallel and doing nothing with it.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { discoverPlugins, resolveGraph, HOST_VERSION } from '../host/dist/src/index.js';

const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 1000);
const PLUGINS = Number(process.env.BENCH_PLUGINS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

function createApp() {
  const app = mkdtempSync(path.join(os.tmpdir(), 'wz-bench-discovery-'));
  writeFileSync(path.join(app, 'package.json'), '{"name":"bench-app","private":true}');
  for (let i = 0; i < PACKAGES; i++) {
    const scoped = i % 5 === 0;
    const name = scoped ? `@scope${i % 17}/pkg-${i}` : `pkg-${i}`;
    const pkg = { name, version: '1.0.0', description: 'x'.repeat(400), dependencies: { lodash: '^4.17.21' } };
    if (i < PLUGINS) {
      const code = `plugin-${i}`;
      const requires = {};
      for (const dep of [i - 1, i - 7, Math.floor(i / 2)])
        if (dep >= 0 && dep < i) requires[`plugin-${dep}`] = '^1.0.0';
      pkg['wizamart-plugin'] = {
        code,
        name: code,
        tier: 'optional',
        host: '^0.1.0',
        entry: './plugin.js',
        requires,
        permissions: [`${code}.view`],
      };
    }
    const dir = path.join(app, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
  }
  return app;
}

async function baseline(app) {
  const root = path.join(app, 'node_modules');
  const names = await readdir(root);
  const dirs = (
    await Promise.all(
      names.map(async (n) =>
        n.startsWith('@')
          ? (await readdir(path.join(root, n))).map((m) => path.join(root, n, m))
          : [path.join(root, n)],
      ),
    )
  ).flat();
  await Promise.all(dirs.map((dir) => readFile(path.join(dir, 'package.json'), 'utf8')));
}

async function full(app) {
  const graph = resolveGraph(await discoverPlugins({ appDir: app }), HOST_VERSION);
  if (graph.order.length !== PLUGINS || graph.order.some((node) => node.state !== 'ok'))
    throw new Error('unexpected graph result');
}

async function measure(fn, app) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn(app);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], min: times[0] };
}

const app = createApp();
try {
  const coldStart = performance.now();
  await full(app);
  const cold = performance.now() - coldStart;
  const base = await measure(baseline, app);
  const warm = await measure(full, app);
  const fmt = (n) => `${n.toFixed(1)} ms`;
  console.log(`bench-discovery: ${PACKAGES} packages, ${PLUGINS} plugins, ${RUNS} warm runs (node ${process.version})`);
  console.log(`  cold (first run, includes ajv compile)    ${fmt(cold)}`);
  console.log(`  warm discover+validate+graph  median ${fmt(warm.median)}  p95 ${fmt(warm.p95)}  min ${fmt(warm.min)}`);
  console.log(`  baseline: read every package.json median ${fmt(base.median)}`);
  console.log(`  ratio warm/baseline ${(warm.median / base.median).toFixed(2)}x`);
  console.log(`  target warm median < 100 ms: ${warm.median < 100 ? 'MET' : 'MISSED'}`);
} finally {
  rmSync(app, { recursive: true, force: true });
}
