import type { Request } from 'express';
import type { MenuItem, Surface } from './plugin.js';
import type { PermissionDeclaration } from './permissions.js';
import { defineServiceToken } from './services.js';

/** The owner code of services the host itself provides; every plugin may `get` them. */
export const HOST_SERVICE_OWNER = 'wizamart';

/** A menu item ready to render: its link resolved for the request, children nested. */
export interface MenuEntry extends MenuItem {
  /** Code of the plugin that added the item. */
  plugin: string;
  /** The link for this request (surface base + plugin mount + `path`). */
  href: string;
  /** True when the request's path is this item's link or below it. */
  active: boolean;
  /** Items whose `parent` is this item's id, sorted like the top level. */
  children: MenuEntry[];
}

/** Builds menus from every plugin's `ctx.menus` items. */
export interface MenuDirectory {
  /**
   * The menu of `surface` for this request: items of plugins enabled on the request's platform whose permission
   * the principal holds, sorted by `order`, links under the request's surface base.
   */
  build(surface: Exclude<Surface, 'shared'>, req: Request): MenuEntry[];
}

/** A platform as the host stores it (schema `wizamart`). */
export interface Platform {
  /** Unique code of the platform (`main` is the default one). */
  code: string;
  /** Display name. */
  name: string;
  /** The platform's domain (`example.com`: stores at `<store>.example.com`, admin at `admin.example.com`). */
  domain: string | null;
  /** When the platform was created. */
  createdAt: Date;
  /** When the platform was last changed. */
  updatedAt: Date;
}

/** Platforms: read, create and update (`main` always exists and cannot be removed). */
export interface PlatformDirectory {
  /** Every platform, `main` included. */
  list(): Promise<Platform[]>;
  /** The platform `code`, or undefined when there is none. */
  get(code: string): Promise<Platform | undefined>;
  /** Creates a platform; `WZ_PLATFORM_CONFLICT` when the code or domain is taken, `WZ_VALIDATION` for bad input. */
  create(input: { code: string; name: string; domain?: string | null }): Promise<Platform>;
  /** Changes a platform's name or domain; `WZ_PLATFORM_NOT_FOUND` for an unknown code. */
  update(code: string, patch: { name?: string; domain?: string | null }): Promise<Platform>;
  /** Called after any change, with the platform's code (caches listen to this). */
  onChange(listener: (code: string) => void): () => void;
}

/** A permission a loaded plugin declares, with the plugin that declares it (see {@link PluginDirectory}). */
export type DeclaredPermission = Required<PermissionDeclaration> & {
  /** Code of the plugin whose manifest declares it. */
  plugin: string;
  /** Display name of that plugin (its manifest `name`). */
  pluginName: string;
};

/** An installed plugin as admins see it. */
export interface InstalledPluginInfo {
  /** The plugin code. */
  code: string;
  /** The manifest's display name. */
  name: string;
  /** `core`, `optional` or `internal`. */
  tier: string;
  /** Version of the plugin's npm package. */
  version: string;
  /** `loaded`; `failed` (see `error`); `blocked` because a plugin it requires failed or is blocked. */
  state: 'loaded' | 'failed' | 'blocked';
  /** Why the plugin failed or is blocked (a stable `WZ_*` code and a message); null when loaded. */
  error: { code: string; message: string } | null;
  /** Codes of the plugins it requires. */
  requires: string[];
  /** Permissions the plugin declares in its manifest. */
  permissions: string[];
}

/** One installed plugin as a platform sees it. */
export interface PlatformPlugin {
  /** The plugin code. */
  code: string;
  /** The manifest's display name. */
  name: string;
  /** `core`, `optional` or `internal`. */
  tier: string;
  /** Version of the plugin's npm package. */
  version: string;
  /** Whether the plugin loaded on this host (see {@link InstalledPluginInfo.state}). */
  state: 'loaded' | 'failed' | 'blocked';
  /** True when the plugin is enabled on the platform (always true for core plugins). */
  enabled: boolean;
  /** Why it is enabled: `core`, `explicit` and/or `required-by:<code>`; empty when disabled. */
  reasons: string[];
}

/** What an enablement change does: plugins it enables, disables, and (only when asked) releases. */
export interface EnablementPlan {
  /** Plugins the change enables: the one asked for and what it requires that was off. */
  enable: string[];
  /** Plugins the change disables: the one asked for and every enabled plugin that requires it. */
  disable: string[];
  /** Plugins enabled only because a disabled one required them; disabled only when the change asks to release. */
  release: string[];
}

/** What an enable or disable request returns: the plan, and whether it was applied (false for a dry run). */
export interface EnablementResult {
  /** What the change does (or would do, for a dry run). */
  plan: EnablementPlan;
  /** True when the change was applied; false for a dry run. */
  applied: boolean;
}

