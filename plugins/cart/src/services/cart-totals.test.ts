import { expect } from 'chai';
import type { CatalogVariant } from '@wizamart/plugin-catalog';
import type { CartRecord, LineRecord } from '../repositories/cart.repository.js';
import { mergedQuantity, priceCart } from './cart-totals.js';

const cart: CartRecord = { id: 'c1', customerId: null, currency: 'EUR', status: 'open' };
const variant = (id: string, price: number, extra: Partial<CatalogVariant> = {}): CatalogVariant => ({
  id,
  productId: 'p',
  productTitle: `T ${id}`,
  productSlug: id,
  productStatus: 'active',
  sku: id.toUpperCase(),
  optionValues: {},
  price,
  currency: 'EUR',
  compareAtPrice: null,
  weightGrams: null,
  ...extra,
});
const line = (variantId: string, quantity: number, price = 1): LineRecord => ({
  id: `l-${variantId}`,
  variantId,
  quantity,
  snapshot: { title: 'old', sku: 'OLD', productSlug: 'old', optionValues: {}, price, currency: 'EUR' },
});

describe('cart totals', () => {
  it('prices lines from the current variants, not from the snapshot', () => {
    const view = priceCart(
      cart,
      [line('a', 2, 1), line('b', 1, 500)],
      new Map([
        ['a', variant('a', 1250)],
        ['b', variant('b', 500)],
      ]),
      undefined,
    );
    expect(view.lines.map((l) => [l.unitPrice, l.lineTotal, l.priceChanged])).to.deep.equal([
      [1250, 2500, true],
      [500, 500, false],
    ]);
    expect(view.subtotal).to.equal(3000);
    expect(view.itemCount).to.equal(3);
    expect(view.ready).to.equal(true);
  });

  it('flags gone, draft, foreign-currency and short lines and leaves them out of the subtotal', () => {
    const variants = new Map([
      ['b', variant('b', 100, { productStatus: 'draft' })],
      ['c', variant('c', 100, { currency: 'USD' })],
      ['d', variant('d', 100)],
      ['e', variant('e', 100)],
    ]);
    const stock = new Map([
      ['d', 0],
      ['e', 1],
    ]);
    const view = priceCart(
      cart,
      [line('a', 1), line('b', 1), line('c', 1), line('d', 1), line('e', 2)],
      variants,
      stock,
    );
    expect(view.lines.map((l) => l.problem)).to.deep.equal([
      'unavailable',
      'unavailable',
      'currency',
      'out_of_stock',
      'insufficient_stock',
    ]);
    expect(view.lines[0].title, 'a gone variant shows its snapshot').to.equal('old');
    expect(view.subtotal).to.equal(0);
    expect(view.ready).to.equal(false);
  });

  it('merges quantities up to the line limit and the stock, never below what was there', () => {
    expect(mergedQuantity(2, 3, 99, undefined)).to.equal(5);
    expect(mergedQuantity(2, 3, 99, 4)).to.equal(4);
    expect(mergedQuantity(90, 30, 99, undefined)).to.equal(99);
    expect(mergedQuantity(5, 3, 99, 1)).to.equal(5);
    expect(mergedQuantity(0, 3, 99, 0)).to.equal(0);
  });
});
