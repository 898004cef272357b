import type { Knex } from 'knex';
import type { MediaRecord } from '../model.js';

const SELECT = [
  'id as id',
  'store_id as storeId',
  'storage_key as storageKey',
  'original_name as originalName',
  'content_type as contentType',
  'size_bytes as sizeBytes',
  'alt as alt',
  'width as width',
  'height as height',
  'created_at as createdAt',
];

const BY_IDS_SQL = `select ${SELECT.map((column) => {
  const [name, alias] = column.split(' as ');
  return `"${name}" as "${alias}"`;
}).join(', ')} from "cms"."media" where "store_id" = ? and "id" = any(?::uuid[])`;

/** Media items of the cms schema; every method is scoped to one store. */
export class MediaRepository {
  /** `knex` is asked for lazily: hosts without a database (e.g. `wizamart plugins list`) still register plugins. */
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  async list(
    storeId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: MediaRecord[]; total: number }> {
    const [items, [{ total }]] = await Promise.all([
      this.db('media')
        .where({ store_id: storeId })
        .select(SELECT)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset),
      this.db('media').where({ store_id: storeId }).count({ total: '*' }),
    ]);
    return { items, total: Number(total) };
  }

  async byId(storeId: string, id: string): Promise<MediaRecord | undefined> {
    return this.db('media').where({ store_id: storeId, id }).select(SELECT).first();
  }

  /**
   * The store's items among `ids` (UUIDs only); other stores' and unknown ids are left out. Every storefront listing
   * calls this for its cards' pictures, so the statement is written once rather than built by the query builder per
   * call (which cost more CPU than the lookup itself); the ids travel as one array parameter.
   */
  async byIds(storeId: string, ids: readonly string[]): Promise<MediaRecord[]> {
    if (!ids.length) return [];
    const result = (await this.db.raw(BY_IDS_SQL, [storeId, ids as string[]])) as { rows: MediaRecord[] };
    return result.rows;
  }

  async insert(storeId: string, item: Omit<MediaRecord, 'id' | 'storeId' | 'createdAt'>): Promise<MediaRecord> {
    const [row] = await this.db('media')
      .insert({
        store_id: storeId,
        storage_key: item.storageKey,
        original_name: item.originalName,
        content_type: item.contentType,
        size_bytes: item.sizeBytes,
        alt: item.alt,
        width: item.width,
        height: item.height,
      })
      .returning(SELECT);
    return row as MediaRecord;
  }

  /** Deletes the item and returns what was deleted (its storage key is needed to remove the bytes). */
  async delete(storeId: string, id: string): Promise<MediaRecord | undefined> {
    const [row] = await this.db('media').where({ store_id: storeId, id }).delete().returning(SELECT);
    return row as MediaRecord | undefined;
  }
}
