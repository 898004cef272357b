/**
 * The service tokens of the auth plugin: a dependency-free entry point (`@wizamart/plugin-auth/tokens`) that loads
 * only the SDK, so other plugins import the tokens without the package's other modules.
 *
 * @packageDocumentation
 */
import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { AuthService, RateLimits, StaffSignIn } from './index.js';

/** Service tokens of the auth plugin (visible to plugins that require `auth`). */
export const AuthServices = {
  /** Tokens, sessions, CSRF and sign-in limits. */
  auth: defineServiceToken<AuthService>('auth', 'auth'),
  /** Admin and staff sign-in. */
  signIn: defineServiceToken<StaffSignIn>('auth', 'sign-in'),
  /** Generic rate limits (429 `WZ_RATE_LIMITED`) on the sign-in counters' store. */
  rateLimits: defineServiceToken<RateLimits>('auth', 'rate-limits'),
} as const;
