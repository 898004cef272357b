import type { PluginLogger, RequestContext } from '@wizamart/plugin-sdk';
import type { Passwords } from '@wizamart/plugin-tenancy';
import jwt from 'jsonwebtoken';
import type { Audience, AuthService, CookieJar } from '../index.js';
import { csrfFailed, validation } from '../errors.js';
import type { LoginLimiter } from './login-limiter.js';
import type { PrincipalLoader } from './principals.js';
import type { RevocationList } from './revocations.js';
import type { CookieScope, Sessions } from './sessions.js';
import type { Claims, TokenService } from './tokens.js';

const SURFACES = new Set<string>(['admin', 'store', 'storefront']);

function audienceOf(ctx: RequestContext): Audience | undefined {
  return SURFACES.has(ctx.surface) ? (ctx.surface as Audience) : undefined;
}

/** Cookies go below the surface's link base in path mode, on `/` when the surface has a host of its own. */
function scopeOf(ctx: RequestContext): CookieScope {
  return { base: ctx.linkBase };
}

/** Builds the AuthService other plugins get through `AuthServices.auth`. */
export function createAuthService(deps: {
  tokens: TokenService;
  sessions: Sessions;
  limiter: LoginLimiter;
  principals: PrincipalLoader;
  revocations: RevocationList;
  passwords: () => Passwords;
  logger: PluginLogger;
}): AuthService {
  const { tokens, sessions, limiter, principals, revocations, logger } = deps;
  // Only a token this request's surface and store would accept counts: like everywhere else, a token of another
  // surface or store counts as no token.
  const ownClaims = (ctx: RequestContext, cookies: CookieJar) => {
    const aud = audienceOf(ctx);
    const found = aud && sessions.find(cookies, aud);
    const claims = found ? tokens.readUnexpired(found.token) : undefined;
    if (!found || !claims?.jti || !claims.exp || claims.aud !== aud) return undefined;
    if (aud !== 'admin' && claims.store !== ctx.store?.code) return undefined;
    return { claims, source: found.source };
  };
  const revoke = async (ctx: RequestContext, cookies: CookieJar) => {
    const own = ownClaims(ctx, cookies);
    if (own) await revocations.revoke(own.claims.jti, new Date(own.claims.exp * 1000));
  };
  return {
    async issue(input) {
      if (input.aud !== 'admin' && !input.store) throw validation('/store', `is required for ${input.aud} tokens`);
      const store = input.aud === 'admin' ? undefined : input.store;
      const { token, expiresAt } = tokens.issue({ aud: input.aud, sub: input.sub, store });
      return { token, expiresAt };
    },
    startSession(ctx, cookies, issued) {
      const claims = jwt.decode(issued.token) as Claims | null;
      if (!claims || !SURFACES.has(claims.aud)) throw validation('/token', 'is not a Wizamart token');
      return sessions.start(cookies, scopeOf(ctx), claims.aud, { ...issued, jti: claims.jti });
    },
    async endSession(ctx, cookies) {
      const aud = audienceOf(ctx);
      if (!aud) return;
      // Revoke for every instance; the cookie goes at once, the table write may finish after the response.
      revoke(ctx, cookies).catch((error) => logger.error({ err: error }, 'could not record a token revocation'));
      sessions.end(cookies, scopeOf(ctx), aud);
    },
    hashPassword: (password) => deps.passwords().hash(password),
    verifyPassword: (password, hash) => deps.passwords().verify(password, hash),
    checkLoginRate: (ctx, email) => limiter.check(ctx, email),
    loginSucceeded: (ctx, email) => limiter.succeeded(ctx, email),
    registerPrincipalResolver: (aud, resolver) => principals.register(aud, resolver),
    csrfToken(ctx, cookies) {
      // The auth stage verified this request's token; anonymous means it did not stand for anyone.
      if (ctx.actor.kind === 'anonymous') return undefined;
      const own = ownClaims(ctx, cookies);
      return own?.source === 'cookie' ? sessions.csrfToken(own.claims.jti) : undefined;
    },
    loginFormToken: (cookies) => sessions.loginFormToken(cookies),
    checkLoginFormToken(cookies, posted) {
      if (!sessions.checkLoginFormToken(cookies, posted)) throw csrfFailed();
    },
    revoke,
  };
}
