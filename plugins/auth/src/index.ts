/**
 * The auth plugin has no public services: it serves the sign-in pages of the admin console and the store
 * dashboards on tenancy's `TenancyServices.signIn` and `TenancyServices.auth`. Paths relative to a surface base
 * (`/admin`, `/store/<store>`).
 */
export const AUTH_PATHS = {
  login: '/auth/login',
  logout: '/auth/logout',
} as const;
