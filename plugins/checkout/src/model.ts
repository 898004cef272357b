import type { CheckoutAddress } from './index.js';

/**
 * Types shared by checkout's routes, services and repositories (the layers import them from here, not from each other).
 */

/** What a placement decided on its first run and keeps for a retry that resumes it (never the provider's input). */
export interface AttemptPlan {
  cartId: string;
  lines: Array<{ variantId: string; quantity: number }>;
  email: string;
  customerId: string | null;
  shippingAddress: CheckoutAddress;
  billingAddress: CheckoutAddress | null;
  shippingCode: string;
  provider: string;
  /** The quote's grand total and currency: what the payment is for (the same on every retry). */
  amount: number;
  currency: string;
  /** Who places it (order history): `customer:<id>` or `guest`. */
  actor: string;
  confirmationUrl: string;
}

/** The progress of a placement, saved after each step with an outside effect. */
export interface AttemptState {
  /** The cart this attempt holds (and may have locked). */
  heldCartId?: string;
  plan?: AttemptPlan;
  /** Inventory reservation id per variant id. */
  reservations?: Record<string, string>;
  paymentId?: string;
  /** True once the order exists (kept in memory): from here on the attempt only finishes, it never undoes. */
  placed?: boolean;
}

/** A stored response: the status and the exact JSON text sent the first time. */
export interface StoredResponse {
  status: number;
  body: string;
}

/** One idempotency key row. `leaseLapsed` and `expired` are judged by the database clock. */
export interface KeyRecord {
  id: string;
  storeId: string;
  scope: string;
  key: string;
  requestHash: string;
  status: 'in_progress' | 'completed';
  attempt: number;
  orderId: string;
  state: AttemptState;
  response: StoredResponse | null;
  leaseLapsed: boolean;
  expired: boolean;
}

/** What the checkout of one cart holds (each field validated with ajv when it was saved). */
export interface SessionData {
  email: string | null;
  shippingAddress: CheckoutAddress | null;
  billingSameAsShipping: boolean;
  billingAddress: CheckoutAddress | null;
  shippingCode: string | null;
  paymentProvider: string | null;
}

/** A checkout with nothing filled in yet. */
export const EMPTY_SESSION: SessionData = {
  email: null,
  shippingAddress: null,
  billingSameAsShipping: true,
  billingAddress: null,
  shippingCode: null,
  paymentProvider: null,
};
