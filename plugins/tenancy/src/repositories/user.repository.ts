import type { Page, User, UserCredentials } from '../model.js';
import { likePattern, type DbRef, type Tx } from './db.js';

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_platform_admin: boolean;
  created_at: Date;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isPlatformAdmin: row.is_platform_admin,
  createdAt: row.created_at,
});
const PUBLIC_COLUMNS = ['id', 'email', 'name', 'is_platform_admin', 'created_at'];

/** The `users` table (platform admins and store staff; emails are stored lower-case). */
export class UserRepository {
  constructor(private readonly db: DbRef) {}

  async byId(id: string): Promise<User | undefined> {
    const row = (await this.db()('users').where({ id }).first(PUBLIC_COLUMNS)) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  async byEmail(email: string, tx?: Tx): Promise<User | undefined> {
    const row = (await (tx ?? this.db())('users').where({ email }).first(PUBLIC_COLUMNS)) as UserRow | undefined;
    return row ? toUser(row) : undefined;
  }

  async credentials(email: string): Promise<UserCredentials | undefined> {
    const row = await this.db()<UserRow>('users').where({ email }).first();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }

  async insert(
    user: { email: string; name: string; passwordHash: string; isPlatformAdmin: boolean },
    tx?: Tx,
  ): Promise<User> {
    const [row] = (await (tx ?? this.db())('users')
      .insert({
        email: user.email,
        name: user.name,
        password_hash: user.passwordHash,
        is_platform_admin: user.isPlatformAdmin,
      })
      .returning(PUBLIC_COLUMNS)) as UserRow[];
    return toUser(row);
  }

  async update(
    id: string,
    patch: { name?: string; passwordHash?: string; isPlatformAdmin?: boolean },
    tx?: Tx,
  ): Promise<User | undefined> {
    const db = tx ?? this.db();
    const values: Record<string, unknown> = { updated_at: db.fn.now() };
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.passwordHash !== undefined) values.password_hash = patch.passwordHash;
    if (patch.isPlatformAdmin !== undefined) values.is_platform_admin = patch.isPlatformAdmin;
    const [row] = (await db('users').where({ id }).update(values).returning(PUBLIC_COLUMNS)) as UserRow[];
    return row ? toUser(row) : undefined;
  }

  async admins(q: string | undefined, page: number, pageSize: number): Promise<Page<User>> {
    const base = this.db()('users').where({ is_platform_admin: true });
    if (q) base.where((w) => w.whereILike('email', likePattern(q)).orWhereILike('name', likePattern(q)));
    const [{ count }] = await base.clone().count<{ count: number }[]>({ count: '*' });
    const rows = (await base
      .orderBy('email')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .select(PUBLIC_COLUMNS)) as UserRow[];
    return { items: rows.map(toUser), total: Number(count), page, pageSize };
  }

  /** Platform admins, with their rows locked until the transaction ends (guards "not the last one"). */
  async lockAdmins(tx: Tx): Promise<string[]> {
    const rows = (await tx('users').where({ is_platform_admin: true }).forUpdate().select('id')) as Array<{
      id: string;
    }>;
    return rows.map((row) => row.id);
  }
}
