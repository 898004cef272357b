import { definePermissions, type Principal, type RequestContext } from '@wizamart/plugin-sdk';
import type { Request } from 'express';

/** A store as other plugins see it. */
export interface Store {
  id: string;
  code: string;
  name: string;
  platform: string;
  merchantId: string;
  status: 'active' | 'suspended';
  /** Default currency (ISO 4217) and locale of the store. */
  currency: string;
  locale: string;
  createdAt: Date;
}

/** Stores: lookups for other plugins (scoped data always comes from the request context, never from client ids). */
export interface StoreDirectory {
  byCode(code: string): Promise<Store | undefined>;
  byId(id: string): Promise<Store | undefined>;
  /**
   * The store of the request (resolved by the tenant stage); throws 404 `WZ_TENANCY_STORE_NOT_FOUND` when none.
   *
   * @deprecated Read the store from the request context: `requireStore(contextOf(req))` (`StoreRef` from the SDK), or
   * {@link StoreDirectory.byId} with `ctx.store.id` when the full record is needed.
   */
  current(req: Request): Promise<Store>;
  list(filter?: { platform?: string }): Promise<Store[]>;
  /** Called with the store code after a store, its domains or its status change. */
  onChange(listener: (storeCode: string) => void): () => void;
}

/** What a principal resolver returns for a verified storefront token (customers plugin). */
export type PrincipalResolver = (claims: { sub: string; store: string }) => Promise<Principal | undefined>;

/** Issued token with its expiry, as login endpoints return it. */
export interface IssuedToken {
  token: string;
  expiresAt: string;
}

/** Auth services for plugins that sign people in (customers) or need the session helpers. */
export interface AuthService {
  /** Signs a token for `aud`; `store` is required for `store` and `storefront`. */
  issue(input: { aud: 'admin' | 'store' | 'storefront'; sub: string; store?: string }): Promise<IssuedToken>;
  /** Sets the HttpOnly session cookie for page logins and returns the CSRF token of that session. */
  startSession(res: import('express').Response, req: Request, token: IssuedToken): string;
  /** Clears the session cookie of the request's surface. */
  endSession(res: import('express').Response, req: Request): void;
  /** bcrypt hash and compare (cost 12; compares against a dummy hash for unknown users so timing does not leak). */
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, hash: string | undefined): Promise<boolean>;
  /**
   * Counts a login attempt for rate limiting; throws 429 `WZ_AUTH_RATE_LIMITED` when the limit is reached.
   * Call before checking credentials; call `loginSucceeded` after a success to reset the counter.
   */
  checkLoginRate(req: Request, email: string): Promise<void>;
  loginSucceeded(req: Request, email: string): Promise<void>;
  /** Resolves `customer` principals for storefront tokens (the customers plugin registers one). */
  registerPrincipalResolver(aud: 'storefront', resolver: PrincipalResolver): void;
  /** The CSRF token of the request's cookie session (for forms), or undefined for bearer requests. */
  csrfToken(req: Request): string | undefined;
  /**
   * The token a sign-in form carries as its `_csrf` field before anyone is signed in (a random cookie the form
   * echoes back); sets that cookie when the browser has none.
   */
  loginFormToken(req: Request, res: import('express').Response): string;
  /** Throws 403 `WZ_AUTH_CSRF` unless the posted `_csrf` field matches the sign-in form cookie. */
  checkLoginFormToken(req: Request): void;
  /** Revokes the request's own token (bearer or cookie) until it expires, on every instance. */
  revoke(req: Request): Promise<void>;
}

/** The signed-in principal as `GET …/me` returns it. */
export interface SignedInProfile {
  kind: Principal['kind'];
  id: string;
  email: string;
  name?: string;
  store?: string;
  role?: string;
  permissions: string[];
}

/** Sign-in of platform admins and store staff (the auth plugin's endpoints and pages call it). */
export interface StaffSignIn {
  /**
   * Checks `email` and `password` on the request's surface: a platform admin on `admin`, a member of the request's
   * store on `store`. Rate limited. Throws 401 `WZ_AUTH_INVALID_CREDENTIALS` (the same for unknown emails) or 429
   * `WZ_AUTH_RATE_LIMITED`.
   */
  login(req: Request, credentials: { email: string; password: string }): Promise<IssuedToken>;
  /** The request's principal for `/me`; throws 401 `WZ_AUTH_UNAUTHENTICATED` when there is none. */
  profile(req: Request): SignedInProfile;
}

/** A member of a store's team as other plugins may show them (e.g. who changed an order). */
export interface StaffMember {
  /** The user id, as in `staff:<id>` principals. */
  id: string;
  name: string;
  email: string;
  /** The member's role in the store (`owner`, `manager`, `staff` or a custom role). */
  role: string;
}

/**
 * Read-only lookups of a store's team, for plugins that show who did something. Only current members of the given
 * store are returned, so a plugin cannot read other stores' people (a former member is simply absent).
 *
 * @example
 * const people = await staff.byIds(store.id, ['8e26…']);   // [{ id, name, email, role }]
 */
export interface StaffDirectory {
  /** The members of store `storeId` among `userIds` (unknown ids, non-members and malformed ids are left out). */
  byIds(storeId: string, userIds: readonly string[]): Promise<StaffMember[]>;
}

/** One limit for {@link RateLimits.hit}. */
export interface RateLimit {
  /**
   * What is counted, named after the plugin: `orders.lookup-ip` (lower-case letters, digits, `.`, `-`, `_`). Each
   * bucket counts apart from every other bucket and from sign-in attempts.
   */
  bucket: string;
  /** Who or what within the bucket is counted: a client address (`req.ip`), an order number… */
  key: string;
  /** Hits allowed per window; the next one is refused. */
  max: number;
  /** Length of the fixed window in seconds. */
  windowSeconds: number;
}

/**
 * Fixed-window rate limits for any plugin, kept like sign-in limits: in memory, or in Redis (shared by every
 * instance) when `REDIS_URL` is set.
 *
 * @example
 * const ctx = contextOf(req);
 * await limits.hit(ctx, { bucket: 'orders.lookup-ip', key: ctx.clientIp ?? 'unknown', max: 10, windowSeconds: 900 });
 * // … the work; when it should not count (e.g. it found what it looked for):
 * await limits.undo({ bucket: 'orders.lookup-ip', key: ctx.clientIp ?? 'unknown' });
 */
export interface RateLimits {
  /**
   * Counts one hit for the request of `ctx`. Past `max` within the window it throws 429 `WZ_RATE_LIMITED`
   * (`details.retryAfter` in seconds; the host answers it with `Retry-After`).
   */
  hit(ctx: RequestContext, limit: RateLimit): Promise<void>;
  /** Takes one hit back from a window that still runs (e.g. so that only failures add up). */
  undo(limit: Pick<RateLimit, 'bucket' | 'key'>): Promise<void>;
}

export { TenancyServices } from './tokens.js';

/** Permissions tenancy declares (store surface). */
export const TENANCY_PERMISSIONS = definePermissions('tenancy', {
  teamView: 'tenancy.team-view',
  teamManage: 'tenancy.team-manage',
  settingsManage: 'tenancy.settings-manage',
});
