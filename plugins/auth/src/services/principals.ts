import type { Principal, RequestTenant } from '@wizamart/plugin-sdk';
import type { UserAccounts } from '@wizamart/plugin-tenancy';
import type { Request } from 'express';
import type { PrincipalResolver } from '../index.js';
import type { RevocationList } from './revocations.js';
import type { Claims } from './tokens.js';

/**
 * Turns verified token claims into the request's principal: the token must be for the request's surface and store,
 * not revoked, and still stand for someone (an admin, a member of the store, or a customer the resolver knows).
 */
export class PrincipalLoader {
  private readonly resolvers = new Map<'storefront', PrincipalResolver>();

  constructor(
    private readonly accounts: () => UserAccounts,
    private readonly revocations: RevocationList,
  ) {}

  register(aud: 'storefront', resolver: PrincipalResolver): void {
    this.resolvers.set(aud, resolver);
  }

  async load(req: Request, claims: Claims): Promise<Principal | undefined> {
    const tenant = req.wz.tenant;
    if (!this.boundToRequest(tenant, claims) || typeof claims.jti !== 'string') return undefined;
    if (this.revocations.isRevoked(claims.jti)) return undefined;
    if (claims.aud === 'admin') return this.admin(claims.sub);
    if (claims.aud === 'store') return this.staff(tenant, claims.sub);
    return this.resolvers.get('storefront')?.({ sub: claims.sub, store: claims.store! });
  }

  /** The token's audience is the request's surface and, below admin, its store is the request's store. */
  private boundToRequest(tenant: RequestTenant, claims: Claims): boolean {
    if (claims.aud !== tenant.surface || typeof claims.sub !== 'string') return false;
    if (claims.aud === 'admin') return claims.store === undefined;
    return Boolean(tenant.storeId) && claims.store === tenant.store;
  }

  private async admin(userId: string): Promise<Principal | undefined> {
    const user = await this.accounts().admin(userId);
    if (!user) return undefined;
    const { id, email, name } = user;
    return { kind: 'admin', id, email, name, role: 'admin', permissions: new Set(['*']) };
  }

  private async staff(tenant: RequestTenant, userId: string): Promise<Principal | undefined> {
    const member = await this.accounts().staff(tenant.storeId!, userId);
    if (!member) return undefined;
    const { email, name, role } = member;
    const permissions = new Set(member.permissions);
    return { kind: 'staff', id: userId, email, name, store: tenant.store, role, permissions };
  }
}
