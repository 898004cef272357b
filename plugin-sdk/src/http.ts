import type { RequestHandler } from 'express';
import { hostErrors } from './errors.js';
import type { Language, RequestContext, RequestSurface, StoreRef, UrlMatch } from './context.js';

/** Who made a request, as the authentication seam (the tenancy plugin) establishes it. */
export interface Principal {
  /** `admin` on the admin surface, `staff` on a store dashboard, `customer` on a storefront. */
  readonly kind: 'admin' | 'staff' | 'customer';
  /** The user's or customer's id. */
  readonly id: string;
  /** The e-mail address the principal signs in with. */
  readonly email: string;
  /** Display name, when known. */
  readonly name?: string;
  /** Store code the principal is bound to (staff and customers). */
  readonly store?: string;
  /** Role name for staff (`owner`, `manager`, `staff` or a custom role) and admins. */
  readonly role?: string;
  /** Everything the principal may do; `*` grants all. */
  readonly permissions: ReadonlySet<string>;
}

/** Which tenant and surface a request belongs to (filled by tenant resolution). */
export interface RequestTenant {
  /** Code of the platform the request belongs to (`main` without a tenant resolver). */
  platform: string;
  /** Store code when the request is for a store (dashboard or storefront). */
  store?: string;
  /** Store id once resolved by the tenancy plugin. */
  storeId?: string;
  /** The surface the URL addresses; `ops` for health and metrics, `static` for assets, `unknown` for anything else. */
  surface: RequestSurface;
  /** How the tenant was found: `path` (development), `subdomain`, `admin-subdomain` or `domain`. */
  mode?: 'path' | 'subdomain' | 'admin-subdomain' | 'domain';
  /**
   * The public URL prefix of this surface for links (`''` on a store's own host, `/storefront/<store>` in path mode).
   */
  base?: string;
}

/**
 * The pipeline's working state of a request: `req.wz`. The host and the core stages write it; plugins read the
 * {@link RequestContext} built from it with `contextOf(req)` instead.
 */
export interface RequestState {
  /** The request id (also the `x-request-id` response header). */
  id: string;
  /** Platform, store and surface of the request. */
  tenant: RequestTenant;
  /** The authenticated principal, when the request carried a valid token for its surface and store. */
  principal?: Principal;
  /** Route pattern of the plugin mount (metrics labels). */
  mountPattern?: string;
  /**
   * Where a page request without a principal should sign in (set by the authentication stage). The host redirects
   * page requests that fail with `WZ_AUTH_UNAUTHENTICATED` there, with `?next=<the page>`.
   */
  loginUrl?: string;
  /**
   * The exact bytes of a JSON body sent to a `shared` API (`/api/v1/shared/<code>/…`): webhooks verify signatures over
   * them, and re-serialising the parsed `req.body` would not give them back. Other requests do not keep their bytes.
   */
  rawBody?: Buffer;
  /** The request's path as the host's URL map matched it (set by the host before the tenant stage). */
  url: UrlMatch;
  /** The request context, built once by the host right before the plugin router runs; read it with `contextOf`. */
  context?: RequestContext;
  /** The resolved store of the request (set by the tenant stage), for the request context. */
  store?: StoreRef;
  /** The request's language (set by the theme stage), for the request context. */
  language?: Language;
}

declare module 'express-serve-static-core' {
  interface Request {
    wz: RequestState;
  }
}

/** Where a core plugin plugs middleware into the host pipeline (DESIGN.md order: tenant → theme → auth). */
export type HttpStage = 'tenant' | 'theme' | 'auth';

const GUARD = Symbol.for('wizamart.route-guard');

/**
 * A route guard: middleware the host recognises when it checks that every route declares its access. Made by
 * {@link permit} and {@link publicAccess}; read with {@link guardOf}.
 */
export type RouteGuard = RequestHandler & { readonly [GUARD]: { permissions: readonly string[]; public: boolean } };

function guard(permissions: readonly string[], isPublic: boolean, handler: RequestHandler): RouteGuard {
  return Object.assign(handler, { [GUARD]: Object.freeze({ permissions, public: isPublic }) }) as RouteGuard;
}

/**
 * Guards a route: the request needs an authenticated principal of the route's surface holding every permission
 * listed (none listed: any authenticated principal). Answers 401 `WZ_AUTH_UNAUTHENTICATED` or 403 `WZ_AUTH_FORBIDDEN`.
 * A principal holding `*` passes every guard.
 *
 * @example
 * ```ts
 * router.get('/', permit('orders.view'), listOrders);
 * router.use(permit('orders.manage')); // every route added after this line
 * ```
 */
export function permit(...permissions: string[]): RouteGuard {
  return guard(permissions, false, (req, _res, next) => {
    const principal = req.wz?.principal;
    if (!principal) return next(hostErrors.WZ_AUTH_UNAUTHENTICATED());
    const missing = permissions.filter(
      (permission) => !principal.permissions.has(permission) && !principal.permissions.has('*'),
    );
    if (missing.length > 0) return next(hostErrors.WZ_AUTH_FORBIDDEN({ missing }));
    next();
  });
}

/**
 * Marks a route as open to anyone (login forms, public storefront pages, webhooks that check their own signature).
 * Every route needs `permit(…)` or `publicAccess()`; the host refuses to register a plugin with an unguarded route
 * (`WZ_AUTH_ROUTE_UNGUARDED`).
 *
 * @example
 * ```ts
 * router.get('/catalog', publicAccess(), showCatalog);
 * ```
 */
export function publicAccess(): RouteGuard {
  return guard([], true, (_req, _res, next) => next());
}

/**
 * The guard declaration of a middleware (its permissions, and whether it is public), or undefined when it is not a
 * route guard.
 */
export function guardOf(handler: unknown): { permissions: readonly string[]; public: boolean } | undefined {
  return typeof handler === 'function' ? (handler as Partial<RouteGuard>)[GUARD] : undefined;
}

/**
 * The value of cookie `name` in a `Cookie` header, percent-decoded (the first one: browsers send the most specific
 * path first); undefined when absent or malformed.
 *
 * @example
 * ```ts
 * const session = readCookie(req.headers.cookie, 'wz_store');
 * ```
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
