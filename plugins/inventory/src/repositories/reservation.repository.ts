import type { Knex } from 'knex';
import type { Reservation } from '../index.js';

const FOREIGN_KEY_VIOLATION = '23503';

const RESERVATION = [
  'id as id',
  'variant_id as variantId',
  'location_id as locationId',
  'quantity as quantity',
  'status as status',
  'reference as reference',
  'expires_at as expiresAt',
];

/** Reservations; each state change updates the level and the reservation in one transaction. */
export class ReservationRepository {
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  /**
   * Holds `quantity` at the first location (default first, then most available) that still has it. The conditional
   * UPDATE is the whole concurrency story: Postgres locks the level row, re-reads it after a concurrent writer
   * commits and re-checks `on_hand - reserved >= quantity`, so two checkouts can never both take the last unit.
   */
  async reserve(
    storeId: string,
    input: { variantId: string; quantity: number; reference: string | null; ttlSeconds: number },
  ): Promise<Reservation | undefined> {
    return this.db.transaction(async (trx) => {
      const candidates = await trx('levels as l')
        .join('locations as loc', 'loc.id', 'l.location_id')
        .where({ 'l.store_id': storeId, 'l.variant_id': input.variantId })
        .whereRaw('l.on_hand - l.reserved >= ?', [input.quantity])
        .select('l.location_id as locationId')
        .orderBy('loc.is_default', 'desc')
        .orderByRaw('l.on_hand - l.reserved desc');
      for (const { locationId } of candidates as Array<{ locationId: string }>) {
        const held = await trx('levels')
          .where({ store_id: storeId, variant_id: input.variantId, location_id: locationId })
          .whereRaw('on_hand - reserved >= ?', [input.quantity])
          .update({ reserved: trx.raw('reserved + ?', [input.quantity]), updated_at: trx.fn.now() });
        if (!held) continue;
        const [row] = await trx('reservations')
          .insert({
            store_id: storeId,
            variant_id: input.variantId,
            location_id: locationId,
            quantity: input.quantity,
            reference: input.reference,
            expires_at: trx.raw(`now() + make_interval(secs => ?)`, [input.ttlSeconds]),
          })
          .returning(RESERVATION);
        return row as Reservation;
      }
      return undefined;
    });
  }

  byId(storeId: string, id: string): Promise<Reservation | undefined> {
    return this.db('reservations').where({ store_id: storeId, id }).select(RESERVATION).first();
  }

  /** Closes an active reservation as `released` or `committed`; undefined when it is not active (any more). */
  async close(
    storeId: string,
    id: string,
    status: 'released' | 'committed',
    actor: string,
  ): Promise<Reservation | undefined> {
    return this.db.transaction(async (trx) => {
      const [row] = await trx('reservations')
        .where({ store_id: storeId, id, status: 'active' })
        .update({ status, closed_at: trx.fn.now() })
        .returning(RESERVATION);
      const closed = row as Reservation | undefined;
      if (!closed) return undefined;
      const taken = status === 'committed' ? closed.quantity : 0;
      await trx('levels')
        .where({ variant_id: closed.variantId, location_id: closed.locationId })
        .update({
          reserved: trx.raw('reserved - ?', [closed.quantity]),
          on_hand: trx.raw('on_hand - ?', [taken]),
          updated_at: trx.fn.now(),
        });
      if (taken) {
        await trx('movements').insert({
          store_id: storeId,
          variant_id: closed.variantId,
          location_id: closed.locationId,
          delta: -taken,
          reason: 'sold',
          actor,
          reservation_id: closed.id,
        });
      }
      return closed;
    });
  }

  /**
   * Puts a committed reservation's units back on hand at its location, as a `returned` movement; the reservation ends
   * `restored`. Undefined when it is not committed (any more). A level whose variant was deleted since is not
   * recreated.
   */
  async restore(storeId: string, id: string, actor: string): Promise<Reservation | undefined> {
    return this.db.transaction(async (trx) => {
      const [row] = await trx('reservations')
        .where({ store_id: storeId, id, status: 'committed' })
        .update({ status: 'restored', restored_at: trx.fn.now() })
        .returning(RESERVATION);
      const restored = row as Reservation | undefined;
      if (!restored) return undefined;
      const where = { store_id: storeId, variant_id: restored.variantId, location_id: restored.locationId };
      const updated = await trx('levels')
        .where(where)
        .update({ on_hand: trx.raw('on_hand + ?', [restored.quantity]), updated_at: trx.fn.now() });
      if (!updated) await this.recreateLevel(trx, { ...where, on_hand: restored.quantity });
      await trx('movements').insert({
        ...where,
        delta: restored.quantity,
        reason: 'returned',
        actor,
        reservation_id: restored.id,
      });
      return restored;
    });
  }

  /** A level removed since the sale (its row is gone) comes back, unless the variant itself was deleted. */
  private async recreateLevel(trx: Knex.Transaction, level: Record<string, unknown>): Promise<void> {
    try {
      await trx.transaction(async (savepoint) => {
        await savepoint('levels').insert(level);
      });
    } catch (error) {
      if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
    }
  }

  /** Ids of active reservations past their expiry (any store), oldest first. */
  async expired(limit: number): Promise<Array<{ id: string; storeId: string }>> {
    return this.db('reservations')
      .where({ status: 'active' })
      .where('expires_at', '<', this.db.fn.now())
      .select('id as id', 'store_id as storeId')
      .orderBy('expires_at')
      .limit(limit);
  }
}
