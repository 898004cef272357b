import type { Knex } from 'knex';
import type { CategoryRecord } from '../model.js';

const SELECT = ['id as id', 'parent_id as parentId', 'name as name', 'slug as slug', 'position as position'];

/** Categories of the catalog schema; every method is scoped to one store. */
export class CategoryRepository {
  constructor(private readonly knex: () => Knex) {}

  private get db(): Knex {
    return this.knex();
  }

  list(storeId: string): Promise<CategoryRecord[]> {
    return this.db('categories').where({ store_id: storeId }).select(SELECT).orderBy('position').orderBy('name');
  }

  byId(storeId: string, id: string): Promise<CategoryRecord | undefined> {
    return this.db('categories').where({ store_id: storeId, id }).select(SELECT).first();
  }

  bySlug(storeId: string, slug: string): Promise<CategoryRecord | undefined> {
    return this.db('categories').where({ store_id: storeId, slug }).select(SELECT).first();
  }

  async insert(storeId: string, input: Omit<CategoryRecord, 'id'>): Promise<CategoryRecord> {
    const [row] = await this.db('categories')
      .insert({
        store_id: storeId,
        parent_id: input.parentId,
        name: input.name,
        slug: input.slug,
        position: input.position,
      })
      .returning(SELECT);
    return row as CategoryRecord;
  }

  async update(
    storeId: string,
    id: string,
    input: Partial<Omit<CategoryRecord, 'id'>>,
  ): Promise<CategoryRecord | undefined> {
    const patch: Record<string, unknown> = { updated_at: this.db.fn.now() };
    if (input.parentId !== undefined) patch.parent_id = input.parentId;
    if (input.name !== undefined) patch.name = input.name;
    if (input.slug !== undefined) patch.slug = input.slug;
    if (input.position !== undefined) patch.position = input.position;
    const [row] = await this.db('categories').where({ store_id: storeId, id }).update(patch).returning(SELECT);
    return row as CategoryRecord | undefined;
  }

  async delete(storeId: string, id: string): Promise<boolean> {
    return (await this.db('categories').where({ store_id: storeId, id }).delete()) > 0;
  }
}
