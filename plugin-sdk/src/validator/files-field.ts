import path from 'node:path';
import { isDir, isFile, relative } from './files.js';
import { manifestDir, type PluginPackage } from './package.js';
import { finding, type Finding } from './report.js';

function normalise(entry: string): string {
  return entry.replace(/^\.\//, '').replace(/\/+$/, '');
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*\/?|\*)/)
    .map((part) => (part.startsWith('**') ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}(/.*)?$`);
}

/** True when some `files` entry ships `target` (a file, or a folder whose content the entry includes). */
function shipped(files: string[], target: string): boolean {
  return files
    .map(normalise)
    .some(
      (entry) =>
        entry === target ||
        target.startsWith(`${entry}/`) ||
        entry.startsWith(`${target}/`) ||
        globToRegExp(entry).test(target),
    );
}

/**
 * The entry and every existing asset folder are in package.json "files", when the package limits what it ships
 * (WZV025).
 */
export function checkFilesField(plugin: PluginPackage): Finding[] {
  const files = plugin.pkg.files;
  if (!Array.isArray(files)) return [];
  const list = files.filter((f): f is string => typeof f === 'string');
  const targets: string[] = [];
  const entry = plugin.manifest.entry ? path.resolve(plugin.dir, plugin.manifest.entry) : undefined;
  if (entry && isFile(entry)) targets.push(relative(plugin.dir, entry));
  for (const key of ['migrations', 'views', 'static', 'locales'] as const) {
    const dir = manifestDir(plugin, key);
    if (isDir(dir)) targets.push(relative(plugin.dir, dir));
  }
  return targets
    .filter((target) => !shipped(list, target))
    .map((target) =>
      finding('WZV025', `"files" does not include ${target}; the published package would lack it`, 'package.json'),
    );
}
