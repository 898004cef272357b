import { readCookie, type Principal, type RequestContext } from '@wizamart/plugin-sdk';

/**
 * Paths of the sign-in pages relative to a surface base (`/admin`, `/store/<store>`).
 */
export const AUTH_PATHS = {
  login: '/auth/login',
  logout: '/auth/logout',
} as const;

/** The surfaces a token can be issued for (its `aud`). */
export type Audience = 'admin' | 'store' | 'storefront';

/** What a principal resolver returns for a verified storefront token (customers plugin). */
export type PrincipalResolver = (claims: { sub: string; store: string }) => Promise<Principal | undefined>;

/** Issued token with its expiry, as login endpoints return it. */
export interface IssuedToken {
  token: string;
  expiresAt: string;
}

/** Options of a cookie auth sets or clears. */
export interface CookieOptions {
  path: string;
  httpOnly?: boolean;
  sameSite?: 'lax' | 'strict';
  secure?: boolean;
  /** Lifetime in milliseconds. */
  maxAge?: number;
}

/**
 * The cookies of one request and its response, so auth's services never see express objects. Build one in a route
 * with {@link cookieJar}`(req, res)`.
 */
export interface CookieJar {
  /** The first value of cookie `name` the request sent. */
  get(name: string): string | undefined;
  set(name: string, value: string, options: CookieOptions): void;
  clear(name: string, options: CookieOptions): void;
  /** True when the request came over HTTPS (cookies are then `Secure`). */
  readonly secure: boolean;
  /** The token of the request's `Authorization: Bearer …` header, when it has one (it wins over the cookie). */
  readonly bearer?: string;
}

/** The parts of an express request and response {@link cookieJar} reads (structural, so no express types leak). */
export interface CookieCarrier {
  request: { headers: { cookie?: string; authorization?: string }; secure: boolean };
  response: {
    cookie(name: string, value: string, options: CookieOptions): unknown;
    clearCookie(name: string, options: CookieOptions): unknown;
  };
}

function bearerOf(header: string | undefined): string | undefined {
  return header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
}

/**
 * A {@link CookieJar} over an express request and response.
 *
 * @example
 * auth.startSession(contextOf(req), cookieJar(req, res), issued);
 */
export function cookieJar(request: CookieCarrier['request'], response: CookieCarrier['response']): CookieJar {
  return {
    get: (name) => readCookie(request.headers.cookie, name),
    bearer: bearerOf(request.headers.authorization),
    set: (name, value, options) => void response.cookie(name, value, options),
    clear: (name, options) => void response.clearCookie(name, options),
    secure: request.secure,
  };
}

/** Tokens, cookie sessions, CSRF and sign-in limits, for plugins that sign people in (customers) or render forms. */
export interface AuthService {
  /** Signs a token for `aud`; `store` is required for `store` and `storefront`. */
  issue(input: { aud: Audience; sub: string; store?: string }): Promise<IssuedToken>;
  /** Sets the HttpOnly session cookie of the request's surface and returns the CSRF token of that session. */
  startSession(ctx: RequestContext, cookies: CookieJar, token: IssuedToken): string;
  /** Revokes the request's own token (bearer or cookie) on every instance and clears the session cookie. */
  endSession(ctx: RequestContext, cookies: CookieJar): Promise<void>;
  /** bcrypt hash and compare (tenancy's; unknown users are compared against a dummy hash). */
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, hash: string | undefined): Promise<boolean>;
  /**
   * Counts a login attempt of `email` on the request's surface and store and from its client address; throws 429
   * `WZ_AUTH_RATE_LIMITED` when a limit is reached. Call `loginSucceeded` after a success to reset the counter.
   */
  checkLoginRate(ctx: RequestContext, email: string): Promise<void>;
  loginSucceeded(ctx: RequestContext, email: string): Promise<void>;
  /** Resolves `customer` principals for storefront tokens (the customers plugin registers one). */
  registerPrincipalResolver(aud: 'storefront', resolver: PrincipalResolver): void;
  /** The CSRF token of the request's cookie session (for forms), or undefined for bearer and anonymous requests. */
  csrfToken(ctx: RequestContext, cookies: CookieJar): string | undefined;
  /**
   * The token a sign-in form carries as its `_csrf` field before anyone is signed in (a random cookie the form
   * echoes back); sets that cookie when the browser has none.
   */
  loginFormToken(cookies: CookieJar): string;
  /** Throws 403 `WZ_AUTH_CSRF` unless `posted` (the form's `_csrf` field) matches the sign-in form cookie. */
  checkLoginFormToken(cookies: CookieJar, posted: unknown): void;
  /** Revokes the request's own token until it expires, on every instance (without touching cookies). */
  revoke(ctx: RequestContext, cookies: CookieJar): Promise<void>;
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

/** Sign-in of platform admins and store staff (auth's own endpoints and pages call it). */
export interface StaffSignIn {
  /**
   * Checks `email` and `password` on the request's surface: a platform admin on `admin`, a member of the request's
   * store on `store`. Rate limited. Throws 401 `WZ_AUTH_INVALID_CREDENTIALS` (the same for unknown emails) or 429
   * `WZ_AUTH_RATE_LIMITED`.
   */
  login(ctx: RequestContext, credentials: { email: string; password: string }): Promise<IssuedToken>;
  /** The request's principal for `/me`; throws 401 `WZ_AUTH_UNAUTHENTICATED` when there is none. */
  profile(ctx: RequestContext): SignedInProfile;
}

/** One limit for {@link RateLimits.hit}. */
export interface RateLimit {
  /**
   * What is counted, named after the plugin: `orders.lookup-ip` (lower-case letters, digits, `.`, `-`, `_`). Each
   * bucket counts apart from every other bucket and from sign-in attempts.
   */
  bucket: string;
  /** Who or what within the bucket is counted: a client address (`ctx.clientIp`), an order number… */
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

export { AuthServices } from './tokens.js';
