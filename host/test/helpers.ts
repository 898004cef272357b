import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { Kernel, type KernelOptions } from '../src/kernel/kernel.js';

/** Folder of the fixture scenarios (source tree, since fixtures are plain JS and are not compiled). */
export const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

/** An empty app folder (a package.json and nothing installed) so only the given plugin paths are discovered. */
export function emptyApp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wz-app-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  return dir;
}

/** Registration log written by the fixture plugins. */
export function fixtureLog(): string[] {
  const global = globalThis as { __wzFixtureLog?: string[] };
  global.__wzFixtureLog ??= [];
  return global.__wzFixtureLog;
}

export function resetFixtureLog(): void {
  fixtureLog().length = 0;
}

/** A kernel over one fixture scenario, discovered through WIZAMART_PLUGIN_PATHS as an operator would. */
export function fixtureKernel(scenario: string | string[], options: KernelOptions = {}): Kernel {
  const scenarios = Array.isArray(scenario) ? scenario : [scenario];
  const env = {
    WIZAMART_APP_DIR: emptyApp(),
    WIZAMART_PLUGIN_PATHS: scenarios.map((name) => path.join(FIXTURES, name)).join(path.delimiter),
    ...options.env,
  };
  return new Kernel({ logger: pino({ level: 'silent' }), hookTimeoutMs: 300, ...options, env });
}

/** Boots a fixture kernel through register and start. */
export async function bootFixtures(scenario: string | string[], options: KernelOptions = {}): Promise<Kernel> {
  const kernel = fixtureKernel(scenario, options);
  await kernel.resolve();
  await kernel.register();
  await kernel.start();
  return kernel;
}

/** The plugin node with `code` (by package name when codes collide). */
export function nodeOf(kernel: Kernel, code: string) {
  const node = kernel.plugins.find((candidate) => candidate.code === code || candidate.pkg.packageName === code);
  if (!node) throw new Error(`no plugin ${code} among ${kernel.plugins.map((p) => p.code).join(', ')}`);
  return node;
}
