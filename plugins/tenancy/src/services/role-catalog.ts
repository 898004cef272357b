import type { DeclaredPermission } from '@wizamart/plugin-sdk';

/** The built-in store roles; custom roles may not take these names. */
export const BUILTIN_ROLES = ['owner', 'manager', 'staff'] as const;
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];

const VIEW_PERMISSION = /[.-]view$/;

/** The permissions one plugin declares for store roles, in manifest order. */
export interface PermissionGroup {
  plugin: string;
  pluginName: string;
  permissions: DeclaredPermission[];
}

export function isBuiltinRole(name: string): name is BuiltinRole {
  return (BUILTIN_ROLES as readonly string[]).includes(name);
}

/**
 * What each role may do. `owner` holds `*` within its store; `manager` holds every store permission installed
 * plugins declare; `staff` holds the view permissions (`<code>.<thing>-view` / `<code>.view`); custom roles hold
 * those of their list that are still declared (a permission of a removed plugin grants nothing).
 */
export class RoleCatalog {
  private cached: DeclaredPermission[] | undefined;
  private codes: Set<string> | undefined;

  constructor(private readonly declared: () => DeclaredPermission[]) {}

  /** Every store permission declared by installed plugins (fixed until restart, so read once). */
  declarations(): DeclaredPermission[] {
    return (this.cached ??= this.declared().filter((permission) => permission.surface === 'store'));
  }

  /** The codes of {@link declarations}, sorted. */
  permissions(): string[] {
    return this.declarations()
      .map((permission) => permission.code)
      .sort();
  }

  /** The store permissions grouped by declaring plugin, plugins in load order. */
  groups(): PermissionGroup[] {
    const groups = new Map<string, PermissionGroup>();
    for (const permission of this.declarations()) {
      const { plugin, pluginName } = permission;
      const group = groups.get(plugin) ?? { plugin, pluginName, permissions: [] };
      group.permissions.push(permission);
      groups.set(permission.plugin, group);
    }
    return [...groups.values()];
  }

  /** True when `code` is a store permission some installed plugin declares. */
  isDeclared(code: string): boolean {
    return (this.codes ??= new Set(this.permissions())).has(code);
  }

  builtin(role: BuiltinRole): string[] {
    if (role === 'owner') return ['*'];
    if (role === 'manager') return this.permissions();
    return this.permissions().filter((permission) => VIEW_PERMISSION.test(permission));
  }

  /** The permissions of `role`: built-in, else the declared ones of the custom role's list (empty when unknown). */
  permissionsOf(role: string, customPermissions: string[] | null | undefined): string[] {
    return isBuiltinRole(role) ? this.builtin(role) : (customPermissions ?? []).filter((code) => this.isDeclared(code));
  }
}

/** The permissions in `wanted` that `held` does not cover (`*` covers everything). */
export function missingPermissions(held: ReadonlySet<string>, wanted: readonly string[]): string[] {
  if (held.has('*')) return [];
  return wanted.filter((permission) => !held.has(permission));
}
