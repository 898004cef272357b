import type { RequestContext } from '@wizamart/plugin-sdk';
import type { UserAccounts } from '@wizamart/plugin-tenancy';
import type { IssuedToken, SignedInProfile, StaffSignIn } from '../index.js';
import { invalidCredentials, unauthenticated } from '../errors.js';
import type { LoginLimiter } from './login-limiter.js';
import type { TokenService } from './tokens.js';

/** The profile `/me` answers with; 401 `WZ_AUTH_UNAUTHENTICATED` for anonymous requests. */
function profileOf(ctx: RequestContext): SignedInProfile {
  const { kind, id, email, name, role, permissions } = ctx.actor;
  if (kind === 'anonymous' || !id) throw unauthenticated();
  const profile: SignedInProfile = { kind, id, email: email ?? '', permissions: [...permissions].sort() };
  if (name !== undefined) profile.name = name;
  if (kind !== 'admin' && ctx.store) profile.store = ctx.store.code;
  if (role !== undefined) profile.role = role;
  return profile;
}

/** Admin and staff sign-in: rate limit, bcrypt compare (also for unknown emails), surface and store checks. */
export function createSignIn(deps: {
  accounts: () => UserAccounts;
  tokens: TokenService;
  limiter: LoginLimiter;
}): StaffSignIn {
  const { tokens, limiter } = deps;

  /** The user allowed to sign in on the request's surface, or undefined (never says why). */
  async function allowed(ctx: RequestContext, email: string, password: string) {
    const user = await deps.accounts().checkPassword(email, password);
    if (!user) return undefined;
    if (ctx.surface === 'admin') return user.isPlatformAdmin ? user : undefined;
    if (ctx.surface !== 'store' || !ctx.store) return undefined;
    return (await deps.accounts().staff(ctx.store.id, user.id)) ? user : undefined;
  }

  return {
    async login(ctx, credentials): Promise<IssuedToken> {
      const email = credentials.email.trim().toLowerCase();
      await limiter.check(ctx, email);
      const user = await allowed(ctx, email, credentials.password);
      if (!user) throw invalidCredentials();
      await limiter.succeeded(ctx, email);
      const aud = ctx.surface === 'admin' ? 'admin' : 'store';
      const store = aud === 'store' ? ctx.store?.code : undefined;
      const { token, expiresAt } = tokens.issue({ aud, sub: user.id, store });
      const kind = aud === 'admin' ? 'admin' : 'staff';
      await deps.accounts().recordSignIn({ kind, id: user.id, email }, ctx.store?.id);
      return { token, expiresAt };
    },
    profile: profileOf,
  };
}
