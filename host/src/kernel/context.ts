import 'reflect-metadata';
import path from 'node:path';
import express from 'express';
import type { Logger } from 'pino';
import {
  WizamartError,
  type PluginContext,
  type PluginEvents,
  type PluginHealth,
  type PluginInfo,
  type PluginMenus,
  type PluginRoutes,
} from '@wizamart/plugin-sdk';
import type { DependencyContainer } from 'tsyringe';
import type { Contributions } from './contributions.js';
import type { EventBus } from './events.js';
import type { PluginNode } from './plugin-node.js';
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
  context: 'wizamart:context',
} as const;

/** What the host lends every plugin scope. */
export interface ScopeDeps {
  logger: Logger;
  contributions: Contributions;
  events: EventBus;
  lookup: ContainerLookup;
  /** Lets the runtime add members (database, jobs…) to each plugin's scope and context. */
  extend?: (ctx: PluginContext, scope: DependencyContainer, node: PluginNode) => void;
}

const SURFACES = new Set(['admin', 'store', 'storefront', 'shared']);

function checkSurface(code: string, surface: string, allowShared: boolean): void {
  if (SURFACES.has(surface) && (allowShared || surface !== 'shared')) return;
  throw new WizamartError('WZ_VALIDATION', `${code}: unknown surface "${surface}"`, { details: { surface } });
}

function createRoutes(code: string, contributions: Contributions): PluginRoutes {
  return {
    router: () => express.Router({ mergeParams: true }),
    api(surface, router) {
      checkSurface(code, surface, true);
      contributions.addRoute({ plugin: code, kind: 'api', surface, router });
    },
    pages(surface, router) {
      checkSurface(code, surface, false);
      contributions.addRoute({ plugin: code, kind: 'pages', surface, router });
    },
  };
}

function createMenus(code: string, contributions: Contributions): PluginMenus {
  return {
    add(surface, item) {
      checkSurface(code, surface, false);
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
        throw new WizamartError('WZ_VALIDATION', `${code} may only publish events named "${code}.<event>", not "${name}"`);
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

function buildContext(scope: DependencyContainer, node: PluginNode): PluginContext {
  const manifest = node.manifest!;
  return {
    plugin: scope.resolve(SCOPE.plugin),
    logger: scope.resolve(SCOPE.logger),
    config: scope.resolve(SCOPE.config),
    services: scope.resolve(SCOPE.services),
    routes: scope.resolve(SCOPE.routes),
    menus: scope.resolve(SCOPE.menus),
    health: scope.resolve(SCOPE.health),
    events: scope.resolve(SCOPE.events),
    migrations: assetDir(node, manifest.migrations, './migrations'),
    views: assetDir(node, manifest.views, './views'),
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
  scope.register(SCOPE.services, { useValue: createServices(node, scope, deps.lookup) });
  scope.register(SCOPE.routes, { useValue: createRoutes(code, deps.contributions) });
  scope.register(SCOPE.menus, { useValue: createMenus(code, deps.contributions) });
  scope.register(SCOPE.health, { useValue: createHealth(code, deps.contributions) });
  scope.register(SCOPE.events, { useValue: createEvents(code, deps) });
  const ctx = buildContext(scope, node);
  deps.extend?.(ctx, scope, node);
  scope.register(SCOPE.context, { useValue: ctx });
  return { scope, ctx };
}
