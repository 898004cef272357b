// bench-storefront's server children and load generator, following bench-http: each server runs in a child process
// that reports its URL over IPC (its log on stdout goes to /dev/null) and its CPU time on request; the load is
// CONNECTIONS keep-alive clients issuing GETs back to back for a fixed time, cycling through `paths`.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
export { load, median, quantile } from './load.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts `storefront-server.mjs <mode>` on `databaseUrl`; resolves once it listens. */
export function startServer(mode, databaseUrl, env = {}, execArgv = []) {
  const devNull = openSync('/dev/null', 'w');
  const child = spawn(process.execPath, [...execArgv, path.join(here, 'storefront-server.mjs'), mode], {
    stdio: ['ignore', devNull, 'inherit', 'ipc'],
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
  });
  closeSync(devNull);
  return new Promise((resolve, reject) => {
    const failed = (code) => reject(new Error(`${mode} server exited ${code}`));
    child.once('exit', failed);
    child.once('message', (message) => {
      child.off('exit', failed);
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
      const stop = () =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', done);
          child.kill('SIGTERM');
        });
      resolve({ url: message.ready, cpu, stop });
    });
  });
}

/** One GET; resolves with status and body (for checks before measuring). */
export function fetchText(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] ?? '', body }));
      })
      .on('error', reject);
  });
}
