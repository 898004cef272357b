import express, { type Request, type RequestHandler, type Response } from 'express';
import type { RequestTenant } from '@wizamart/plugin-sdk';
import { csrfFailed } from '../errors.js';
import type { Audience } from '../index.js';
import type { Sessions } from '../services/sessions.js';
import type { TokenService } from '../services/tokens.js';
import { jarOf } from './cookies.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const AUDIENCES = new Set<string>(['admin', 'store', 'storefront']);
// The same limit the host applies to page bodies; parsed here only for cookie-authenticated form posts, so the
// `_csrf` field can be checked before the plugin router runs (the host's parser then finds the body read).
const parseForm = express.urlencoded({ extended: false, limit: '1mb' });

function readForm(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    parseForm(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
  });
}

/** `res.locals.wz`, created when core's theme stage has not (e.g. before it, or without core). */
function pageLocals(res: Response): Record<string, unknown> {
  return (res.locals.wz ??= {}) as Record<string, unknown>;
}

/** Page locals core's layouts read: the store's name, and where to sign in, sign out and see one's profile. */
function setPageLocals(req: Request, res: Response, tenant: RequestTenant): void {
  const locals = pageLocals(res);
  if (req.wz.store) locals.storeName = req.wz.store.name;
  if (tenant.surface === 'storefront') return;
  const base = tenant.base ?? (tenant.surface === 'admin' ? '/admin' : `/store/${tenant.store}`);
  req.wz.loginUrl = `${base}/auth/login`;
  locals.loginUrl = req.wz.loginUrl;
  locals.signOutUrl = `${base}/auth/logout`;
  locals.profileUrl = `${base}/core/profile`;
}

/** The CSRF token a request sent: header `x-csrf-token`, form field `_csrf` or query `_csrf`. */
function sentCsrf(req: Request): string | undefined {
  const field = (req.body as Record<string, unknown> | undefined)?._csrf;
  const query = req.query?._csrf;
  return req.get('x-csrf-token') ?? (typeof field === 'string' ? field : typeof query === 'string' ? query : undefined);
}

/**
 * The `auth` stage: reads the bearer header or the `wz_<surface>` cookie, verifies the token for this surface and
 * store (through passport-jwt), sets `req.wz.principal`, and for cookie sessions exposes the CSRF token and checks
 * it on state-changing requests. Tokens of another surface or store count as no token.
 */
export function createAuthStage(deps: { tokens: TokenService; sessions: Sessions }): RequestHandler {
  return async (req, res, next) => {
    const tenant = req.wz.tenant;
    if (!AUDIENCES.has(tenant.surface)) return next();
    const aud = tenant.surface as Audience;
    const page = req.wz.url.kind !== 'api';
    if (page) setPageLocals(req, res, tenant);
    const found = deps.sessions.find(jarOf(req, res), aud);
    const result = found && (await deps.tokens.authenticate(req, res, aud, found.token));
    if (!result) return next();
    if (found.source === 'cookie') {
      if (page) pageLocals(res).csrfToken = deps.sessions.csrfToken(result.claims.jti);
      if (!SAFE_METHODS.has(req.method)) {
        if (req.is('application/x-www-form-urlencoded')) await readForm(req, res);
        if (!deps.sessions.checkCsrf(sentCsrf(req), result.claims.jti)) return next(csrfFailed());
      }
    }
    // Core's page locals read the principal from `req.wz` when a layout renders.
    req.wz.principal = result.principal;
    next();
  };
}
