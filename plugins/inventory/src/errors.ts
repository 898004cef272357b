import { WizamartError } from '@wizamart/plugin-sdk';

/** The inventory plugin's errors (codes documented in docs/errors.md, "inventory plugin"). */

export function insufficientStock(details: Record<string, unknown>): WizamartError {
  return new WizamartError('WZ_INVENTORY_INSUFFICIENT_STOCK', 'Not enough stock available for this variant', { status: 409, details });
}

export function negativeStock(details: Record<string, unknown>): WizamartError {
  return new WizamartError('WZ_INVENTORY_NEGATIVE_STOCK', 'This change would take stock below zero or below what is reserved', { status: 409, details });
}

export function reservationNotFound(): WizamartError {
  return new WizamartError('WZ_INVENTORY_RESERVATION_NOT_FOUND', 'No such reservation in this store', { status: 404 });
}

export function reservationClosed(status: string): WizamartError {
  const message = status === 'active' ? 'This reservation is still active: release it instead' : `This reservation is already ${status}`;
  return new WizamartError('WZ_INVENTORY_RESERVATION_CLOSED', message, { status: 409, details: { status } });
}

export function variantNotFound(): WizamartError {
  return new WizamartError('WZ_INVENTORY_VARIANT_NOT_FOUND', 'No such variant in this store', { status: 404 });
}

export function locationNotFound(): WizamartError {
  return new WizamartError('WZ_INVENTORY_LOCATION_NOT_FOUND', 'No such stock location in this store', { status: 404 });
}

export function locationTaken(code: string): WizamartError {
  return new WizamartError('WZ_INVENTORY_LOCATION_TAKEN', `The store already has a location with the code "${code}"`, { status: 409, details: { code } });
}
