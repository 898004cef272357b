import 'reflect-metadata';

export { Kernel } from './kernel/kernel.js';
export type { KernelOptions, LoadedPlugin } from './kernel/kernel.js';
export { discoverPlugins, findAppDir, pluginPathsFromEnv } from './kernel/discover.js';
export type { DiscoveredPackage, DiscoveryOptions } from './kernel/discover.js';
export { resolveGraph } from './kernel/graph.js';
export type { ResolvedGraph } from './kernel/graph.js';
export type { PluginFailure, PluginNode, PluginState } from './kernel/plugin-node.js';
export { HOST_VERSION } from './version.js';
export { readPluginPackage } from './kernel/discover.js';
export { startHost } from './runtime/host.js';
export type { BootTimings, HostOptions, RunningHost } from './runtime/host.js';
export { openDatabase } from './runtime/database/connection.js';
export type { Database, DatabaseOptions } from './runtime/database/connection.js';
export type { MigrationContext } from './runtime/database/migration-files.js';
export type { SchemaKnex } from './runtime/database/bind-schema.js';
export { routeTable } from './kernel/route-table.js';
export type { RouteEntry } from './kernel/route-table.js';
