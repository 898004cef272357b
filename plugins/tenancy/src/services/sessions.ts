import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { RequestTenant } from '@wizamart/plugin-sdk';
import { bearerToken, readCookie } from '../http/cookies.js';
import type { Audience } from './tokens.js';

const LOGIN_COOKIE = 'wz_login_csrf';
const LOGIN_COOKIE_MS = 2 * 3600 * 1000;

/** Where a request's token came from: a bearer header (no CSRF check) or the session cookie (CSRF checked). */
export interface FoundToken {
  token: string;
  source: 'bearer' | 'cookie';
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
export function cookiePaths(tenant: RequestTenant, aud: Audience): string[] {
  if (tenant.mode && tenant.mode !== 'path') return ['/'];
  if (aud === 'admin') return ['/admin', '/api/v1/admin'];
  const store = encodeURIComponent(tenant.store ?? '');
  return [`/${aud}/${store}`, `/api/v1/${aud}/${store}`];
}

/** Session cookies, the CSRF token bound to a session, and the pre-login form token. */
export class Sessions {
  constructor(private readonly secret: () => string) {}

  /** The request's token for `aud`: the bearer header wins over the cookie. */
  find(req: Request, aud: Audience): FoundToken | undefined {
    const bearer = bearerToken(req);
    if (bearer) return { token: bearer, source: 'bearer' };
    const cookie = readCookie(req, cookieName(aud));
    return cookie ? { token: cookie, source: 'cookie' } : undefined;
  }

  /** Sets the HttpOnly session cookie(s) until the token expires; returns the session's CSRF token. */
  start(res: Response, req: Request, aud: Audience, session: { token: string; expiresAt: string; jti: string }): string {
    const maxAge = Math.max(0, Date.parse(session.expiresAt) - Date.now());
    for (const path of cookiePaths(req.wz.tenant, aud)) {
      res.cookie(cookieName(aud), session.token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path, maxAge });
    }
    return this.csrfToken(session.jti);
  }

  end(res: Response, req: Request, aud: Audience): void {
    for (const path of cookiePaths(req.wz.tenant, aud)) {
      res.clearCookie(cookieName(aud), { httpOnly: true, sameSite: 'lax', secure: req.secure, path });
    }
  }

  /** The CSRF token of a session: an HMAC of the token's id, so it is bound to that session and cannot be forged. */
  csrfToken(jti: string): string {
    return createHmac('sha256', this.secret()).update(`csrf:${jti}`).digest('base64url');
  }

  /** True when the request carries the CSRF token of session `jti` (header, form field `_csrf` or query `_csrf`). */
  checkCsrf(req: Request, jti: string): boolean {
    const header = req.get('x-csrf-token');
    const field = (req.body as Record<string, unknown> | undefined)?._csrf;
    const query = req.query?._csrf;
    const sent = header ?? (typeof field === 'string' ? field : typeof query === 'string' ? query : undefined);
    return sameText(sent, this.csrfToken(jti));
  }

  /** The sign-in form's token (a random cookie the form echoes back), reusing the browser's current one. */
  loginFormToken(req: Request, res: Response): string {
    const current = readCookie(req, LOGIN_COOKIE);
    if (current && /^[A-Za-z0-9_-]{32}$/.test(current)) return current;
    const token = randomBytes(24).toString('base64url');
    res.cookie(LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: LOGIN_COOKIE_MS });
    return token;
  }

  /** True when the posted `_csrf` field matches the sign-in form cookie. */
  checkLoginFormToken(req: Request): boolean {
    const cookie = readCookie(req, LOGIN_COOKIE);
    const field = (req.body as Record<string, unknown> | undefined)?._csrf;
    return Boolean(cookie) && typeof field === 'string' && sameText(field, cookie!);
  }
}
