import type { RequestTenant, UrlMatch } from '@wizamart/plugin-sdk';
import type { Request } from 'express';
import type { Store } from '../index.js';
import type { PlatformDomains } from '../services/platform-domains.js';
import type { CachedStoreDirectory } from '../services/store-directory.js';

/**
 * What tenant resolution decided: the tenant, perhaps an internal URL to serve instead, or that the store is not
 * there (`missingStore`) or the path means nothing on this host (`noRoute`).
 */
export interface Resolution {
  tenant: RequestTenant;
  url?: string;
  missingStore?: string;
  noRoute?: boolean;
  /** The resolved store (active), for later stages of the same request. */
  store?: Store;
}

const PATH_SURFACES = new Set<RequestTenant['surface']>(['admin', 'store', 'storefront', 'shared']);
const API_STOREFRONT = '/api/v1/storefront';
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Paths that keep their meaning on every host (static files, health, metrics), as the host's URL map read them. */
function isHostNeutral(url: UrlMatch): boolean {
  return url.kind === 'static' || url.kind === 'ops';
}

/** The request's host name, lower-cased, without port or trailing dot. */
export function hostOf(req: Request): string {
  return (req.hostname ?? '').toLowerCase().replace(/\.$/, '');
}

function queryOf(url: string): string {
  const index = url.indexOf('?');
  return index < 0 ? '' : url.slice(index);
}

const usable = (store: Store | undefined): store is Store => store !== undefined && store.status === 'active';

/**
 * Finds the tenant of a request, first match wins: a store's custom domain → `<store>.<platform domain>` →
 * `admin.<platform domain>` → path mode. Every lookup is a map read (cached per key), so the cost does not grow
 * with the number of stores.
 */
export class TenantResolver {
  constructor(
    private readonly stores: CachedStoreDirectory,
    private readonly platforms: PlatformDomains,
  ) {}

  async resolve(req: Request, fallback: RequestTenant): Promise<Resolution> {
    const host = hostOf(req);
    const hostPlatform = this.platforms.platformOf(host);
    if (isHostNeutral(req.wz.url)) return { tenant: { ...fallback, platform: hostPlatform ?? fallback.platform } };
    if (host && !hostPlatform && !IPV4.test(host) && !host.startsWith('[')) {
      const code = await this.stores.cachedCodeOfDomain(host);
      if (code) return this.ownHost(req, code, 'domain');
    }
    const dot = host.indexOf('.');
    const parentPlatform = !hostPlatform && dot > 0 ? this.platforms.platformOf(host.slice(dot + 1)) : undefined;
    if (parentPlatform) {
      const label = host.slice(0, dot);
      if (label === 'admin') return this.pathMode(req, parentPlatform, true);
      if (label !== 'www') return this.ownHost(req, label, 'subdomain', parentPlatform);
    }
    return this.pathMode(req, hostPlatform ?? parentPlatform ?? 'main', false);
  }

  /** A storefront on its own host: `/x` is served as `/storefront/<store>/x`, links stay on the host (`base` ''). */
  private async ownHost(
    req: Request,
    code: string,
    mode: 'domain' | 'subdomain',
    platform?: string,
  ): Promise<Resolution> {
    const store = await this.stores.cachedByCode(code);
    const tenant: RequestTenant = {
      platform: platform ?? store?.platform ?? 'main',
      store: code,
      surface: 'storefront',
      mode,
      base: '',
    };
    if (!usable(store) || (platform !== undefined && store.platform !== platform))
      return { missingStore: code, tenant };
    tenant.storeId = store.id;
    const { kind, surface, path } = req.wz.url;
    const found = { tenant, store };
    let url: string | undefined;
    if (kind === 'api' && surface === 'storefront')
      url = `${API_STOREFRONT}/${encodeURIComponent(code)}${req.url.slice(API_STOREFRONT.length)}`;
    else if (kind === 'api' && surface === 'shared' && path !== '/api/v1/shared')
      return { tenant: { platform: tenant.platform, surface: 'shared' } };
    else if (kind === 'api') return { ...found, noRoute: true };
    else url = `/storefront/${encodeURIComponent(code)}${path === '/' ? queryOf(req.url) : req.url}`;
    return { ...found, url };
  }

  /** Path mode (`/admin/…`, `/store/<s>/…`, `/storefront/<s>/…`), also the admin host where `/` means `/admin`. */
  private async pathMode(req: Request, platform: string, adminHost: boolean): Promise<Resolution> {
    const match = req.wz.url;
    const url = adminHost && match.path === '/' ? `/admin${queryOf(req.url)}` : undefined;
    const surface = url ? 'admin' : PATH_SURFACES.has(match.surface) ? match.surface : 'unknown';
    if (surface === 'admin')
      return { tenant: { platform, surface, mode: adminHost ? 'admin-subdomain' : 'path', base: '/admin' }, url };
    if (surface !== 'store' && surface !== 'storefront') return { tenant: { platform, surface }, url };
    const raw = match.rawStore;
    if (!raw) return { tenant: { platform, surface } };
    const code = match.store;
    const store = code === undefined ? undefined : await this.stores.cachedByCode(code);
    const tenant: RequestTenant = {
      platform: store?.platform ?? platform,
      store: code ?? raw,
      surface,
      mode: 'path',
      base: `/${surface}/${raw}`,
    };
    // A host that names a platform only serves that platform's stores.
    const hostPlatform = this.platforms.platformOf(hostOf(req)) ?? (adminHost ? platform : undefined);
    if (!usable(store) || (hostPlatform !== undefined && store.platform !== hostPlatform))
      return { missingStore: code ?? raw, tenant };
    tenant.storeId = store.id;
    return { tenant, store };
  }
}
