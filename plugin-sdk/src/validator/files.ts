import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Every file under `dir` (recursive, skipping node_modules and .git) whose name passes `keep`; absolute paths. */
export function walkFiles(dir: string, keep: (name: string) => boolean = () => true): string[] {
  if (!isDir(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : walkFiles(full, keep);
      return entry.isFile() && keep(entry.name) ? [full] : [];
    });
}

/** True when `target` is a folder. */
export function isDir(target: string): boolean {
  return existsSync(target) && statSync(target).isDirectory();
}

/** True when `target` is a file. */
export function isFile(target: string): boolean {
  return existsSync(target) && statSync(target).isFile();
}

/** `file` relative to `dir` with forward slashes. */
export function relative(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

/** True when `target` is `root` or inside it. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Parses a JSON file, or returns an Error describing why it cannot be read. */
export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * The folder of an installed package `name`, looked up in node_modules from `fromDir` upwards (symlinks resolved by
 * callers).
 */
export function findPackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', ...name.split('/'));
    if (isFile(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
