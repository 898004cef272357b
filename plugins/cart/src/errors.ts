import { WizamartError } from '@wizamart/plugin-sdk';

/** The cart plugin's errors (codes documented in docs/errors.md, "cart plugin"). */

export function variantUnavailable(variantId: string): WizamartError {
  return new WizamartError('WZ_CART_VARIANT_UNAVAILABLE', 'This product is not available in this store', { status: 422, details: { variantId } });
}

export function currencyMismatch(currency: string, expected: string): WizamartError {
  return new WizamartError('WZ_CART_CURRENCY_MISMATCH', `This product is priced in ${currency}; the cart is in ${expected}`, { status: 422, details: { currency, expected } });
}

export function quantityLimit(max: number): WizamartError {
  return new WizamartError('WZ_CART_QUANTITY_LIMIT', `A cart line holds 1 to ${max} units`, { status: 422, details: { max } });
}

export function tooManyLines(max: number): WizamartError {
  return new WizamartError('WZ_CART_TOO_MANY_LINES', `A cart holds at most ${max} different items`, { status: 422, details: { max } });
}

export function insufficientStock(variantId: string, available: number): WizamartError {
  return new WizamartError('WZ_CART_INSUFFICIENT_STOCK', `Only ${available} of this item can be bought now`, { status: 409, details: { variantId, available } });
}

export function lineNotFound(): WizamartError {
  return new WizamartError('WZ_CART_LINE_NOT_FOUND', 'No such line in your cart', { status: 404 });
}

export function cartNotFound(): WizamartError {
  return new WizamartError('WZ_CART_NOT_FOUND', 'No such cart in this store', { status: 404 });
}

export function cartLocked(status: string): WizamartError {
  return new WizamartError('WZ_CART_LOCKED', `This cart is ${status} for checkout and cannot be changed`, { status: 409, details: { status } });
}

export function clientPrice(fields: string[]): WizamartError {
  return new WizamartError('WZ_CART_CLIENT_PRICE', `Prices, totals and currency are set by the store; do not send ${fields.join(', ')}`, { status: 400, details: { fields } });
}

export function jsonRequired(): WizamartError {
  return new WizamartError('WZ_CART_JSON_REQUIRED', 'Send the cart change as application/json', { status: 415 });
}
