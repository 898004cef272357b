import { definePermissions } from '@wizamart/plugin-sdk';

/** A store as other plugins see it. */
export interface Store {
  id: string;
  code: string;
  name: string;
  platform: string;
  merchantId: string;
  status: 'active' | 'suspended';
  /** Default currency (ISO 4217) and locale of the store. */
  currency: string;
  locale: string;
  createdAt: Date;
}

/** Stores: lookups for other plugins (scoped data always comes from the request context, never from client ids). */
export interface StoreDirectory {
  byCode(code: string): Promise<Store | undefined>;
  byId(id: string): Promise<Store | undefined>;
  list(filter?: { platform?: string }): Promise<Store[]>;
  /** Called with the store code after a store, its domains or its status change. */
  onChange(listener: (storeCode: string) => void): () => void;
}

/** A user found by {@link UserAccounts}: enough for sign-in and for a principal. */
export interface AccountMatch {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
}

/** A member of a store with the permissions their role grants there. */
export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: string;
  permissions: string[];
}

/**
 * Tenancy's users as the auth plugin reads them: password checks (bcrypt stays with the users), platform admins and
 * store staff. Auth signs people in with it; other plugins have no use for it.
 */
export interface UserAccounts {
  /** The user with `email` and this password, else undefined (unknown emails cost a full bcrypt compare too). */
  checkPassword(email: string, password: string): Promise<AccountMatch | undefined>;
  /** The platform admin `userId`, or undefined when that user is no admin (any more). */
  admin(userId: string): Promise<AccountMatch | undefined>;
  /** The member `userId` of store `storeId` with their permissions, or undefined when they are not a member. */
  staff(storeId: string, userId: string): Promise<StaffAccount | undefined>;
  /** Writes `auth.signed-in` to tenancy's audit log. */
  recordSignIn(account: { kind: 'admin' | 'staff'; id: string; email: string }, storeId?: string): Promise<void>;
}

/** bcrypt hashing (cost 12) as tenancy uses it for users; the customers plugin hashes shopper passwords with it. */
export interface Passwords {
  hash(password: string): Promise<string>;
  /** Compares; without a hash it still spends a full compare and returns false, so timing does not leak. */
  verify(password: string, hash: string | undefined): Promise<boolean>;
}

/** A member of a store's team as other plugins may show them (e.g. who changed an order). */
export interface StaffMember {
  /** The user id, as in `staff:<id>` principals. */
  id: string;
  name: string;
  email: string;
  /** The member's role in the store (`owner`, `manager`, `staff` or a custom role). */
  role: string;
}

/**
 * Read-only lookups of a store's team, for plugins that show who did something. Only current members of the given
 * store are returned, so a plugin cannot read other stores' people (a former member is simply absent).
 *
 * @example
 * const people = await staff.byIds(store.id, ['8e26…']);   // [{ id, name, email, role }]
 */
export interface StaffDirectory {
  /** The members of store `storeId` among `userIds` (unknown ids, non-members and malformed ids are left out). */
  byIds(storeId: string, userIds: readonly string[]): Promise<StaffMember[]>;
}

export { TenancyServices } from './tokens.js';

/** Permissions tenancy declares (store surface). */
export const TENANCY_PERMISSIONS = definePermissions('tenancy', {
  teamView: 'tenancy.team-view',
  teamManage: 'tenancy.team-manage',
  settingsManage: 'tenancy.settings-manage',
});
