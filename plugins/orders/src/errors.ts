import { defineErrors, validationError, type FieldErrorCode } from '@wizamart/plugin-sdk';
import type { OrderStatus } from './index.js';

/** Why a payment cannot pay for the order being placed. */
export type PaymentProblem = 'not_found' | 'other_order' | 'status' | 'amount' | 'currency';

const spaced = (text: string) => text.replace('_', ' ');

/** The orders plugin's errors (codes documented in docs/errors.md, "orders plugin"). */
export const ordersErrors = defineErrors({
  WZ_ORDERS_LINE_UNAVAILABLE: {
    status: 422,
    message: (_p: { variantIds: string[] }) => 'Some items are not on sale in this store',
  },
  WZ_ORDERS_SHIPPING_UNKNOWN: {
    status: 422,
    message: (p: { code: string | null }) =>
      p.code === null ? 'This store has no shipping rates yet' : `This store has no shipping rate "${p.code}"`,
  },
  WZ_ORDERS_NOT_FOUND: { status: 404, message: 'No such order in this store' },
  WZ_ORDERS_PAYMENT_MISMATCH: {
    status: 422,
    message: (p: { reason: PaymentProblem }) => `The payment does not pay for this order (${spaced(p.reason)})`,
  },
  WZ_ORDERS_INVALID_TRANSITION: {
    status: 409,
    message: (p: { from: OrderStatus; to: OrderStatus }) =>
      `An order that is ${spaced(p.from)} cannot become ${spaced(p.to)}`,
  },
  WZ_ORDERS_ID_CONFLICT: { status: 409, message: 'This order id is already used by another store' },
  WZ_ORDERS_SHIPPING_RATE_NOT_FOUND: { status: 404, message: 'No such shipping rate in this store' },
  WZ_ORDERS_SHIPPING_CODE_TAKEN: {
    status: 409,
    message: (p: { code: string }) => `The store already has a shipping rate with the code "${p.code}"`,
  },
});

const errors = ordersErrors;
export const lineUnavailable = (variantIds: string[]) => errors.WZ_ORDERS_LINE_UNAVAILABLE({ variantIds });
export const shippingUnknown = (code: string | null) => errors.WZ_ORDERS_SHIPPING_UNKNOWN({ code });
export const orderNotFound = () => errors.WZ_ORDERS_NOT_FOUND();
export const paymentMismatch = (reason: PaymentProblem, details: Record<string, unknown> = {}) =>
  errors.WZ_ORDERS_PAYMENT_MISMATCH({ reason }, { details: { reason, ...details } });
export const invalidTransition = (from: OrderStatus, to: OrderStatus) =>
  errors.WZ_ORDERS_INVALID_TRANSITION({ from, to });
export const idConflict = () => errors.WZ_ORDERS_ID_CONFLICT();
export const rateNotFound = () => errors.WZ_ORDERS_SHIPPING_RATE_NOT_FOUND();
export const rateCodeTaken = (code: string) => errors.WZ_ORDERS_SHIPPING_CODE_TAKEN({ code });

/** A 400 `WZ_VALIDATION` for one field, as ajv's are (`details.fields`); `message` is English. */
export const invalidField = (path: string, message: string, code: FieldErrorCode = 'invalid') =>
  validationError([{ path, code, message }]);
