import type { CatalogVariant } from '@wizamart/plugin-catalog';
import type { CartLine, CartLineProblem, CartView } from '../index.js';
import type { CartRecord, LineRecord } from '../repositories/cart.repository.js';

/** Why a variant cannot be bought for `quantity` units in `currency` (stock undefined: not tracked). */
export function lineProblem(
  variant: CatalogVariant | undefined,
  currency: string,
  quantity: number,
  available: number | undefined,
): CartLineProblem | null {
  if (!variant || variant.productStatus !== 'active') return 'unavailable';
  if (variant.currency !== currency) return 'currency';
  if (available === undefined) return null;
  if (available <= 0) return 'out_of_stock';
  return quantity > available ? 'insufficient_stock' : null;
}

function priceLine(
  line: LineRecord,
  variant: CatalogVariant | undefined,
  currency: string,
  stock: Map<string, number> | undefined,
): CartLine {
  const available = stock?.get(line.variantId);
  const problem = lineProblem(variant, currency, line.quantity, stock ? (available ?? 0) : undefined);
  const shown = variant ?? {
    productTitle: line.snapshot.title,
    sku: line.snapshot.sku,
    productSlug: line.snapshot.productSlug,
    optionValues: line.snapshot.optionValues,
  };
  const unitPrice = problem === 'unavailable' || problem === 'currency' ? null : variant!.price;
  return {
    id: line.id,
    variantId: line.variantId,
    quantity: line.quantity,
    title: shown.productTitle,
    sku: shown.sku,
    productSlug: shown.productSlug,
    optionValues: shown.optionValues,
    unitPrice,
    lineTotal: unitPrice === null ? null : unitPrice * line.quantity,
    priceChanged: unitPrice !== null && unitPrice !== line.snapshot.price,
    availableQuantity: stock ? (available ?? 0) : null,
    problem,
  };
}

/**
 * Prices a cart from the catalog's current variants (never from the snapshot or the client). Lines whose variant is
 * gone, inactive, in another currency or short of stock stay in the cart, flagged, and out of the subtotal.
 */
export function priceCart(
  cart: CartRecord,
  lines: LineRecord[],
  variants: Map<string, CatalogVariant>,
  stock: Map<string, number> | undefined,
): CartView {
  const priced = lines.map((line) => priceLine(line, variants.get(line.variantId), cart.currency, stock));
  return {
    id: cart.id,
    status: cart.status,
    customerId: cart.customerId,
    currency: cart.currency,
    lines: priced,
    itemCount: priced.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: priced.reduce((sum, line) => sum + (line.problem === null ? (line.lineTotal ?? 0) : 0), 0),
    ready: priced.length > 0 && priced.every((line) => line.problem === null),
  };
}

/** The cart of a shopper who has none yet. */
export function emptyCart(currency: string): CartView {
  return { id: null, status: 'open', customerId: null, currency, lines: [], itemCount: 0, subtotal: 0, ready: false };
}

/**
 * The quantity a merged line ends with: the sum, capped by the line limit and by the stock available (when
 * tracked), but never below what the customer's cart already held.
 */
export function mergedQuantity(existing: number, added: number, max: number, available: number | undefined): number {
  const cap = Math.min(max, available === undefined ? max : available);
  return Math.max(existing, Math.min(existing + added, cap));
}
