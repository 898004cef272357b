// Child process of bench-http: serves the ping handler either through the full host or on bare express, reports its
// URL to the parent over IPC (stdout is the host's log, which the parent sends to /dev/null), and exits on SIGTERM.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { pingHandler } from './ping-handler.mjs';

const mode = process.argv[2];
const ready = (url) => (process.send ? process.send({ ready: url }) : console.log(`READY ${url}`));
// The parent asks for this process's CPU time around each measured window (CPU per request is steadier than req/s on a
// machine shared with other work).
process.on('message', (message) => {
  if (message === 'cpu') process.send({ cpu: process.cpuUsage() });
});
const here = path.dirname(fileURLToPath(import.meta.url));

if (mode === 'bare' || mode === 'bare-router') {
  const app = express();
  if (mode === 'bare') app.get('/api/v1/storefront/:store/ping/ping', pingHandler);
  else app.use('/api/v1/storefront/:store/ping', express.Router({ mergeParams: true }).get('/ping', pingHandler));
  const server = app.listen(0, '127.0.0.1', () => ready(`http://127.0.0.1:${server.address().port}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  const { startHost, readPluginPackage } = await import('../../host/dist/src/index.js');
  const pkg = await readPluginPackage(path.join(here, 'ping-plugin'));
  const host = await startHost({
    packages: [pkg],
    dataDir: 'memory://',
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', LOG_PRETTY: 'false' },
  });
  const { url } = await host.listen(0, '127.0.0.1');
  ready(url);
  process.on('SIGTERM', () => host.stop().then(() => process.exit(0)));
}
