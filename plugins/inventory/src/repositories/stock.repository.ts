import type { Knex } from 'knex';
import type { LevelRecord, LocationRecord, MovementReason, MovementRecord } from './records.js';

const LOCATION = ['id as id', 'code as code', 'name as name', 'is_default as isDefault'];
const LEVEL = [
  'variant_id as variantId',
  'location_id as locationId',
  'on_hand as onHand',
  'reserved as reserved',
  'low_threshold as lowThreshold',
];
const MOVEMENT = [
  'id as id',
  'variant_id as variantId',
  'location_id as locationId',
  'delta as delta',
  'reason as reason',
  'actor as actor',
  'reservation_id as reservationId',
  'note as note',
  'created_at as createdAt',
];

/** Locations, stock levels and movements; every method is scoped to one store. */
export class StockRepository {
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  locations(storeId: string): Promise<LocationRecord[]> {
    return this.db('locations')
      .where({ store_id: storeId })
      .select(LOCATION)
      .orderBy('is_default', 'desc')
      .orderBy('name');
  }

  async insertLocation(
    storeId: string,
    input: { code: string; name: string; isDefault: boolean },
  ): Promise<LocationRecord> {
    const [row] = await this.db('locations')
      .insert({ store_id: storeId, code: input.code, name: input.name, is_default: input.isDefault })
      .returning(LOCATION);
    return row as LocationRecord;
  }

  /** The store's default location, created as `main` on first use (two racing callers end with the same row). */
  async defaultLocation(storeId: string, name: string): Promise<LocationRecord> {
    const existing = await this.db('locations').where({ store_id: storeId, is_default: true }).select(LOCATION).first();
    if (existing) return existing as LocationRecord;
    await this.db('locations')
      .insert({ store_id: storeId, code: 'main', name, is_default: true })
      .onConflict()
      .ignore();
    return (await this.db('locations')
      .where({ store_id: storeId, is_default: true })
      .select(LOCATION)
      .first()) as LocationRecord;
  }

  levels(storeId: string, variantIds: readonly string[]): Promise<LevelRecord[]> {
    return this.db('levels').where({ store_id: storeId }).whereIn('variant_id', variantIds).select(LEVEL);
  }

  /** Available units (on hand minus reserved) and the smallest low-stock threshold per variant. */
  async available(
    storeId: string,
    variantIds: readonly string[],
  ): Promise<Array<{ variantId: string; available: number; lowThreshold: number }>> {
    const rows = await this.db('levels')
      .where({ store_id: storeId })
      .whereIn('variant_id', variantIds)
      .groupBy('variant_id')
      .select(
        'variant_id as variantId',
        this.db.raw('sum(on_hand - reserved)::int as available'),
        this.db.raw('min(low_threshold)::int as "lowThreshold"'),
      );
    return rows as Array<{ variantId: string; available: number; lowThreshold: number }>;
  }

  /**
   * Adds `delta` to the on-hand stock of a variant at a location and records the movement, in one transaction.
   * A result below zero (or below what is reserved) violates the levels CHECK and rolls everything back.
   */
  async move(
    storeId: string,
    input: {
      variantId: string;
      locationId: string;
      delta: number;
      reason: MovementReason;
      actor: string;
      note?: string | null;
      lowThreshold?: number;
    },
  ): Promise<LevelRecord> {
    return this.db.transaction(async (trx) => {
      // Not `insert … on conflict merge`: PostgreSQL checks the CHECK constraints on the row it would insert
      // (on_hand = delta) before it sees the conflict, so every negative change to an existing level would fail.
      const change: Record<string, unknown> = {
        on_hand: trx.raw('?? + ?', ['on_hand', input.delta]),
        updated_at: trx.fn.now(),
      };
      if (input.lowThreshold !== undefined) change.low_threshold = input.lowThreshold;
      const update = () =>
        trx('levels')
          .where({ store_id: storeId, variant_id: input.variantId, location_id: input.locationId })
          .update(change)
          .returning(LEVEL);
      let [level] = await update();
      if (!level) {
        const insert = {
          store_id: storeId,
          variant_id: input.variantId,
          location_id: input.locationId,
          on_hand: input.delta,
          ...(input.lowThreshold !== undefined ? { low_threshold: input.lowThreshold } : {}),
        };
        [level] = await trx('levels')
          .insert(insert)
          .onConflict(['variant_id', 'location_id'])
          .ignore()
          .returning(LEVEL);
        // A concurrent first change created the level between our update and insert: apply ours to it.
        if (!level) [level] = await update();
      }
      if (input.delta !== 0) {
        await trx('movements').insert({
          store_id: storeId,
          variant_id: input.variantId,
          location_id: input.locationId,
          delta: input.delta,
          reason: input.reason,
          actor: input.actor,
          note: input.note ?? null,
        });
      }
      return level as LevelRecord;
    });
  }

  movements(storeId: string, filter: { variantId?: string; limit: number; offset: number }): Promise<MovementRecord[]> {
    const query = this.db('movements')
      .where({ store_id: storeId })
      .select(MOVEMENT)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset);
    if (filter.variantId) query.where({ variant_id: filter.variantId });
    return query;
  }

  /** Variants whose available stock is at or below their threshold, lowest first. */
  lowStock(
    storeId: string,
    limit: number,
  ): Promise<Array<{ variantId: string; available: number; lowThreshold: number }>> {
    return this.db('levels')
      .where({ store_id: storeId })
      .groupBy('variant_id')
      .havingRaw('sum(on_hand - reserved) <= min(low_threshold)')
      .select(
        'variant_id as variantId',
        this.db.raw('sum(on_hand - reserved)::int as available'),
        this.db.raw('min(low_threshold)::int as "lowThreshold"'),
      )
      .orderByRaw('sum(on_hand - reserved)')
      .limit(limit) as never;
  }
}
