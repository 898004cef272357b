import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Audience, CookieJar } from '../index.js';

const LOGIN_COOKIE = 'wz_login_csrf';
const LOGIN_COOKIE_MS = 2 * 3600 * 1000;

/** Where a request's token came from: a bearer header (no CSRF check) or the session cookie (CSRF checked). */
export interface FoundToken {
  token: string;
  source: 'bearer' | 'cookie';
}

/** A signed-in session: its token, expiry and token id. */
interface Session {
  token: string;
  expiresAt: string;
  jti: string;
}

/** Where a surface's cookies go: `/` on a host of its own, else below its link base (`/admin`, `/store/<s>`…). */
export interface CookieScope {
  /** The surface's link base in path mode; `''` when the surface has a host of its own. */
  base: string;
}

function sameText(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string') return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `wz_<aud>`: the session cookie of a surface. */
export function cookieName(aud: Audience): string {
  return `wz_${aud}`;
}

/**
 * The paths a surface's session cookie is scoped to, as the browser sees URLs: its pages and its API in path mode,
 * the whole host when the surface has a host of its own.
 */
export function cookiePaths(scope: CookieScope): string[] {
  return scope.base ? [scope.base, `/api/v1${scope.base}`] : ['/'];
}

/** Session cookies, the CSRF token bound to a session, and the pre-login form token. */
export class Sessions {
  constructor(private readonly secret: () => string) {}

  /** The request's token for `aud`: the bearer header wins over the cookie. */
  find(cookies: CookieJar, aud: Audience): FoundToken | undefined {
    if (cookies.bearer) return { token: cookies.bearer, source: 'bearer' };
    const cookie = cookies.get(cookieName(aud));
    return cookie ? { token: cookie, source: 'cookie' } : undefined;
  }

  /** Sets the HttpOnly session cookie(s) until the token expires; returns the session's CSRF token. */
  start(cookies: CookieJar, scope: CookieScope, aud: Audience, session: Session): string {
    const maxAge = Math.max(0, Date.parse(session.expiresAt) - Date.now());
    const options = { httpOnly: true, sameSite: 'lax' as const, secure: cookies.secure, maxAge };
    for (const path of cookiePaths(scope)) cookies.set(cookieName(aud), session.token, { ...options, path });
    return this.csrfToken(session.jti);
  }

  end(cookies: CookieJar, scope: CookieScope, aud: Audience): void {
    for (const path of cookiePaths(scope)) {
      cookies.clear(cookieName(aud), { httpOnly: true, sameSite: 'lax', secure: cookies.secure, path });
    }
  }

  /** The CSRF token of a session: an HMAC of the token's id, so it is bound to that session and cannot be forged. */
  csrfToken(jti: string): string {
    return createHmac('sha256', this.secret()).update(`csrf:${jti}`).digest('base64url');
  }

  /** True when `sent` (header, form field `_csrf` or query `_csrf`) is the CSRF token of session `jti`. */
  checkCsrf(sent: string | undefined, jti: string): boolean {
    return sameText(sent, this.csrfToken(jti));
  }

  /** The sign-in form's token (a random cookie the form echoes back), reusing the browser's current one. */
  loginFormToken(cookies: CookieJar): string {
    const current = cookies.get(LOGIN_COOKIE);
    if (current && /^[A-Za-z0-9_-]{32}$/.test(current)) return current;
    const token = randomBytes(24).toString('base64url');
    const options = { httpOnly: true, sameSite: 'lax' as const, secure: cookies.secure, maxAge: LOGIN_COOKIE_MS };
    cookies.set(LOGIN_COOKIE, token, { ...options, path: '/' });
    return token;
  }

  /** True when the posted `_csrf` field matches the sign-in form cookie. */
  checkLoginFormToken(cookies: CookieJar, posted: unknown): boolean {
    const cookie = cookies.get(LOGIN_COOKIE);
    return Boolean(cookie) && typeof posted === 'string' && sameText(posted, cookie!);
  }
}
