import type { Knex } from 'knex';
import { cmsErrors } from '../errors.js';
import type { PageFields, PageRecord } from '../model.js';

const COLUMNS = {
  id: 'id',
  storeId: 'store_id',
  slug: 'slug',
  title: 'title',
  body: 'body',
  published: 'published',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const;

const SELECT = Object.entries(COLUMNS).map(([alias, column]) => `${column} as ${alias}`);

function toColumns(fields: Partial<PageFields>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [COLUMNS[key as keyof PageFields], value]),
  );
}

const UNIQUE_VIOLATION = '23505';

function slugTaken(error: unknown, slug: string | undefined): never {
  if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw cmsErrors.WZ_CMS_SLUG_TAKEN({ slug: slug ?? '' });
  throw error;
}

/** Pages of the cms schema; every method is scoped to one store. */
export class PageRepository {
  /** `knex` is asked for lazily: hosts without a database (e.g. `wizamart plugins list`) still register plugins. */
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  private scoped(storeId: string) {
    return this.db('pages').where({ store_id: storeId }).select(SELECT);
  }

  async list(storeId: string, options: { publishedOnly?: boolean } = {}): Promise<PageRecord[]> {
    const query = this.scoped(storeId).orderBy('title');
    if (options.publishedOnly) query.where({ published: true });
    return query;
  }

  async byId(storeId: string, id: string): Promise<PageRecord | undefined> {
    return this.scoped(storeId).where({ id }).first();
  }

  async bySlug(storeId: string, slug: string): Promise<PageRecord | undefined> {
    return this.scoped(storeId).where({ slug }).first();
  }

  async insert(storeId: string, fields: PageFields): Promise<PageRecord> {
    try {
      const [row] = await this.db('pages')
        .insert({ store_id: storeId, ...toColumns(fields) })
        .returning(SELECT);
      return row as PageRecord;
    } catch (error) {
      return slugTaken(error, fields.slug);
    }
  }

  async update(storeId: string, id: string, fields: Partial<PageFields>): Promise<PageRecord | undefined> {
    try {
      const [row] = await this.db('pages')
        .where({ store_id: storeId, id })
        .update({ ...toColumns(fields), updated_at: this.db.fn.now() })
        .returning(SELECT);
      return row as PageRecord | undefined;
    } catch (error) {
      return slugTaken(error, fields.slug);
    }
  }

  async delete(storeId: string, id: string): Promise<boolean> {
    return (await this.db('pages').where({ store_id: storeId, id }).delete()) > 0;
  }
}
