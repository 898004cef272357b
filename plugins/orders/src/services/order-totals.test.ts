import { expect } from 'chai';
import { computeTotals, divideHalfUp, taxOf } from './order-totals.js';

describe('orders: totals', () => {
  it('rounds half up, exactly', () => {
    expect(divideHalfUp(5n, 2n)).to.equal(3);
    expect(divideHalfUp(7n, 2n)).to.equal(4);
    expect(divideHalfUp(4n, 3n)).to.equal(1);
    expect(divideHalfUp(5n, 3n)).to.equal(2);
    expect(divideHalfUp(0n, 7n)).to.equal(0);
  });

  it('adds exclusive tax on subtotal plus shipping', () => {
    expect(computeTotals([2000, 990], 490, { rateBasisPoints: 2000, inclusive: false })).to.deep.equal({
      subtotal: 2990,
      shippingTotal: 490,
      taxTotal: 696,
      grandTotal: 4176,
    });
    // 3480 × 17 % = 591.6 → 592
    expect(computeTotals([2990], 490, { rateBasisPoints: 1700, inclusive: false })).to.deep.equal({
      subtotal: 2990,
      shippingTotal: 490,
      taxTotal: 592,
      grandTotal: 4072,
    });
    // 1 × 12.5 % = 0.125 → 0; 4 × 12.5 % = 0.5 → 1 (half up)
    expect(taxOf(1, { rateBasisPoints: 1250, inclusive: false })).to.equal(0);
    expect(taxOf(4, { rateBasisPoints: 1250, inclusive: false })).to.equal(1);
  });

  it('reports the tax contained in inclusive prices without adding it', () => {
    // 3480 × 17 / 117 = 505.64 → 506
    expect(computeTotals([2990], 490, { rateBasisPoints: 1700, inclusive: true })).to.deep.equal({
      subtotal: 2990,
      shippingTotal: 490,
      taxTotal: 506,
      grandTotal: 3480,
    });
    // 1200 × 20 / 120 = 200 exactly
    expect(taxOf(1200, { rateBasisPoints: 2000, inclusive: true })).to.equal(200);
    // 3 × 20 / 120 = 0.5 → 1 (half up)
    expect(taxOf(3, { rateBasisPoints: 2000, inclusive: true })).to.equal(1);
  });

  it('handles no tax, no shipping and no lines', () => {
    expect(computeTotals([1500, 1500], 0, { rateBasisPoints: 0, inclusive: false })).to.deep.equal({
      subtotal: 3000,
      shippingTotal: 0,
      taxTotal: 0,
      grandTotal: 3000,
    });
    expect(computeTotals([], 0, { rateBasisPoints: 2000, inclusive: true })).to.deep.equal({
      subtotal: 0,
      shippingTotal: 0,
      taxTotal: 0,
      grandTotal: 0,
    });
  });

  it('stays exact for amounts past 2^53 in the intermediate product', () => {
    // 9 × 10^12 minor units × 2500 bp would lose digits as a float product; 9e12 × 25 % = 2.25e12 exactly.
    expect(taxOf(9_000_000_000_000, { rateBasisPoints: 2500, inclusive: false })).to.equal(2_250_000_000_000);
    expect(taxOf(9_000_000_000_001, { rateBasisPoints: 2500, inclusive: false })).to.equal(2_250_000_000_000);
    expect(taxOf(9_000_000_000_002, { rateBasisPoints: 2500, inclusive: false })).to.equal(2_250_000_000_001);
  });
});
