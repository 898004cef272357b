import 'reflect-metadata';
import { HOST_SERVICE_OWNER, hostErrors, type PluginServices, type ServiceToken } from '@wizamart/plugin-sdk';
import type { DependencyContainer } from 'tsyringe';
import type { PluginNode } from './plugin-node.js';

/** Finds the DI container of a plugin by code (only plugins that registered successfully have one). */
export type ContainerLookup = (code: string) => DependencyContainer | undefined;

function serviceKey(token: ServiceToken<unknown>): string {
  return `service:${token.id}`;
}

/**
 * `ctx.services` of one plugin. Provided services live in the plugin's own child container; `get` only reaches
 * the containers of plugins declared in `requires`/`optionalRequires`, so visibility follows the graph.
 */
/** Registers a service the host provides to every plugin (token owner `wizamart`). */
export function provideHostService<T>(root: DependencyContainer, token: ServiceToken<T>, value: T): void {
  root.register(serviceKey(token), { useValue: value });
}

export function createServices(
  node: PluginNode,
  own: DependencyContainer,
  lookup: ContainerLookup,
  host?: DependencyContainer,
): PluginServices {
  const required = new Set(Object.keys(node.manifest?.requires ?? {}));
  const optional = new Set(Object.keys(node.manifest?.optionalRequires ?? {}));

  function containerOf(token: ServiceToken<unknown>): DependencyContainer | undefined {
    if (token.plugin === node.code) return own;
    if (token.plugin === HOST_SERVICE_OWNER) return host;
    if (!required.has(token.plugin) && !optional.has(token.plugin)) {
      throw hostErrors.WZ_PLUGIN_UNDECLARED_DEP({ plugin: node.code, token: token.id, owner: token.plugin });
    }
    return lookup(token.plugin);
  }

  function find<T>(token: ServiceToken<T>): T | undefined {
    const container = containerOf(token);
    const key = serviceKey(token);
    return container?.isRegistered(key, false) ? container.resolve<T>(key) : undefined;
  }

  return {
    provide(token, value) {
      if (token.plugin !== node.code) {
        throw hostErrors.WZ_SERVICE_FOREIGN_TOKEN({ plugin: node.code, token: token.id, owner: token.plugin });
      }
      if (own.isRegistered(serviceKey(token), false)) {
        throw hostErrors.WZ_SERVICE_DUPLICATE({ plugin: node.code, token: token.id });
      }
      own.register(serviceKey(token), { useValue: value });
    },
    get(token) {
      const value = find(token);
      if (value !== undefined) return value;
      throw hostErrors.WZ_SERVICE_NOT_PROVIDED({ plugin: node.code, token: token.id, owner: token.plugin });
    },
    getOptional(token) {
      return find(token);
    },
  };
}
