import { fileURLToPath } from 'node:url';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import request from 'supertest';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** core + tenancy + auth: what every auth integration test boots. */
export const PLUGINS = ['core', 'tenancy', 'auth'].map((code) => `${PLUGINS_DIR}${code}`);

/** The password of the demo accounts (WIZAMART_DEMO_PASSWORD default). */
export const DEMO_PASSWORD = 'wizamart-demo';

/** What the tests use of the running host (its type belongs to @wizamart/host). */
export interface HostHandle {
  runSeeds(set: string): Promise<string[]>;
  kernel: {
    contributions: {
      commands: Array<{
        name: string;
        command: { run(args: string[], io: unknown): Promise<number | void> | number | void };
      }>;
    };
  };
}

export const handle = (test: TestHost) => test.host as HostHandle;

/** Boots core, tenancy and auth (plus `extra` plugins) with default settings and runs the demo seed. */
export async function startWithDemo(extra: string[] = [], env: Record<string, string> = {}): Promise<TestHost> {
  return startTestHost({ plugins: [...PLUGINS, ...extra], env, seeds: ['demo'] });
}

/**
 * Boots core, tenancy and auth on a fresh database and runs the demo seed. Login limits are raised unless a test
 * asks for them: most suites sign in far more than 10 times from one address.
 */
export function bootWithDemo(extra: string[] = [], env: Record<string, string> = {}): Promise<TestHost> {
  return startWithDemo(extra, {
    WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '1000',
    WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000',
    ...env,
  });
}

/** Signs in through the API of `surface` (`admin`, or `store` with a store code) and returns the bearer token. */
export async function login(test: TestHost, email: string, store?: string, password = DEMO_PASSWORD): Promise<string> {
  const url = store ? `/api/v1/store/${store}/auth/login` : '/api/v1/admin/auth/login';
  const res = await request(test.app).post(url).send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/** `Authorization` header for a token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The shopper fixture: a stand-in for the customers plugin (storefront principal resolver, storefront tokens). */
export const SHOPPER_FIXTURE = fileURLToPath(new URL('../../test/fixtures/shopper', import.meta.url));

/** The secret tokens are signed with (the generated one in auth.settings unless the env sets one). */
export async function jwtSecret(test: TestHost): Promise<string> {
  if (process.env.WIZAMART_JWT_SECRET) return process.env.WIZAMART_JWT_SECRET;
  const row = await test.db('auth.settings').where({ key: 'jwt_secret' }).first();
  return row.value as string;
}

/** The value of hidden input `name` in a rendered form. */
export function hiddenField(html: string, name: string): string | undefined {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
}

/** The `Set-Cookie` lines of a response. */
export function setCookies(res: { headers: Record<string, unknown> }): string[] {
  const raw = res.headers['set-cookie'];
  return Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : [];
}
