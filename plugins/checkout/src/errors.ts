import { defineErrors } from '@wizamart/plugin-sdk';

/** The checkout plugin's errors (codes documented in docs/errors.md, "checkout plugin"). */
export const checkoutErrors = defineErrors({
  WZ_IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    message: 'Send an Idempotency-Key header (1 to 255 printable characters) to place an order',
  },
  WZ_IDEMPOTENCY_MISMATCH: {
    status: 422,
    message: 'This Idempotency-Key was used for a different request; use a new key for a new attempt',
  },
  WZ_IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    message: (_p: { retryAfter: number }) =>
      'A request with this Idempotency-Key is still being processed; retry shortly',
  },
  WZ_CHECKOUT_STEP_INCOMPLETE: {
    status: 409,
    message: (p: { step: string; missing: string }) => `Complete the ${p.missing} step first`,
  },
  WZ_CHECKOUT_CART_EMPTY: { status: 409, message: 'Your cart is empty' },
  WZ_CHECKOUT_CART_NOT_READY: {
    status: 409,
    message: (_p: { lines: Array<{ variantId: string; problem: string | null }> }) =>
      'Some items in your cart cannot be bought as they are; review your cart',
  },
  WZ_CHECKOUT_CART_BUSY: { status: 409, message: 'This cart is being placed as an order by another request' },
  WZ_CHECKOUT_OUT_OF_STOCK: {
    status: 409,
    message: (_p: { variantIds: string[] }) => 'Some items are no longer in stock',
  },
  WZ_CHECKOUT_PAYMENT_DECLINED: {
    status: 402,
    message: (_p: { failureCode: string | null; paymentId: string | null }) =>
      'The payment was declined; nothing was charged and your cart is unchanged',
  },
  WZ_CHECKOUT_PRICE_CHANGED: {
    status: 409,
    message: (_p: { expectedTotal: number; grandTotal: number; currency: string }) =>
      'The total changed since you reviewed your order; review it again',
  },
  WZ_CHECKOUT_SHIPPING_UNAVAILABLE: {
    status: 422,
    message: (_p: { code: string }) => 'This store does not offer this shipping method',
  },
  WZ_CHECKOUT_PAYMENT_UNAVAILABLE: {
    status: 422,
    message: (_p: { provider: string }) => 'This store does not offer this payment method',
  },
  WZ_CHECKOUT_ORDER_NOT_FOUND: { status: 404, message: 'No order of yours with this id in this store' },
  WZ_CHECKOUT_JSON_REQUIRED: { status: 415, message: 'Send checkout changes as application/json' },
});

const errors = checkoutErrors;
export const idempotencyKeyRequired = () => errors.WZ_IDEMPOTENCY_KEY_REQUIRED();
export const idempotencyMismatch = () => errors.WZ_IDEMPOTENCY_MISMATCH();
export const idempotencyInProgress = (retryAfter: number) => errors.WZ_IDEMPOTENCY_IN_PROGRESS({ retryAfter });
export const stepIncomplete = (step: string, missing: string) => errors.WZ_CHECKOUT_STEP_INCOMPLETE({ step, missing });
export const cartEmpty = () => errors.WZ_CHECKOUT_CART_EMPTY();
export const cartNotReady = (lines: Array<{ variantId: string; problem: string | null }>) =>
  errors.WZ_CHECKOUT_CART_NOT_READY({ lines });
export const cartBusy = () => errors.WZ_CHECKOUT_CART_BUSY();
export const outOfStock = (variantIds: string[]) => errors.WZ_CHECKOUT_OUT_OF_STOCK({ variantIds });
export const paymentDeclined = (failureCode: string | null, paymentId: string | null) =>
  errors.WZ_CHECKOUT_PAYMENT_DECLINED({ failureCode, paymentId });
export const priceChanged = (expectedTotal: number, grandTotal: number, currency: string) =>
  errors.WZ_CHECKOUT_PRICE_CHANGED({ expectedTotal, grandTotal, currency });
export const shippingUnavailable = (code: string) => errors.WZ_CHECKOUT_SHIPPING_UNAVAILABLE({ code });
export const paymentUnavailable = (provider: string) => errors.WZ_CHECKOUT_PAYMENT_UNAVAILABLE({ provider });
export const orderNotFound = () => errors.WZ_CHECKOUT_ORDER_NOT_FOUND();
export const jsonRequired = () => errors.WZ_CHECKOUT_JSON_REQUIRED();
