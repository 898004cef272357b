import type { CartView } from '@wizamart/plugin-cart';
import { cartEmpty, cartNotReady, outOfStock } from '../errors.js';

/**
 * 409 unless the cart can be bought as it is: `WZ_CHECKOUT_CART_EMPTY` without lines, `WZ_CHECKOUT_OUT_OF_STOCK` when
 * only stock is short (with the variant ids), else `WZ_CHECKOUT_CART_NOT_READY` with each flagged line's problem.
 */
export function requireReady(cart: CartView): void {
  if (!cart.lines.length) throw cartEmpty();
  if (cart.ready) return;
  const problems = cart.lines.filter((line) => line.problem);
  if (problems.every((line) => line.problem === 'out_of_stock' || line.problem === 'insufficient_stock'))
    throw outOfStock(problems.map((line) => line.variantId));
  throw cartNotReady(problems.map((line) => ({ variantId: line.variantId, problem: line.problem })));
}
