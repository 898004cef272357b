import { WizamartError } from '@wizamart/plugin-sdk';

/** The checkout plugin's errors (codes documented in docs/errors.md, "checkout plugin"). */

export function idempotencyKeyRequired(): WizamartError {
  return new WizamartError('WZ_IDEMPOTENCY_KEY_REQUIRED', 'Send an Idempotency-Key header (1 to 255 printable characters) to place an order', { status: 400 });
}

export function idempotencyMismatch(): WizamartError {
  return new WizamartError('WZ_IDEMPOTENCY_MISMATCH', 'This Idempotency-Key was used for a different request; use a new key for a new attempt', { status: 422 });
}

export function idempotencyInProgress(retryAfter: number): WizamartError {
  return new WizamartError('WZ_IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly', { status: 409, details: { retryAfter } });
}

export function stepIncomplete(step: string, missing: string): WizamartError {
  return new WizamartError('WZ_CHECKOUT_STEP_INCOMPLETE', `Complete the ${missing} step first`, { status: 409, details: { step, missing } });
}

export function cartEmpty(): WizamartError {
  return new WizamartError('WZ_CHECKOUT_CART_EMPTY', 'Your cart is empty', { status: 409 });
}

export function cartNotReady(lines: Array<{ variantId: string; problem: string | null }>): WizamartError {
  return new WizamartError('WZ_CHECKOUT_CART_NOT_READY', 'Some items in your cart cannot be bought as they are; review your cart', { status: 409, details: { lines } });
}

export function cartBusy(): WizamartError {
  return new WizamartError('WZ_CHECKOUT_CART_BUSY', 'This cart is being placed as an order by another request', { status: 409 });
}

export function outOfStock(variantIds: string[]): WizamartError {
  return new WizamartError('WZ_CHECKOUT_OUT_OF_STOCK', 'Some items are no longer in stock', { status: 409, details: { variantIds } });
}

export function paymentDeclined(failureCode: string | null, paymentId: string | null): WizamartError {
  return new WizamartError('WZ_CHECKOUT_PAYMENT_DECLINED', 'The payment was declined; nothing was charged and your cart is unchanged', { status: 402, details: { failureCode, paymentId } });
}

export function priceChanged(expectedTotal: number, grandTotal: number, currency: string): WizamartError {
  return new WizamartError('WZ_CHECKOUT_PRICE_CHANGED', 'The total changed since you reviewed your order; review it again', { status: 409, details: { expectedTotal, grandTotal, currency } });
}

export function shippingUnavailable(code: string): WizamartError {
  return new WizamartError('WZ_CHECKOUT_SHIPPING_UNAVAILABLE', 'This store does not offer this shipping method', { status: 422, details: { code } });
}

export function paymentUnavailable(provider: string): WizamartError {
  return new WizamartError('WZ_CHECKOUT_PAYMENT_UNAVAILABLE', 'This store does not offer this payment method', { status: 422, details: { provider } });
}

export function orderNotFound(): WizamartError {
  return new WizamartError('WZ_CHECKOUT_ORDER_NOT_FOUND', 'No order of yours with this id in this store', { status: 404 });
}

export function jsonRequired(): WizamartError {
  return new WizamartError('WZ_CHECKOUT_JSON_REQUIRED', 'Send checkout changes as application/json', { status: 415 });
}
