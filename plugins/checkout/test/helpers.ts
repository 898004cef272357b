import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer } from '@wizamart/plugin-auth/testing';
import request from 'supertest';

export { bearer, DEMO_PASSWORD, staffToken } from '@wizamart/plugin-auth/testing';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const PROBE = fileURLToPath(new URL('../../test/fixtures/checkout-probe', import.meta.url));
export const PLUGINS = [
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
];

/** The `test` provider's approved and declined card numbers (plugins/payments/README.md). */
export const CARDS = { approve: '4242 4242 4242 4242', decline: '4000 0000 0000 0002' } as const;

/** A shipping address that passes validation. */
export const ADDRESS = {
  name: 'Ana Shopper',
  line1: '1 Rue du Marché',
  postalCode: 'L-1111',
  city: 'Luxembourg',
  country: 'LU',
};

/** True when the tests run on a PostgreSQL server (where concurrent requests really race). */
export const onServer = Boolean(process.env.WIZAMART_TEST_DATABASE_URL);

/**
 * Every plugin checkout needs, on a fresh database with the demo seed (stores fashion and techhub offering manual,
 * cod and test; orders' Standard 4.90 and Express 9.90 rates; fashion's tax is 17 % inclusive, techhub's 17 % on
 * top). `probe` adds the checkout-probe fixture (a crashed attempt's leftovers). Job processing is off: on the embedded
 * database the job poller next to many concurrent transactions can stall it, and these tests need no jobs.
 */
export async function bootCheckout(
  env: Record<string, string> = {},
  options: { probe?: boolean } = {},
): Promise<TestHost> {
  return startTestHost({
    plugins: [...PLUGINS.map((code) => `${PLUGINS_DIR}${code}`), ...(options.probe ? [PROBE] : [])],
    env: {
      WIZAMART_JWT_SECRET: 'checkout-test-secret-checkout-test-42',
      WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '1000',
      WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000',
      WIZAMART_CATALOG_DEMO_PRODUCTS: 'false',
      WIZAMART_JOBS: 'false',
      ...env,
    },
    seeds: ['demo'],
  });
}

/** Creates a one-variant active product and returns its variant id; `stock` units are counted in when given. */
export async function createVariant(
  test: TestHost,
  owner: string,
  store: string,
  title: string,
  price: number,
  stock?: number,
): Promise<string> {
  const sku = `${title.toUpperCase().replace(/[^A-Z0-9]+/g, '-')}-${randomUUID().slice(0, 6)}`;
  const res = await request(test.app)
    .post(`/api/v1/store/${store}/catalog/products`)
    .set(bearer(owner))
    .send({ title, status: 'active', variants: [{ sku, price }] });
  if (res.status !== 201) throw new Error(`create ${title} → ${res.status} ${JSON.stringify(res.body)}`);
  const variantId = res.body.variants[0].id as string;
  if (stock !== undefined) await setStock(test, owner, store, variantId, stock);
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

/** On hand and reserved units of a variant over all locations, read straight from the database. */
export async function stockOf(test: TestHost, variantId: string): Promise<{ onHand: number; reserved: number }> {
  const row = await test
    .db('inventory.levels')
    .where({ variant_id: variantId })
    .sum({ onHand: 'on_hand', reserved: 'reserved' })
    .first();
  return { onHand: Number(row?.onHand ?? 0), reserved: Number(row?.reserved ?? 0) };
}

/** A guest shopper of one store: the cart cookie, sent with every request. */
export class Guest {
  token = '';

  constructor(
    readonly test: TestHost,
    readonly store: string,
  ) {}

  get api(): string {
    return `/api/v1/storefront/${this.store}`;
  }

  get cookie(): { cookie: string } {
    return { cookie: `wz_cart=${this.token}` };
  }

  /** Adds a line to the cart (the first add sets the cart cookie). */
  async add(variantId: string, quantity = 1): Promise<request.Response> {
    const req = request(this.test.app).post(`${this.api}/cart/lines`).send({ variantId, quantity });
    const res = await (this.token ? req.set(this.cookie) : req);
    const set = ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? [])
      .map((cookie) => /^wz_cart=([^;]+)/.exec(cookie)?.[1])
      .find(Boolean);
    if (set) this.token = set;
    return res;
  }

  put(step: string, body: unknown): request.Test {
    return request(this.test.app)
      .put(`${this.api}/checkout/${step}`)
      .set(this.cookie)
      .send(body as object);
  }

  get(path = ''): request.Test {
    return request(this.test.app).get(`${this.api}/checkout${path}`).set(this.cookie);
  }

  /** Fills every step: contact, address (billing as shipping), shipping and payment. */
  async completeSteps(options: { provider?: string; shipping?: string; email?: string } = {}): Promise<void> {
    const steps: Array<[string, unknown]> = [
      ['contact', { email: options.email ?? 'guest@example.com' }],
      ['address', { shippingAddress: ADDRESS }],
      ['shipping', { code: options.shipping ?? 'standard' }],
      ['payment', { provider: options.provider ?? 'test' }],
    ];
    for (const [step, body] of steps) {
      const res = await this.put(step, body);
      if (res.status !== 200) throw new Error(`PUT ${step} → ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  place(key: string | undefined, body: unknown = { payment: { input: { cardNumber: CARDS.approve } } }): request.Test {
    const req = request(this.test.app).post(`${this.api}/checkout/place`).set(this.cookie);
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body as object);
  }

  cart(): request.Test {
    return request(this.test.app).get(`${this.api}/cart`).set(this.cookie);
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}
