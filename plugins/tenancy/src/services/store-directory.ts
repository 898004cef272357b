import type { Request } from 'express';
import type { Store, StoreDirectory } from '../index.js';
import type { DomainRepository } from '../repositories/domain.repository.js';
import type { StoreRepository } from '../repositories/store.repository.js';
import { storeNotFound } from '../errors.js';
import { TtlCache } from './ttl-cache.js';

/** The StoreDirectory other plugins get, plus the cached lookups the tenant stage uses and change notification. */
export interface CachedStoreDirectory extends StoreDirectory {
  /** The store with this code (active or suspended), from the cache when possible. */
  cachedByCode(code: string): Promise<Store | undefined>;
  /** The code of the store owning custom domain `domain`, from the cache when possible. */
  cachedCodeOfDomain(domain: string): Promise<string | undefined>;
  /** Drops cached entries of `code` (and all domains) and tells listeners. */
  changed(code: string): void;
  /** The store of the request (resolved by the tenant stage); throws 404 `WZ_TENANCY_STORE_NOT_FOUND` when none. */
  current(req: Request): Promise<Store>;
  /** Keeps the store the tenant stage resolved for this request (`current` and later stages read it). */
  remember(req: Request, store: Store): void;
  /** The store the tenant stage resolved for this request, if any. */
  resolved(req: Request): Store | undefined;
}

/** Stores with per-key caches (code → store, domain → code): O(1) per request however many stores exist. */
export function createStoreDirectory(
  stores: StoreRepository,
  domains: DomainRepository,
  ttlMs: number,
): CachedStoreDirectory {
  const byCode = new TtlCache<Store | null>(ttlMs);
  const byDomain = new TtlCache<string | null>(ttlMs);
  const listeners = new Set<(code: string) => void>();
  const perRequest = new WeakMap<Request, Store>();
  const cachedByCode = async (code: string) =>
    (await byCode.get(code, async () => (await stores.byCode(code)) ?? null)) ?? undefined;
  return {
    byCode: (code) => stores.byCode(code),
    byId: (id) => stores.byId(id),
    list: (filter) => stores.list(filter),
    async current(req: Request) {
      const code = req.wz?.tenant?.store;
      const store = perRequest.get(req) ?? (code ? await cachedByCode(code) : undefined);
      if (!store || store.status !== 'active') throw storeNotFound(code);
      return store;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cachedByCode,
    cachedCodeOfDomain: async (domain) =>
      (await byDomain.get(domain, async () => (await domains.storeCodeOf(domain)) ?? null)) ?? undefined,
    remember: (req, store) => void perRequest.set(req, store),
    resolved: (req) => perRequest.get(req),
    changed(code) {
      byCode.delete(code);
      // Domain changes are rare; dropping every domain entry is simpler than tracking which belong to `code`.
      byDomain.clear();
      for (const listener of listeners) listener(code);
    },
  };
}
