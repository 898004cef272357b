import type { Store } from '../index.js';
import type { Actor, Member } from '../model.js';
import { conflict, forbidden, notFound, refused } from '../errors.js';
import { isUniqueViolation, type Transactor, type Tx } from '../repositories/db.js';
import type { MembershipRepository } from '../repositories/membership.repository.js';
import type { AuditService } from './audit.service.js';
import { missingPermissions } from './role-catalog.js';
import type { RoleService } from './role.service.js';
import type { AccountInput, UserService } from './user.service.js';

/** A store's team: members and their roles. Nobody grants or takes away more than they hold themselves. */
export class TeamService {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly users: UserService,
    private readonly roles: RoleService,
    private readonly tx: Transactor,
    private readonly audit: AuditService,
  ) {}

  list(store: Store): Promise<Member[]> {
    return this.memberships.ofStore(store.id);
  }

  /** Throws 403 unless `actor` holds every permission of `role`. */
  private async mayHandle(actor: Actor, store: Store, role: string, verb: string): Promise<void> {
    const missing = missingPermissions(actor.permissions, await this.roles.permissionsOf(store, role));
    if (missing.length > 0)
      throw forbidden(`You cannot ${verb} the role ${role}: it holds permissions you do not have`, missing);
  }

  async add(actor: Actor, store: Store, input: AccountInput & { role: string }): Promise<Member> {
    await this.roles.require(store, input.role);
    await this.mayHandle(actor, store, input.role, 'grant');
    const account = await this.users.prepare(input);
    const member = await this.tx.run(async (tx) => {
      const { user } = await this.users.findOrCreate(account, tx);
      try {
        await this.memberships.insert(store.id, user.id, input.role, tx);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`${user.email} is already in the team`, { user: user.id });
        throw error;
      }
      return (await this.memberships.find(store.id, user.id, tx))!;
    });
    await this.audit.record(actor, 'team.member-added', member.email, {
      storeId: store.id,
      details: { role: input.role },
    });
    return member;
  }

  async changeRole(actor: Actor, store: Store, userId: string, role: string): Promise<Member> {
    await this.roles.require(store, role);
    const current = await this.member(store, userId);
    await this.mayHandle(actor, store, current.role, 'change');
    await this.mayHandle(actor, store, role, 'grant');
    // Permission checks read outside the transaction (the embedded database runs one transaction at a time, so a
    // query outside it would wait forever); inside, the role is re-read so a concurrent change is not overwritten.
    await this.tx.run(async (tx) => {
      await this.unchanged(store, current, tx);
      if (current.role === 'owner' && role !== 'owner') await this.keepAnOwner(store, userId, tx);
      await this.memberships.setRole(store.id, userId, role, tx);
    });
    await this.audit.record(actor, 'team.role-changed', current.email, {
      storeId: store.id,
      details: { from: current.role, role },
    });
    return { ...current, role };
  }

  async remove(actor: Actor, store: Store, userId: string): Promise<void> {
    const current = await this.member(store, userId);
    await this.mayHandle(actor, store, current.role, 'remove');
    await this.tx.run(async (tx) => {
      await this.unchanged(store, current, tx);
      if (current.role === 'owner') await this.keepAnOwner(store, userId, tx);
      await this.memberships.remove(store.id, userId, tx);
    });
    await this.audit.record(actor, 'team.member-removed', current.email, {
      storeId: store.id,
      details: { role: current.role },
    });
  }

  private async member(store: Store, userId: string, tx?: Tx): Promise<Member> {
    const member = await this.memberships.find(store.id, userId, tx);
    if (!member)
      throw notFound('WZ_TENANCY_MEMBER_NOT_FOUND', `No team member ${userId} in ${store.code}`, { user: userId });
    return member;
  }

  private async unchanged(store: Store, seen: Member, tx: Tx): Promise<void> {
    const now = await this.member(store, seen.userId, tx);
    if (now.role !== seen.role)
      throw conflict(`${seen.email}'s role changed meanwhile; reload and try again`, { user: seen.userId });
  }

  private async keepAnOwner(store: Store, leaving: string, tx: Tx): Promise<void> {
    const owners = await this.memberships.lockHolders(store.id, 'owner', tx);
    if (owners.filter((id) => id !== leaving).length === 0)
      throw refused('WZ_TENANCY_LAST_OWNER', `${store.code} needs at least one owner; make someone else owner first`, {
        user: leaving,
      });
  }
}
