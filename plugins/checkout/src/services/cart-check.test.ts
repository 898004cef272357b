import { expect } from 'chai';
import type { CartLine, CartView } from '@wizamart/plugin-cart';
import { requireReady } from './cart-check.js';

const line = (variantId: string, problem: CartLine['problem'] = null): CartLine => ({
  id: `l-${variantId}`,
  variantId,
  quantity: 1,
  title: variantId,
  sku: variantId,
  productSlug: variantId,
  optionValues: {},
  unitPrice: 100,
  lineTotal: 100,
  priceChanged: false,
  availableQuantity: null,
  problem,
});
const cart = (lines: CartLine[]): CartView => ({
  id: 'c',
  status: 'locked',
  customerId: null,
  currency: 'EUR',
  lines,
  itemCount: lines.length,
  subtotal: 0,
  ready: lines.length > 0 && lines.every((l) => !l.problem),
});
const codeOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return { code: (error as { code: string }).code, details: (error as { details: unknown }).details };
  }
  return undefined;
};

describe('checkout cart check', () => {
  it('passes a ready cart', () => {
    expect(codeOf(() => requireReady(cart([line('a'), line('b')])))).to.equal(undefined);
  });

  it('tells an empty cart, a stock shortage and other problems apart', () => {
    expect(codeOf(() => requireReady(cart([])))?.code).to.equal('WZ_CHECKOUT_CART_EMPTY');
    expect(
      codeOf(() => requireReady(cart([line('a'), line('b', 'out_of_stock'), line('c', 'insufficient_stock')]))),
    ).to.deep.equal({ code: 'WZ_CHECKOUT_OUT_OF_STOCK', details: { variantIds: ['b', 'c'] } });
    expect(codeOf(() => requireReady(cart([line('a', 'unavailable'), line('b', 'out_of_stock')])))).to.deep.equal({
      code: 'WZ_CHECKOUT_CART_NOT_READY',
      details: {
        lines: [
          { variantId: 'a', problem: 'unavailable' },
          { variantId: 'b', problem: 'out_of_stock' },
        ],
      },
    });
  });
});
