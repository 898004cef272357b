import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { hostErrors, isWizamartError, type PluginContext, type PluginDefinition } from '@wizamart/plugin-sdk';
import { pino, type Logger } from 'pino';
import { container as globalContainer, type DependencyContainer } from 'tsyringe';
import { readHostConfig, type HostConfig } from '../runtime/config.js';
import { HOST_VERSION } from '../version.js';
import { loadPluginConfig } from './config.js';
import { resolveDeps } from './deps.js';
import { createPluginScope, type RuntimeServices, type ScopeDeps } from './context.js';
import { Contributions } from './contributions.js';
import { discoverPlugins, type DiscoveredPackage } from './discover.js';
import { EventBus } from './events.js';
import { propagateBlocked, resolveGraph, type ResolvedGraph } from './graph.js';
import { checkDeclaredPermissions } from './permission-check.js';
import { routeTable } from './route-table.js';
import { importPlugin } from './loader.js';
import type { PluginFailure, PluginNode } from './plugin-node.js';
import { DEFAULT_HOOK_TIMEOUT_MS, withTimeout } from './timeout.js';

/** How the kernel finds and runs plugins. Everything has a default taken from the host config. */
export interface KernelOptions {
  /** The host's settings (default: read from `env`). */
  config?: HostConfig;
  appDir?: string;
  pluginPaths?: readonly string[];
  /** Use exactly these packages instead of discovering them (the test harness does this). */
  packages?: DiscoveredPackage[];
  /** The environment to read the config from when `config` is not given (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  hostVersion?: string;
  /** Time a `register`, `start` or `stop` hook may take (default 10 s, env `WIZAMART_HOOK_TIMEOUT_MS`). */
  hookTimeoutMs?: number;
  /** The database and job queue lent to plugins (absent for `plugins list` and kernel-only tests). */
  runtime?: RuntimeServices;
}

/** A plugin that imported and registered. */
export interface LoadedPlugin {
  node: PluginNode;
  definition: PluginDefinition;
  scope: DependencyContainer;
  ctx: PluginContext;
  /** The services named in `definePlugin({ deps })`, resolved before `register`. */
  deps: Record<string, unknown>;
  /** Seconds spent importing and registering the plugin. */
  bootSeconds: number;
}

/** Kernel codes a failing hook keeps; anything else a hook throws becomes the hook's generic failure code. */
const KEPT_CODES = new Set([
  'WZ_PLUGIN_UNDECLARED_DEP',
  'WZ_PLUGIN_INVALID_ARGUMENT',
  'WZ_SERVICE_NOT_PROVIDED',
  'WZ_PLUGIN_TIMEOUT',
  'WZ_PLUGIN_ENTRY',
  'WZ_PLUGIN_CONFIG_INVALID',
  'WZ_AUTH_ROUTE_UNGUARDED',
  'WZ_PLUGIN_STAGE_FORBIDDEN',
  'WZ_PLUGIN_INTERNAL_SURFACE',
]);

function toFailure(error: unknown, fallbackCode: string, code: string, hook: string): PluginFailure {
  // Kernel codes that say more than the hook's generic one, and a plugin's own codes (`WZ_TENANCY_…`,
  // `WZ_AUTH_SECRET_MISSING`), are kept: the operator's fix depends on them.
  const kept = (code: string) => KEPT_CODES.has(code) || !(code in hostErrors.catalog) || code.startsWith('WZ_AUTH_');
  if (isWizamartError(error) && kept(error.code)) {
    return { code: error.code, message: error.message, details: error.details };
  }
  const message = error instanceof Error ? error.message : String(error);
  const details = isWizamartError(error) ? { cause: error.code, ...error.details } : {};
  return { code: fallbackCode, message: `${code}: ${hook} failed: ${message}`, details };
}

/**
 * The plugin kernel: discover → resolve → import → register → start → stop. A plugin that fails any step is
 * contained: it is marked failed, its contributions are discarded and its dependents are blocked.
 */
