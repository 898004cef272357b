import type { RequestHandler, Router } from 'express';
import type { HttpStage } from './http.js';
import type { Knex } from 'knex';
import type { PluginJobs } from './jobs.js';
import type { PluginManifest } from './manifest.js';
import type { DepsSpec, PluginServices, ResolvedDeps } from './services.js';

/**
 * The surfaces a plugin can mount routes and menus on: `admin` (platform admins), `store` (a store's dashboard),
 * `storefront` (shoppers). `shared` is for API routers that serve every surface (`/api/v1/shared/<code>/…`); pages
 * and menus need a real surface.
 */
export type Surface = 'admin' | 'store' | 'storefront' | 'shared';

/** What the host knows about the plugin being registered. */
export interface PluginInfo {
  /** The plugin code from the manifest. */
  readonly code: string;
  /** Version of the plugin's npm package. */
  readonly version: string;
  /** Name of the plugin's npm package. */
  readonly packageName: string;
  /** Absolute folder of the package. */
  readonly dir: string;
  /** The validated `wizamart-plugin` manifest. */
  readonly manifest: Readonly<PluginManifest>;
}

/** The logging interface of `ctx.logger` (a pino child logger bound to the plugin code). */
export interface PluginLogger {
  /** Logs at level `trace`: an object of fields (or a message string), then an optional message. */
  trace(obj: unknown, msg?: string): void;
  /** Logs at level `debug`. */
  debug(obj: unknown, msg?: string): void;
  /** Logs at level `info`, e.g. `ctx.logger.info({ orderId }, 'order placed')`. */
  info(obj: unknown, msg?: string): void;
  /** Logs at level `warn`. */
  warn(obj: unknown, msg?: string): void;
  /** Logs at level `error`; pass the error as `{ err }` so its stack is serialised. */
  error(obj: unknown, msg?: string): void;
  /** Logs at level `fatal`. */
  fatal(obj: unknown, msg?: string): void;
  /** A logger that adds `bindings` to every line. */
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
   * Also serves `/<surface>[/<store>]/<segment>/…` with this plugin's page routers (they see `/<segment>/…`, as under
   * `/<surface>[/<store>]/<code>/<segment>/…`), for short shopper-facing URLs such as `/storefront/<store>/products`.
   * The enablement gate applies as on the plugin's own mount. A plugin code always wins over an alias; an alias another
   * plugin already serves fails this plugin with `WZ_ROUTE_ALIAS_TAKEN`.
   *
   * @example
   * ctx.routes.pages('storefront', router); // router.get('/products', …)
   * ctx.routes.pagesAlias('storefront', 'products'); // /storefront/<store>/products too
   */
  pagesAlias(surface: Exclude<Surface, 'shared'>, segment: string): void;
  /**
   * Mounts an API router at the surface's API root (`/api/v1/admin/…`, `/api/v1/store/<store>/…`,
   * `/api/v1/storefront/<store>/…`) for paths whose first segment is not a plugin code, e.g. `/api/v1/admin/me`.
   * Core plugins only; several root routers are tried in dependency order.
   */
  apiRoot(surface: Exclude<Surface, 'shared'>, router: Router): void;
  /**
   * Serves the surface root (`/admin`, `/store/<store>`, `/storefront/<store>`) and page paths whose first segment is
   * not a plugin code (e.g. `/admin/plugins`). Core plugins only; several home routers are tried in dependency order.
   */
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
  /**
   * `path` is relative to the surface root itself rather than to the plugin's own mount: for pages a core plugin's
   * `routes.home` router serves (e.g. `/plugins` links to `/admin/plugins`), or, for any plugin, a page alias it serves
   * (`routes.pagesAlias`, called before `menus.add`; e.g. `/products` links to `/storefront/<store>/products`).
   */
  root?: boolean;
}

/** `ctx.menus`: add menu items per surface. */
export interface PluginMenus {
  /**
   * Adds `item` to the menu of `surface`. It shows only where the plugin is enabled and the principal holds
   * `item.permission`.
   */
  add(surface: Exclude<Surface, 'shared'>, item: MenuItem): void;
}

/** The result of a health check: resolve for healthy, return `{ status: 'degraded' }` or throw for down. */
export type HealthCheckResult = void | { status: 'ok' | 'degraded'; detail?: string };

