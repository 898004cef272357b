import type { Redis } from 'ioredis';

/** A fixed-window counter store: memory for one instance, Redis when `REDIS_URL` is set. */
export interface Counter {
  /** Adds one to `key` and returns the count in the current window and the seconds until it resets. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetSeconds: number }>;
  /** Takes one back from `key` (a successful sign-in does not count against its IP). */
  undo(key: string): Promise<void>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Counters in a Map; expired windows are dropped as they are met and swept once a minute. */
export function createMemoryCounter(): Counter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  }, 60_000);
  sweep.unref();
  return {
    async hit(key, windowSeconds) {
      const now = Date.now();
      let window = windows.get(key);
      if (!window || window.resetAt <= now)
        windows.set(key, (window = { count: 0, resetAt: now + windowSeconds * 1000 }));
      window.count++;
      return { count: window.count, resetSeconds: Math.ceil((window.resetAt - now) / 1000) };
    },
    async undo(key) {
      const window = windows.get(key);
      if (window && window.count > 0) window.count--;
    },
    async reset(key) {
      windows.delete(key);
    },
    async close() {
      clearInterval(sweep);
    },
  };
}

/** Counters in Redis (`INCR` + `EXPIRE NX` in one transaction), shared by every instance. */
export async function createRedisCounter(url: string, prefix: string): Promise<Counter> {
  const { Redis: RedisClient } = await import('ioredis');
  const redis: Redis = new RedisClient(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: false });
  await redis.connect();
  const name = (key: string) => `${prefix}${key}`;
  return {
    async hit(key, windowSeconds) {
      const results = await redis.multi().incr(name(key)).expire(name(key), windowSeconds, 'NX').ttl(name(key)).exec();
      const count = Number(results?.[0]?.[1] ?? 1);
      const ttl = Number(results?.[2]?.[1] ?? windowSeconds);
      return { count, resetSeconds: ttl > 0 ? ttl : windowSeconds };
    },
    async undo(key) {
      // DECR on a missing key would create one without expiry: only take back from a live window.
      await redis.eval(
        "if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0",
        1,
        name(key),
      );
    },
    async reset(key) {
      await redis.del(name(key));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
