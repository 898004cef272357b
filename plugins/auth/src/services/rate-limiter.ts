import type { RateLimit, RateLimits } from '../index.js';
import { tooManyRequests } from '../errors.js';
import type { Counter } from './rate-limit.js';

const BUCKET = /^[a-z0-9][a-z0-9._-]{0,63}$/;

// `rate:` keeps these keys apart from the sign-in limiter's (`ip:…`, `<surface>:<store>:<email>`) on the same counter.
function counterKey(limit: Pick<RateLimit, 'bucket' | 'key'>): string {
  if (!BUCKET.test(limit.bucket)) throw new TypeError(`Rate limit bucket "${limit.bucket}" must match ${BUCKET}`);
  return `rate:${limit.bucket}:${limit.key}`;
}

function checkNumbers(limit: RateLimit): void {
  if (!Number.isInteger(limit.max) || limit.max < 1)
    throw new TypeError(`Rate limit ${limit.bucket}: max must be a positive integer`);
  if (!Number.isInteger(limit.windowSeconds) || limit.windowSeconds < 1)
    throw new TypeError(`Rate limit ${limit.bucket}: windowSeconds must be a positive integer`);
}

/** Generic fixed-window limits on the counter sign-ins use (memory, or Redis shared by every instance). */
export function createRateLimits(counter: () => Counter): RateLimits {
  return {
    // The context names who acts; the limit's own key says what is counted. The host's error handler sends
    // `Retry-After` from the error's `details.retryAfter`.
    async hit(_ctx, limit) {
      const key = counterKey(limit);
      checkNumbers(limit);
      const { count, resetSeconds } = await counter().hit(key, limit.windowSeconds);
      if (count <= limit.max) return;
      throw tooManyRequests(resetSeconds);
    },
    async undo(limit) {
      await counter().undo(counterKey(limit));
    },
  };
}
