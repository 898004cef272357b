import express, { type Request, type RequestHandler, type Response } from 'express';
import type { RequestTenant } from '@wizamart/plugin-sdk';
import { csrfFailed } from '../errors.js';
import type { TenancyAuth } from '../services/auth.service.js';
import type { CachedStoreDirectory } from '../services/store-directory.js';
import type { Sessions } from '../services/sessions.js';
import type { Audience, TokenService } from '../services/tokens.js';
import { pageLocals } from './request-info.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const AUDIENCES = new Set<string>(['admin', 'store', 'storefront']);
// The same limit the host applies to page bodies; parsed here only for cookie-authenticated form posts, so the
// `_csrf` field can be checked before the plugin router runs (the host's parser then finds the body read).
const parseForm = express.urlencoded({ extended: false, limit: '1mb' });

function readForm(req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => parseForm(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
}

/** Where sign-in, sign-out and profile live for a surface (the auth plugin's pages; core's profile page). */
export interface SurfaceLinks {
  /** True when the `auth` plugin (sign-in pages) is loaded. */
  authPages: boolean;
}

/** Page locals core's layouts read: the store's name, and where to sign in, sign out and see one's profile. */
function setPageLocals(req: Request, res: Response, tenant: RequestTenant, deps: AuthStageDeps): void {
  const locals = pageLocals(res);
  const store = deps.stores.resolved(req);
  if (store) locals.storeName = store.name;
  if (tenant.surface === 'storefront' || !deps.links().authPages) return;
  const base = tenant.base ?? (tenant.surface === 'admin' ? '/admin' : `/store/${tenant.store}`);
  req.wz.loginUrl = `${base}/auth/login`;
  locals.loginUrl = req.wz.loginUrl;
  locals.signOutUrl = `${base}/auth/logout`;
  locals.profileUrl = `${base}/core/profile`;
}

/** What the auth stage works with. */
export interface AuthStageDeps {
  tokens: TokenService;
  sessions: Sessions;
  auth: TenancyAuth;
  stores: CachedStoreDirectory;
  links: () => SurfaceLinks;
}

/**
 * The `auth` stage: reads the bearer header or the `wz_<surface>` cookie, verifies the token for this surface and
 * store (through passport-jwt), sets `req.wz.principal`, and for cookie sessions exposes the CSRF token and checks
 * it on state-changing requests. Tokens of another surface or store count as no token.
 */
export function createAuthStage(deps: AuthStageDeps): RequestHandler {
  return async (req, res, next) => {
    const tenant = req.wz.tenant;
    if (!AUDIENCES.has(tenant.surface)) return next();
    const aud = tenant.surface as Audience;
    const page = req.wz.url.kind !== 'api';
    if (page) setPageLocals(req, res, tenant, deps);
    const found = deps.sessions.find(req, aud);
    const result = found && (await deps.tokens.authenticate(req, res, aud, found.token));
    if (!result) return next();
    if (found.source === 'cookie') {
      deps.auth.bindSession(req, result.claims.jti);
      if (page) pageLocals(res).csrfToken = deps.sessions.csrfToken(result.claims.jti);
      if (!SAFE_METHODS.has(req.method)) {
        if (req.is('application/x-www-form-urlencoded')) await readForm(req, res);
        if (!deps.sessions.checkCsrf(req, result.claims.jti)) return next(csrfFailed());
      }
    }
    // Core's page locals read the principal from `req.wz` when a layout renders.
    req.wz.principal = result.principal;
    next();
  };
}
