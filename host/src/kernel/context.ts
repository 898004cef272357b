import 'reflect-metadata';
import path from 'node:path';
import express from 'express';
import type { Logger } from 'pino';
import {
  hostErrors,
  type PluginContext,
  type PluginEvents,
  type JobStatus,
  type JobTarget,
  type PluginHealth,
  type PluginJobs,
  type PluginInfo,
  type PluginMenus,
  type PluginCli,
  type PluginCommand,
  type PluginViews,
  type PluginRoutes,
} from '@wizamart/plugin-sdk';
import type { Knex } from 'knex';
import type { DependencyContainer } from 'tsyringe';
import type { Contributions, JobContribution } from './contributions.js';
import type { EventBus } from './events.js';
import type { PluginNode } from './plugin-node.js';
import { resolveJobOptions } from '../runtime/jobs/job-options.js';
import { createServices, type ContainerLookup } from './services.js';

/** DI tokens of the members registered in every plugin's child container. */
export const SCOPE = {
  plugin: 'wizamart:plugin',
  logger: 'wizamart:logger',
  config: 'wizamart:config',
  services: 'wizamart:services',
  routes: 'wizamart:routes',
  menus: 'wizamart:menus',
  health: 'wizamart:health',
  events: 'wizamart:events',
  db: 'wizamart:db',
  jobs: 'wizamart:jobs',
  context: 'wizamart:context',
} as const;

/** What the runtime lends plugins: a schema-bound knex per plugin and the job queue. */
export interface RuntimeServices {
  db(code: string): Knex;
  queue: JobQueue;
}

/** Enqueues and reads jobs by their full `<code>.<job>` name; implemented by the runtime on agenda. */
export interface JobQueue {
  now(name: string, data: unknown, target: JobTarget): Promise<string>;
  schedule(when: Date | string, name: string, data: unknown, target: JobTarget): Promise<string>;
  every(interval: string, name: string, data: unknown, target: JobTarget): Promise<string>;
  status(id: string, plugin: string): Promise<JobStatus | undefined>;
}

/** What the host lends every plugin scope. */
export interface ScopeDeps {
  logger: Logger;
  contributions: Contributions;
  events: EventBus;
  lookup: ContainerLookup;
  /** The database and job queue, when the host runs with a database. */
  runtime?: RuntimeServices;
  /** The container holding the host's own services (token owner `wizamart`). */
  hostServices?: DependencyContainer;
}

const SURFACES = new Set(['admin', 'store', 'storefront', 'shared']);

function checkSurface(code: string, surface: string, allowShared: boolean): void {
  if (SURFACES.has(surface) && (allowShared || surface !== 'shared')) return;
  throw invalidArgument(code, `unknown surface "${surface}"`, { surface });
}

/** A plugin passed `ctx.*` something it cannot take: a bug in the plugin, which fails it at register. */
function invalidArgument(plugin: string, problem: string, details: Record<string, unknown> = {}) {
  return hostErrors.WZ_PLUGIN_INVALID_ARGUMENT({ plugin, problem }, { details: { plugin, ...details } });
}

/**
 * Internal plugins are admin-only: they may add admin routes, pages and menus and nothing a store or shopper reaches
 * (no other surface, no page alias, no pipeline stage). Anything else fails them at register.
 */
function checkInternal(code: string, tier: string, what: string, surface?: string): void {
  if (tier !== 'internal' || surface === 'admin') return;
  const details = { plugin: code, surface, what };
  throw hostErrors.WZ_PLUGIN_INTERNAL_SURFACE({ plugin: code, what }, { details });
}

const STAGES = new Set(['tenant', 'theme', 'auth']);
const ALIAS_SEGMENT = /^[a-z][a-z0-9-]{0,38}(?:\.[a-z]{2,4})?$/;

