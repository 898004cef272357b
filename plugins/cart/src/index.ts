import type { RequestContext } from '@wizamart/plugin-sdk';

/**
 * Why a line cannot be bought as it is: `unavailable` (the variant is gone or its product is not active),
 * `currency` (priced in another currency than the cart), `out_of_stock`, `insufficient_stock` (fewer units available
 * than the line holds; `availableQuantity` says how many).
 */
export type CartLineProblem = 'unavailable' | 'currency' | 'out_of_stock' | 'insufficient_stock';

/** A cart line with the server's current price; `snapshot*` fields are what the shopper saw when adding it. */
export interface CartLine {
  id: string;
  variantId: string;
  quantity: number;
  title: string;
  sku: string;
  productSlug: string;
  optionValues: Record<string, string>;
  /** Current unit price in minor units (null when the variant is unavailable). */
  unitPrice: number | null;
  /** `unitPrice × quantity`, null when unavailable. */
  lineTotal: number | null;
  /** True when the current price differs from the price at the time the line was added. */
  priceChanged: boolean;
  /** Units available now when inventory tracks stock on the store's platform, else null. */
  availableQuantity: number | null;
  problem: CartLineProblem | null;
}

/** A cart as the server prices it on every read. */
export interface CartView {
  /** Null for a shopper without a cart yet. */
  id: string | null;
  status: 'open' | 'locked' | 'converted' | 'merged';
  customerId: string | null;
  currency: string;
  lines: CartLine[];
  /** Units over all lines. */
  itemCount: number;
  /** Sum of the line totals of lines without a problem, in minor units. */
  subtotal: number;
  /** True when the cart has lines and none has a problem (what checkout needs). */
  ready: boolean;
}

/** A cart without prices: what a caller needs that only wants to know which cart it is and whether it has lines. */
export interface CartSummary {
  id: string;
  status: 'open' | 'locked';
  customerId: string | null;
  currency: string;
  /** Number of lines (not units). */
  lineCount: number;
}

/** The statuses a caller can move a cart to: `locked` (checkout in progress), `open` again, or `converted`. */
export type CartStatusChange = 'locked' | 'open' | 'converted';

/**
 * Carts for checkout (and anything else that requires `cart`). Every call acts for a request context and is scoped
 * to its store (`requireStore(ctx)`: 404 `WZ_TENANCY_STORE_NOT_FOUND` without one); the shopper is the context's
 * customer actor, else the guest of the cart cookie's value, which the caller reads with
 * `readCookie(req.headers.cookie, CART_COOKIE)`. The reads and the status changes that answer a `CartView` price the
 * cart (a few statements each); `summaryForShopper` and `setStatus` are the lighter forms for callers that do not
 * need prices.
 *
 * @example
 * const ctx = contextOf(req);
 * const cart = await carts.forShopper(ctx, readCookie(req.headers.cookie, CART_COOKIE));
 * if (!cart?.ready) throw …;
 * await carts.lock(ctx, cart.id!);
 */
export interface CartDirectory {
  /** Cart `cartId` of the store priced now, or undefined (also for another store's cart). */
  get(ctx: RequestContext, cartId: string): Promise<CartView | undefined>;
  /**
   * The open or locked cart of the context's shopper (customer actor, else the guest of `guestToken`), merging a
   * guest cart into the customer's first; undefined when the shopper has none.
   */
  forShopper(ctx: RequestContext, guestToken: string | undefined): Promise<CartView | undefined>;
  /**
   * Like `forShopper` (the same shopper, the same merge), without pricing: the cart's id, status and number of lines,
   * read in one statement; undefined when the shopper has no open or locked cart.
   */
  summaryForShopper(ctx: RequestContext, guestToken: string | undefined): Promise<CartSummary | undefined>;
  /** Removes every line; 404 `WZ_CART_NOT_FOUND`, 409 `WZ_CART_LOCKED` when locked or converted. */
  clear(ctx: RequestContext, cartId: string): Promise<CartView>;
  /** open → locked: the shopper can no longer change it. Idempotent; 409 `WZ_CART_LOCKED` when converted. */
  lock(ctx: RequestContext, cartId: string): Promise<CartView>;
  /** locked → open (e.g. after a declined payment). Idempotent; 409 `WZ_CART_LOCKED` when converted. */
  unlock(ctx: RequestContext, cartId: string): Promise<CartView>;
  /** → converted with the caller's `reference` (an order id); the shopper starts a new cart. Idempotent. */
  markConverted(ctx: RequestContext, cartId: string, reference?: string): Promise<CartView>;
  /**
   * `lock`, `unlock` or `markConverted` (`reference` is kept only by `converted`) without pricing the cart afterwards:
   * the same rules and errors, one statement in the common case.
   *
   * @example
   * await carts.setStatus(ctx, cartId, 'converted', order.id);
   */
  setStatus(ctx: RequestContext, cartId: string, to: CartStatusChange, reference?: string): Promise<void>;
}

export { CartServices } from './tokens.js';

/** Limits of a cart: units per line and different lines per cart. */
export const CART_LIMITS = {
  maxQuantity: 99,
  maxLines: 100,
} as const;

/** Name of the guest cart cookie (HttpOnly, SameSite=Lax, scoped to the store's storefront paths). */
export const CART_COOKIE = 'wz_cart';
