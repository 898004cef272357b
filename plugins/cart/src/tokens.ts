/**
 * The service tokens of the cart plugin: a dependency-free entry point (`@wizamart/plugin-cart/tokens`) that
 * loads only the SDK, so other plugins import the tokens without the package's other modules.
 *
 * @packageDocumentation
 */
import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { CartDirectory } from './index.js';

/** Service tokens of the cart plugin (visible to plugins that require `cart`). */
export const CartServices = {
  carts: defineServiceToken<CartDirectory>('cart', 'carts'),
} as const;
