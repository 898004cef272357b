import type { StoreDomain } from '../model.js';
import type { DbRef } from './db.js';

interface DomainRow {
  domain: string;
  store_id: string;
  created_at: Date;
}

const toDomain = (row: DomainRow): StoreDomain => ({
  domain: row.domain,
  storeId: row.store_id,
  createdAt: row.created_at,
});

/** The `store_domains` table: custom domains of stores. */
export class DomainRepository {
  constructor(private readonly db: DbRef) {}

  /** The code of the store that owns `domain`. */
  async storeCodeOf(domain: string): Promise<string | undefined> {
    const row = await this.db()('store_domains as d')
      .join('stores as s', 's.id', 'd.store_id')
      .where('d.domain', domain)
      .first<{ code: string } | undefined>('s.code');
    return row?.code;
  }

  async ofStore(storeId: string): Promise<StoreDomain[]> {
    return (await this.db()<DomainRow>('store_domains').where({ store_id: storeId }).orderBy('domain')).map(toDomain);
  }

  async insert(storeId: string, domain: string): Promise<StoreDomain> {
    const [row] = await this.db()<DomainRow>('store_domains').insert({ store_id: storeId, domain }).returning('*');
    return toDomain(row);
  }

  /** Removes `domain` from the store; false when the store did not have it. */
  async remove(storeId: string, domain: string): Promise<boolean> {
    return (await this.db()('store_domains').where({ store_id: storeId, domain }).delete()) > 0;
  }
}
