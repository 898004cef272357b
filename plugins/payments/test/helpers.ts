import { fileURLToPath } from 'node:url';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import request from 'supertest';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const PROBE = fileURLToPath(new URL('../../test/fixtures/payments-probe', import.meta.url));

export const DEMO_PASSWORD = 'wizamart-demo';
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * core + tenancy + auth + payments and the probe plugin (a stand-in for orders/checkout), on a fresh database with
 * the demo seed (stores fashion and techhub offering manual, cod and test). Job processing is off: these tests need
 * no jobs, and on the embedded database the job poller next to many concurrent transactions can stall it.
 */
export async function bootPayments(env: Record<string, string> = {}): Promise<TestHost> {
  const plugins = ['core', 'tenancy', 'auth', 'payments'].map((code) => `${PLUGINS_DIR}${code}`);
  return startTestHost({
    plugins: [...plugins, PROBE],
    env: { WZ_TENANCY_LOGIN_IP_MAX_ATTEMPTS: '1000', WZ_TENANCY_LOGIN_MAX_ATTEMPTS: '1000', WIZAMART_JOBS: 'false', ...env },
    seeds: ['demo'],
  });
}

/** Signs the demo owner of `store` in through the store API and returns the bearer token. */
export async function ownerToken(test: TestHost, store: string): Promise<string> {
  const res = await request(test.app).post(`/api/v1/store/${store}/auth/login`).send({ email: `owner@${store}.local`, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login owner of ${store} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/** Authorizes a payment through the probe (as checkout would) and returns the response. */
export function authorize(test: TestHost, store: string, body: Record<string, unknown>) {
  return request(test.app).post(`/api/v1/storefront/${store}/payments-probe/authorize`).send(body);
}
