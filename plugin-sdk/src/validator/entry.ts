import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isFile } from './files.js';
import type { PluginPackage } from './package.js';
import { finding, type Finding } from './report.js';

const HOOKS = ['register', 'start', 'stop'] as const;

/** Why `value` is not a plugin definition as made by definePlugin, or undefined when it is one. */
function definitionProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null)
    return `the default export is ${value === null ? 'null' : typeof value}, not a plugin definition`;
  const definition = value as Record<string, unknown>;
  if (typeof definition.register !== 'function') return 'the default export has no register function';
  const bad = HOOKS.filter((hook) => definition[hook] !== undefined && typeof definition[hook] !== 'function');
  return bad.length > 0 ? `the default export's ${bad.join(', ')} must be a function` : undefined;
}

/** Imports the entry the way the host does and checks its default export (WZV003, WZV004). */
export async function checkEntry(plugin: PluginPackage): Promise<Finding[]> {
  const { entry } = plugin.manifest;
  if (!entry) return [];
  const file = path.resolve(plugin.dir, entry);
  if (!isFile(file))
    return [finding('WZV003', `entry ${entry} does not exist (is the package built?)`, 'package.json')];
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    return [finding('WZV004', `importing entry ${entry} failed: ${(error as Error).message}`, entry)];
  }
  // A CommonJS module exporting `{ default: plugin }` arrives wrapped once more, as the host allows.
  const candidate = module.default;
  const unwrapped =
    definitionProblem(candidate) && typeof candidate === 'object' && candidate !== null && 'default' in candidate
      ? (candidate as { default: unknown }).default
      : candidate;
  const problem = definitionProblem(unwrapped);
  return problem ? [finding('WZV004', `${problem} (export default definePlugin({ register(ctx) { … } }))`, entry)] : [];
}

/** The file an `exports` value points to for an ESM import (`import`, `default`, `node`, then `require`). */
function exportTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(exportTarget).find((v) => v !== undefined);
  if (typeof value !== 'object' || value === null) return undefined;
  const conditions = value as Record<string, unknown>;
  for (const key of ['import', 'default', 'node', 'require']) {
    const target = exportTarget(conditions[key]);
    if (target !== undefined) return target;
  }
  return undefined;
}

/** The package's public index (`exports["."]`, or `exports` itself when it is not a subpath map, else `main`). */
function publicIndex(pkg: Record<string, unknown>): { field: string; target: string } | undefined {
  const { exports } = pkg;
  if (exports !== undefined && exports !== null) {
    const isSubpathMap =
      typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith('.'));
    const target = exportTarget(isSubpathMap ? (exports as Record<string, unknown>)['.'] : exports);
    if (target !== undefined) return { field: 'exports["."]', target };
    if (isSubpathMap) return undefined;
  }
  return typeof pkg.main === 'string' ? { field: 'main', target: pkg.main } : undefined;
}

/** Checks that the public index other plugins import is built (WZV005). */
export function checkPublicIndex(plugin: PluginPackage): Finding[] {
  const index = publicIndex(plugin.pkg);
  if (!index) return [];
  if (isFile(path.resolve(plugin.dir, index.target))) return [];
  return [
    finding(
      'WZV005',
      `${index.field} points to ${index.target}, which does not exist (is the package built?)`,
      'package.json',
    ),
  ];
}
