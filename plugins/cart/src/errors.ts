import { defineErrors } from '@wizamart/plugin-sdk';

/** The cart plugin's errors (codes documented in docs/errors.md, "cart plugin"). */
export const cartErrors = defineErrors({
  WZ_CART_VARIANT_UNAVAILABLE: { status: 422, message: 'This product is not available in this store' },
  WZ_CART_CURRENCY_MISMATCH: {
    status: 422,
    message: (p: { currency: string; expected: string }) =>
      `This product is priced in ${p.currency}; the cart is in ${p.expected}`,
  },
  WZ_CART_QUANTITY_LIMIT: { status: 422, message: (p: { max: number }) => `A cart line holds 1 to ${p.max} units` },
  WZ_CART_TOO_MANY_LINES: {
    status: 422,
    message: (p: { max: number }) => `A cart holds at most ${p.max} different items`,
  },
  WZ_CART_INSUFFICIENT_STOCK: {
    status: 409,
    message: (p: { variantId: string; available: number }) => `Only ${p.available} of this item can be bought now`,
  },
  WZ_CART_LINE_NOT_FOUND: { status: 404, message: 'No such line in your cart' },
  WZ_CART_NOT_FOUND: { status: 404, message: 'No such cart in this store' },
  WZ_CART_LOCKED: {
    status: 409,
    message: (p: { status: string }) => `This cart is ${p.status} for checkout and cannot be changed`,
  },
  WZ_CART_CLIENT_PRICE: {
    status: 400,
    message: (p: { fields: string[] }) =>
      `Prices, totals and currency are set by the store; do not send ${p.fields.join(', ')}`,
  },
  WZ_CART_JSON_REQUIRED: { status: 415, message: 'Send the cart change as application/json' },
});

const errors = cartErrors;
export const variantUnavailable = (variantId: string) => errors.WZ_CART_VARIANT_UNAVAILABLE({ details: { variantId } });
export const currencyMismatch = (currency: string, expected: string) =>
  errors.WZ_CART_CURRENCY_MISMATCH({ currency, expected });
export const quantityLimit = (max: number) => errors.WZ_CART_QUANTITY_LIMIT({ max });
export const tooManyLines = (max: number) => errors.WZ_CART_TOO_MANY_LINES({ max });
export const insufficientStock = (variantId: string, available: number) =>
  errors.WZ_CART_INSUFFICIENT_STOCK({ variantId, available });
export const lineNotFound = () => errors.WZ_CART_LINE_NOT_FOUND();
export const cartNotFound = () => errors.WZ_CART_NOT_FOUND();
export const cartLocked = (status: string) => errors.WZ_CART_LOCKED({ status });
export const clientPrice = (fields: string[]) => errors.WZ_CART_CLIENT_PRICE({ fields });
export const jsonRequired = () => errors.WZ_CART_JSON_REQUIRED();
