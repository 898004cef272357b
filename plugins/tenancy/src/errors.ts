import { WizamartError, validationError, type FieldErrorCode } from '@wizamart/plugin-sdk';

/** The tenancy plugin's errors (codes documented in docs/errors.md, "tenancy plugin"). */

export function storeNotFound(code?: string): WizamartError {
  return new WizamartError('WZ_TENANCY_STORE_NOT_FOUND', code ? `There is no store "${code}" here` : 'There is no store here', { status: 404, details: code ? { store: code } : {} });
}

export function notFound(code: 'WZ_TENANCY_MERCHANT_NOT_FOUND' | 'WZ_TENANCY_USER_NOT_FOUND' | 'WZ_TENANCY_MEMBER_NOT_FOUND' | 'WZ_TENANCY_ROLE_NOT_FOUND' | 'WZ_TENANCY_DOMAIN_NOT_FOUND', message: string, details: Record<string, unknown> = {}): WizamartError {
  return new WizamartError(code, message, { status: 404, details });
}

export function conflict(message: string, details: Record<string, unknown> = {}): WizamartError {
  return new WizamartError('WZ_TENANCY_CONFLICT', message, { status: 409, details });
}

export function refused(code: 'WZ_TENANCY_LAST_ADMIN' | 'WZ_TENANCY_LAST_OWNER' | 'WZ_TENANCY_ROLE_IN_USE' | 'WZ_TENANCY_MERCHANT_HAS_STORES', message: string, details: Record<string, unknown> = {}): WizamartError {
  return new WizamartError(code, message, { status: 409, details });
}

export function forbidden(message: string, missing: string[]): WizamartError {
  return new WizamartError('WZ_AUTH_FORBIDDEN', message, { status: 403, details: { missing } });
}

export function invalidCredentials(): WizamartError {
  return new WizamartError('WZ_AUTH_INVALID_CREDENTIALS', 'The email or password is not right', { status: 401 });
}

export function rateLimited(retryAfterSeconds: number): WizamartError {
  return new WizamartError('WZ_AUTH_RATE_LIMITED', `Too many sign-in attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} min`, { status: 429, details: { retryAfter: retryAfterSeconds } });
}

/** The generic limit of `RateLimits.hit`: worded for any action, not only sign-ins. */
export function tooManyRequests(retryAfterSeconds: number): WizamartError {
  return new WizamartError('WZ_RATE_LIMITED', `Too many requests; try again in ${Math.ceil(retryAfterSeconds / 60)} min`, { status: 429, details: { retryAfter: retryAfterSeconds } });
}

export function csrfFailed(): WizamartError {
  return new WizamartError('WZ_AUTH_CSRF', 'The form has expired or did not come from this site; reload the page and try again', { status: 403 });
}

export function secretMissing(message: string): WizamartError {
  return new WizamartError('WZ_AUTH_SECRET_MISSING', message, { status: 500 });
}

/** A 400 `WZ_VALIDATION` for one field (`details.fields`, see the SDK's `validationError`); `message` is English. */
export function validation(path: string, message: string, code: FieldErrorCode = 'invalid'): WizamartError {
  return validationError([{ path, code, message }]);
}
