import type { Request } from 'express';
import type { RequestTenant } from '@wizamart/plugin-sdk';

export type { RequestTenant };

/** The surfaces a request can belong to. */
export type RequestSurface = RequestTenant['surface'];

/** The surface a path belongs to in path mode (`/api/v1/<surface>/…`, `/<surface>/…`). */
export function surfaceOfPath(path: string): RequestSurface {
  const match = /^\/(?:api\/v1\/)?(admin|store|storefront|shared)(?:\/|$)/.exec(path);
  if (match) return match[1] as RequestSurface;
  if (path === '/metrics' || path.startsWith('/health')) return 'ops';
  if (path.startsWith('/static/')) return 'static';
  return 'unknown';
}

/** The store code in a path-mode URL (`/store/<store>/…`, `/api/v1/storefront/<store>/…`). */
export function storeOfPath(path: string): string | undefined {
  return /^\/(?:api\/v1\/)?(?:store|storefront)\/([^/]+)/.exec(path)?.[1];
}

/** True when the request asked for JSON (API path or an Accept header preferring JSON). */
export function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json';
}
