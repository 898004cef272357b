import type { Member } from '../model.js';
import type { DbRef, Tx } from './db.js';

interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: string;
  created_at: Date;
}

const toMember = (row: MemberRow): Member => ({
  userId: row.user_id,
  email: row.email,
  name: row.name,
  role: row.role,
  createdAt: row.created_at,
});
const MEMBER_COLUMNS = ['m.user_id', 'u.email', 'u.name', 'm.role', 'm.created_at'];

/** The `memberships` table: which users work in which store, with which role. */
export class MembershipRepository {
  constructor(private readonly db: DbRef) {}

  private members(tx?: Tx) {
    return (tx ?? this.db())('memberships as m').join('users as u', 'u.id', 'm.user_id');
  }

  async ofStore(storeId: string): Promise<Member[]> {
    return (
      await this.members().where('m.store_id', storeId).orderBy('u.email').select<MemberRow[]>(MEMBER_COLUMNS)
    ).map(toMember);
  }

  /** The members of `storeId` among `userIds` (ids must be UUIDs). */
  async someOfStore(storeId: string, userIds: readonly string[]): Promise<Member[]> {
    if (userIds.length === 0) return [];
    return (
      await this.members()
        .where('m.store_id', storeId)
        .whereIn('m.user_id', userIds)
        .orderBy('u.email')
        .select<MemberRow[]>(MEMBER_COLUMNS)
    ).map(toMember);
  }

  async find(storeId: string, userId: string, tx?: Tx): Promise<Member | undefined> {
    const row = await this.members(tx)
      .where({ 'm.store_id': storeId, 'm.user_id': userId })
      .first<MemberRow | undefined>(MEMBER_COLUMNS);
    return row ? toMember(row) : undefined;
  }

  /** The role of `userId` in `storeId`, or undefined when not a member. */
  async roleOf(storeId: string, userId: string): Promise<string | undefined> {
    const row = await this.db()('memberships')
      .where({ store_id: storeId, user_id: userId })
      .first<{ role: string } | undefined>('role');
    return row?.role;
  }

  async insert(storeId: string, userId: string, role: string, tx?: Tx): Promise<void> {
    await (tx ?? this.db())('memberships').insert({ store_id: storeId, user_id: userId, role });
  }

  async setRole(storeId: string, userId: string, role: string, tx?: Tx): Promise<void> {
    const db = tx ?? this.db();
    await db('memberships').where({ store_id: storeId, user_id: userId }).update({ role, updated_at: db.fn.now() });
  }

  async remove(storeId: string, userId: string, tx?: Tx): Promise<void> {
    await (tx ?? this.db())('memberships').where({ store_id: storeId, user_id: userId }).delete();
  }

  /** User ids holding `role` in the store, rows locked until the transaction ends (guards "not the last owner"). */
  async lockHolders(storeId: string, role: string, tx: Tx): Promise<string[]> {
    const rows = await tx('memberships')
      .where({ store_id: storeId, role })
      .forUpdate()
      .select<{ user_id: string }[]>('user_id');
    return rows.map((row) => row.user_id);
  }

  async countWithRole(storeId: string, role: string): Promise<number> {
    const [{ count }] = await this.db()('memberships')
      .where({ store_id: storeId, role })
      .count<{ count: number }[]>({ count: '*' });
    return Number(count);
  }

  /** What the auth stage needs to build a staff principal: the user, the role and a custom role's permissions. */
  async staffProfile(
    storeId: string,
    userId: string,
  ): Promise<{ email: string; name: string; role: string; customPermissions: string[] | null } | undefined> {
    const row = await this.members()
      .leftJoin('roles as r', (join) => join.on('r.store_id', '=', 'm.store_id').andOn('r.name', '=', 'm.role'))
      .where({ 'm.store_id': storeId, 'm.user_id': userId })
      .first<{ email: string; name: string; role: string; permissions: string[] | null } | undefined>(
        'u.email',
        'u.name',
        'm.role',
        'r.permissions',
      );
    return row && { email: row.email, name: row.name, role: row.role, customPermissions: row.permissions };
  }
}
