import { definePermissions, type StoreRef } from '@wizamart/plugin-sdk';

/** Units of one variant held for a checkout. */
export interface Reservation {
  id: string;
  variantId: string;
  locationId: string;
  quantity: number;
  /** `active` → `released` (units free again) or `committed` (taken from stock) → `restored` (put back on hand). */
  status: 'active' | 'released' | 'committed' | 'restored';
  reference: string | null;
  expiresAt: Date;
}

/** What a checkout asks to hold. */
export interface ReserveInput {
  variantId: string;
  quantity: number;
  /** The caller's own reference (cart or order id), kept with the reservation and its movement. */
  reference?: string;
  /** How long the hold lasts before the expiry job releases it (default 15 minutes, at most 7 days). */
  ttlSeconds?: number;
}

/**
 * Stock reservations for the checkout. Methods take the store as a plain value (`requireStore(ctx)` in a request, any
 * object with the store's id in a job). `reserve` is atomic under concurrency: a hold succeeds only while enough is
 * available at one location, so concurrent checkouts never oversell (and a CHECK in the database backs that up).
 * `release`, `commit` and `restore` are idempotent for a reservation already in the state they lead to.
 *
 * @example
 * const hold = await reservations.reserve(store, { variantId, quantity: 2, reference: cartId });
 * await reservations.commit(store, hold.id, 'checkout');
 * await reservations.restore(store, hold.id, 'staff:…');   // the order was cancelled: the units go back on hand
 */
export interface InventoryReservations {
  /** Holds `quantity` units; 409 `WZ_INVENTORY_INSUFFICIENT_STOCK` when no location has that many available. */
  reserve(store: Pick<StoreRef, 'id'>, input: ReserveInput): Promise<Reservation>;
  /**
   * Gives the units back; 404 `WZ_INVENTORY_RESERVATION_NOT_FOUND`, 409 `WZ_INVENTORY_RESERVATION_CLOSED` when
   * committed.
   */
  release(store: Pick<StoreRef, 'id'>, reservationId: string): Promise<Reservation>;
  /**
   * Takes the units out of stock (a `sold` movement by `actor`); 409 `WZ_INVENTORY_RESERVATION_CLOSED` when released.
   */
  commit(store: Pick<StoreRef, 'id'>, reservationId: string, actor: string): Promise<Reservation>;
  /**
   * Puts the units of a committed reservation back on hand at its location (a `returned` movement by `actor`), e.g.
   * when an order is cancelled; the reservation ends `restored`. 404 `WZ_INVENTORY_RESERVATION_NOT_FOUND`; 409
   * `WZ_INVENTORY_RESERVATION_CLOSED` (details give the status) when it is still `active` (release it instead) or
   * was `released` (nothing was taken).
   */
  restore(store: Pick<StoreRef, 'id'>, reservationId: string, actor: string): Promise<Reservation>;
}

/**
 * Units a shopper can still buy (on hand minus reserved, summed over locations), for carts that cap quantities.
 * Resolves `undefined` while inventory is turned off on the store's platform (stock is then not tracked there).
 */
export interface InventoryStock {
  /** Available units per variant of store `store.id` among `variantIds` (0 for variants without stock records). */
  available(
    store: Pick<StoreRef, 'id' | 'platform'>,
    variantIds: readonly string[],
  ): Promise<Map<string, number> | undefined>;
}

export { InventoryServices } from './tokens.js';

/** Permissions the inventory plugin declares (store surface). */
export const INVENTORY_PERMISSIONS = definePermissions('inventory', {
  view: 'inventory.view',
  manage: 'inventory.manage',
});
