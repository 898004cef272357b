import type { RequestHandler, Router } from 'express';
import type { HttpStage } from './http.js';
import type { Knex } from 'knex';
import type { PluginJobs } from './jobs.js';
import type { PluginManifest } from './manifest.js';
import type { PluginServices } from './services.js';

/** The surfaces a plugin can mount routes and menus on. */
export type Surface = 'admin' | 'store' | 'storefront' | 'shared';

/** What the host knows about the plugin being registered. */
export interface PluginInfo {
  readonly code: string;
  /** Version of the plugin's npm package. */
  readonly version: string;
  /** Name of the plugin's npm package. */
  readonly packageName: string;
  /** Absolute folder of the package. */
  readonly dir: string;
  readonly manifest: Readonly<PluginManifest>;
}

/** The logging interface of `ctx.logger` (a pino child logger bound to the plugin code). */
export interface PluginLogger {
  trace(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  fatal(obj: unknown, msg?: string): void;
  child(bindings: Record<string, unknown>): PluginLogger;
}

/** `ctx.routes`: build express routers and mount them on a surface under the plugin code. */
export interface PluginRoutes {
  /** A fresh express Router. */
  router(): Router;
  /** Mounts a JSON API router, e.g. at `/api/v1/store/<store>/<code>/…`. */
  api(surface: Surface, router: Router): void;
  /** Mounts a page router, e.g. at `/store/<store>/<code>/…`. */
  pages(surface: Exclude<Surface, 'shared'>, router: Router): void;
  /**
   * Mounts an API router at the surface's API root (`/api/v1/admin/…`, `/api/v1/store/<store>/…`,
   * `/api/v1/storefront/<store>/…`) for paths whose first segment is not a plugin code, e.g. `/api/v1/admin/me`.
   * Core plugins only; several root routers are tried in dependency order.
   */
  apiRoot(surface: Exclude<Surface, 'shared'>, router: Router): void;
  /** Serves the surface root (`/admin`, `/store/<store>`, `/storefront/<store>`); core plugins only, one per surface. */
  home(surface: Exclude<Surface, 'shared'>, router: Router): void;
  /**
   * Adds middleware to a stage of the host pipeline that runs for every request (tenant resolution, theme,
   * authentication). Only core plugins may; stages run in dependency order of the plugins that fill them.
   */
  use(stage: HttpStage, handler: RequestHandler): void;
}

/** A menu entry contributed by a plugin. */
export interface MenuItem {
  /** Unique within the plugin, e.g. `orders`. */
  id: string;
  /** Label or locale key (`<code>.<key>`). */
  label: string;
  /** Path relative to the surface root of the plugin, e.g. `/orders`. */
  path: string;
  /** Lucide icon name. */
  icon?: string;
  /** Permission a user needs to see the item. */
  permission?: string;
  /** Sort order, lower first (default 100). */
  order?: number;
  /** Id of a parent item for nested menus. */
  parent?: string;
}

/** `ctx.menus`: add menu items per surface. */
export interface PluginMenus {
  add(surface: Exclude<Surface, 'shared'>, item: MenuItem): void;
}

/** The result of a health check: resolve for healthy, return `{ status: 'degraded' }` or throw for down. */
export type HealthCheckResult = void | { status: 'ok' | 'degraded'; detail?: string };

/** `ctx.health`: add checks that feed `/health` and readiness. */
export interface PluginHealth {
  check(name: string, fn: () => Promise<HealthCheckResult> | HealthCheckResult): void;
}

/** A domain event handler; errors are logged and do not reach the publisher. */
export type EventHandler<T = unknown> = (payload: T) => void | Promise<void>;

/** `ctx.events`: publish and subscribe to domain events named `<code>.<past-tense-verb>`. */
export interface PluginEvents {
  /** Publishes an event; only events named after the calling plugin's code may be published. */
  publish<T>(name: string, payload: T): Promise<void>;
  /** Subscribes to an event; returns a function that unsubscribes. */
  subscribe<T>(name: string, handler: EventHandler<T>): () => void;
}

/** Output streams a plugin CLI command writes to. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

/** A `wizamart <name>` command contributed by a plugin. */
export interface PluginCommand {
  /** One line for `wizamart --help`. */
  summary: string;
  /** Runs with the database and every plugin registered (no HTTP, no job processing); resolves with the exit code. */
  run(args: string[], io: CommandIo): Promise<number | void> | number | void;
}

/** `ctx.cli`: commands and data seeds for the `wizamart` CLI. */
export interface PluginCli {
  /** Adds `wizamart <name> …`; names are global, so prefer ones that say what they act on (`create-admin`). */
  command(name: string, command: PluginCommand): void;
  /**
   * Adds a seed to the set `set` (`wizamart seed <set>`; `demo` also runs when `wizamart start` meets an empty
   * embedded database). Seeds of a set run in dependency order and must be idempotent. Lines they return are
   * printed to the operator (e.g. demo logins); `{url}` and `{port}` in them become the served URL and port.
   */
  seed(set: string, run: () => Promise<void | string[]> | void | string[]): void;
}

/** Where the host reads the plugin's assets (absolute folders; they may not exist). */
export interface PluginAssets {
  readonly dir: string;
}

/** `ctx.views`: the plugin's templates folder, plus Handlebars helpers for every view. */
export interface PluginViews extends PluginAssets {
  /**
   * Registers a Handlebars helper. Core plugins may name it freely (`t`, `icon`); other plugins' helpers must be
   * named `<code>-<name>` so they cannot collide.
   */
  helper(name: string, fn: (...args: any[]) => unknown): void;
}

/**
 * The context passed to a plugin's lifecycle hooks; every member is resolved from the plugin's own DI scope.
 * Members that need the database or the HTTP server are completed by the host runtime.
 */
export interface PluginContext<Config = Record<string, unknown>> {
  readonly plugin: PluginInfo;
  readonly logger: PluginLogger;
  /** Configuration validated against the manifest's `config` schema, defaults applied, from `WZ_<CODE>_<KEY>`. */
  readonly config: Readonly<Config>;
  readonly services: PluginServices;
  /**
   * Knex bound to the plugin's own Postgres schema (named after its code, `-` as `_`): `ctx.db('orders')` is
   * `orders.orders`. Throws `WZ_DB_UNAVAILABLE` when the host runs without a database (e.g. `plugins list`).
   */
  readonly db: Knex;
  readonly jobs: PluginJobs;
  readonly routes: PluginRoutes;
  readonly cli: PluginCli;
  readonly menus: PluginMenus;
  readonly health: PluginHealth;
  readonly events: PluginEvents;
  readonly migrations: PluginAssets;
  readonly views: PluginViews;
  readonly static: PluginAssets;
  readonly i18n: PluginAssets;
}

/** The shape a plugin's entry module default-exports. Only `register` is required. */
export interface PluginDefinition<Config = Record<string, unknown>> {
  /** Wires the plugin: provide services, add routes, menus, jobs and health checks. Runs in dependency order. */
  register(ctx: PluginContext<Config>): void | Promise<void>;
  /** Runs after migrations, before the host serves traffic. */
  start?(ctx: PluginContext<Config>): void | Promise<void>;
  /** Runs on shutdown, in reverse dependency order. */
  stop?(ctx: PluginContext<Config>): void | Promise<void>;
}

/**
 * Declares a plugin. Returns the definition unchanged: the host accepts any default export of this shape, so a
 * plain JavaScript plugin works without importing the SDK at run time.
 *
 * @example
 * export default definePlugin({ register(ctx) { ctx.menus.add('store', { id: 'orders', label: 'Orders', path: '/' }); } });
 */
export function definePlugin<Config = Record<string, unknown>>(
  definition: PluginDefinition<Config>,
): PluginDefinition<Config> {
  return definition;
}
