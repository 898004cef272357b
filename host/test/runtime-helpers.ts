import { mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFreshDatabase } from '../src/testing/test-host.js';
import { emptyApp, FIXTURES } from './helpers.js';

/** A plugin package folder of the runtime fixtures. */
export function runtimeFixture(name: string): string {
  return path.join(FIXTURES, 'runtime', name);
}

/** Polls `probe` every 50 ms until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** True when the suite runs against a PostgreSQL server rather than the embedded database. */
export const ON_SERVER = Boolean(process.env.WIZAMART_TEST_DATABASE_URL);

/** GETs `rawPath` exactly as written (no URL normalisation of `..`), returning status and body. */
export async function rawGet(baseUrl: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { request } = await import('node:http');
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A fresh database on the test server (`WIZAMART_TEST_DATABASE_URL`), with a function that drops it. */
export function freshServerDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  return createFreshDatabase(process.env.WIZAMART_TEST_DATABASE_URL!, prefix);
}

/**
 * The environment of a `wizamart` CLI test: only the named runtime fixtures installed (a folder of symlinks laid out
 * like node_modules) and a database of its own — a fresh one on the server, a new data folder on the embedded one.
 */
export async function cliEnvironment(
  prefix: string,
  fixtures: string[],
  extra: Record<string, string> = {},
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const pluginDir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-plugins-`));
  for (const name of fixtures) symlinkSync(runtimeFixture(name), path.join(pluginDir, name));
  const env: Record<string, string> = {
    WIZAMART_APP_DIR: emptyApp(),
    WIZAMART_PLUGIN_PATHS: pluginDir,
    NO_COLOR: '1',
    ...extra,
  };
  if (!ON_SERVER) {
    env.WIZAMART_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), `${prefix}-data-`));
    return { env, drop: async () => {} };
  }
  const database = await freshServerDatabase(prefix.replace(/-/g, '_'));
  env.DATABASE_URL = database.url;
  return { env, drop: () => database.drop() };
}
