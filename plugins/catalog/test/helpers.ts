import { fileURLToPath } from 'node:url';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer, signIn } from '@wizamart/plugin-auth/testing';
import request from 'supertest';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** core + tenancy + auth + cms + catalog (+ inventory when asked): what the catalog integration tests boot. */
export function pluginDirs(extra: string[] = []): string[] {
  return ['core', 'tenancy', 'auth', 'cms', 'catalog', ...extra].map((code) => `${PLUGINS_DIR}${code}`);
}

export { bearer, DEMO_PASSWORD } from '@wizamart/plugin-auth/testing';

/** Runs a seed set on the test host (its type belongs to @wizamart/host). */
export const runSeeds = (test: TestHost, set: string) =>
  (test.host as { runSeeds(set: string): Promise<string[]> }).runSeeds(set);

/**
 * Boots the catalog plugins on a fresh database and runs the demo seed (stores fashion and techhub with staff; the
 * demo products only when `env` turns them on, so suites start from empty catalogs).
 */
export async function bootCatalog(extra: string[] = [], env: Record<string, string> = {}): Promise<TestHost> {
  return startTestHost({
    plugins: pluginDirs(extra),
    env: {
      WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '1000',
      WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000',
      WIZAMART_CATALOG_DEMO_PRODUCTS: 'false',
      ...env,
    },
    seeds: ['demo'],
  });
}

/** Signs a staff member in through the store API and returns the bearer token. */
export const staffToken = (test: TestHost, email: string, store: string): Promise<string> =>
  signIn(test, { store, email });

/** A minimal valid product body; `variants` default to one variant with a SKU derived from the title. */
export function productBody(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const sku =
    title
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'SKU';
  return { title, status: 'active', variants: [{ sku, price: 1000 }], ...extra };
}

/** Creates a product through the store API and returns its body. */
export async function createProduct(test: TestHost, token: string, store: string, body: Record<string, unknown>) {
  const res = await request(test.app).post(`/api/v1/store/${store}/catalog/products`).set(bearer(token)).send(body);
  if (res.status !== 201) throw new Error(`create product in ${store} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; slug: string; variants: Array<{ id: string; sku: string }> };
}
