import type { CustomRole } from '../model.js';
import type { DbRef } from './db.js';

interface RoleRow {
  id: string;
  store_id: string;
  name: string;
  permissions: string[];
}

const toRole = (row: RoleRow): CustomRole => ({
  id: row.id,
  storeId: row.store_id,
  name: row.name,
  permissions: [...row.permissions].sort(),
});

/** The `roles` table: custom roles per store. */
export class RoleRepository {
  constructor(private readonly db: DbRef) {}

  async ofStore(storeId: string): Promise<CustomRole[]> {
    return (await this.db()<RoleRow>('roles').where({ store_id: storeId }).orderBy('name')).map(toRole);
  }

  async find(storeId: string, name: string): Promise<CustomRole | undefined> {
    const row = await this.db()<RoleRow>('roles').where({ store_id: storeId, name }).first();
    return row ? toRole(row) : undefined;
  }

  async insert(storeId: string, name: string, permissions: string[]): Promise<CustomRole> {
    const [row] = await this.db()<RoleRow>('roles').insert({ store_id: storeId, name, permissions }).returning('*');
    return toRole(row);
  }

  async update(storeId: string, name: string, permissions: string[]): Promise<CustomRole | undefined> {
    const db = this.db();
    const [row] = await db<RoleRow>('roles')
      .where({ store_id: storeId, name })
      .update({ permissions, updated_at: db.fn.now() } as never)
      .returning('*');
    return row ? toRole(row) : undefined;
  }

  async remove(storeId: string, name: string): Promise<boolean> {
    return (await this.db()('roles').where({ store_id: storeId, name }).delete()) > 0;
  }
}
