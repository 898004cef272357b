/**
 * The service tokens of the orders plugin: a dependency-free entry point (`@wizamart/plugin-orders/tokens`) that
 * loads only the SDK, so other plugins import the tokens without the package's other modules.
 *
 * @packageDocumentation
 */
import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { OrdersService } from './index.js';

/** Service tokens of the orders plugin (visible to plugins that require `orders`). */
export const OrdersServices = {
  orders: defineServiceToken<OrdersService>('orders', 'orders'),
} as const;