export class Kernel {
  readonly root: DependencyContainer = globalContainer.createChildContainer();
  readonly contributions = new Contributions();
  readonly logger: Logger;
  readonly events: EventBus;
  readonly hostVersion: string;
  readonly timings: Record<string, number> = {};
  private readonly loaded = new Map<string, LoadedPlugin>();
  private graph: ResolvedGraph = { order: [], byCode: new Map() };
  private readonly config: HostConfig;
  private readonly hookTimeoutMs: number;

  constructor(private readonly options: KernelOptions = {}) {
    this.config = options.config ?? readHostConfig(options.env);
    this.logger = options.logger ?? pino({ level: this.config.log.level });
    this.events = new EventBus(this.logger);
    this.hostVersion = options.hostVersion ?? HOST_VERSION;
    this.hookTimeoutMs = options.hookTimeoutMs ?? this.config.hookTimeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS;
  }

  /** Every plugin in topological order, with its state. */
  get plugins(): readonly PluginNode[] {
    return this.graph.order;
  }

  /** Plugins that registered and are still healthy, in topological order. */
  get active(): LoadedPlugin[] {
    return this.graph.order.flatMap((node) => {
      const loaded = this.loaded.get(node.code);
      return loaded && loaded.node === node && node.state === 'ok' ? [loaded] : [];
    });
  }

  /** Core plugins that failed or are blocked: the host must not serve without them. */
  get brokenCore(): PluginNode[] {
    return this.graph.order.filter((node) => node.manifest?.tier === 'core' && node.state !== 'ok');
  }

  /** Discovers the installed plugins and resolves their graph, importing nothing. */
  async resolve(): Promise<readonly PluginNode[]> {
    const packages = await this.timed('discover', () => this.discover());
    this.graph = await this.timed('resolve', () => resolveGraph(packages, this.hostVersion));
    return this.graph.order;
  }

  /** Imports, then registers, every plugin that is still `ok`, in dependency order. */
  async register(): Promise<void> {
    const definitions = await this.timed('import', () => this.importAll());
    await this.timed('register', async () => {
      for (const node of this.graph.order) {
        const imported = definitions.get(node);
        if (imported) await this.registerOne(node, imported.definition, imported.seconds);
      }
    });
  }

  private async importAll(): Promise<Map<PluginNode, { definition: PluginDefinition; seconds: number }>> {
    const definitions = new Map<PluginNode, { definition: PluginDefinition; seconds: number }>();
    for (const node of this.graph.order) {
      propagateBlocked([node], this.graph.byCode);
      if (node.state !== 'ok') continue;
      const started = performance.now();
      try {
        definitions.set(node, { definition: await importPlugin(node), seconds: (performance.now() - started) / 1000 });
      } catch (error) {
        this.fail(node, toFailure(error, 'WZ_PLUGIN_ENTRY', node.code, 'import'), error);
      }
    }
    return definitions;
  }

  /** Runs the `start` hooks in dependency order. */
  async start(): Promise<void> {
    await this.timed('start', async () => {
      for (const plugin of this.active) {
        if (plugin.node.state !== 'ok' || !plugin.definition.start) continue;
        await this.runHook(plugin, 'start', 'WZ_PLUGIN_START_FAILED');
      }
    });
  }

  /** Runs the `stop` hooks in reverse dependency order; a failing hook is logged, the others still run. */
  async stop(): Promise<void> {
    for (const plugin of this.active.reverse()) {
      if (!plugin.definition.stop) continue;
      try {
        await withTimeout(
          () => plugin.definition.stop!(plugin.ctx, plugin.deps),
          this.hookTimeoutMs,
          `${plugin.node.code}.stop`,
        );
      } catch (error) {
        plugin.ctx.logger.error({ err: error }, 'plugin stop failed');
      }
    }
  }

