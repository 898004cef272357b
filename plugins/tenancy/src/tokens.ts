/**
 * The service tokens of the tenancy plugin: a dependency-free entry point (`@wizamart/plugin-tenancy/tokens`) that
 * loads only the SDK, so other plugins import the tokens without the package's other modules.
 *
 * @packageDocumentation
 */
import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { Passwords, StaffDirectory, StoreDirectory, UserAccounts } from './index.js';

/** Service tokens of the tenancy plugin. */
export const TenancyServices = {
  stores: defineServiceToken<StoreDirectory>('tenancy', 'stores'),
  /** Users for the `auth` plugin's sign-in and principals. */
  accounts: defineServiceToken<UserAccounts>('tenancy', 'accounts'),
  /** bcrypt password hashing. */
  passwords: defineServiceToken<Passwords>('tenancy', 'passwords'),
  /** Names and emails of a store's team members, read-only. */
  staff: defineServiceToken<StaffDirectory>('tenancy', 'staff'),
} as const;
