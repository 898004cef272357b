import { fileURLToPath } from 'node:url';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { staffToken } from '@wizamart/plugin-auth/testing';
import request from 'supertest';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const PROBE = fileURLToPath(new URL('../../test/fixtures/payments-probe', import.meta.url));

export { bearer, DEMO_PASSWORD } from '@wizamart/plugin-auth/testing';

/**
 * core + tenancy + auth + payments and the probe plugin (a stand-in for orders/checkout), on a fresh database with
 * the demo seed (stores fashion and techhub offering manual, cod and test). Job processing is off: these tests need
 * no jobs, and on the embedded database the job poller next to many concurrent transactions can stall it.
 */
export async function bootPayments(env: Record<string, string> = {}): Promise<TestHost> {
  const plugins = ['core', 'tenancy', 'auth', 'payments'].map((code) => `${PLUGINS_DIR}${code}`);
  return startTestHost({
    plugins: [...plugins, PROBE],
    env: {
      WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '1000',
      WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000',
      WIZAMART_JOBS: 'false',
      ...env,
    },
    seeds: ['demo'],
  });
}

/** Signs the demo owner of `store` in through the store API and returns the bearer token. */
export const ownerToken = (test: TestHost, store: string): Promise<string> => staffToken(test, store);

/** Authorizes a payment through the probe (as checkout would) and returns the response. */
export function authorize(test: TestHost, store: string, body: Record<string, unknown>) {
  return request(test.app).post(`/api/v1/storefront/${store}/payments-probe/authorize`).send(body);
}
