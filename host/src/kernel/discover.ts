import { existsSync } from 'node:fs';
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

/** A package that declares a `wizamart-plugin` key, as found on disk (not yet validated). */
export interface DiscoveredPackage {
  /** Real (symlink-resolved) folder of the package. */
  dir: string;
  packageName: string;
  version: string;
  /** The raw `wizamart-plugin` value. */
  manifest: unknown;
  /** `peerDependencies` of the package, kept for the validator and the npm/plugin graph check. */
  peerDependencies: Record<string, string>;
}

/** Where discovery looks. */
export interface DiscoveryOptions {
  appDir: string;
  /** Extra folders laid out like node_modules. */
  pluginPaths?: readonly string[];
}

const MANIFEST_KEY = 'wizamart-plugin';

/** The nearest folder at or above `from` holding a package.json, or `WIZAMART_APP_DIR` when set. */
export function findAppDir(from: string, env: NodeJS.ProcessEnv): string {
  if (env.WIZAMART_APP_DIR) return path.resolve(env.WIZAMART_APP_DIR);
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from);
  }
}

/** Splits `WIZAMART_PLUGIN_PATHS` (path-delimiter separated) into absolute folders. */
export function pluginPathsFromEnv(env: NodeJS.ProcessEnv, base: string): string[] {
  return (env.WIZAMART_PLUGIN_PATHS ?? '')
    .split(path.delimiter)
    .filter((entry) => entry.trim() !== '')
    .map((entry) => path.resolve(base, entry));
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

/** Package folders of a node_modules-shaped folder: `<dir>/<name>` and `<dir>/@scope/<name>`. */
async function listPackageDirs(root: string): Promise<string[]> {
  const names = (await listDir(root)).filter((name) => !name.startsWith('.'));
  const nested = await Promise.all(
    names.map(async (name) => {
      if (!name.startsWith('@')) return [path.join(root, name)];
      const scoped = await listDir(path.join(root, name));
      return scoped.filter((inner) => !inner.startsWith('.')).map((inner) => path.join(root, name, inner));
    }),
  );
  return nested.flat();
}

export async function readPluginPackage(dir: string): Promise<DiscoveredPackage | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, 'package.json'), 'utf8');
  } catch {
    return undefined;
  }
  // Most packages are not plugins: skip parsing them.
  if (!text.includes(`"${MANIFEST_KEY}"`)) return undefined;
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (pkg === null || typeof pkg !== 'object' || !(MANIFEST_KEY in pkg)) return undefined;
  return {
    dir: await realpath(dir),
    packageName: typeof pkg.name === 'string' ? pkg.name : path.basename(dir),
    version: typeof pkg.version === 'string' ? pkg.version : '0.0.0',
    manifest: pkg[MANIFEST_KEY],
    peerDependencies: (pkg.peerDependencies as Record<string, string> | undefined) ?? {},
  };
}

/**
 * Finds every package with a `wizamart-plugin` key in the app's node_modules (following symlinks, so workspace
 * packages count) and in each plugin path. A package reachable twice (same real folder) is reported once.
 */
export async function discoverPlugins(options: DiscoveryOptions): Promise<DiscoveredPackage[]> {
  const roots = [path.join(options.appDir, 'node_modules'), ...(options.pluginPaths ?? [])];
  const dirs = (await Promise.all(roots.map(listPackageDirs))).flat();
  const found = await Promise.all(dirs.map(readPluginPackage));
  const byDir = new Map<string, DiscoveredPackage>();
  for (const pkg of found) if (pkg && !byDir.has(pkg.dir)) byDir.set(pkg.dir, pkg);
  return [...byDir.values()];
}
