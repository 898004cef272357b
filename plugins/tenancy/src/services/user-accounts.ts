import type { AccountMatch, StaffAccount, UserAccounts } from '../index.js';
import type { MembershipRepository } from '../repositories/membership.repository.js';
import type { UserRepository } from '../repositories/user.repository.js';
import type { AuditService } from './audit.service.js';
import { verifyPassword } from './passwords.js';
import type { RoleCatalog } from './role-catalog.js';

/** What auth reads of tenancy's users: password checks, platform admins, store staff with their permissions. */
export function createUserAccounts(deps: {
  users: UserRepository;
  memberships: MembershipRepository;
  roles: RoleCatalog;
  audit: AuditService;
}): UserAccounts {
  const { users, memberships, roles, audit } = deps;
  const match = (user: { id: string; email: string; name: string; isPlatformAdmin: boolean }): AccountMatch => ({
    id: user.id,
    email: user.email,
    name: user.name,
    isPlatformAdmin: user.isPlatformAdmin,
  });
  return {
    async checkPassword(email, password) {
      const user = await users.credentials(email.trim().toLowerCase());
      const passwordOk = await verifyPassword(password, user?.passwordHash);
      return user && passwordOk ? match(user) : undefined;
    },
    async admin(userId) {
      const user = await users.byId(userId);
      return user?.isPlatformAdmin ? match(user) : undefined;
    },
    async staff(storeId, userId): Promise<StaffAccount | undefined> {
      const profile = await memberships.staffProfile(storeId, userId);
      if (!profile) return undefined;
      const permissions = roles.permissionsOf(profile.role, profile.customPermissions);
      return { id: userId, email: profile.email, name: profile.name, role: profile.role, permissions };
    },
    async recordSignIn(account, storeId) {
      const actor = { kind: account.kind, id: account.id, email: account.email, permissions: new Set<string>() };
      await audit.record(actor, 'auth.signed-in', account.email, { storeId });
    },
  };
}
