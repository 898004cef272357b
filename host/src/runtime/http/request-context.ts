import type { RequestTenant } from '@wizamart/plugin-sdk';

export type { RequestTenant };

/** The surfaces a request can belong to. */
export type RequestSurface = RequestTenant['surface'];

const SURFACE_PATH = /^\/(?:api\/v1\/)?(admin|storefront|store|shared)(?=\/|$)(?:\/([^/]+))?/;

/**
 * The surface of a path-mode URL (`/api/v1/<surface>/…`, `/<surface>/…`) and, for `store` and `storefront`, the store
 * code that follows it — one match per request.
 */
export function tenantOfPath(path: string): { surface: RequestSurface; store?: string } {
  const match = SURFACE_PATH.exec(path);
  if (match) {
    const surface = match[1] as RequestSurface;
    return surface === 'store' || surface === 'storefront' ? { surface, store: match[2] } : { surface };
  }
  if (path === '/metrics' || path.startsWith('/health')) return { surface: 'ops' };
  if (path.startsWith('/static/')) return { surface: 'static' };
  return { surface: 'unknown' };
}

