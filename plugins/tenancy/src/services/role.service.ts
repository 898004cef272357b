import type { Store } from '../index.js';
import type { Actor, CustomRole } from '../model.js';
import { conflict, forbidden, notFound, refused, validation } from '../errors.js';
import { isUniqueViolation } from '../repositories/db.js';
import type { MembershipRepository } from '../repositories/membership.repository.js';
import type { RoleRepository } from '../repositories/role.repository.js';
import type { AuditService } from './audit.service.js';
import {
  BUILTIN_ROLES,
  isBuiltinRole,
  missingPermissions,
  type PermissionGroup,
  type RoleCatalog,
} from './role-catalog.js';

/** A role as the team pages list it. */
export interface RoleView {
  name: string;
  builtin: boolean;
  permissions: string[];
}

/** Store roles: the built-in ones and custom roles made of the permissions installed plugins declare. */
export class RoleService {
  constructor(
    private readonly repository: RoleRepository,
    private readonly memberships: MembershipRepository,
    private readonly catalog: RoleCatalog,
    private readonly audit: AuditService,
  ) {}

  /** Every permission a custom role may hold. */
  available(): string[] {
    return this.catalog.permissions();
  }

  /** The permissions a custom role may hold, with their locale keys, grouped by declaring plugin. */
  groups(): PermissionGroup[] {
    return this.catalog.groups();
  }

  async list(store: Store): Promise<RoleView[]> {
    const builtin = BUILTIN_ROLES.map((name) => ({ name, builtin: true, permissions: this.catalog.builtin(name) }));
    const custom = (await this.repository.ofStore(store.id)).map((role) => ({
      name: role.name,
      builtin: false,
      permissions: role.permissions,
    }));
    return [...builtin, ...custom];
  }

  async permissionsOf(store: Store, role: string): Promise<string[]> {
    if (isBuiltinRole(role)) return this.catalog.builtin(role);
    return (await this.repository.find(store.id, role))?.permissions ?? [];
  }

  /** Throws 404 unless `role` is built in or a custom role of the store. */
  async require(store: Store, role: string): Promise<void> {
    if (!isBuiltinRole(role) && !(await this.repository.find(store.id, role)))
      throw notFound('WZ_TENANCY_ROLE_NOT_FOUND', `${store.code} has no role ${role}`, { role });
  }

  private check(actor: Actor, name: string, permissions: string[]): string[] {
    if (isBuiltinRole(name)) throw validation('/name', `"${name}" is a built-in role`, 'reserved');
    const known = new Set(this.available());
    const unknown = permissions.filter((permission) => !known.has(permission));
    const unknownText = `unknown permission(s) ${unknown.join(', ')}`;
    if (unknown.length > 0) throw validation('/permissions', unknownText, 'not_one_of');
    const missing = missingPermissions(actor.permissions, permissions);
    if (missing.length > 0) throw forbidden('A role cannot hold permissions you do not have yourself', missing);
    return [...new Set(permissions)].sort();
  }

  async create(actor: Actor, store: Store, input: { name: string; permissions: string[] }): Promise<CustomRole> {
    const permissions = this.check(actor, input.name, input.permissions);
    let role: CustomRole;
    try {
      role = await this.repository.insert(store.id, input.name, permissions);
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`${store.code} already has a role ${input.name}`, { role: input.name });
      throw error;
    }
    await this.audit.record(actor, 'role.created', input.name, { storeId: store.id, details: { permissions } });
    return role;
  }

  async update(actor: Actor, store: Store, name: string, input: { permissions: string[] }): Promise<CustomRole> {
    const permissions = this.check(actor, name, input.permissions);
    const current = await this.repository.find(store.id, name);
    if (!current) throw notFound('WZ_TENANCY_ROLE_NOT_FOUND', `${store.code} has no role ${name}`, { role: name });
    const missing = missingPermissions(actor.permissions, current.permissions);
    if (missing.length > 0) throw forbidden('You cannot change a role that holds permissions you do not have', missing);
    const role = (await this.repository.update(store.id, name, permissions))!;
    await this.audit.record(actor, 'role.updated', name, { storeId: store.id, details: { permissions } });
    return role;
  }

  async remove(actor: Actor, store: Store, name: string): Promise<void> {
    if (isBuiltinRole(name)) throw validation('/name', `"${name}" is a built-in role`, 'reserved');
    const members = await this.memberships.countWithRole(store.id, name);
    if (members > 0)
      throw refused(
        'WZ_TENANCY_ROLE_IN_USE',
        `${members} member(s) still have the role ${name}; give them another role first`,
        { role: name, members },
      );
    if (!(await this.repository.remove(store.id, name)))
      throw notFound('WZ_TENANCY_ROLE_NOT_FOUND', `${store.code} has no role ${name}`, { role: name });
    await this.audit.record(actor, 'role.deleted', name, { storeId: store.id });
  }
}
