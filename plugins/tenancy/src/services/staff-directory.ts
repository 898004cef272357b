import { isUuid } from '@wizamart/plugin-sdk';
import type { StaffDirectory } from '../index.js';
import type { MembershipRepository } from '../repositories/membership.repository.js';

/** The read-only team lookups other plugins get through `TenancyServices.staff`. */
export function createStaffDirectory(memberships: MembershipRepository): StaffDirectory {
  return {
    async byIds(storeId, userIds) {
      // A malformed id would make Postgres reject the whole query: such ids name nobody.
      const ids = [...new Set(userIds.filter(isUuid).map((id) => id.toLowerCase()))];
      if (!isUuid(storeId) || ids.length === 0) return [];
      const members = await memberships.someOfStore(storeId, ids);
      return members.map((member) => ({
        id: member.userId,
        name: member.name,
        email: member.email,
        role: member.role,
      }));
    },
  };
}
