import { hostErrors, permissionCodes } from '@wizamart/plugin-sdk';
import type { MenuContribution, RouteContribution } from './contributions.js';
import { dependencyCodes, type PluginNode } from './plugin-node.js';
import { routeTable } from './route-table.js';

/**
 * Permission codes `node` may name: its own, those of every plugin it requires or optionally requires, and `*`
 * (held only by principals granted everything, e.g. platform admins).
 */
export function knownPermissions(node: PluginNode, byCode: ReadonlyMap<string, PluginNode>): Set<string> {
  const owners = [node, ...dependencyCodes(node, true).flatMap((code) => byCode.get(code) ?? [])];
  return new Set(['*', ...owners.flatMap((owner) => (owner.manifest ? permissionCodes(owner.manifest) : []))]);
}

/** Each permission `permit(…)` guards and menu items name that `known` lacks, with where it is used. */
export function undeclaredPermissions(
  known: ReadonlySet<string>,
  routes: readonly RouteContribution[],
  menus: readonly MenuContribution[],
): Array<{ permission: string; at: string }> {
  const uses = [
    ...routeTable(routes).flatMap((entry) =>
      (entry.access?.permissions ?? []).map((permission) => ({
        permission,
        at: `${entry.method} ${entry.kind}:${entry.surface} ${entry.path}`,
      })),
    ),
    ...menus.flatMap(({ surface, item }) =>
      item.permission ? [{ permission: item.permission, at: `menu ${surface}:${item.id}` }] : [],
    ),
  ];
  return uses.filter((use) => !known.has(use.permission));
}

/**
 * Fails a plugin (`WZ_AUTH_PERMISSION_UNDECLARED`) whose route guards or menu items name a permission that neither
 * it nor a plugin it requires declares: a typo there would lock everyone but owners out without any test noticing.
 */
export function checkDeclaredPermissions(
  node: PluginNode,
  byCode: ReadonlyMap<string, PluginNode>,
  contributions: { routes: readonly RouteContribution[]; menus: readonly MenuContribution[] },
): void {
  const own = <T extends { plugin: string }>(list: readonly T[]) => list.filter((entry) => entry.plugin === node.code);
  const unknown = undeclaredPermissions(
    knownPermissions(node, byCode),
    own(contributions.routes),
    own(contributions.menus),
  );
  if (unknown.length === 0) return;
  throw hostErrors.WZ_AUTH_PERMISSION_UNDECLARED({ plugin: node.code, uses: unknown });
}
