import { createValidator } from '@wizamart/plugin-sdk';
import { clientPrice } from '../errors.js';
import addLineSchema from './schemas/add-line.schema.json' with { type: 'json' };
import lineParamsSchema from './schemas/line-params.schema.json' with { type: 'json' };
import setQuantitySchema from './schemas/set-quantity.schema.json' with { type: 'json' };

// Compiled once per process: plugins register again for every test host, and ajv would refuse a schema twice.
const parseAddObject = createValidator<{ variantId: string; quantity: number }>(addLineSchema);
const parseQuantityObject = createValidator<{ quantity: number }>(setQuantitySchema);
const parseLineParams = createValidator<{ lineId: string }>(lineParamsSchema);

/** Fields a client might send to set what it pays; the server prices carts itself, so they are refused outright. */
const PRICE_FIELDS = [
  'price',
  'unitPrice',
  'compareAtPrice',
  'lineTotal',
  'total',
  'subtotal',
  'grandTotal',
  'amount',
  'currency',
];

function refusePrices(body: unknown): void {
  if (typeof body !== 'object' || body === null) return;
  const sent = PRICE_FIELDS.filter((field) => Object.hasOwn(body, field));
  if (sent.length) throw clientPrice(sent);
}

/** `{ variantId, quantity? }` of "add to cart" (quantity 1–99, default 1). */
export function parseAddLine(body: unknown): { variantId: string; quantity: number } {
  refusePrices(body);
  const input = parseAddObject(body);
  return { variantId: input.variantId.toLowerCase(), quantity: input.quantity };
}

/** `{ quantity }` of a line change (1–99; removing a line is its own request). */
export function parseSetQuantity(body: unknown): { quantity: number } {
  refusePrices(body);
  return parseQuantityObject(body);
}

/** `:lineId` route parameter (a UUID). */
export function parseLineId(params: Record<string, unknown>): string {
  return parseLineParams({ lineId: params.lineId }).lineId.toLowerCase();
}

/** Fields of a page form that steer the page (token, where to go next), not the cart change. */
const PAGE_FIELDS = new Set(['_csrf', 'next', 'back']);

/**
 * A form post as an API body: the page-only fields (`_csrf`, `next`, `back`) are dropped and whole-number `quantity`
 * text becomes a number (anything else stays text and fails validation).
 */
export function formBody(body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (PAGE_FIELDS.has(key)) continue;
    out[key] = key === 'quantity' && typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value;
  }
  return out;
}
