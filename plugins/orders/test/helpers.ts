import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startTestHost, type TestHost } from '@wizamart/plugin-sdk/testing';
import { bearer } from '@wizamart/plugin-auth/testing';
import request from 'supertest';

export { bearer, DEMO_PASSWORD, staffToken } from '@wizamart/plugin-auth/testing';

const PLUGINS_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const PROBE = fileURLToPath(new URL('../../test/fixtures/orders-probe', import.meta.url));

/** The test provider's approved card (plugins/payments/README.md). */
export const APPROVED_CARD = '4242 4242 4242 4242';
export const DECLINED_CARD = '4000 0000 0000 0002';

export const ADDRESS = {
  name: 'Ada Shopper',
  line1: '1 Rue de la Gare',
  city: 'Luxembourg',
  postalCode: 'L-1611',
  country: 'LU',
};

export const probe = (store: string) => `/api/v1/storefront/${store}/orders-probe`;

/**
 * core, tenancy, auth, cms, customers, catalog, inventory, payments, orders and the probe (a stand-in for checkout) on
 * a fresh database with the demo seed (stores fashion and techhub, their staff, shipping rates and tax settings).
 * Job processing is off unless asked for: most tests need no jobs.
 */
export async function bootOrders(env: Record<string, string> = {}): Promise<TestHost> {
  const plugins = ['core', 'tenancy', 'auth', 'cms', 'customers', 'catalog', 'inventory', 'payments', 'orders'].map(
    (code) => `${PLUGINS_DIR}${code}`,
  );
  return startTestHost({
    plugins: [...plugins, PROBE],
    env: {
      WIZAMART_JWT_SECRET: 'orders-test-secret-orders-test-secret-42',
      WIZAMART_AUTH_LOGIN_IP_MAX_ATTEMPTS: '1000',
      WIZAMART_AUTH_LOGIN_MAX_ATTEMPTS: '1000',
      WIZAMART_CATALOG_DEMO_PRODUCTS: 'false',
      WIZAMART_JOBS: 'false',
      ...env,
    },
    seeds: ['demo'],
  });
}

/** Creates an active one-variant product and returns its variant id; `stock` units are received when given. */
export async function createVariant(
  test: TestHost,
  owner: string,
  store: string,
  title: string,
  price: number,
  options: { status?: string; stock?: number } = {},
): Promise<string> {
  const sku = `${title.toUpperCase().replace(/[^A-Z0-9]+/g, '-')}-${randomUUID().slice(0, 4)}`;
  const res = await request(test.app)
    .post(`/api/v1/store/${store}/catalog/products`)
    .set(bearer(owner))
    .send({ title, status: options.status ?? 'active', variants: [{ sku, price }] });
  if (res.status !== 201) throw new Error(`create ${title} → ${res.status} ${JSON.stringify(res.body)}`);
  const variantId = res.body.variants[0].id as string;
  if (options.stock !== undefined) {
    const stock = await request(test.app)
      .post(`/api/v1/store/${store}/inventory/stock/changes`)
      .set(bearer(owner))
      .send({ variantId, onHand: options.stock, reason: 'counted' });
    if (stock.status !== 201) throw new Error(`stock ${variantId} → ${stock.status} ${JSON.stringify(stock.body)}`);
  }
  return variantId;
}

export interface PlaceOptions {
  lines: Array<{ variantId: string; quantity: number }>;
  shippingCode?: string;
  email?: string;
  customerId?: string | null;
  /** Payment provider (default `test`, approved card) and whether to capture it before placing (default yes). */
  provider?: string;
  capture?: boolean;
  /** Reserve and commit the stock through inventory first, as checkout does (default no). */
  reserve?: boolean;
  id?: string;
}

/**
 * What checkout does: quote, authorize (and capture) a payment for the quote's total, then place. Returns the 201 body.
 */
export async function placeOrder(test: TestHost, store: string, options: PlaceOptions) {
  const id = options.id ?? randomUUID();
  const shippingCode = options.shippingCode ?? 'standard';
  const quote = await request(test.app)
    .post(`${probe(store)}/quote`)
    .send({ lines: options.lines, shippingCode })
    .expect(200);
  const provider = options.provider ?? 'test';
  const payment = await request(test.app)
    .post(`${probe(store)}/pay`)
    .send({
      orderId: id,
      amount: quote.body.grandTotal,
      provider,
      cardNumber: provider === 'test' ? APPROVED_CARD : undefined,
    })
    .expect(201);
  if (provider === 'test' && options.capture !== false)
    await request(test.app)
      .post(`${probe(store)}/capture/${payment.body.id}`)
      .expect(200);
  const lines = [];
  for (const line of options.lines) {
    const reservationId = options.reserve
      ? (
          await request(test.app)
            .post(`${probe(store)}/reserve`)
            .send({ ...line, reference: id })
            .expect(201)
        ).body.id
      : undefined;
    lines.push({ ...line, ...(reservationId ? { reservationId } : {}) });
  }
  const placed = await request(test.app)
    .post(`${probe(store)}/place`)
    .send({
      id,
      lines,
      shippingCode,
      email: options.email ?? 'ada@example.com',
      customerId: options.customerId ?? null,
      shippingAddress: ADDRESS,
      billingAddress: null,
      paymentId: payment.body.id,
      actor: options.customerId ? `customer:${options.customerId}` : 'guest',
    });
  if (placed.status !== 201) throw new Error(`place → ${placed.status} ${JSON.stringify(placed.body)}`);
  if (options.reserve) {
    for (const line of lines)
      await request(test.app)
        .post(`${probe(store)}/commit/${line.reservationId}`)
        .expect(200);
  }
  return { order: placed.body, payment: payment.body, quote: quote.body };
}

/** The orders events the probe saw for `orderId`, as `name:status`. */
export async function eventsOf(test: TestHost, store: string, orderId: string): Promise<string[]> {
  const res = await request(test.app)
    .get(`${probe(store)}/events`)
    .expect(200);
  return (res.body.items as Array<{ name: string; orderId: string }>)
    .filter((event) => event.orderId === orderId)
    .map((event) => event.name);
}
