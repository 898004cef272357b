import { WizamartError } from '@wizamart/plugin-sdk';

/** The customers plugin's errors (codes documented in docs/errors.md, "customers plugin"). */

export function emailTaken(): WizamartError {
  return new WizamartError('WZ_CUSTOMERS_EMAIL_TAKEN', 'This store already has an account with this email; sign in instead', { status: 409 });
}

export function customerNotFound(): WizamartError {
  return new WizamartError('WZ_CUSTOMERS_NOT_FOUND', 'No such customer in this store', { status: 404 });
}

export function addressNotFound(): WizamartError {
  return new WizamartError('WZ_CUSTOMERS_ADDRESS_NOT_FOUND', 'No such address in this account', { status: 404 });
}

/** Wrong email or password; the same error (tenancy's code) whether or not the email exists. */
export function invalidCredentials(): WizamartError {
  return new WizamartError('WZ_AUTH_INVALID_CREDENTIALS', 'The email or password is not right', { status: 401 });
}

export function unauthenticated(): WizamartError {
  return new WizamartError('WZ_AUTH_UNAUTHENTICATED', 'Sign in to continue', { status: 401 });
}
