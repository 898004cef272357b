import type { OrderAddress, OrderStatus } from '@wizamart/plugin-orders';
import type { PaymentStatus } from '@wizamart/plugin-payments';

/**
 * The checkout steps in the order a shopper must complete them: `review` is reached when the four before it are
 * complete, and placing the order needs every one. A step cannot be saved while an earlier one is missing.
 */
export const CHECKOUT_STEPS = ['contact', 'address', 'shipping', 'payment', 'review'] as const;

/** One checkout step (see {@link CHECKOUT_STEPS}). */
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

/** The steps that hold data (every step but `review`). */
export type CheckoutFillStep = Exclude<CheckoutStep, 'review'>;

/** A postal address as the checkout keeps it (orders' address shape; `country` is ISO 3166-1 alpha-2, upper case). */
export type CheckoutAddress = OrderAddress;

/**
 * The checkout of the shopper's current cart as `GET /api/v1/storefront/<store>/checkout` returns it. Data of a step
 * that is no longer valid (a shipping rate or payment method the store stopped offering) reads as missing.
 */
export interface CheckoutState {
  cartId: string;
  email: string | null;
  shippingAddress: CheckoutAddress | null;
  /** True when the billing address is the shipping address (`billingAddress` is then null). */
  billingSameAsShipping: boolean;
  billingAddress: CheckoutAddress | null;
  shippingCode: string | null;
  paymentProvider: string | null;
  /** The steps complete so far, in order (always a prefix of the steps: none is skipped). */
  completed: CheckoutFillStep[];
  /** The first step still to fill, or `review` once every step is complete. */
  next: CheckoutStep;
}

/**
 * The body of `POST …/checkout/place` (with an `Idempotency-Key` header). Prices, totals and currency always come
 * from the server: the body can only carry the provider's input (e.g. the `test` provider's `cardNumber`, never
 * stored) and the total the shopper reviewed, which must still be the total (else 409 `WZ_CHECKOUT_PRICE_CHANGED`).
 */
export interface PlaceOrderRequest {
  payment?: { input?: Record<string, unknown> };
  /** The grand total (minor units) the shopper saw on the review; a different current total is refused. */
  expectedTotal?: number;
}

/** The 201 answer of a placement (replayed byte for byte for the same `Idempotency-Key`). */
export interface PlacedOrder {
  order: {
    id: string;
    number: number;
    status: OrderStatus;
    email: string;
    currency: string;
    subtotal: number;
    shippingTotal: number;
    taxTotal: number;
    grandTotal: number;
    lines: Array<{
      variantId: string;
      productTitle: string;
      sku: string;
      quantity: number;
      unitPrice: number;
      lineTotal: number;
    }>;
  };
  payment: { id: string; provider: string; status: PaymentStatus };
  /** The confirmation page, visible only to the shopper who placed the order. */
  confirmationUrl: string;
}

/** The request header that makes a placement idempotent (1–255 printable ASCII characters). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The response header set on an answer replayed from an earlier request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