/** An applied enablement change, as the admin console lists them. */
export interface EnablementAuditEntry {
  /** Sequence number of the entry. */
  id: number;
  /** The platform the change applied to. */
  platform: string;
  /** The plugin the change was asked for. */
  plugin: string;
  /** What was asked. */
  action: 'enable' | 'disable';
  /** Who asked (see {@link EnablementChangeOptions.actor}). */
  actor: string;
  /** What the change did. */
  plan: EnablementPlan;
  /** When it was applied. */
  at: Date;
}

/** Options of an enablement change. */
export interface EnablementChangeOptions {
  /** Compute and return the plan without changing anything. */
  dryRun: boolean;
  /** On disable: also disable plugins that were enabled only because a disabled plugin required them. */
  release: boolean;
  /** Who asks (recorded in the audit entry), e.g. the admin's e-mail address or `cli:<user>`. */
  actor: string;
}

/** The installed plugins and their per-platform enablement. */
export interface PluginDirectory {
  /** Every installed plugin with its load state, in dependency order (failed and blocked ones included). */
  list(): InstalledPluginInfo[];
  /** True when plugin `code` is enabled on `platform` (core plugins always are); reads an in-memory snapshot. */
  isEnabled(platform: string, code: string): boolean;
  /** Every permission code declared by installed, loaded plugins, sorted. */
  permissions(): string[];
  /**
   * Every permission declared by installed, loaded plugins with its locale keys, the declaring plugin and its
   * surface (`store` when the manifest does not say); store roles are built from the `store` ones.
   */
  declaredPermissions(): DeclaredPermission[];
  /** Every installed plugin with its enablement on `platform`; `WZ_PLATFORM_NOT_FOUND` for an unknown platform. */
  forPlatform(platform: string): Promise<PlatformPlugin[]>;
  /**
   * Enables or disables `code` on `platform` with the cascade (requirements come along on enable, dependents go on
   * disable), as a dry run or applied with an audit entry; every host on the database sees an applied change live.
   * Refuses with `WZ_PLUGIN_NOT_FOUND`, `WZ_PLATFORM_NOT_FOUND`, `WZ_PLUGIN_CORE_REQUIRED` or `WZ_PLUGIN_NOT_LOADED`.
   */
  change(
    platform: string,
    code: string,
    action: 'enable' | 'disable',
    options: EnablementChangeOptions,
  ): Promise<EnablementResult>;
  /** The latest applied changes on `platform`, newest first. */
  audit(platform: string, limit?: number): Promise<EnablementAuditEntry[]>;
}

/**
 * The environment the host runs in, as plugins may read it: the deployment-wide settings of the host's config. A
 * plugin's own settings belong in its manifest `config` schema (env `WIZAMART_<CODE>_<KEY>`), not here.
 */
export interface HostEnvironment {
  /**
   * The host's environment variables (tests pass their own; do not read `process.env` in plugins).
   *
   * @deprecated Read the typed fields below, or declare a setting in the manifest `config` schema; `env` goes away
   * in a future minor version.
   */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when the host runs the embedded database (one process, no cross-connection NOTIFY). */
  readonly embedded: boolean;
  /** The host's data folder (`WIZAMART_DATA_DIR`, default `.wizamart/`); `memory://` for a throw-away database. */
  readonly dataDir: string;
  /** `WIZAMART_PLATFORM_DOMAIN` (default `localhost`, lower-cased): the domain of platform `main`. */
  readonly platformDomain: string;
  /** `REDIS_URL`, when set: shared counters (rate limits) across host processes. */
  readonly redisUrl?: string;
  /** `WIZAMART_JWT_SECRET`, when set: the token signing secret. */
  readonly jwtSecret?: string;
  /** `WIZAMART_DEMO_PASSWORD`, when set: the password demo seeds give their users. */
  readonly demoPassword?: string;
  /** True under `NODE_ENV=production`. */
  readonly production: boolean;
}

/**
 * Tokens of the host's own services (owner `wizamart`); every plugin may `get` them without declaring anything.
 *
 * @example
 * ```ts
 * const { env } = ctx.services.get(HostServices.environment);
 * ```
 */
export const HostServices = {
  menus: defineServiceToken<MenuDirectory>(HOST_SERVICE_OWNER, 'menus'),
  platforms: defineServiceToken<PlatformDirectory>(HOST_SERVICE_OWNER, 'platforms'),
  plugins: defineServiceToken<PluginDirectory>(HOST_SERVICE_OWNER, 'plugins'),
  environment: defineServiceToken<HostEnvironment>(HOST_SERVICE_OWNER, 'environment'),
} as const;
