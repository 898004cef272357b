import type { RequestSurface, UrlMatch } from '@wizamart/plugin-sdk';

export type { UrlMatch };

/**
 * The URL map (DESIGN.md, "Tenancy and the request path"): the only code that parses a request path.
 *
 * | path                                   | kind   | surface     |
 * |----------------------------------------|--------|-------------|
 * | `/api/v1/<surface>[/<store>]/<segment>` | api    | admin, store, storefront, shared |
 * | `/<surface>[/<store>]/<segment>`        | pages  | admin, store, storefront, shared |
 * | `/health`, `/health/…`, `/metrics`      | ops    | ops         |
 * | `/static/…`                             | static | static      |
 * | any other `/api/…`                      | api    | unknown     |
 * | anything else                           | other  | unknown     |
 */
const SURFACES = new Set(['admin', 'store', 'storefront', 'shared']);
const STORE_SCOPED = new Set(['store', 'storefront']);
const API = '/api/v1/';

/** The end of the path segment starting at `from` (the next `/`, or the end of the path). */
function segmentEnd(path: string, from: number): number {
  const slash = path.indexOf('/', from);
  return slash < 0 ? path.length : slash;
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** Reads a request path (no query string). Never throws, whatever the path holds. */
export function matchUrl(path: string): UrlMatch {
  const api = path.startsWith(API);
  const start = api ? API.length : 1;
  const surfaceEnd = path.charCodeAt(0) === 47 ? segmentEnd(path, start) : -1;
  const surface = surfaceEnd > 0 ? path.slice(start, surfaceEnd) : '';
  if (!SURFACES.has(surface)) return other(path);
  const kind = api ? 'api' : 'pages';
  let prefix = path.slice(0, surfaceEnd);
  let next = surfaceEnd + 1;
  let store: string | undefined;
  let rawStore: string | undefined;
  let malformed: true | undefined;
  if (STORE_SCOPED.has(surface)) {
    if (next > path.length) return { path, kind, surface: surface as RequestSurface, prefix };
    const storeEnd = segmentEnd(path, next);
    rawStore = path.slice(next, storeEnd);
    if (rawStore === '') return { path, kind, surface: surface as RequestSurface, prefix };
    store = decode(rawStore);
    if (store === undefined) malformed = true;
    prefix = path.slice(0, storeEnd);
    next = storeEnd + 1;
  }
  const segment = next <= path.length ? path.slice(next, segmentEnd(path, next)) || undefined : undefined;
  return { path, kind, surface: surface as RequestSurface, prefix, rawStore, store, segment, malformed };
}

function other(path: string): UrlMatch {
  if (path === '/metrics' || path === '/health' || path.startsWith('/health/')) {
    return { path, kind: 'ops', surface: 'ops', prefix: '' };
  }
  if (path.startsWith('/static/')) return { path, kind: 'static', surface: 'static', prefix: '' };
  return { path, kind: path.startsWith('/api/') ? 'api' : 'other', surface: 'unknown', prefix: '' };
}

const STATIC_MODULES = '/static/modules/';

/**
 * A plugin's static file path, `/static/modules/<code>/<file>` (raw, still %-encoded): the plugin code and the file
 * part (with its leading `/`, absent when the path ends at the code). Undefined for paths outside `/static/modules/`.
 */
export function matchStaticModule(path: string): { plugin: string; file?: string } | undefined {
  if (!path.startsWith(STATIC_MODULES)) return undefined;
  const end = segmentEnd(path, STATIC_MODULES.length);
  const plugin = path.slice(STATIC_MODULES.length, end);
  return end < path.length ? { plugin, file: path.slice(end) } : { plugin };
}
