import 'reflect-metadata';

export { Kernel } from './kernel/kernel.js';
export type { KernelOptions, LoadedPlugin } from './kernel/kernel.js';
export { discoverPlugins, findAppDir, pluginPathsFromEnv } from './kernel/discover.js';
export type { DiscoveredPackage, DiscoveryOptions } from './kernel/discover.js';
export { resolveGraph } from './kernel/graph.js';
export type { ResolvedGraph } from './kernel/graph.js';
export type { PluginFailure, PluginNode, PluginState } from './kernel/plugin-node.js';
export { HOST_VERSION } from './version.js';
