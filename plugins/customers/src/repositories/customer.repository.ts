import type { Knex } from 'knex';

/** A customer as stored (with the password hash, which never leaves the services). */
export interface CustomerRecord {
  id: string;
  storeId: string;
  email: string;
  name: string;
  phone: string | null;
  passwordHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
}

const SELECT = [
  'id as id',
  'store_id as storeId',
  'email as email',
  'name as name',
  'phone as phone',
  'password_hash as passwordHash',
  'created_at as createdAt',
  'updated_at as updatedAt',
  'last_login_at as lastLoginAt',
];

const UNIQUE_VIOLATION = '23505';

/** `%` and `_` match literally in a search term. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Customers of the customers schema; every method is scoped to one store. */
export class CustomerRepository {
  /** `knex` is asked for lazily: hosts without a database (e.g. `wizamart plugins list`) still register plugins. */
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  async byId(storeId: string, id: string): Promise<CustomerRecord | undefined> {
    return this.db('customers').where({ store_id: storeId, id }).select(SELECT).first();
  }

  async byEmail(storeId: string, email: string): Promise<CustomerRecord | undefined> {
    return this.db('customers')
      .where({ store_id: storeId })
      .whereRaw('lower(email) = lower(?)', [email])
      .select(SELECT)
      .first();
  }

  /** Inserts a customer; returns undefined when the store already has one with this email. */
  async insert(
    storeId: string,
    input: { email: string; name: string; passwordHash: string | null; phone?: string | null },
  ): Promise<CustomerRecord | undefined> {
    try {
      const [row] = await this.db('customers')
        .insert({
          store_id: storeId,
          email: input.email,
          name: input.name,
          phone: input.phone ?? null,
          password_hash: input.passwordHash,
        })
        .returning(SELECT);
      return row as CustomerRecord;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return undefined;
      throw error;
    }
  }

  async update(
    storeId: string,
    id: string,
    patch: { name?: string; phone?: string | null },
  ): Promise<CustomerRecord | undefined> {
    const [row] = await this.db('customers')
      .where({ store_id: storeId, id })
      .update({ ...patch, updated_at: this.db.fn.now() })
      .returning(SELECT);
    return row as CustomerRecord | undefined;
  }

  async touchLogin(storeId: string, id: string): Promise<void> {
    await this.db('customers').where({ store_id: storeId, id }).update({ last_login_at: this.db.fn.now() });
  }

  /** A page of the store's customers, newest first, optionally matching `q` in email or name. */
  async search(
    storeId: string,
    filter: { q?: string; limit: number; offset: number },
  ): Promise<{ items: CustomerRecord[]; total: number }> {
    const base = () => {
      const query = this.db('customers').where({ store_id: storeId });
      if (filter.q)
        query.where((where) =>
          where.whereILike('email', likePattern(filter.q!)).orWhereILike('name', likePattern(filter.q!)),
        );
      return query;
    };
    const [items, [{ total }]] = await Promise.all([
      base().select(SELECT).orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset),
      base().count({ total: '*' }),
    ]);
    return { items, total: Number(total) };
  }
}
