import { fileURLToPath } from 'node:url';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { signIn } from '@wizamart/plugin-auth/testing';
import request from 'supertest';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** core + tenancy + auth + customers: what the customers integration tests boot. */
export const PLUGINS = ['core', 'tenancy', 'auth', 'customers'].map((code) => `${PLUGINS_DIR}${code}`);

export { bearer, DEMO_PASSWORD } from '@wizamart/plugin-auth/testing';

/** Runs a seed set on the test host (its type belongs to @wizamart/host). */
export const runSeeds = (test: TestHost, set: string) =>
  (test.host as { runSeeds(set: string): Promise<string[]> }).runSeeds(set);

/**
 * Boots core, tenancy, auth and customers on a fresh database and runs the demo seed (stores fashion and techhub,
 * their staff, the demo shopper). Login limits are raised unless `env` sets them: suites sign in often.
 */
export async function bootCustomers(env: Record<string, string> = {}): Promise<TestHost> {
  return startTestHost({
    plugins: PLUGINS,
    env: { WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '1000', WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000', ...env },
    seeds: ['demo'],
  });
}

/** Signs a staff member in through the store API and returns the bearer token. */
export const staffToken = (test: TestHost, email: string, store: string): Promise<string> =>
  signIn(test, { store, email });

/** Registers a shopper through the storefront API of `store` and returns the response body. */
export async function register(test: TestHost, store: string, body: { email: string; password: string; name: string }) {
  const res = await request(test.app).post(`/api/v1/storefront/${store}/customers/auth/register`).send(body);
  if (res.status !== 201)
    throw new Error(`register ${body.email} in ${store} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { customer: { id: string; email: string; name: string }; token: string; expiresAt: string };
}

/** The `_csrf` value of the first form in a page. */
export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no _csrf field in the page');
  return token;
}
