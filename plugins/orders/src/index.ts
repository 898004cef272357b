import { definePermissions, type RequestContext } from '@wizamart/plugin-sdk';

/**
 * Where an order is: `pending_payment` → `paid` → `fulfilled` (shipped) → `delivered`; `cancelled` (from pending or
 * paid) and `refunded` (from paid, fulfilled or delivered) are final. See the plugin README ("Statuses").
 */
export type OrderStatus = 'pending_payment' | 'paid' | 'fulfilled' | 'delivered' | 'cancelled' | 'refunded';

/** A postal address as orders keep it. `country` is ISO 3166-1 alpha-2, upper case. */
export interface OrderAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
}

/** A per-store flat shipping rate a shopper can choose. */
export interface ShippingOption {
  code: string;
  name: string;
  /** Minor units of the store's currency. */
  amount: number;
  currency: string;
}

/** What to price: only variant ids and quantities — prices always come from catalog, on the server. */
export interface OrderQuoteInput {
  lines: ReadonlyArray<{ variantId: string; quantity: number }>;
  /** A code from `shippingOptions`; absent → no shipping chosen yet (shippingTotal 0, `shipping` null). */
  shippingCode?: string | null;
}

/** A priced line: catalog's current title, SKU, options and unit price of the variant (minor units). */
export interface OrderQuoteLine {
  variantId: string;
  productTitle: string;
  productSlug: string;
  sku: string;
  optionValues: Record<string, string>;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

/** Server-computed totals (minor units). With inclusive tax, `taxTotal` is the tax contained in the prices. */
export interface OrderQuote {
  currency: string;
  lines: OrderQuoteLine[];
  subtotal: number;
  shippingTotal: number;
  taxTotal: number;
  grandTotal: number;
  taxInclusive: boolean;
  /** The store's tax rate in basis points (2000 = 20 %). */
  taxRateBasisPoints: number;
  shipping: ShippingOption | null;
}

/**
 * What checkout places: lines (variant ids, quantities and the inventory reservation of each), the shipping rate,
 * contact and addresses, and the payment made for it. No price, total or currency: the order is priced anew.
 */
export interface PlaceOrderInput {
  /** Chosen by the caller (a UUID), so that a retried placement finds the same order: placing an id that exists
   *  returns the existing order unchanged (no second number, no second event). */
  id: string;
  lines: ReadonlyArray<{ variantId: string; quantity: number; reservationId?: string | null }>;
  shippingCode: string;
  email: string;
  customerId: string | null;
  shippingAddress: OrderAddress;
  billingAddress: OrderAddress | null;
  /** The payment made for this order (payments' `orderRef` is the order id). Its status sets the order's:
   *  captured → `paid`, anything else that is not failed/cancelled → `pending_payment`. */
  paymentId: string;
  note?: string | null;
  /** Where it came from (kept for support): cart id, checkout idempotency key. */
  source?: { cartId?: string | null; idempotencyKey?: string | null };
  /**
   * Who places it (status history), e.g. `customer:<id>` or `guest`; default: the context's actor (`guest` for an
   * anonymous storefront request).
   */
  actor?: string;
}

/**
 * An order as placed: the server's totals, the lines' snapshots and the status history (oldest first).
 * The amounts `place` will charge must equal a fresh quote: pass the quote's grandTotal to detect a price change.
 */
export interface Order {
  id: string;
  storeId: string;
  /** Human-friendly, per store, increasing (e.g. 1001); shown as `#1001`. */
  number: number;
  status: OrderStatus;
  email: string;
  customerId: string | null;
  currency: string;
  subtotal: number;
  shippingTotal: number;
  taxTotal: number;
  grandTotal: number;
  taxInclusive: boolean;
  shippingAddress: OrderAddress;
  billingAddress: OrderAddress | null;
  shipping: { code: string; name: string; amount: number };
  paymentId: string | null;
  trackingNumber: string | null;
  lines: Array<OrderQuoteLine & { id: string; reservationId: string | null }>;
  history: Array<{
    fromStatus: OrderStatus | null;
    toStatus: OrderStatus;
    actor: string;
    note: string | null;
    createdAt: Date;
  }>;
  placedAt: Date;
  updatedAt: Date;
  /** The signed-in customer's name when the order was placed (null for guests). */
  customerName: string | null;
  /** The store's tax rate applied to this order, in basis points. */
  taxRateBasisPoints: number;
  /** The shopper's note to the store. */
  note: string | null;
}

/**
 * Orders for checkout (and anything that requires `orders`). Every call is scoped to the context's store (404
 * `WZ_TENANCY_STORE_NOT_FOUND` without one).
 * Errors: 400 `WZ_VALIDATION`; 422 `WZ_ORDERS_LINE_UNAVAILABLE` (unknown, other store's, inactive or other-currency
 * variant; `details.variantIds`); 422 `WZ_ORDERS_SHIPPING_UNKNOWN`; 404 `WZ_ORDERS_NOT_FOUND`.
 */
export interface OrdersService {
  /** The store's shipping rates, in display order. */
  shippingOptions(ctx: RequestContext): Promise<ShippingOption[]>;
  /** Prices `input` now with the store's shipping and tax settings. */
  quote(ctx: RequestContext, input: OrderQuoteInput): Promise<OrderQuote>;
  /** Creates the order (lines snapshot title, SKU, unit price), numbers it, records history and publishes
   *  `orders.placed` (and `orders.paid` when its payment is captured). Idempotent by `input.id`. */
  place(ctx: RequestContext, input: PlaceOrderInput): Promise<Order>;
  get(ctx: RequestContext, orderId: string): Promise<Order | undefined>;
}

/** The payload of `orders.placed`, `orders.paid`, `orders.cancelled` (and the other status events orders adds). */
export interface OrderEventPayload {
  storeId: string;
  orderId: string;
  number: number;
  status: OrderStatus;
  grandTotal: number;
  currency: string;
  customerId: string | null;
}

export { OrdersServices } from './tokens.js';

/** The events orders publishes, all with {@link OrderEventPayload}, after the change is committed. */
export type OrderEventName =
  'orders.placed' | 'orders.paid' | 'orders.fulfilled' | 'orders.delivered' | 'orders.cancelled' | 'orders.refunded';

/** Permissions the orders plugin declares (store surface). */
export const ORDERS_PERMISSIONS = definePermissions('orders', {
  view: 'orders.view',
  manage: 'orders.manage',
  settingsManage: 'orders.settings-manage',
});
