import { guardOf } from '@wizamart/plugin-sdk';
import type { Router } from 'express';
import type { RouteContribution } from './contributions.js';

/** One route of a plugin router, as the host sees it. */
export interface RouteEntry {
  plugin: string;
  kind: 'api' | 'pages' | 'home' | 'root';
  surface: RouteContribution['surface'];
  method: string;
  /** Path inside the plugin mount, nested routers' mount paths included (`…` for a regular-expression mount). */
  path: string;
  /** Permissions the route's guards require; `public` when open to anyone; undefined when unguarded. */
  access?: { public: boolean; permissions: string[] };
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean>; stack: Array<{ handle: unknown }> };
  handle?: unknown;
}

function walk(
  router: { stack?: LayerLike[] },
  inherited: RouteEntry['access'],
  prefix: string,
  emit: (method: string, path: string, access: RouteEntry['access']) => void,
): void {
  let access = inherited;
  for (const layer of router.stack ?? []) {
    if (layer.route) {
      const guards = layer.route.stack.map((entry) => guardOf(entry.handle)).filter((guard) => guard !== undefined);
      const own =
        guards.length > 0
          ? {
              public: guards.every((guard) => guard.public),
              permissions: guards.flatMap((guard) => [...guard.permissions]),
            }
          : undefined;
      const merged =
        own && access
          ? { public: own.public && access.public, permissions: [...access.permissions, ...own.permissions] }
          : (own ?? access);
      for (const method of Object.keys(layer.route.methods).filter(
        (name) => layer.route!.methods[name] && name !== '_all',
      )) {
        emit(method.toUpperCase(), `${prefix}${layer.route.path}`, merged);
      }
      continue;
    }
    const guard = guardOf(layer.handle);
    if (guard) {
      // `router.use(permit(…))` guards every route declared after it in this router.
      access = {
        public: guard.public && (access?.public ?? true),
        permissions: [...(access?.permissions ?? []), ...guard.permissions],
      };
    } else if (Array.isArray((layer.handle as { stack?: unknown })?.stack)) {
      const mount = typeof layer.rawPath === 'string' ? (layer.rawPath === '/' ? '' : layer.rawPath) : '…';
      walk(layer.handle as { stack: LayerLike[] }, access, `${prefix}${mount}`, emit);
    }
  }
}

/** Every route of the contributed routers, with the access its guards declare (for checks and the tenant matrix). */
export function routeTable(routes: readonly RouteContribution[]): RouteEntry[] {
  const table: RouteEntry[] = [];
  for (const route of routes) {
    walk(route.router as Router & { stack: LayerLike[] }, undefined, '', (method, path, access) => {
      table.push({ plugin: route.plugin, kind: route.kind, surface: route.surface, method, path, access });
    });
  }
  return table;
}
