import type { Request } from 'express';
import type { MenuItem, Surface } from './plugin.js';
import { defineServiceToken } from './services.js';

/** The owner code of services the host itself provides; every plugin may `get` them. */
export const HOST_SERVICE_OWNER = 'wizamart';

/** A menu item ready to render: its link resolved for the request, children nested. */
export interface MenuEntry extends MenuItem {
  plugin: string;
  href: string;
  active: boolean;
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
  code: string;
  name: string;
  /** The platform's domain (`example.com`: stores at `<store>.example.com`, admin at `admin.example.com`). */
  domain: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Platforms: read, create and update (`main` always exists and cannot be removed). */
export interface PlatformDirectory {
  list(): Promise<Platform[]>;
  get(code: string): Promise<Platform | undefined>;
  create(input: { code: string; name: string; domain?: string | null }): Promise<Platform>;
  update(code: string, patch: { name?: string; domain?: string | null }): Promise<Platform>;
  /** Called after any change, with the platform's code (caches listen to this). */
  onChange(listener: (code: string) => void): () => void;
}

/** An installed plugin as admins see it. */
export interface InstalledPluginInfo {
  code: string;
  name: string;
  tier: string;
  version: string;
  state: 'loaded' | 'failed' | 'blocked';
  error: { code: string; message: string } | null;
  requires: string[];
  /** Permissions the plugin declares in its manifest. */
  permissions: string[];
}

/** The installed plugins and their per-platform enablement. */
export interface PluginDirectory {
  list(): InstalledPluginInfo[];
  isEnabled(platform: string, code: string): boolean;
  /** Every permission declared by installed, loaded plugins (custom roles are built from these). */
  permissions(): string[];
}

/** The environment the host runs in, as plugins may read it. */
export interface HostEnvironment {
  /** The host's environment variables (tests pass their own; do not read `process.env` in plugins). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when the host runs the embedded database (one process, no cross-connection NOTIFY). */
  readonly embedded: boolean;
  /** The host's data folder (`WIZAMART_DATA_DIR`, default `.wizamart/`); `memory://` for a throw-away database. */
  readonly dataDir: string;
}

/** Tokens of the host's own services. */
export const HostServices = {
  menus: defineServiceToken<MenuDirectory>(HOST_SERVICE_OWNER, 'menus'),
  platforms: defineServiceToken<PlatformDirectory>(HOST_SERVICE_OWNER, 'platforms'),
  plugins: defineServiceToken<PluginDirectory>(HOST_SERVICE_OWNER, 'plugins'),
  environment: defineServiceToken<HostEnvironment>(HOST_SERVICE_OWNER, 'environment'),
} as const;
