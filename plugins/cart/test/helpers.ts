import { fileURLToPath } from 'node:url';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer } from '@wizamart/plugin-auth/testing';
import request from 'supertest';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const PROBE = fileURLToPath(new URL('../../test/fixtures/cart-probe', import.meta.url));

export { bearer, DEMO_PASSWORD } from '@wizamart/plugin-auth/testing';

interface Enablement {
  change(
    platform: string,
    code: string,
    action: 'enable' | 'disable',
    options: { dryRun: boolean; release: boolean; actor: string },
  ): Promise<unknown>;
}

/** Turns a plugin on or off on the `main` platform, as an admin would. */
export async function toggle(test: TestHost, code: string, action: 'enable' | 'disable'): Promise<void> {
  await (test.host as { enablementChanges: Enablement }).enablementChanges.change('main', code, action, {
    dryRun: false,
    release: false,
    actor: 'test',
  });
}

/** A fixture plugin with the code `checkout` (its `/checkout/contact` page answers), for the cart page's link. */
export const CHECKOUT_PROBE = fileURLToPath(new URL('../../test/fixtures/checkout-probe', import.meta.url));

/**
 * core, tenancy, auth, cms, customers, catalog, inventory, cart, the cart probe and `extra` plugin folders on a fresh
 * database, demo-seeded.
 */
export async function bootCart(extra: string[] = []): Promise<TestHost> {
  const plugins = ['core', 'tenancy', 'auth', 'cms', 'customers', 'catalog', 'inventory', 'cart'].map(
    (code) => `${PLUGINS_DIR}${code}`,
  );
  const env = {
    WIZAMART_JWT_SECRET: 'cart-test-secret-cart-test-secret-42',
    WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '1000',
    WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000',
    WIZAMART_CATALOG_DEMO_PRODUCTS: 'false',
    WIZAMART_JOBS: 'false',
  };
  return startTestHost({ plugins: [...plugins, PROBE, ...extra], env, seeds: ['demo'] });
}

export { staffToken } from '@wizamart/plugin-auth/testing';

/** Creates a one-variant product and returns its variant id; `stock` units are received when given. */
export async function createVariant(
  test: TestHost,
  owner: string,
  store: string,
  title: string,
  price: number,
  options: { status?: string; stock?: number } = {},
): Promise<string> {
  const sku = title.toUpperCase().replace(/[^A-Z0-9]+/g, '-');
  const res = await request(test.app)
    .post(`/api/v1/store/${store}/catalog/products`)
    .set(bearer(owner))
    .send({ title, status: options.status ?? 'active', variants: [{ sku, price }] });
  if (res.status !== 201) throw new Error(`create ${title} → ${res.status} ${JSON.stringify(res.body)}`);
  const variantId = res.body.variants[0].id as string;
  if (options.stock) await setStock(test, owner, store, variantId, options.stock);
  return variantId;
}

export async function setStock(
  test: TestHost,
  owner: string,
  store: string,
  variantId: string,
  onHand: number,
): Promise<void> {
  const res = await request(test.app)
    .post(`/api/v1/store/${store}/inventory/stock/changes`)
    .set(bearer(owner))
    .send({ variantId, onHand, reason: 'counted' });
  if (res.status !== 201) throw new Error(`stock ${variantId} → ${res.status} ${JSON.stringify(res.body)}`);
}

/** The `wz_cart` token of a response's Set-Cookie headers. */
export function cartCookie(res: { headers: Record<string, unknown> }): string | undefined {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const found = cookies.map((cookie) => /^wz_cart=([^;]*)/.exec(cookie)?.[1]).find((value) => value !== undefined);
  return found;
}
