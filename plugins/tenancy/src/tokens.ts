/**
 * The service tokens of the tenancy plugin: a dependency-free entry point (`@wizamart/plugin-tenancy/tokens`) that
 * loads only the SDK, so other plugins import the tokens without the package's other modules.
 *
 * @packageDocumentation
 */
import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { AuthService, RateLimits, StaffDirectory, StaffSignIn, StoreDirectory } from './index.js';

/** Service tokens of the tenancy plugin. */
export const TenancyServices = {
  stores: defineServiceToken<StoreDirectory>('tenancy', 'stores'),
  auth: defineServiceToken<AuthService>('tenancy', 'auth'),
  /** Admin and staff sign-in, for the `auth` plugin. */
  signIn: defineServiceToken<StaffSignIn>('tenancy', 'sign-in'),
  /** Names and emails of a store's team members, read-only. */
  staff: defineServiceToken<StaffDirectory>('tenancy', 'staff'),
  /** Generic rate limits (429 `WZ_RATE_LIMITED`) on tenancy's shared counters. */
  rateLimits: defineServiceToken<RateLimits>('tenancy', 'rate-limits'),
} as const;
