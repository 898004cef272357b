/**
 * The service tokens of the inventory plugin: a dependency-free entry point (`@wizamart/plugin-inventory/tokens`) that
 * loads only the SDK, so other plugins import the tokens without the package's other modules.
 *
 * @packageDocumentation
 */
import { defineServiceToken } from '@wizamart/plugin-sdk';
import type { InventoryReservations, InventoryStock } from './index.js';

/** Service tokens of the inventory plugin (visible to plugins that require `inventory`). */
export const InventoryServices = {
  reservations: defineServiceToken<InventoryReservations>('inventory', 'reservations'),
  stock: defineServiceToken<InventoryStock>('inventory', 'stock'),
} as const;