function createRoutes(code: string, tier: string, contributions: Contributions): PluginRoutes {
  const requireCore = (what: string, details: Record<string, unknown>) => {
    if (tier === 'core') return;
    throw hostErrors.WZ_PLUGIN_STAGE_FORBIDDEN({ plugin: code, what }, { details: { plugin: code, ...details } });
  };
  return {
    use(stage, handler) {
      if (!STAGES.has(stage)) throw invalidArgument(code, `unknown pipeline stage "${stage}"`, { stage });
      checkInternal(code, tier, `"${stage}" stage middleware`);
      requireCore(`add "${stage}" middleware to every request`, { stage });
      contributions.addStage({ plugin: code, stage, handler });
    },
    router: () => express.Router({ mergeParams: true }),
    api(surface, router) {
      checkSurface(code, surface, true);
      checkInternal(code, tier, `a ${surface} API`, surface);
      contributions.addRoute({ plugin: code, kind: 'api', surface, router });
    },
    apiRoot(surface, router) {
      checkSurface(code, surface, false);
      checkInternal(code, tier, `the ${surface} API root`, surface);
      requireCore(`serve the ${surface} API root`, { surface });
      contributions.addRoute({ plugin: code, kind: 'root', surface, router });
    },
    home(surface, router) {
      checkSurface(code, surface, false);
      checkInternal(code, tier, `the ${surface} home page`, surface);
      requireCore(`serve the ${surface} home page`, { surface });
      contributions.addRoute({ plugin: code, kind: 'home', surface, router });
    },
    pages(surface, router) {
      checkSurface(code, surface, false);
      checkInternal(code, tier, `${surface} pages`, surface);
      contributions.addRoute({ plugin: code, kind: 'pages', surface, router });
    },
    pagesAlias(surface, segment) {
      checkSurface(code, surface, false);
      checkInternal(code, tier, `a page alias ("${segment}")`);
      if (!ALIAS_SEGMENT.test(segment)) {
        const rule = 'a page alias is one path segment of lower-case letters, digits and -';
        throw invalidArgument(code, `${rule} (with an optional extension such as .xml), not "${segment}"`, { segment });
      }
      const taken = contributions.aliases.find((alias) => alias.surface === surface && alias.segment === segment);
      if (taken) {
        throw hostErrors.WZ_ROUTE_ALIAS_TAKEN({ plugin: code, surface, segment, owner: taken.plugin });
      }
      contributions.addAlias({ plugin: code, surface, segment });
    },
  };
}

function createMenus(code: string, tier: string, contributions: Contributions): PluginMenus {
  return {
    add(surface, item) {
      checkSurface(code, surface, false);
      checkInternal(code, tier, `${surface} menu items`, surface);
      // A non-core plugin may link at the surface root only through a page alias it serves (registered before).
      const aliased =
        item.root &&
        contributions.aliases.some(
          (alias) => alias.plugin === code && alias.surface === surface && item.path.split('/')[1] === alias.segment,
        );
      if (item.root && tier !== 'core' && !aliased) {
        const what = 'add menu items outside its own pages';
        const details = { plugin: code, item: item.id };
        throw hostErrors.WZ_PLUGIN_STAGE_FORBIDDEN({ plugin: code, what }, { details });
      }
      contributions.addMenu({ plugin: code, surface, item: { order: 100, ...item } });
    },
  };
}

function createHealth(code: string, contributions: Contributions): PluginHealth {
  return { check: (name, run) => contributions.addHealth({ plugin: code, name: `${code}.${name}`, run }) };
}

function createEvents(code: string, deps: ScopeDeps): PluginEvents {
  return {
    publish(name, payload) {
      if (!name.startsWith(`${code}.`)) {
        throw invalidArgument(code, `may only publish events named "${code}.<event>", not "${name}"`, { event: name });
      }
      return deps.events.publish(name, payload);
    },
    subscribe(name, handler) {
      const unsubscribe = deps.events.subscribe(name, handler as (payload: unknown) => void);
      deps.contributions.onDiscard(code, unsubscribe);
      return unsubscribe;
    },
  };
}

function noRuntime(what: string): never {
  throw hostErrors.WZ_DB_UNAVAILABLE({ problem: `${what} needs the database, and this host runs without one` });
}

function createJobs(code: string, deps: ScopeDeps): PluginJobs {
  const full = (name: string) => {
    if (!/^[a-z][a-z0-9-]*$/i.test(name)) throw invalidArgument(code, `invalid job name "${name}"`, { job: name });
    return `${code}.${name}`;
  };
  const queue = () => deps.runtime?.queue ?? noRuntime('ctx.jobs');
  return {
    define(name, handler, options = {}) {
      // Bad options fail the plugin's register now rather than silently dropping the job when processing starts.
      resolveJobOptions(full(name), options);
      deps.contributions.addJob({
        plugin: code,
        name: full(name),
        handler: handler as JobContribution['handler'],
        options,
      });
    },
    now: (name, data, target = {}) => queue().now(full(name), data ?? {}, target),
    schedule: (when, name, data, target = {}) => queue().schedule(when, full(name), data ?? {}, target),
    every: (interval, name, data, target = {}) => queue().every(interval, full(name), data ?? {}, target),
    status: (id) => queue().status(id, code),
  };
}

function pluginInfo(node: PluginNode): PluginInfo {
  return Object.freeze({
    code: node.code,
    version: node.pkg.version,
    packageName: node.pkg.packageName,
    dir: node.pkg.dir,
    manifest: Object.freeze({ ...node.manifest! }),
  });
}

