/**
 * The service tokens of the payments plugin: a dependency-free entry point (`@wizamart/plugin-payments/tokens`) that
 * loads only the SDK, so other plugins import the tokens without the package's other modules.
 *
 * @packageDocumentation
 */
import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { PaymentProviders, PaymentsService } from './index.js';

/** Service tokens of the payments plugin (visible to plugins that require `payments`). */
export const PaymentsServices = {
  providers: defineServiceToken<PaymentProviders>('payments', 'providers'),
  payments: defineServiceToken<PaymentsService>('payments', 'payments'),
} as const;
