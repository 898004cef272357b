/** Tax settings of a store: a rate in basis points (2000 = 20 %) and whether prices already include it. */
export interface TaxSettings {
  rateBasisPoints: number;
  inclusive: boolean;
}

/** The money part of a quote, in minor units. */
export interface Totals {
  subtotal: number;
  shippingTotal: number;
  taxTotal: number;
  grandTotal: number;
}

/** `numerator / denominator` rounded half up, for non-negative integers (exact: BigInt, no float on the way). */
export function divideHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/**
 * The tax on `base` minor units. Exclusive: `base × rate`, added on top. Inclusive: the tax the gross `base` already
 * contains, `base × rate / (1 + rate)`. Rounded half up, once per order (not per line).
 */
export function taxOf(base: number, tax: TaxSettings): number {
  const rate = BigInt(tax.rateBasisPoints);
  if (rate === 0n || base === 0) return 0;
  return tax.inclusive ? divideHalfUp(BigInt(base) * rate, 10_000n + rate) : divideHalfUp(BigInt(base) * rate, 10_000n);
}

/**
 * Totals of an order: the subtotal of the line totals, the shipping rate, and the tax on both (shipping is taxed
 * at the same rate). Exclusive tax is added to the grand total; inclusive tax is only reported.
 *
 * @example
 * computeTotals([2000, 990], 490, { rateBasisPoints: 2000, inclusive: false }); // tax 696, grand total 4176
 */
export function computeTotals(lineTotals: readonly number[], shippingTotal: number, tax: TaxSettings): Totals {
  const subtotal = lineTotals.reduce((sum, amount) => sum + amount, 0);
  const taxTotal = taxOf(subtotal + shippingTotal, tax);
  return { subtotal, shippingTotal, taxTotal, grandTotal: subtotal + shippingTotal + (tax.inclusive ? 0 : taxTotal) };
}
