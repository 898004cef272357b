/** The built-in store roles; custom roles may not take these names. */
export const BUILTIN_ROLES = ['owner', 'manager', 'staff'] as const;
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];

const VIEW_PERMISSION = /[.-]view$/;

export function isBuiltinRole(name: string): name is BuiltinRole {
  return (BUILTIN_ROLES as readonly string[]).includes(name);
}

/**
 * What each role may do. `owner` holds `*` within its store; `manager` holds every permission installed plugins
 * declare; `staff` holds the view permissions (`<code>.<thing>-view` / `<code>.view`); custom roles hold their list.
 */
export class RoleCatalog {
  private cached: string[] | undefined;

  constructor(private readonly declared: () => string[]) {}

  /** Every permission declared by installed plugins (fixed until restart, so read once). */
  permissions(): string[] {
    return (this.cached ??= [...this.declared()].sort());
  }

  builtin(role: BuiltinRole): string[] {
    if (role === 'owner') return ['*'];
    if (role === 'manager') return this.permissions();
    return this.permissions().filter((permission) => VIEW_PERMISSION.test(permission));
  }

  /** The permissions of `role`: built-in, else the custom role's list (empty when unknown). */
  permissionsOf(role: string, customPermissions: string[] | null | undefined): string[] {
    return isBuiltinRole(role) ? this.builtin(role) : [...(customPermissions ?? [])];
  }
}

/** The permissions in `wanted` that `held` does not cover (`*` covers everything). */
export function missingPermissions(held: ReadonlySet<string>, wanted: readonly string[]): string[] {
  if (held.has('*')) return [];
  return wanted.filter((permission) => !held.has(permission));
}
