import type { Request } from 'express';
import { hostErrors, WizamartError } from './errors.js';

/** The languages the platform's UI speaks. */
export type Language = 'en' | 'de' | 'fr' | 'lb';

/** The surface a request addresses; `ops` for health and metrics, `static` for assets, `unknown` for anything else. */
export type RequestSurface = 'admin' | 'store' | 'storefront' | 'shared' | 'ops' | 'static' | 'unknown';

/** A store as every plugin sees it: the one store type of the platform. */
export interface StoreRef {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly merchantId: string;
  /** Code of the platform the store belongs to. */
  readonly platform: string;
  /** Default currency (ISO 4217) of the store. */
  readonly currency: string;
  /** Default locale of the store (e.g. `en-GB`). */
  readonly locale: string;
  /**
   * URL prefix of this store's storefront on the current host: '' on its own domain/subdomain, '/storefront/<code>'
   * in path mode.
   */
  readonly base: string;
}

/** Who acts in a request: a signed-in admin, staff member or customer, or nobody (`anonymous`). */
export interface Actor {
  readonly kind: 'admin' | 'staff' | 'customer' | 'anonymous';
  readonly id?: string;
  /** Display name, when known. */
  readonly name?: string;
  readonly email?: string;
  /** Role name for staff (`owner`, `manager`, `staff` or a custom role) and admins. */
  readonly role?: string;
  /** Everything the actor may do; `*` grants all. */
  readonly permissions: ReadonlySet<string>;
  /** true when permissions hold p or '*' */
  can(permission: string): boolean;
}

/**
 * Everything a service needs to know about the request it acts for, built once per request by the host right before
 * the plugin router runs. Read it with {@link contextOf}; build one for jobs, CLIs and tests with
 * {@link createRequestContext}.
 */
export interface RequestContext {
  /** The request id (also the `x-request-id` response header). */
  readonly requestId: string;
  /** Code of the platform the request belongs to (`main` without a tenant resolver). */
  readonly platform: string;
  /** The surface the URL addresses. */
  readonly surface: RequestSurface;
  /** The store of a store-dashboard or storefront request, once resolved. */
  readonly store?: StoreRef;
  /** Who makes the request. */
  readonly actor: Actor;
  /** The language the response is written in. */
  readonly language: Language;
  /** link base of the current surface: '/admin', '/store/<code>', store.base for storefront */
  readonly linkBase: string;
  /** The client's address (express's `req.ip`, proxies trusted as configured), for rate limits. */
  readonly clientIp?: string;
}

/**
 * How the host's URL map read a request path: what kind of path it is, its surface, the store code (decoded) and the
 * first segment after them (a plugin code or page alias). Malformed %-encoding never throws: the store is then absent
 * and `malformed` is set.
 */
export interface UrlMatch {
  /** The path that was matched (without the query). */
  readonly path: string;
  readonly kind: 'api' | 'pages' | 'ops' | 'static' | 'other';
  readonly surface: RequestSurface;
  /** The decoded store code of a `store` or `storefront` path. */
  readonly store?: string;
  /** The store code exactly as it appears in the path (still %-encoded). */
  readonly rawStore?: string;
  /** The first path segment after the surface (and store), as it appears in the path. */
  readonly segment?: string;
  /** The path up to the surface root: `/api/v1/admin`, `/store/<store>`, `/storefront/<store>`… ('' otherwise). */
  readonly prefix: string;
  /** True when the store code has malformed %-encoding. */
  readonly malformed?: boolean;
}

const CAN = function (this: Actor, permission: string): boolean {
  return this.permissions.has(permission) || this.permissions.has('*');
};

/** Makes an {@link Actor} from plain values (`can` included). */
export function createActor(fields: Omit<Actor, 'can' | 'permissions'> & { permissions?: Iterable<string> }): Actor {
  const permissions = fields.permissions instanceof Set ? fields.permissions : new Set(fields.permissions ?? []);
  return { ...fields, permissions, can: CAN };
}

/** Nobody signed in. */
export const ANONYMOUS: Actor = Object.freeze(createActor({ kind: 'anonymous' }));

/** The plain values {@link createRequestContext} takes; everything but the platform has a default. */
export type RequestContextFields = Partial<Omit<RequestContext, 'actor'>> & {
  readonly platform?: string;
  readonly actor?: Actor | Parameters<typeof createActor>[0];
};

/**
 * Builds a request context from plain values, for jobs, CLI commands and tests (the host builds the one of a
 * request). Defaults: platform `main`, an anonymous actor, language `en`, surface `unknown`, the link base of the
 * surface.
 *
 * @example
 * ```ts
 * const ctx = createRequestContext({ surface: 'store', store, actor: { kind: 'staff', id, permissions: ['*'] } });
 * ```
 */
export function createRequestContext(fields: RequestContextFields = {}): RequestContext {
  const surface = fields.surface ?? (fields.store ? 'storefront' : 'unknown');
  const actor = !fields.actor ? ANONYMOUS : 'can' in fields.actor ? fields.actor : createActor(fields.actor);
  return Object.freeze({
    ...fields,
    requestId: fields.requestId ?? '',
    platform: fields.platform ?? fields.store?.platform ?? 'main',
    surface,
    actor,
    language: fields.language ?? 'en',
    linkBase: fields.linkBase ?? linkBaseOf(surface, fields.store),
  });
}

/** The link base of a surface: `/admin`, `/store/<code>`, the store's storefront base, else ''. */
export function linkBaseOf(surface: RequestSurface, store?: Pick<StoreRef, 'code' | 'base'>): string {
  if (surface === 'admin') return '/admin';
  if (surface === 'store' && store) return `/store/${encodeURIComponent(store.code)}`;
  if (surface === 'storefront' && store) return store.base;
  return '';
}

/**
 * The request's context, built by the host once per request before the plugin router runs. Throws 500
 * `WZ_PLUGIN_CONTEXT_UNAVAILABLE` when called before that (e.g. from a pipeline stage).
 *
 * @example
 * ```ts
 * router.get('/', permit('orders.view'), async (req, res) => res.json(await orders.list(contextOf(req))));
 * ```
 */
export function contextOf(req: Request): RequestContext {
  const context = req.wz?.context;
  if (!context) {
    throw hostErrors.WZ_PLUGIN_CONTEXT_UNAVAILABLE();
  }
  return context;
}

/** The context's store; throws 404 `WZ_TENANCY_STORE_NOT_FOUND` when the request has none. */
export function requireStore(ctx: RequestContext): StoreRef {
  if (ctx.store) return ctx.store;
  // tenancy's code (its catalog defines it): the SDK cannot import a plugin, so it builds the error itself.
  throw new WizamartError('WZ_TENANCY_STORE_NOT_FOUND', 'There is no store here', { status: 404 });
}
