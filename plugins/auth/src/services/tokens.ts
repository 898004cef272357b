import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import passport from 'passport';
import { Strategy as JwtStrategy } from 'passport-jwt';
import type { Principal } from '@wizamart/plugin-sdk';
import type { Audience, IssuedToken } from '../index.js';

export type { Audience } from '../index.js';

/** The claims auth signs and reads. */
export interface Claims {
  sub: string;
  aud: Audience;
  jti: string;
  exp: number;
  store?: string;
}

/** An issued token with its id, for revocation and CSRF binding. */
export interface SignedToken extends IssuedToken {
  jti: string;
}

/** Turns verified claims into the request's principal; undefined when the token no longer stands for anyone. */
export type ClaimsCheck = (req: Request, claims: Claims) => Promise<Principal | undefined>;

const ISSUER = 'wizamart';
const ALGORITHM = 'HS256';
const LIFETIME_SECONDS: Record<Audience, number> = { admin: 3600, store: 3600, storefront: 12 * 3600 };
const AUDIENCES: Audience[] = ['admin', 'store', 'storefront'];
const pending = new WeakMap<Request, string>();

/** Signs and verifies Wizamart tokens: HS256 pinned, `iss` wizamart, `aud` per surface, `store` for store tokens. */
export class TokenService {
  private readonly authenticator = new passport.Passport();

  constructor(
    private readonly secret: () => string,
    check: ClaimsCheck,
  ) {
    for (const aud of AUDIENCES) {
      const strategy = new JwtStrategy(
        {
          jwtFromRequest: (req: Request) => pending.get(req) ?? null,
          secretOrKeyProvider: (_req, _raw, done) => done(null, this.secret()),
          algorithms: [ALGORITHM],
          issuer: ISSUER,
          audience: aud,
          passReqToCallback: true,
        },
        (req: Request, claims: Claims, done: (error: unknown, user?: Principal | false) => void) => {
          check(req, claims).then(
            (principal) => done(null, principal ?? false),
            (error) => done(error),
          );
        },
      );
      this.authenticator.use(`wz-${aud}`, strategy);
    }
  }

  /** Signs a token for `aud` with a fresh `jti`. */
  issue(input: { aud: Audience; sub: string; store?: string }): SignedToken {
    const jti = randomUUID();
    const lifetime = LIFETIME_SECONDS[input.aud];
    const payload = input.store === undefined ? {} : { store: input.store };
    const token = jwt.sign(payload, this.secret(), {
      algorithm: ALGORITHM,
      issuer: ISSUER,
      audience: input.aud,
      subject: input.sub,
      expiresIn: lifetime,
      jwtid: jti,
    });
    return { token, jti, expiresAt: new Date(Date.now() + lifetime * 1000).toISOString() };
  }

  /**
   * Verifies `token` for surface `aud` through passport-jwt and resolves with the principal, or undefined when the
   * token is invalid, expired, of another surface, or the check refuses it.
   */
  authenticate(
    req: Request,
    res: Response,
    aud: Audience,
    token: string,
  ): Promise<{ principal: Principal; claims: Claims } | undefined> {
    return new Promise((resolve, reject) => {
      pending.set(req, token);
      const done = (error: unknown, principal?: Principal | false) => {
        pending.delete(req);
        if (error) return reject(error);
        resolve(principal ? { principal, claims: jwt.decode(token) as Claims } : undefined);
      };
      this.authenticator.authenticate(`wz-${aud}`, { session: false }, done)(req, res, (error: unknown) =>
        done(error ?? new Error('passport did not answer')),
      );
    });
  }

  /** The claims of a token whose signature is valid (expiry not checked), e.g. to revoke it on sign-out. */
  readUnexpired(token: string): Claims | undefined {
    try {
      return jwt.verify(token, this.secret(), { algorithms: [ALGORITHM], issuer: ISSUER }) as Claims;
    } catch {
      return undefined;
    }
  }

  static lifetimeSeconds(aud: Audience): number {
    return LIFETIME_SECONDS[aud];
  }
}