  private async discover(): Promise<DiscoveredPackage[]> {
    if (this.options.packages) return this.options.packages;
    const appDir = this.options.appDir ?? this.config.appDir;
    const pluginPaths = this.options.pluginPaths ?? this.config.pluginPaths;
    return discoverPlugins({ appDir, pluginPaths });
  }

  private async registerOne(node: PluginNode, definition: PluginDefinition, importSeconds: number): Promise<void> {
    propagateBlocked([node], this.graph.byCode);
    if (node.state !== 'ok') return;
    const started = performance.now();
    try {
      const warn = (fields: Record<string, unknown>, message: string) => this.logger.warn(fields, message);
      const config = loadPluginConfig(node.manifest!, this.config.env, warn);
      const scopeDeps = this.scopeDeps();
      const { scope, ctx } = createPluginScope(this.root, node, config, scopeDeps);
      // Visible to itself during register (self-lookups); removed again by fail() if register throws.
      this.loaded.set(node.code, { node, definition, scope, ctx, deps: {}, bootSeconds: 0 });
      const deps = await resolveDeps(definition.deps, ctx.services);
      this.loaded.get(node.code)!.deps = deps;
      await withTimeout(() => definition.register(ctx, deps), this.hookTimeoutMs, `${node.code}.register`);
      this.checkGuards(node.code);
      checkDeclaredPermissions(node, this.graph.byCode, this.contributions);
      this.loaded.get(node.code)!.bootSeconds = importSeconds + (performance.now() - started) / 1000;
    } catch (error) {
      this.fail(node, toFailure(error, 'WZ_PLUGIN_REGISTER_FAILED', node.code, 'register'), error);
    }
  }

  private async runHook(plugin: LoadedPlugin, hook: 'start', failureCode: string): Promise<void> {
    try {
      await withTimeout(
        () => plugin.definition[hook]!(plugin.ctx, plugin.deps),
        this.hookTimeoutMs,
        `${plugin.node.code}.${hook}`,
      );
    } catch (error) {
      this.fail(plugin.node, toFailure(error, failureCode, plugin.node.code, hook), error);
    }
  }

  /** Every route must declare its access (`permit(…)` or `publicAccess()`): an unguarded one fails the plugin. */
  private checkGuards(code: string): void {
    const unguarded = routeTable(this.contributions.routes.filter((route) => route.plugin === code)).filter(
      (entry) => !entry.access,
    );
    if (unguarded.length === 0) return;
    const list = unguarded.map((entry) => `${entry.method} ${entry.kind}:${entry.surface} ${entry.path}`);
    throw hostErrors.WZ_AUTH_ROUTE_UNGUARDED({ plugin: code, routes: list });
  }

  /** Fails a registered plugin from outside the kernel's own steps (e.g. its migrations failed); blocks dependents. */
  markFailed(code: string, failure: PluginFailure, cause?: unknown): void {
    const node = this.graph.byCode.get(code);
    if (node && node.state === 'ok') this.fail(node, failure, cause ?? failure.message);
  }

  /** Fails a plugin, discards what it contributed, and blocks (and discards) every plugin that requires it. */
  private fail(node: PluginNode, failure: PluginFailure, cause: unknown): void {
    node.state = 'failed';
    node.error = failure;
    this.logger.error({ plugin: node.code, code: failure.code, err: cause }, failure.message);
    this.contributions.discard(node.code);
    propagateBlocked(this.graph.order, this.graph.byCode);
    for (const other of this.graph.order) {
      if (other.state === 'blocked' && this.loaded.has(other.code)) {
        this.contributions.discard(other.code);
        this.loaded.delete(other.code);
      }
    }
    this.loaded.delete(node.code);
  }

  private scopeDeps(): ScopeDeps {
    return {
      runtime: this.options.runtime,
      logger: this.logger,
      contributions: this.contributions,
      events: this.events,
      lookup: (code) => this.loaded.get(code)?.scope,
      hostServices: this.root,
    };
  }

  private async timed<T>(step: string, work: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.timings[step] = (performance.now() - started) / 1000;
    }
  }
}
