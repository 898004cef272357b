import { createHmac, timingSafeEqual } from 'node:crypto';
import { signatureExpired, signatureInvalid, signatureMissing } from './errors.js';

/** The signed content: `<timestamp>.<raw body>`, exactly the bytes received. */
function signedContent(timestamp: number, rawBody: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]);
}

/** Hex HMAC-SHA256 of `<timestamp>.<raw body>` with `secret`. */
export function computeSignature(secret: string, timestamp: number, rawBody: Buffer | string): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return createHmac('sha256', secret).update(signedContent(timestamp, body)).digest('hex');
}

/** A `Wizamart-Signature` header value for `rawBody` (what a provider, or a test, sends). */
export function signatureHeader(
  secret: string,
  rawBody: Buffer | string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, rawBody)}`;
}

/** `t=<unix>,v1=<hex>[,v1=<hex>…]` split; undefined when malformed. */
export function parseSignatureHeader(
  header: string | undefined,
): { timestamp: number; signatures: string[] } | undefined {
  if (!header || header.length > 1000) return undefined;
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, extra] = part.trim().split('=');
    if (extra !== undefined || value === undefined) return undefined;
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value) || timestamp !== undefined) return undefined;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/i.test(value)) return undefined;
      signatures.push(value.toLowerCase());
    }
    // Other schemes (`v0`, future versions) are ignored, as providers do.
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/**
 * Checks a delivery: the header parses, its timestamp is within `toleranceSeconds` of `now` (either way) and one of
 * its `v1` signatures equals the HMAC over the raw body, compared in constant time. Throws the WZ_PAYMENTS_SIGNATURE_*
 * error that says what is wrong.
 */
export function verifySignature(input: {
  secret: string;
  header: string | undefined;
  rawBody: Buffer;
  toleranceSeconds: number;
  now?: number;
}): void {
  const parsed = parseSignatureHeader(input.header);
  if (!parsed) throw signatureMissing();
  const now = input.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - parsed.timestamp) > input.toleranceSeconds) throw signatureExpired(input.toleranceSeconds);
  const expected = Buffer.from(computeSignature(input.secret, parsed.timestamp, input.rawBody), 'hex');
  // Compare every candidate (no early exit on a match), each in constant time.
  let matched = false;
  for (const candidate of parsed.signatures) {
    const given = Buffer.from(candidate, 'hex');
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true;
  }
  if (!matched) throw signatureInvalid();
}