/** `ctx.health`: add checks that feed `/health` and readiness. */
export interface PluginHealth {
  /** Adds the check `<code>.<name>`; it runs on every `/health` and readiness probe, so keep it cheap. */
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
  /** Where the command writes its output. */
  stdout: NodeJS.WritableStream;
  /** Where the command writes errors and warnings. */
  stderr: NodeJS.WritableStream;
  /** Input, e.g. for a password prompt. */
  stdin: NodeJS.ReadableStream;
  /** The environment of the CLI process. */
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
  /** Absolute path of the folder, from the manifest (or its default) resolved against the package folder. */
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
  /** Code, version, package and manifest of this plugin. */
  readonly plugin: PluginInfo;
  /** A pino child logger bound to `{ plugin: <code> }`. */
  readonly logger: PluginLogger;
  /** Configuration validated against the manifest's `config` schema, defaults applied, from `WIZAMART_<CODE>_<KEY>`. */
  readonly config: Readonly<Config>;
  /** Provide this plugin's services; get those of the host and of declared dependencies. */
  readonly services: PluginServices;
  /**
   * Knex bound to the plugin's own Postgres schema (named after its code, `-` as `_`): `ctx.db('orders')` is
   * `orders.orders`. Throws `WZ_DB_UNAVAILABLE` when the host runs without a database (a kernel without a runtime).
   * Read it lazily, in handlers: `register` runs before migrations.
   */
  readonly db: Knex;
  /** Background jobs named `<code>.<job>`: define in `register`, enqueue any time after. */
  readonly jobs: PluginJobs;
  /** Express routers for the plugin's APIs and pages. */
  readonly routes: PluginRoutes;
  /** Commands and data seeds for the `wizamart` CLI. */
  readonly cli: PluginCli;
  /** Menu items per surface. */
  readonly menus: PluginMenus;
  /** Health checks feeding `/health` and readiness. */
  readonly health: PluginHealth;
  /** In-process domain events. */
  readonly events: PluginEvents;
  /** The migrations folder (manifest `migrations`, default `./migrations`); the host runs what is in it. */
  readonly migrations: PluginAssets;
  /** The views folder (manifest `views`, default `./views`) and Handlebars helpers. */
  readonly views: PluginViews;
  /** The static folder (manifest `static`, default `./static`), served at `/static/modules/<code>/`. */
  readonly static: PluginAssets;
  /** The locales folder (manifest `locales`, default `./locales`) holding `<lang>.json` files. */
  readonly i18n: PluginAssets;
}

/**
 * The shape a plugin's entry module default-exports. Only `register` is required. The services named in `deps` are
 * resolved by the host before `register` runs and handed to every hook as its second argument.
 */
// `{}` is the literal "no deps declared": the hooks then get an empty object, and any spec extends it.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PluginDefinition<Config = Record<string, unknown>, Deps extends DepsSpec = {}> {
  /**
   * The services this plugin uses: tokens of the host, of itself or of plugins in `requires` (missing → the plugin
   * fails with `WZ_SERVICE_NOT_PROVIDED`), or {@link optional} ones of plugins in `optionalRequires`. A token of a
   * plugin the manifest does not declare fails it with `WZ_PLUGIN_UNDECLARED_DEP`.
   */
  deps?: Deps;
  /** Wires the plugin: provide services, add routes, menus, jobs and health checks. Runs in dependency order. */
  register(ctx: PluginContext<Config>, deps: ResolvedDeps<Deps>): void | Promise<void>;
  /** Runs after migrations, before the host serves traffic. */
  start?(ctx: PluginContext<Config>, deps: ResolvedDeps<Deps>): void | Promise<void>;
  /** Runs on shutdown, in reverse dependency order. */
  stop?(ctx: PluginContext<Config>, deps: ResolvedDeps<Deps>): void | Promise<void>;
}

/**
 * Declares a plugin. Returns the definition unchanged: the host accepts any default export of this shape, so a
 * plain JavaScript plugin works without importing the SDK at run time. `deps` names the services the plugin uses;
 * they arrive typed as the second argument of `register`.
 *
 * @example
 * ```ts
 * export default definePlugin({
 *   deps: { ui: CoreServices.ui, stock: optional(InventoryServices.stock) },
 *   register(ctx, { ui }) {
 *     ui.registerLocales(ctx);
 *     ctx.menus.add('store', { id: 'orders', label: 'orders.menu.orders', path: '/', permission: 'orders.view' });
 *   },
 * });
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function definePlugin<Config = Record<string, unknown>, Deps extends DepsSpec = {}>(
  definition: PluginDefinition<Config, Deps>,
): PluginDefinition<Config, Deps> {
  return definition;
}
