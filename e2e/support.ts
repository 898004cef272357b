import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startTestHost, type TestHost } from '@wizamart/host/testing';

/** The repository root (e2e/dist/ → ../..). */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Every first-party plugin package folder, in a fixed order (each after the plugins it requires). */
export const FIRST_PARTY = [
  'core',
  'tenancy',
  'auth',
  'cms',
  'customers',
  'catalog',
  'inventory',
  'cart',
  'payments',
  'orders',
  'checkout',
].map((code) => path.join(REPO, 'plugins', code));

/** Two optional fixture plugins (gift-notes requires wishlist) and one that fails at boot, for enablement tests. */
export const ENABLEMENT_FIXTURES = [
  path.join(REPO, 'e2e', 'fixtures', 'plugins', 'wishlist'),
  path.join(REPO, 'e2e', 'fixtures', 'plugins', 'gift-notes'),
  path.join(REPO, 'host', 'test', 'fixtures', 'runtime', 'bad-migration'),
];

/** Debian's Chromium; browser tests never download a browser. */
export const CHROMIUM = process.env.WIZAMART_CHROMIUM ?? '/usr/bin/chromium';

/** Where browser tests save screenshots. */
export const OUTPUT = path.join(REPO, 'test-output', 'screenshots');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium through playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** True when the browser tests can run here (CI installs Chromium with apt-get). */
export function browserAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Saves a full-page screenshot as `<name>.png` under test-output/screenshots. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A host with every first-party plugin, the enablement fixtures and the demo data (not listening). */
export async function startEnablementHost(): Promise<TestHost> {
  return startTestHost({
    plugins: [...FIRST_PARTY, ...ENABLEMENT_FIXTURES],
    env: { WIZAMART_JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-42' },
    seeds: ['demo'],
  });
}

/** A host with every first-party plugin and the demo data, served on a free port. */
export async function startDemoHost(): Promise<{ test: TestHost; url: string }> {
  const test = await startTestHost({
    plugins: FIRST_PARTY,
    env: { WIZAMART_JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-42' },
    seeds: ['demo'],
  });
  const { url } = await test.host.listen(0, '127.0.0.1');
  return { test, url };
}
