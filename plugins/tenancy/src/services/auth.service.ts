import type { PluginLogger } from '@wizamart/plugin-sdk';
import type { Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import type { AuthService, IssuedToken } from '../index.js';
import { csrfFailed, validation } from '../errors.js';
import type { LoginLimiter } from './login-limiter.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { PrincipalLoader } from './principals.js';
import type { RevocationList } from './revocations.js';
import type { Sessions } from './sessions.js';
import type { Audience, Claims, TokenService } from './tokens.js';

/** The public AuthService plus what tenancy's own stages and the auth plugin use. */
export interface TenancyAuth extends AuthService {
  /** Remembers that the request is authenticated by the session cookie of token `jti` (set by the auth stage). */
  bindSession(req: Request, jti: string): void;
}

const SURFACES = new Set<Audience>(['admin', 'store', 'storefront']);

function sessionAudience(req: Request): Audience | undefined {
  const surface = req.wz?.tenant?.surface;
  return SURFACES.has(surface as Audience) ? (surface as Audience) : undefined;
}

/** Builds the AuthService other plugins get through `TenancyServices.auth`. */
export function createAuthService(deps: {
  tokens: TokenService;
  sessions: Sessions;
  limiter: LoginLimiter;
  principals: PrincipalLoader;
  revocations: RevocationList;
  logger: PluginLogger;
}): TenancyAuth {
  const { tokens, sessions, limiter, principals, revocations, logger } = deps;
  const sessionOf = new WeakMap<Request, string>();
  // Only a token this request's surface and store would accept is revoked: like everywhere else, a token of another
  // surface or store counts as no token.
  const revoke = async (req: Request) => {
    const aud = sessionAudience(req);
    const found = aud && sessions.find(req, aud);
    const claims = found ? tokens.readUnexpired(found.token) : undefined;
    if (!claims?.jti || !claims.exp || claims.aud !== aud) return;
    if (aud !== 'admin' && claims.store !== req.wz.tenant.store) return;
    await revocations.revoke(claims.jti, new Date(claims.exp * 1000));
  };
  return {
    async issue(input) {
      if (input.aud !== 'admin' && !input.store) throw validation('/store', `is required for ${input.aud} tokens`);
      const { token, expiresAt } = tokens.issue({ aud: input.aud, sub: input.sub, store: input.aud === 'admin' ? undefined : input.store });
      return { token, expiresAt };
    },
    startSession(res: Response, req: Request, issued: IssuedToken) {
      const claims = jwt.decode(issued.token) as Claims | null;
      if (!claims || !SURFACES.has(claims.aud)) throw validation('/token', 'is not a Wizamart token');
      const csrf = sessions.start(res, req, claims.aud, { ...issued, jti: claims.jti });
      const locals = (res.locals.wz ??= {}) as Record<string, unknown>;
      locals.csrfToken = csrf;
      return csrf;
    },
    endSession(res, req) {
      const aud = sessionAudience(req);
      if (!aud) return;
      // Revoke for every instance; the cookie goes at once, the table write may finish after the response.
      revoke(req).catch((error) => logger.error({ err: error }, 'could not record a token revocation'));
      sessions.end(res, req, aud);
    },
    hashPassword,
    verifyPassword,
    checkLoginRate: (req, email) => limiter.check(req, email),
    loginSucceeded: (req, email) => limiter.succeeded(req, email),
    registerPrincipalResolver: (aud, resolver) => principals.register(aud, resolver),
    csrfToken(req) {
      const jti = sessionOf.get(req);
      return jti ? sessions.csrfToken(jti) : undefined;
    },
    loginFormToken: (req, res) => sessions.loginFormToken(req, res),
    checkLoginFormToken(req) {
      if (!sessions.checkLoginFormToken(req)) throw csrfFailed();
    },
    revoke,
    bindSession: (req, jti) => void sessionOf.set(req, jti),
  };
}
