/**
 * The service tokens of the customers plugin: a dependency-free entry point (`@wizamart/plugin-customers/tokens`) that
 * loads only the SDK, so other plugins import the tokens without the package's other modules.
 *
 * @packageDocumentation
 */
import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { CustomerAccounts, CustomerDirectory } from './index.js';

/** Service tokens of the customers plugin (visible to plugins that require `customers`). */
export const CustomerServices = {
  accounts: defineServiceToken<CustomerAccounts>('customers', 'accounts'),
  directory: defineServiceToken<CustomerDirectory>('customers', 'directory'),
} as const;