function assetDir(node: PluginNode, folder: string | undefined, fallback: string) {
  return Object.freeze({ dir: path.resolve(node.pkg.dir, folder ?? fallback) });
}

const HELPER_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const COMMAND_NAME = /^[a-z][a-z0-9-]{1,40}$/;
const RESERVED_COMMANDS = new Set(['start', 'worker', 'migrate', 'plugins', 'seed', 'help']);

function createCli(code: string, contributions: Contributions): PluginCli {
  return Object.freeze({
    command(name: string, command: PluginCommand) {
      if (!COMMAND_NAME.test(name) || RESERVED_COMMANDS.has(name)) {
        const problem = `"${name}" cannot be a command name (lower-case words with -, not a built-in command)`;
        throw invalidArgument(code, problem, { command: name });
      }
      if (contributions.commands.some((entry) => entry.name === name)) {
        throw invalidArgument(code, `the command "${name}" is already taken`, { command: name });
      }
      contributions.addCommand({ plugin: code, name, command });
    },
    seed(set: string, run: () => Promise<void | string[]> | void | string[]) {
      if (!COMMAND_NAME.test(set)) throw invalidArgument(code, `invalid seed set "${set}"`, { set });
      contributions.addSeed({ plugin: code, set, run });
    },
  });
}

function createViews(node: PluginNode, deps: ScopeDeps): PluginViews {
  const { code } = node;
  return Object.freeze({
    dir: path.resolve(node.pkg.dir, node.manifest!.views ?? './views'),
    helper(name: string, fn: (...args: any[]) => unknown) {
      const prefixed = name.startsWith(`${code}-`);
      if (!HELPER_NAME.test(name) || (node.manifest!.tier !== 'core' && !prefixed)) {
        const problem = `helper "${name}" must be named "${code}-<name>" (only core plugins may use plain names)`;
        throw invalidArgument(code, problem, { helper: name });
      }
      deps.contributions.addHelper({ plugin: code, name, fn });
    },
  });
}

function buildContext(scope: DependencyContainer, node: PluginNode, deps: ScopeDeps): PluginContext {
  const manifest = node.manifest!;
  return {
    plugin: scope.resolve(SCOPE.plugin),
    logger: scope.resolve(SCOPE.logger),
    config: scope.resolve(SCOPE.config),
    services: scope.resolve(SCOPE.services),
    routes: scope.resolve(SCOPE.routes),
    cli: createCli(node.code, deps.contributions),
    menus: scope.resolve(SCOPE.menus),
    health: scope.resolve(SCOPE.health),
    events: scope.resolve(SCOPE.events),
    get db() {
      return scope.resolve<() => Knex>(SCOPE.db)();
    },
    jobs: scope.resolve(SCOPE.jobs),
    migrations: assetDir(node, manifest.migrations, './migrations'),
    views: createViews(node, deps),
    static: assetDir(node, manifest.static, './static'),
    i18n: assetDir(node, manifest.locales, './locales'),
  };
}

/**
 * Creates the child container of one plugin, registers its scoped members and resolves its `ctx` from it.
 */
export function createPluginScope(
  root: DependencyContainer,
  node: PluginNode,
  config: Record<string, unknown>,
  deps: ScopeDeps,
): { scope: DependencyContainer; ctx: PluginContext } {
  const scope = root.createChildContainer();
  const code = node.code;
  scope.register(SCOPE.plugin, { useValue: pluginInfo(node) });
  scope.register(SCOPE.logger, { useValue: deps.logger.child({ plugin: code }) });
  scope.register(SCOPE.config, { useValue: Object.freeze(config) });
  scope.register(SCOPE.services, { useValue: createServices(node, scope, deps.lookup, deps.hostServices) });
  scope.register(SCOPE.routes, { useValue: createRoutes(code, node.manifest!.tier, deps.contributions) });
  scope.register(SCOPE.menus, { useValue: createMenus(code, node.manifest!.tier, deps.contributions) });
  scope.register(SCOPE.health, { useValue: createHealth(code, deps.contributions) });
  scope.register(SCOPE.events, { useValue: createEvents(code, deps) });
  let db: Knex | undefined;
  scope.register(SCOPE.db, { useValue: () => (db ??= deps.runtime ? deps.runtime.db(code) : noRuntime('ctx.db')) });
  scope.register(SCOPE.jobs, { useValue: createJobs(code, deps) });
  const ctx = buildContext(scope, node, deps);
  scope.register(SCOPE.context, { useValue: ctx });
  return { scope, ctx };
}
