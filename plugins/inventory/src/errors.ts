import { defineErrors } from '@wizamart/plugin-sdk';

type Details = Record<string, unknown>;

/** The inventory plugin's errors (codes documented in docs/errors.md, "inventory plugin"). */
export const inventoryErrors = defineErrors({
  WZ_INVENTORY_INSUFFICIENT_STOCK: { status: 409, message: 'Not enough stock available for this variant' },
  WZ_INVENTORY_NEGATIVE_STOCK: {
    status: 409,
    message: 'This change would take stock below zero or below what is reserved',
  },
  WZ_INVENTORY_RESERVATION_NOT_FOUND: { status: 404, message: 'No such reservation in this store' },
  WZ_INVENTORY_RESERVATION_CLOSED: {
    status: 409,
    message: (p: { status: string }) =>
      p.status === 'active'
        ? 'This reservation is still active: release it instead'
        : `This reservation is already ${p.status}`,
  },
  WZ_INVENTORY_VARIANT_NOT_FOUND: { status: 404, message: 'No such variant in this store' },
  WZ_INVENTORY_LOCATION_NOT_FOUND: { status: 404, message: 'No such stock location in this store' },
  WZ_INVENTORY_LOCATION_TAKEN: {
    status: 409,
    message: (p: { code: string }) => `The store already has a location with the code "${p.code}"`,
  },
});

const errors = inventoryErrors;
export const insufficientStock = (details: Details) => errors.WZ_INVENTORY_INSUFFICIENT_STOCK({ details });
export const negativeStock = (details: Details) => errors.WZ_INVENTORY_NEGATIVE_STOCK({ details });
export const reservationNotFound = () => errors.WZ_INVENTORY_RESERVATION_NOT_FOUND();
export const reservationClosed = (status: string) => errors.WZ_INVENTORY_RESERVATION_CLOSED({ status });
export const variantNotFound = () => errors.WZ_INVENTORY_VARIANT_NOT_FOUND();
export const locationNotFound = () => errors.WZ_INVENTORY_LOCATION_NOT_FOUND();
export const locationTaken = (code: string) => errors.WZ_INVENTORY_LOCATION_TAKEN({ code });
