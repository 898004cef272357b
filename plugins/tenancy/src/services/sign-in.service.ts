import { hostErrors, type Principal } from '@wizamart/plugin-sdk';
import type { Request } from 'express';
import type { IssuedToken, SignedInProfile, StaffSignIn } from '../index.js';
import { invalidCredentials } from '../errors.js';
import type { MembershipRepository } from '../repositories/membership.repository.js';
import type { UserRepository } from '../repositories/user.repository.js';
import type { AuditService } from './audit.service.js';
import type { LoginLimiter } from './login-limiter.js';
import { verifyPassword } from './passwords.js';
import type { TokenService } from './tokens.js';

/** The profile `/me` answers with. */
export function profileOf(principal: Principal): SignedInProfile {
  const profile: SignedInProfile = { kind: principal.kind, id: principal.id, email: principal.email, permissions: [...principal.permissions].sort() };
  if (principal.name !== undefined) profile.name = principal.name;
  if (principal.store !== undefined) profile.store = principal.store;
  if (principal.role !== undefined) profile.role = principal.role;
  return profile;
}

/** Admin and staff sign-in: rate limit, bcrypt compare (also for unknown emails), surface and store checks. */
export function createSignIn(deps: { users: UserRepository; memberships: MembershipRepository; tokens: TokenService; limiter: LoginLimiter; audit: AuditService }): StaffSignIn {
  const { users, memberships, tokens, limiter, audit } = deps;

  /** The user id allowed to sign in on the request's surface, or undefined (never says why). */
  async function allowed(req: Request, email: string, password: string): Promise<string | undefined> {
    const user = await users.credentials(email);
    const passwordOk = await verifyPassword(password, user?.passwordHash);
    if (!user || !passwordOk) return undefined;
    const { surface, storeId } = req.wz.tenant;
    if (surface === 'admin') return user.isPlatformAdmin ? user.id : undefined;
    if (surface === 'store' && storeId) return (await memberships.roleOf(storeId, user.id)) ? user.id : undefined;
    return undefined;
  }

  return {
    async login(req, credentials): Promise<IssuedToken> {
      const email = credentials.email.trim().toLowerCase();
      await limiter.check(req, email);
      const userId = await allowed(req, email, credentials.password);
      const { surface, store, storeId } = req.wz.tenant;
      if (!userId) throw invalidCredentials();
      await limiter.succeeded(req, email);
      const aud = surface === 'admin' ? 'admin' : 'store';
      const { token, expiresAt } = tokens.issue({ aud, sub: userId, store: aud === 'store' ? store : undefined });
      await audit.record({ kind: aud === 'admin' ? 'admin' : 'staff', id: userId, email, permissions: new Set() }, 'auth.signed-in', email, { storeId });
      return { token, expiresAt };
    },
    profile(req) {
      const principal = req.wz.principal;
      if (!principal) throw hostErrors.WZ_AUTH_UNAUTHENTICATED();
      return profileOf(principal);
    },
  };
}
