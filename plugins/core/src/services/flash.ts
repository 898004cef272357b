import type { Flash } from '../index.js';

/** Name of the cookie that carries flash messages to the next page. */
export const FLASH_COOKIE = 'wz_flash';
/** Seconds a flash survives when no page reads it (a redirect is followed at once). */
export const FLASH_MAX_AGE = 60;
/** At most this many messages are kept; older ones are dropped first. */
export const FLASH_MAX_ITEMS = 3;
/** Longer messages are cut (a flash is a short notice, and cookies are small). */
export const FLASH_MAX_MESSAGE = 240;
/** An encoded cookie value above this size is ignored when read. */
export const FLASH_MAX_ENCODED = 2048;

const TYPES = new Set<Flash['type']>(['success', 'info', 'warning', 'error']);

function isFlash(value: unknown): value is Flash {
  const candidate = value as Partial<Flash> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    TYPES.has(candidate.type as Flash['type']) &&
    typeof candidate.message === 'string'
  );
}

/** Keeps valid messages only, trimmed to the limits. */
export function normaliseFlashes(list: readonly unknown[]): Flash[] {
  return list
    .filter(isFlash)
    .map((flash) => ({ type: flash.type, message: flash.message.slice(0, FLASH_MAX_MESSAGE) }))
    .filter((flash) => flash.message.trim().length > 0)
    .slice(-FLASH_MAX_ITEMS);
}

/** Encodes messages as a cookie-safe value (base64url JSON), dropping the oldest until it fits the size limit. */
export function encodeFlashes(list: readonly Flash[]): string {
  let kept = normaliseFlashes(list);
  for (;;) {
    const encoded = Buffer.from(JSON.stringify(kept), 'utf8').toString('base64url');
    if (encoded.length <= FLASH_MAX_ENCODED || kept.length <= 1) return encoded;
    kept = kept.slice(1);
  }
}

/** Decodes a cookie value; anything malformed, oversized or of the wrong shape reads as no messages. */
export function decodeFlashes(value: string | undefined): Flash[] {
  if (!value || value.length > FLASH_MAX_ENCODED || !/^[A-Za-z0-9_-]+$/.test(value)) return [];
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    return Array.isArray(parsed) ? normaliseFlashes(parsed) : [];
  } catch {
    return [];
  }
}
