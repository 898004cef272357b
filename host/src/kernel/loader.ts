import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hostErrors, type PluginDefinition, type WizamartError } from '@wizamart/plugin-sdk';
import type { PluginNode } from './plugin-node.js';

function entryError(node: PluginNode, problem: string, cause?: unknown): WizamartError {
  const details = { plugin: node.code, entry: node.manifest?.entry };
  return hostErrors.WZ_PLUGIN_ENTRY({ plugin: node.code, problem }, { details, cause });
}

function isDefinition(value: unknown): value is PluginDefinition {
  return typeof value === 'object' && value !== null && typeof (value as PluginDefinition).register === 'function';
}

/**
 * Imports a plugin's entry module and returns its default export. Throws `WZ_PLUGIN_ENTRY` when the file is
 * missing, the import throws, or the default export has no `register` function.
 */
export async function importPlugin(node: PluginNode): Promise<PluginDefinition> {
  const entry = path.resolve(node.pkg.dir, node.manifest!.entry);
  if (!existsSync(entry)) {
    throw entryError(
      node,
      `${node.code}: entry ${node.manifest!.entry} does not exist in ${node.pkg.dir} (is the package built?)`,
    );
  }
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(entry).href)) as { default?: unknown };
  } catch (error) {
    throw entryError(
      node,
      `${node.code}: importing ${node.manifest!.entry} failed: ${(error as Error).message}`,
      error,
    );
  }
  const candidate = module.default;
  // A CommonJS module exporting `{ default: plugin }` arrives wrapped once more.
  const definition = isDefinition(candidate) ? candidate : (candidate as { default?: unknown } | undefined)?.default;
  if (!isDefinition(definition)) {
    throw entryError(
      node,
      `${node.code}: the default export of ${node.manifest!.entry} is not a plugin (it needs a register function)`,
    );
  }
  return definition;
}
