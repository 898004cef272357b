import { defineErrors, hostErrors } from '@wizamart/plugin-sdk';

/** The customers plugin's errors (codes documented in docs/errors.md, "customers plugin"). */
export const customersErrors = defineErrors({
  WZ_CUSTOMERS_EMAIL_TAKEN: {
    status: 409,
    message: 'This store already has an account with this email; sign in instead',
  },
  WZ_CUSTOMERS_NOT_FOUND: { status: 404, message: 'No such customer in this store' },
  WZ_CUSTOMERS_ADDRESS_NOT_FOUND: { status: 404, message: 'No such address in this account' },
  /** Wrong email or password; the same error (and code) as tenancy's whether or not the email exists. */
  WZ_AUTH_INVALID_CREDENTIALS: { status: 401, message: 'The email or password is not right' },
});

const errors = customersErrors;
export const emailTaken = () => errors.WZ_CUSTOMERS_EMAIL_TAKEN();
export const customerNotFound = () => errors.WZ_CUSTOMERS_NOT_FOUND();
export const addressNotFound = () => errors.WZ_CUSTOMERS_ADDRESS_NOT_FOUND();
export const invalidCredentials = () => errors.WZ_AUTH_INVALID_CREDENTIALS();
export const unauthenticated = () => hostErrors.WZ_AUTH_UNAUTHENTICATED();
