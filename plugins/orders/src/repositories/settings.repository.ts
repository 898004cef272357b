import type { Knex } from 'knex';
import type { ShippingRateInput } from '../model.js';

/** A shipping rate row (amount in minor units of the store's currency). */
export interface ShippingRateRecord {
  id: string;
  code: string;
  name: string;
  amount: number;
  position: number;
  active: boolean;
}

const RATE = [
  'id as id',
  'code as code',
  'name as name',
  'amount as amount',
  'position as position',
  'active as active',
];
export const UNIQUE_VIOLATION = '23505';

function rate(row: Record<string, unknown>): ShippingRateRecord {
  return { ...(row as unknown as ShippingRateRecord), amount: Number(row.amount) };
}

/** Tax settings and shipping rates; every method is scoped to one store. */
export class SettingsRepository {
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  async tax(storeId: string): Promise<{ rateBasisPoints: number; inclusive: boolean }> {
    const row = await this.db('settings')
      .where({ store_id: storeId })
      .first('tax_rate_bp as rateBasisPoints', 'tax_inclusive as inclusive');
    return row ?? { rateBasisPoints: 0, inclusive: false };
  }

  /** True when the store has saved tax settings (the demo seed keeps what a store chose). */
  async hasTax(storeId: string): Promise<boolean> {
    return Boolean(await this.db('settings').where({ store_id: storeId }).first('store_id'));
  }

  async saveTax(storeId: string, tax: { rateBasisPoints: number; inclusive: boolean }): Promise<void> {
    const row = {
      store_id: storeId,
      tax_rate_bp: tax.rateBasisPoints,
      tax_inclusive: tax.inclusive,
      updated_at: this.db.fn.now(),
    };
    await this.db('settings').insert(row).onConflict('store_id').merge(['tax_rate_bp', 'tax_inclusive', 'updated_at']);
  }

  /** The store's rates in display order (position, then name); only active ones unless `all`. */
  async rates(storeId: string, all = false): Promise<ShippingRateRecord[]> {
    const query = this.db('shipping_rates')
      .where({ store_id: storeId })
      .select(RATE)
      .orderBy('position')
      .orderBy('name')
      .orderBy('code');
    if (!all) query.where({ active: true });
    return (await query).map(rate);
  }

  async rateById(storeId: string, id: string): Promise<ShippingRateRecord | undefined> {
    const row = await this.db('shipping_rates').where({ store_id: storeId, id }).first(RATE);
    return row ? rate(row) : undefined;
  }

  /** Inserts a rate; undefined when the store has one with this code already. */
  async insertRate(storeId: string, input: ShippingRateInput): Promise<ShippingRateRecord | undefined> {
    const [row] = await this.db('shipping_rates')
      .insert({ store_id: storeId, ...input })
      .onConflict(['store_id', 'code'])
      .ignore()
      .returning(RATE);
    return row ? rate(row) : undefined;
  }

  /** Changes a rate; the query throws a unique violation when the new code is taken. */
  async updateRate(
    storeId: string,
    id: string,
    patch: Partial<ShippingRateInput>,
  ): Promise<ShippingRateRecord | undefined> {
    const [row] = await this.db('shipping_rates')
      .where({ store_id: storeId, id })
      .update({ ...patch, updated_at: this.db.fn.now() })
      .returning(RATE);
    return row ? rate(row) : undefined;
  }

  async deleteRate(storeId: string, id: string): Promise<boolean> {
    return (await this.db('shipping_rates').where({ store_id: storeId, id }).delete()) > 0;
  }

  /** True when the store has any rate, active or not. */
  async hasRates(storeId: string): Promise<boolean> {
    return Boolean(await this.db('shipping_rates').where({ store_id: storeId }).first('id'));
  }
}
