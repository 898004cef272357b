import { definePermissions, type RequestContext } from '@wizamart/plugin-sdk';
import type { IssuedToken } from '@wizamart/plugin-auth';

/** A customer (shopper) of one store, as other plugins and the APIs see it. */
export interface CustomerProfile {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  createdAt: Date;
}

/** What a new shopper sends to register: `{ email, password, name }` (password 8–200 characters). */
export interface RegisterInput {
  email: string;
  password: string;
  name: string;
}

/** What a shopper sends to sign in. */
export interface LoginInput {
  email: string;
  password: string;
}

/** A registered customer with the storefront token issued for them. */
export interface Registration extends IssuedToken {
  customer: CustomerProfile;
}

/**
 * Storefront accounts of the request's store (resolved by tenancy's tenant stage). Each method validates its input
 * itself, so a plugin can hand it a request body as is. This is what the storefront auth endpoints call.
 *
 * @example
 * router.post('/register', publicAccess(), async (req, res) =>
 *   res.status(201).json(await accounts.register(contextOf(req), req.body)));
 */
export interface CustomerAccounts {
  /**
   * Creates a customer in the request's store and signs them in. 400 `WZ_VALIDATION`, 409 `WZ_CUSTOMERS_EMAIL_TAKEN`
   * when the store already has this email, 429 `WZ_AUTH_RATE_LIMITED`.
   */
  register(ctx: RequestContext, input: unknown): Promise<Registration>;
  /**
   * Checks a customer's email and password in the request's store and issues a storefront token bound to it.
   * 401 `WZ_AUTH_INVALID_CREDENTIALS` (same body and similar timing for unknown emails), 429 `WZ_AUTH_RATE_LIMITED`.
   */
  login(ctx: RequestContext, input: unknown): Promise<IssuedToken>;
  /** The signed-in customer of the request; 401 `WZ_AUTH_UNAUTHENTICATED` when there is none. */
  me(ctx: RequestContext): Promise<CustomerProfile>;
}

/** A saved address of a customer; `country` is ISO 3166-1 alpha-2, upper case. */
export interface CustomerAddress {
  id: string;
  name: string;
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  region: string | null;
  country: string;
  phone: string | null;
  isDefault: boolean;
}

/** Read access to a store's customers for other plugins (e.g. orders). */
export interface CustomerDirectory {
  /** The customer `id` of store `storeId`, or undefined (also for a customer of another store). */
  byId(storeId: string, id: string): Promise<CustomerProfile | undefined>;
  /**
   * The saved addresses of customer `customerId` of store `storeId`, the default first (e.g. to prefill a checkout).
   */
  savedAddresses(storeId: string, customerId: string): Promise<CustomerAddress[]>;
}

export { CustomerServices } from './tokens.js';

/**
 * Permissions the customers plugin declares: `view` and `manage` for store staff, and `account`, which every signed-in
 * shopper holds on the storefront (guards a shopper's own account, addresses and orders).
 */
export const CUSTOMER_PERMISSIONS = definePermissions('customers', {
  view: 'customers.view',
  manage: 'customers.manage',
  account: 'customers.account',
});
