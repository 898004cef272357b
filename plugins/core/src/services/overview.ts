import { createRequire } from 'node:module';
import type { InstalledPluginInfo, Platform, Principal } from '@wizamart/plugin-sdk';

/** A plugin row of the admin dashboard and settings page. */
export interface PluginRow extends InstalledPluginInfo {
  /** Whether the plugin serves the current platform (core plugins always do). */
  enabled: boolean;
}

/** Counts and rows of the installed plugins, core first, then by code. */
export interface PluginOverview {
  total: number;
  loaded: number;
  failed: number;
  blocked: number;
  enabled: number;
  rows: PluginRow[];
}

const TIER_ORDER: Record<string, number> = { core: 0, optional: 1, internal: 2 };

/** Summarises installed plugins for a platform. */
export function pluginOverview(
  plugins: readonly InstalledPluginInfo[],
  isEnabled: (code: string) => boolean,
): PluginOverview {
  const rows = plugins
    .map((plugin) => ({
      ...plugin,
      enabled: plugin.state === 'loaded' && (plugin.tier === 'core' || isEnabled(plugin.code)),
    }))
    .sort((a, b) => (TIER_ORDER[a.tier] ?? 9) - (TIER_ORDER[b.tier] ?? 9) || a.code.localeCompare(b.code));
  const count = (state: InstalledPluginInfo['state']) => rows.filter((row) => row.state === state).length;
  return {
    total: rows.length,
    loaded: count('loaded'),
    failed: count('failed'),
    blocked: count('blocked'),
    enabled: rows.filter((row) => row.enabled).length,
    rows,
  };
}

/** Platforms with the one of the request marked. */
export function platformRows(platforms: readonly Platform[], current: string): Array<Platform & { current: boolean }> {
  return platforms.map((platform) => ({ ...platform, current: platform.code === current }));
}

/** What the profile page shows of a principal. */
export interface ProfileView {
  name: string;
  email: string;
  kind: Principal['kind'];
  role?: string;
  store?: string;
  /** True when the principal holds `*`. */
  allPermissions: boolean;
  permissions: string[];
}

/** The profile of a principal, permissions sorted. */
export function profileView(principal: Principal): ProfileView {
  const permissions = [...principal.permissions].filter((permission) => permission !== '*').sort();
  return {
    name: principal.name?.trim() || principal.email,
    email: principal.email,
    kind: principal.kind,
    role: principal.role,
    store: principal.store,
    allPermissions: principal.permissions.has('*'),
    permissions,
  };
}

/** The installed version of `@wizamart/host`, or undefined when it cannot be read. */
export function hostVersion(): string | undefined {
  try {
    return (createRequire(import.meta.url)('@wizamart/host/package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}
