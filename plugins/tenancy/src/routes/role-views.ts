import type { Request } from 'express';
import type { PermissionGroup } from '../services/role-catalog.js';
import type { RoleView } from '../services/role.service.js';

type Translate = (req: Request, key: string) => string;

/** One permission as the roles page shows it: translated name and description, and whether the role holds it. */
interface PermissionOption {
  code: string;
  name: string;
  description: string;
  checked: boolean;
}

interface GroupView {
  plugin: string;
  pluginName: string;
  permissions: PermissionOption[];
}

function groupViews(req: Request, t: Translate, groups: PermissionGroup[], held: readonly string[]): GroupView[] {
  const all = held.includes('*');
  return groups.map((group) => ({
    plugin: group.plugin,
    pluginName: group.pluginName,
    permissions: group.permissions.map((p) => ({
      code: p.code,
      name: t(req, p.name),
      description: t(req, p.description),
      checked: all || held.includes(p.code),
    })),
  }));
}

/**
 * The roles page model: every role with the permissions it holds (names and descriptions in the request's language,
 * grouped by plugin, never bare codes), and the groups a new role picks from.
 */
export function rolesPageModel(req: Request, t: Translate, roles: RoleView[], groups: PermissionGroup[]) {
  return {
    groups: groupViews(req, t, groups, []),
    roles: roles.map((role) => {
      const options = groupViews(req, t, groups, role.permissions);
      const held = options.map((group) => ({ ...group, permissions: group.permissions.filter((p) => p.checked) }));
      return {
        ...role,
        all: role.permissions.includes('*'),
        options,
        held: held.filter((group) => group.permissions.length > 0),
      };
    }),
  };
}
