import { randomBytes } from 'node:crypto';
import type { PaymentProvider } from '../index.js';

const reference = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/** Bank transfer: the payment stays `pending` until the store marks it paid (or a signed webhook reports it). */
export const manualProvider: PaymentProvider = {
  code: 'manual',
  name: 'Bank transfer',
  offline: true,
  authorize: async () => ({ outcome: 'pending', reference: reference('manual') }),
  capture: async () => ({ ok: true }),
  refund: async () => ({ ok: true }),
  cancel: async () => ({ ok: true }),
};

/** Cash on delivery: authorized at once; captured when the store marks the cash collected. */
export const cashOnDeliveryProvider: PaymentProvider = {
  code: 'cod',
  name: 'Cash on delivery',
  offline: true,
  authorize: async () => ({ outcome: 'authorized', reference: reference('cod') }),
  capture: async () => ({ ok: true }),
  refund: async () => ({ ok: true }),
  cancel: async () => ({ ok: true }),
};

/** The documented card numbers of the `test` provider (README "Test provider"). */
export const TEST_CARDS = {
  approve: '4242424242424242',
  decline: '4000000000000002',
  insufficientFunds: '4000000000009995',
  error: '4000000000000119',
} as const;

/** Thrown by the test provider for the error card: an unexpected provider failure, recorded as `provider_error`. */
export class TestProviderError extends Error {}

/**
 * A card-like sandbox for development and tests; never moves money. Digits of `input.cardNumber` decide (spaces and
 * dashes ignored): 4242 4242 4242 4242 approves (authorized), 4000 0000 0000 0002 declines (`card_declined`),
 * 4000 0000 0000 9995 declines (`insufficient_funds`), 4000 0000 0000 0119 fails with a provider error
 * (`provider_error`); anything else declines as `invalid_card`. Capture, refund and cancel always succeed.
 */
export const testProvider: PaymentProvider = {
  code: 'test',
  name: 'Test card (sandbox)',
  async authorize({ input }) {
    const digits = typeof input.cardNumber === 'string' ? input.cardNumber.replace(/[\s-]/g, '') : '';
    switch (digits) {
      case TEST_CARDS.approve:
        return { outcome: 'authorized', reference: reference('test') };
      case TEST_CARDS.decline:
        return { outcome: 'declined', code: 'card_declined', message: 'The card was declined' };
      case TEST_CARDS.insufficientFunds:
        return { outcome: 'declined', code: 'insufficient_funds', message: 'The card has insufficient funds' };
      case TEST_CARDS.error:
        throw new TestProviderError(
          'The test provider failed while processing the card (test card 4000 0000 0000 0119)',
        );
      default:
        return {
          outcome: 'declined',
          code: 'invalid_card',
          message: 'Not a test card number: use 4242 4242 4242 4242 to approve',
        };
    }
  },
  capture: async () => ({ ok: true }),
  refund: async () => ({ ok: true }),
  cancel: async () => ({ ok: true }),
};

export const BUILTIN_PROVIDERS = [manualProvider, cashOnDeliveryProvider, testProvider];
