import {
  hostErrors,
  permissionCodes,
  permissionDeclarations,
  validationError,
  type InstalledPluginInfo,
  type MenuDirectory,
  type MenuEntry,
  type Platform,
  type PlatformDirectory,
  type PluginDirectory,
} from '@wizamart/plugin-sdk';
import type { Request } from 'express';
import type { Knex } from 'knex';
import type { Contributions } from '../kernel/contributions.js';
import type { Kernel } from '../kernel/kernel.js';
import type { PluginNode } from '../kernel/plugin-node.js';
import { DEFAULT_PLATFORM, HOST_SCHEMA } from './database/host-schema.js';
import type { EnablementService } from './enablement/service.js';
import type { EnablementStore } from './enablement/store.js';

/** The URL base of a surface for this request (`tenant.base` when the tenant resolver set one). */
function surfaceBase(surface: 'admin' | 'store' | 'storefront', req: Request): string {
  const { tenant } = req.wz;
  if (tenant.base !== undefined && tenant.surface === surface) return tenant.base;
  if (surface === 'admin') return '/admin';
  return `/${surface}/${encodeURIComponent(tenant.store ?? '')}`;
}

/** Menus from `ctx.menus`, filtered per request by platform enablement and the principal's permissions. */
export function createMenuDirectory(contributions: Contributions, enablement: EnablementStore): MenuDirectory {
  return {
    build(surface, req) {
      const principal = req.wz.principal;
      const allowed = (permission?: string) =>
        !permission || Boolean(principal && (principal.permissions.has(permission) || principal.permissions.has('*')));
      const base = surfaceBase(surface, req);
      const path = req.originalUrl.split('?')[0];
      const entries: MenuEntry[] = contributions.menus
        .filter(
          (menu) =>
            menu.surface === surface &&
            enablement.isEnabled(req.wz.tenant.platform, menu.plugin) &&
            allowed(menu.item.permission),
        )
        .map((menu) => {
          const href = `${base}${menu.item.root ? '' : `/${menu.plugin}`}${menu.item.path === '/' ? '' : menu.item.path}`;
          return {
            ...menu.item,
            plugin: menu.plugin,
            href,
            active: path === href || path.startsWith(`${href}/`),
            children: [],
          };
        });
      const byId = new Map(entries.map((entry) => [entry.id, entry]));
      const roots: MenuEntry[] = [];
      for (const entry of entries) {
        const parent = entry.parent ? byId.get(entry.parent) : undefined;
        (parent ? parent.children : roots).push(entry);
      }
      const sort = (list: MenuEntry[]) =>
        list
          .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.label.localeCompare(b.label))
          .forEach((entry) => sort(entry.children));
      sort(roots);
      return roots;
    },
  };
}

const PLATFORM_CODE = /^[a-z][a-z0-9-]{1,38}$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

interface PlatformRow {
  code: string;
  name: string;
  domain: string | null;
  created_at: Date;
  updated_at: Date;
}

function toPlatform(row: PlatformRow): Platform {
  return { code: row.code, name: row.name, domain: row.domain, createdAt: row.created_at, updatedAt: row.updated_at };
}

function checkPlatformInput(input: { code?: string; name?: string; domain?: string | null }): void {
  const problems: Array<{ path: string; message: string }> = [];
  if (input.code !== undefined && !PLATFORM_CODE.test(input.code))
    problems.push({ path: '/code', message: 'must be 2–39 lower-case letters, digits or -' });
  if (input.name !== undefined && (input.name.trim().length === 0 || input.name.length > 120))
    problems.push({ path: '/name', message: 'must be 1–120 characters' });
  if (input.domain && !DOMAIN.test(input.domain))
    problems.push({ path: '/domain', message: 'must be a host name such as shop.example.com' });
  if (problems.length > 0) throw validationError(problems.map((problem) => ({ ...problem, code: 'invalid' })));
}

/** Platforms in `wizamart.platforms`. */
export function createPlatformDirectory(knex: Knex): PlatformDirectory {
  const table = `${HOST_SCHEMA}.platforms`;
  const listeners = new Set<(code: string) => void>();
  const changed = (code: string) => listeners.forEach((listener) => listener(code));
  const get = async (code: string) => {
    const row = await knex<PlatformRow>(table).where({ code }).first();
    return row ? toPlatform(row) : undefined;
  };
  const conflict = (error: unknown, input: { code?: string; domain?: string | null }) => {
    if ((error as { code?: string }).code !== '23505') return error;
    return hostErrors.WZ_PLATFORM_CONFLICT({ details: { code: input.code, domain: input.domain } });
  };
  return {
    list: async () =>
      (await knex<PlatformRow>(table).orderByRaw('code = ? desc, code', [DEFAULT_PLATFORM])).map(toPlatform),
    get,
    async create(input) {
      checkPlatformInput(input);
      const domain = input.domain ? input.domain.toLowerCase() : null;
      const [row] = await knex<PlatformRow>(table)
        .insert({ code: input.code, name: input.name.trim(), domain })
        .returning('*')
        .catch((error) => {
          throw conflict(error, input);
        });
      changed(row.code);
      return toPlatform(row);
    },
    async update(code, patch) {
      checkPlatformInput(patch);
      const values: Record<string, unknown> = { updated_at: knex.fn.now() };
      if (patch.name !== undefined) values.name = patch.name.trim();
      if (patch.domain !== undefined) values.domain = patch.domain ? patch.domain.toLowerCase() : null;
      const [row] = await knex<PlatformRow>(table)
        .where({ code })
        .update(values as never)
        .returning('*')
        .catch((error) => {
          throw conflict(error, { code, domain: patch.domain });
        });
      if (!row) throw hostErrors.WZ_PLATFORM_NOT_FOUND({ platform: code });
      changed(code);
      return toPlatform(row);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function describePlugin(node: PluginNode): InstalledPluginInfo {
  return {
    code: node.code,
    name: node.manifest?.name ?? node.pkg.packageName,
    tier: node.manifest?.tier ?? 'unknown',
    version: node.pkg.version,
    state: node.state === 'ok' ? 'loaded' : node.state,
    error: node.error ? { code: node.error.code, message: node.error.message } : null,
    requires: Object.keys(node.manifest?.requires ?? {}),
    permissions: node.manifest ? permissionCodes(node.manifest) : [],
  };
}

/** The installed plugins whose manifest is valid (the ones enablement can speak of). */
export function describeInstalledPlugins(kernel: Kernel): InstalledPluginInfo[] {
  return kernel.plugins.filter((node) => node.manifest).map(describePlugin);
}

/** The installed plugins with their state and per-platform enablement, for admin pages and APIs. */
export function createPluginDirectory(
  kernel: Kernel,
  enablement: EnablementStore,
  changes: EnablementService,
): PluginDirectory {
  return {
    list: () => kernel.plugins.map(describePlugin),
    isEnabled: (platform, code) => enablement.isEnabled(platform, code),
    forPlatform: (platform) => changes.list(platform),
    change: (platform, code, action, options) => changes.change(platform, code, action, options),
    audit: (platform, limit) => changes.audit(platform, limit),
    permissions: () => [...new Set(kernel.active.flatMap((plugin) => permissionCodes(plugin.node.manifest!)))].sort(),
    declaredPermissions: () =>
      kernel.active.flatMap((plugin) =>
        permissionDeclarations(plugin.node.manifest!).map((p) => ({
          plugin: plugin.node.code,
          pluginName: plugin.node.manifest!.name,
          surface: 'store' as const,
          ...p,
        })),
      ),
  };
}
