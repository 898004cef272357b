import { contextOf, isWizamartError, requireStore } from '@wizamart/plugin-sdk';
import type { CoreUi } from '@wizamart/plugin-core';
import type { AuthService } from '@wizamart/plugin-auth';
import type { StoreDirectory } from '@wizamart/plugin-tenancy';
import type { Request, Response } from 'express';
import type { AccountService } from '../services/account.service.js';
import type { AddressService } from '../services/address.service.js';
import type { CustomerService } from '../services/customer.service.js';
import type { StoreRef } from '../services/profile.js';

/** What the customers routers need, wired in plugin.ts. */
export interface CustomersDeps {
  stores: StoreDirectory;
  auth: AuthService;
  ui: CoreUi;
  accounts: AccountService;
  customers: CustomerService;
  addresses: AddressService;
}

/** The signed-in customer of a storefront request and their store (401 when there is none). */
export async function signedIn(deps: CustomersDeps, req: Request): Promise<{ store: StoreRef; customerId: string }> {
  const customer = await deps.accounts.me(contextOf(req));
  return { store: requireStore(contextOf(req)), customerId: customer.id };
}

/**
 * Renders a form again with what is wrong (field messages beside their fields), for errors the person can fix
 * (validation, wrong credentials, a taken email, too many attempts); anything else goes on to the error page.
 */
export function renderFormProblem(
  deps: Pick<CustomersDeps, 'ui'>,
  req: Request,
  res: Response,
  form: { view: string; locals: Record<string, unknown>; errorsAs?: string },
  error: unknown,
): void {
  if (!isWizamartError(error) || error.status >= 500 || error.status === 403) throw error;
  if (error.code === 'WZ_AUTH_RATE_LIMITED' && typeof error.details.retryAfter === 'number')
    res.set('Retry-After', String(error.details.retryAfter));
  // Field messages in the page's language go beside their fields (`errorsAs` when a page has several forms).
  const { message, fields } = deps.ui.formErrors(req, error);
  res.status(error.status).render(form.view, { ...form.locals, error: message, [form.errorsAs ?? 'errors']: fields });
}
