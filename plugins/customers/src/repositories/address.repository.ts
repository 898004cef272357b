import type { Knex } from 'knex';
import type { CustomerAddress } from '../index.js';

/** A customer's address as stored. */
export interface AddressRecord extends CustomerAddress {
  createdAt: Date;
  updatedAt: Date;
}

export type AddressFields = Omit<AddressRecord, 'id' | 'createdAt' | 'updatedAt'>;

const COLUMNS: Record<keyof AddressFields, string> = {
  name: 'name',
  line1: 'line1',
  line2: 'line2',
  postalCode: 'postal_code',
  city: 'city',
  region: 'region',
  country: 'country',
  phone: 'phone',
  isDefault: 'is_default',
};

const SELECT = [
  'id as id',
  ...Object.entries(COLUMNS).map(([alias, column]) => `${column} as ${alias}`),
  'created_at as createdAt',
  'updated_at as updatedAt',
];

function toColumns(fields: Partial<AddressFields>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [COLUMNS[key as keyof AddressFields], value]),
  );
}

/** Addresses of the customers schema; every method is scoped to one store and one customer. */
export class AddressRepository {
  /** `knex` is asked for lazily: hosts without a database (e.g. `wizamart plugins list`) still register plugins. */
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  async list(storeId: string, customerId: string): Promise<AddressRecord[]> {
    return this.db('addresses')
      .where({ store_id: storeId, customer_id: customerId })
      .select(SELECT)
      .orderBy('is_default', 'desc')
      .orderBy('created_at');
  }

  /**
   * Inserts (no `id`) or updates an address in one transaction; when it becomes the default, the customer's other
   * addresses stop being it. Returns undefined when `id` names no address of this customer.
   */
  async save(
    storeId: string,
    customerId: string,
    fields: Partial<AddressFields>,
    id?: string,
  ): Promise<AddressRecord | undefined> {
    const missing = Symbol('missing');
    try {
      return await this.db.transaction(async (trx) => {
        const owner = { store_id: storeId, customer_id: customerId };
        if (fields.isDefault)
          await trx('addresses').where(owner).where({ is_default: true }).update({ is_default: false });
        const [row] = id
          ? await trx('addresses')
              .where({ ...owner, id })
              .update({ ...toColumns(fields), updated_at: trx.fn.now() })
              .returning(SELECT)
          : await trx('addresses')
              .insert({ ...owner, ...toColumns(fields) })
              .returning(SELECT);
        // Roll back the cleared default when the address is not this customer's.
        if (!row) throw missing;
        return row as AddressRecord;
      });
    } catch (error) {
      if (error === missing) return undefined;
      throw error;
    }
  }

  async count(storeId: string, customerId: string): Promise<number> {
    const [{ total }] = await this.db('addresses')
      .where({ store_id: storeId, customer_id: customerId })
      .count({ total: '*' });
    return Number(total);
  }

  async delete(storeId: string, customerId: string, id: string): Promise<boolean> {
    return (await this.db('addresses').where({ store_id: storeId, customer_id: customerId, id }).delete()) > 0;
  }
}
