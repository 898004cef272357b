import { formatMinor, type RequestContext } from '@wizamart/plugin-sdk';
import type {
  ProductPageForm,
  ProductPagePanel,
  ProductPageProduct,
  ProductPageVariant,
} from '@wizamart/plugin-catalog';
import { CART_LIMITS } from '../index.js';

const soldOut = (variant: ProductPageVariant) => variant.stock === 'out_of_stock';

/** A variant as the no-script picker lists it: `S / Red · €12.50`. */
function choiceLabel(variant: ProductPageVariant, lang: string): string {
  const options = Object.values(variant.optionValues).join(' / ');
  const price = formatMinor(variant.price, variant.currency, lang);
  return options ? `${options} · ${price}` : `${variant.sku} · ${price}`;
}

/** What the `cart/add-to-cart` partial renders for a product (undefined for a product without variants). */
export function addToCartData(
  ctx: RequestContext,
  product: ProductPageProduct,
  form: ProductPageForm,
): Record<string, unknown> | undefined {
  const [first] = product.variants;
  if (!first) return undefined;
  const lang = ctx.language;
  const preselected = product.variants.find((variant) => !soldOut(variant)) ?? first;
  return {
    action: `${ctx.linkBase}/cart/add`,
    csrf: form.csrfToken(),
    back: product.url,
    maxQuantity: CART_LIMITS.maxQuantity,
    // One variant: a plain hidden field works with and without scripts. Several: the picker's selection with
    // scripts, a list to choose from without (`<noscript>`).
    single: product.variants.length === 1 ? first.id : undefined,
    choices: product.variants.map((variant) => ({
      id: variant.id,
      label: choiceLabel(variant, lang),
      soldOut: soldOut(variant),
      selected: variant === preselected,
    })),
    soldOut: product.variants.every(soldOut),
  };
}

/** Cart's panel on catalog's product page: quantity and "Add to cart", posting to `POST <storefront>/cart/add`. */
export function addToCartPanel(): ProductPagePanel {
  const load: ProductPagePanel['load'] = async (ctx, product, form) => addToCartData(ctx, product, form);
  return { id: 'add-to-cart', order: 10, partial: 'cart/add-to-cart', load };
}
