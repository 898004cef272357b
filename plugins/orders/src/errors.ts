import { WizamartError, validationError, type FieldErrorCode } from '@wizamart/plugin-sdk';
import type { OrderStatus } from './index.js';

/** The orders plugin's errors (codes documented in docs/errors.md, "orders plugin"). */

export function lineUnavailable(variantIds: string[]): WizamartError {
  return new WizamartError('WZ_ORDERS_LINE_UNAVAILABLE', 'Some items are not on sale in this store', { status: 422, details: { variantIds } });
}

export function shippingUnknown(code: string | null): WizamartError {
  const message = code === null ? 'This store has no shipping rates yet' : `This store has no shipping rate "${code}"`;
  return new WizamartError('WZ_ORDERS_SHIPPING_UNKNOWN', message, { status: 422, details: { code } });
}

export function orderNotFound(): WizamartError {
  return new WizamartError('WZ_ORDERS_NOT_FOUND', 'No such order in this store', { status: 404 });
}

/** Why a payment cannot pay for the order being placed. */
export type PaymentProblem = 'not_found' | 'other_order' | 'status' | 'amount' | 'currency';

export function paymentMismatch(reason: PaymentProblem, details: Record<string, unknown> = {}): WizamartError {
  return new WizamartError('WZ_ORDERS_PAYMENT_MISMATCH', `The payment does not pay for this order (${reason.replace('_', ' ')})`, { status: 422, details: { reason, ...details } });
}

export function invalidTransition(from: OrderStatus, to: OrderStatus): WizamartError {
  return new WizamartError('WZ_ORDERS_INVALID_TRANSITION', `An order that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}`, { status: 409, details: { from, to } });
}

export function idConflict(): WizamartError {
  return new WizamartError('WZ_ORDERS_ID_CONFLICT', 'This order id is already used by another store', { status: 409 });
}

export function rateNotFound(): WizamartError {
  return new WizamartError('WZ_ORDERS_SHIPPING_RATE_NOT_FOUND', 'No such shipping rate in this store', { status: 404 });
}

export function rateCodeTaken(code: string): WizamartError {
  return new WizamartError('WZ_ORDERS_SHIPPING_CODE_TAKEN', `The store already has a shipping rate with the code "${code}"`, { status: 409, details: { code } });
}

/** A 400 `WZ_VALIDATION` for one field, as ajv's are (`details.fields`); `message` is English. */
export function invalidField(path: string, message: string, code: FieldErrorCode = 'invalid'): WizamartError {
  return validationError([{ path, code, message }]);
}
