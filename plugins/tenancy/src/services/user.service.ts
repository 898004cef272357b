import type { Actor, Page, User } from '../model.js';
import { conflict, notFound, refused } from '../errors.js';
import { isUniqueViolation, type Transactor, type Tx } from '../repositories/db.js';
import type { UserRepository } from '../repositories/user.repository.js';
import type { AuditService } from './audit.service.js';
import { hashPassword } from './passwords.js';

/** An account to find by email or create (name and password needed only to create). */
export interface AccountInput {
  email: string;
  name?: string;
  password?: string;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Users (platform admins and store staff): find-or-create and the platform admin list. */
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly tx: Transactor,
    private readonly audit: AuditService,
  ) {}

  /**
   * Hashes the password of an account that may be created, before a transaction starts: bcrypt takes a while, and
   * the embedded database runs one transaction at a time.
   */
  async prepare(input: AccountInput): Promise<AccountInput & { passwordHash?: string }> {
    return input.password ? { ...input, passwordHash: await hashPassword(input.password) } : input;
  }

  /** The user with `email`, created when absent (then `name` and `password` are required). */
  async findOrCreate(
    input: AccountInput & { passwordHash?: string },
    tx?: Tx,
  ): Promise<{ user: User; created: boolean }> {
    const email = normaliseEmail(input.email);
    const existing = await this.users.byEmail(email, tx);
    if (existing) return { user: existing, created: false };
    if (!input.name || !input.password) {
      throw notFound(
        'WZ_TENANCY_USER_NOT_FOUND',
        `No account uses ${email}; give a name and an initial password to create one`,
        { email },
      );
    }
    const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
    try {
      return {
        user: await this.users.insert({ email, name: input.name.trim(), passwordHash, isPlatformAdmin: false }, tx),
        created: true,
      };
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`An account already uses ${email}`, { email });
      throw error;
    }
  }

  admins(q: string | undefined, page: number, pageSize: number): Promise<Page<User>> {
    return this.users.admins(q, page, pageSize);
  }

  /** Makes the account with `email` a platform admin, creating it when needed. */
  async addAdmin(actor: Actor, input: AccountInput): Promise<User> {
    const { user } = await this.findOrCreate(input);
    const admin = user.isPlatformAdmin ? user : (await this.users.update(user.id, { isPlatformAdmin: true }))!;
    await this.audit.record(actor, 'admin.added', admin.id, { details: { email: admin.email } });
    return admin;
  }

  /** Takes platform admin rights away; the last platform admin cannot be removed. */
  async removeAdmin(actor: Actor, userId: string): Promise<void> {
    await this.tx.run(async (tx) => {
      const admins = await this.users.lockAdmins(tx);
      if (!admins.includes(userId))
        throw notFound('WZ_TENANCY_USER_NOT_FOUND', `No platform admin ${userId}`, { user: userId });
      if (admins.length === 1)
        throw refused('WZ_TENANCY_LAST_ADMIN', 'This is the last platform admin; add another one first', {
          user: userId,
        });
      await this.users.update(userId, { isPlatformAdmin: false }, tx);
    });
    await this.audit.record(actor, 'admin.removed', userId);
  }

  /** `wizamart create-admin`: creates a platform admin, or promotes an existing account and resets its password. */
  async createAdminFromCli(input: {
    email: string;
    name?: string;
    password: string;
  }): Promise<{ user: User; created: boolean }> {
    const email = normaliseEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    const existing = await this.users.byEmail(email);
    const user = existing
      ? (await this.users.update(existing.id, { passwordHash, isPlatformAdmin: true, name: input.name }))!
      : await this.users.insert({
          email,
          name: input.name?.trim() || email.split('@')[0],
          passwordHash,
          isPlatformAdmin: true,
        });
    const system: Actor = { kind: 'system', id: null, email: null, permissions: new Set(['*']) };
    await this.audit.record(system, existing ? 'admin.promoted' : 'admin.created', user.id, {
      details: { email, via: 'cli' },
    });
    return { user, created: !existing };
  }
}
