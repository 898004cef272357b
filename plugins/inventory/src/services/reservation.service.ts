import type { CatalogVariants } from '@wizamart/plugin-catalog';
import { insufficientStock, reservationClosed, reservationNotFound, variantNotFound } from '../errors.js';
import type { StoreRef } from '@wizamart/plugin-sdk';
import type { InventoryReservations, Reservation, ReserveInput } from '../index.js';
import type { ReservationRepository } from '../repositories/reservation.repository.js';
import { checkQuantity, isUuid } from './checks.js';

const DEFAULT_TTL_SECONDS = 15 * 60;
const MAX_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Reserve, release, commit and restore, as the checkout and orders use them (exported as
 * `InventoryServices.reservations`).
 */
export class ReservationService implements InventoryReservations {
  constructor(
    private readonly reservations: ReservationRepository,
    private readonly variants: CatalogVariants,
  ) {}

  async reserve(store: Pick<StoreRef, 'id'>, input: ReserveInput): Promise<Reservation> {
    checkQuantity(input.quantity, 'quantity');
    const ttlSeconds = input.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    checkQuantity(ttlSeconds, 'ttlSeconds', MAX_TTL_SECONDS);
    const variantId = input.variantId.toLowerCase();
    if (!isUuid(variantId) || !(await this.variants.byIds(store.id, [variantId])).length) throw variantNotFound();
    const held = await this.reservations.reserve(store.id, {
      variantId,
      quantity: input.quantity,
      reference: input.reference ?? null,
      ttlSeconds,
    });
    if (!held) throw insufficientStock({ variantId, quantity: input.quantity });
    return held;
  }

  release(store: Pick<StoreRef, 'id'>, reservationId: string): Promise<Reservation> {
    return this.close(store, reservationId, 'released', 'system');
  }

  commit(store: Pick<StoreRef, 'id'>, reservationId: string, actor: string): Promise<Reservation> {
    return this.close(store, reservationId, 'committed', actor);
  }

  /**
   * Committed → restored: the units go back on hand (`returned`); a retry on a restored reservation changes nothing.
   */
  async restore(store: Pick<StoreRef, 'id'>, reservationId: string, actor: string): Promise<Reservation> {
    if (!isUuid(reservationId)) throw reservationNotFound();
    const id = reservationId.toLowerCase();
    const restored = await this.reservations.restore(store.id, id, actor);
    if (restored) return { ...restored, status: 'restored' };
    const current = await this.reservations.byId(store.id, id);
    if (!current) throw reservationNotFound();
    if (current.status === 'restored') return current;
    throw reservationClosed(current.status);
  }

  /** Releases reservations past their expiry; returns how many were released. */
  async releaseExpired(limit = 500): Promise<number> {
    let released = 0;
    for (const item of await this.reservations.expired(limit)) {
      if (await this.reservations.close(item.storeId, item.id, 'released', 'expiry')) released++;
    }
    return released;
  }

  private async close(
    store: Pick<StoreRef, 'id'>,
    id: string,
    status: 'released' | 'committed',
    actor: string,
  ): Promise<Reservation> {
    if (!isUuid(id)) throw reservationNotFound();
    const closed = await this.reservations.close(store.id, id.toLowerCase(), status, actor);
    if (closed) return { ...closed, status };
    const current = await this.reservations.byId(store.id, id.toLowerCase());
    if (!current) throw reservationNotFound();
    // Asking again for the state it is already in is a retry, not an error.
    if (current.status === status) return current;
    throw reservationClosed(current.status);
  }
}
