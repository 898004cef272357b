import { defineErrors, hostErrors, validationError, type FieldErrorCode } from '@wizamart/plugin-sdk';

const minutes = (seconds: number) => Math.ceil(seconds / 60);

/** The auth plugin's errors (codes documented in docs/errors.md, "auth plugin"). */
export const authErrors = defineErrors({
  WZ_AUTH_INVALID_CREDENTIALS: { status: 401, message: 'The email or password is not right' },
  WZ_AUTH_RATE_LIMITED: {
    status: 429,
    message: (p: { retryAfter: number }) => `Too many sign-in attempts; try again in ${minutes(p.retryAfter)} min`,
  },
  WZ_RATE_LIMITED: {
    status: 429,
    message: (p: { retryAfter: number }) => `Too many requests; try again in ${minutes(p.retryAfter)} min`,
  },
  WZ_AUTH_CSRF: {
    status: 403,
    message: 'The form has expired or did not come from this site; reload the page and try again',
  },
  WZ_AUTH_SECRET_MISSING: { status: 500, message: (p: { reason: string }) => p.reason },
});

const errors = authErrors;
export const invalidCredentials = () => errors.WZ_AUTH_INVALID_CREDENTIALS();
export const unauthenticated = () => hostErrors.WZ_AUTH_UNAUTHENTICATED();
export const rateLimited = (retryAfter: number) => errors.WZ_AUTH_RATE_LIMITED({ retryAfter });
/** The generic limit of `RateLimits.hit`: worded for any action, not only sign-ins. */
export const tooManyRequests = (retryAfter: number) => errors.WZ_RATE_LIMITED({ retryAfter });
export const csrfFailed = () => errors.WZ_AUTH_CSRF();
export const secretMissing = (reason: string) => errors.WZ_AUTH_SECRET_MISSING({ reason }, { details: {} });
export const notStarted = () => hostErrors.WZ_PLUGIN_NOT_STARTED({ plugin: 'auth' });

/** A 400 `WZ_VALIDATION` for one field (`details.fields`, see the SDK's `validationError`); `message` is English. */
export const validation = (path: string, message: string, code: FieldErrorCode = 'invalid') =>
  validationError([{ path, code, message }]);
