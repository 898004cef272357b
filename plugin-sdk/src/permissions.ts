import type { PluginManifest } from './manifest.js';

/** Where a permission is held: staff on a store dashboard (the default), admins, or signed-in shoppers. */
export type PermissionSurface = 'store' | 'admin' | 'storefront';

/**
 * One permission a plugin declares in its manifest. `name` and `description` are locale keys of the plugin
 * (`<code>.permissions.<action>.name`), translated in every language file; the roles page shows them.
 */
export interface PermissionDeclaration {
  /** `<plugin code>.<action>`, e.g. `orders.view`. */
  code: string;
  /** Locale key of the short name, e.g. `orders.permissions.view.name`. */
  name: string;
  /** Locale key of the one-sentence description, e.g. `orders.permissions.view.description`. */
  description: string;
  /** Who holds it (default `store`); only `store` permissions are offered to store roles. */
  surface?: PermissionSurface;
}

/**
 * The manifest's permissions as declarations. A plain string (accepted until SDK 0.3, with a validator warning)
 * becomes a declaration whose name and description are the code itself.
 *
 * @example
 * ```ts
 * for (const p of permissionDeclarations(manifest)) console.log(p.code, p.name);
 * ```
 */
export function permissionDeclarations(manifest: Pick<PluginManifest, 'permissions'>): PermissionDeclaration[] {
  return (manifest.permissions ?? []).map((entry) =>
    typeof entry === 'string' ? { code: entry, name: entry, description: entry } : { ...entry },
  );
}

/** The codes of the manifest's permissions (plain strings and declarations alike). */
export function permissionCodes(manifest: Pick<PluginManifest, 'permissions'>): string[] {
  return (manifest.permissions ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.code));
}

/**
 * Types a plugin's permission codes as a frozen const object, so routes use `P.view` instead of a string literal
 * a typo could break. Every value must be `<code>.<action>`; anything else throws at import.
 *
 * @example
 * ```ts
 * export const ORDERS_PERMISSIONS = definePermissions('orders', { view: 'orders.view', manage: 'orders.manage' });
 * router.get('/', permit(ORDERS_PERMISSIONS.view), list);
 * ```
 */
export function definePermissions<const C extends string, const T extends Record<string, `${C}.${string}`>>(
  code: C,
  permissions: T,
): Readonly<T> {
  for (const value of Object.values(permissions)) {
    if (!value.startsWith(`${code}.`) || value.length === code.length + 1) {
      throw new TypeError(`permission "${value}" must be "${code}.<action>"`);
    }
  }
  return Object.freeze({ ...permissions });
}
