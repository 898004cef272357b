import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Test helpers for plugins that require tenancy: sign the demo staff and the demo admin in through the real sign-in
 * API of a test host (`startTestHost({ seeds: ['demo'] })` from `@wizamart/plugin-sdk/testing`) and get the bearer
 * token. Import from `@wizamart/plugin-auth/testing`; it is not loaded by the running platform.
 *
 * @example
 * const owner = await staffToken(test, 'fashion');
 * await request(test.app).get('/api/v1/store/fashion/orders').set(bearer(owner)).expect(200);
 *
 * @packageDocumentation
 */

/** The password the demo seed gives its accounts unless `WIZAMART_DEMO_PASSWORD` says otherwise. */
export const DEMO_PASSWORD = 'wizamart-demo';

/** The `Authorization` header for a bearer token. */
export const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` });

/** Who signs in where: a store's staff (`store` set) or a platform admin (`store` absent). */
export interface SignInOptions {
  /** The store code for staff; leave it out for the admin surface. */
  store?: string;
  email: string;
  /** Defaults to {@link DEMO_PASSWORD}. */
  password?: string;
}

/** Anything with the express app of a test host. */
export interface HasApp {
  app: RequestListener;
}

/** POSTs JSON to `app` on a throw-away local port (no HTTP client dependency for packages that use these helpers). */
async function postJson(app: RequestListener, path: string, body: unknown): Promise<{ status: number; text: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * Signs in through `/api/v1/store/<store>/auth/login` or `/api/v1/admin/auth/login`; throws with the response when
 * refused.
 */
export async function signIn(test: HasApp, options: SignInOptions): Promise<string> {
  const path = options.store === undefined ? '/api/v1/admin/auth/login' : `/api/v1/store/${options.store}/auth/login`;
  const res = await postJson(test.app, path, { email: options.email, password: options.password ?? DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in ${options.email} at ${path} → ${res.status} ${res.text}`);
  return (JSON.parse(res.text) as { token: string }).token;
}

/** The bearer token of a demo store's staff member, by default its owner `owner@<store>.local`. */
export function staffToken(test: HasApp, store: string, email = `owner@${store}.local`): Promise<string> {
  return signIn(test, { store, email });
}

/** The bearer token of the demo platform admin `admin@wizamart.local`. */
export function adminToken(test: HasApp, email = 'admin@wizamart.local'): Promise<string> {
  return signIn(test, { email });
}
