import { createHash } from 'node:crypto';
import { idempotencyKeyRequired } from '../errors.js';

// Printable ASCII, not starting or ending with a space (a key is an opaque token such as a UUID).
const KEY = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

/** The `Idempotency-Key` header value, or 400 `WZ_IDEMPOTENCY_KEY_REQUIRED` when it is missing or malformed. */
export function parseIdempotencyKey(header: unknown): string {
  if (typeof header !== 'string' || !KEY.test(header)) throw idempotencyKeyRequired();
  return header;
}

/** JSON with object keys sorted at every level, so the same body always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 (hex) of method, operation and canonical body: what "the same request" means for a key. */
export function requestHash(method: string, operation: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${operation}\n${canonicalJson(body)}`)
    .digest('hex');
}

/** The idempotency scope of a shopper: the customer, or a hash of the guest cart token (never the token itself). */
export function shopperScope(shopper: { customerId?: string; guestToken?: string }): string | undefined {
  if (shopper.customerId) return `customer:${shopper.customerId}`;
  if (shopper.guestToken) return `guest:${createHash('sha256').update(shopper.guestToken).digest('hex')}`;
  return undefined;
}

/** Delays between polls of a key in progress: 25 ms doubling up to 400 ms, until `waitMs` is spent. */
export function pollDelays(waitMs: number): number[] {
  const delays: number[] = [];
  let total = 0;
  for (let delay = 25; total < waitMs; delay = Math.min(delay * 2, 400)) {
    const next = Math.min(delay, waitMs - total);
    delays.push(next);
    total += next;
  }
  return delays;
}
