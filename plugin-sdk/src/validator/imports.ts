import { builtinModules } from 'node:module';
import path from 'node:path';
import { findPackageDir, isInside, readJson } from './files.js';
import type { PluginPackage } from './package.js';
import { finding, type Finding } from './report.js';
import { lineOf, type SourceFile } from './sources.js';

const HOST = '@wizamart/host';
const SPECIFIERS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
  /\bimport\s*(['"])([^'"]+)\1/g,
  /\bimport\(\s*(['"`])([^'"`$]+)\1\s*\)/g,
  /\brequire\(\s*(['"`])([^'"`$]+)\1\s*\)/g,
];
const BUILTINS = new Set(builtinModules);

/** Every module specifier a script imports, with its position. */
export function importSpecifiers(code: string): Array<{ specifier: string; index: number }> {
  return SPECIFIERS.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => ({ specifier: m[2], index: m.index })));
}

function splitSpecifier(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split('/');
  const size = specifier.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, size).join('/'), subpath: parts.slice(size).join('/') };
}

/** The subpaths a package's `exports` allows (`testing` for `./testing`), or undefined when it has no subpath map. */
function exportedSubpaths(name: string, fromDir: string): string[] | undefined {
  const dir = findPackageDir(name, fromDir);
  const pkg = dir ? readJson(path.join(dir, 'package.json')) : undefined;
  if (!pkg || pkg instanceof Error) return undefined;
  const exports = (pkg as { exports?: unknown }).exports;
  if (typeof exports !== 'object' || exports === null || Array.isArray(exports)) return [];
  return Object.keys(exports)
    .filter((key) => key.startsWith('./'))
    .map((key) => key.slice(2));
}

function isPluginPackage(name: string, fromDir: string): boolean {
  if (name.startsWith('@wizamart/')) return true;
  const dir = findPackageDir(name, fromDir);
  const pkg = dir ? readJson(path.join(dir, 'package.json')) : undefined;
  return typeof pkg === 'object' && pkg !== null && !(pkg instanceof Error) && 'wizamart-plugin' in pkg;
}

function checkPackageImport(plugin: PluginPackage, source: SourceFile, specifier: string): Finding['rule'] | undefined {
  const { name, subpath } = splitSpecifier(specifier);
  // package.json is metadata every package may expose; reading a version is not reaching into internals.
  if (name === plugin.pkg.name || subpath === 'package.json') return undefined;
  if (name === HOST) return source.isTest && subpath === 'testing' ? undefined : 'WZV020';
  if (subpath === '' || !isPluginPackage(name, plugin.dir)) return undefined;
  if (/^(dist|src|lib|build)(\/|$)/.test(subpath)) return 'WZV021';
  // A package that is not installed cannot say what it exports: only the obviously internal paths above are flagged.
  const allowed = exportedSubpaths(name, plugin.dir);
  return allowed === undefined || allowed.includes(subpath) ? undefined : 'WZV021';
}

function checkSpecifier(plugin: PluginPackage, source: SourceFile, specifier: string): Finding['rule'] | undefined {
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) return undefined;
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    const target = path.resolve(path.dirname(path.join(plugin.dir, source.rel)), specifier);
    return isInside(plugin.dir, target) ? undefined : 'WZV022';
  }
  return checkPackageImport(plugin, source, specifier);
}

const MESSAGES: Partial<Record<Finding['rule'], (specifier: string) => string>> = {
  WZV020: (s) => `imports ${s}: host internals are off limits to plugins (use @wizamart/plugin-sdk)`,
  WZV021: (s) =>
    `imports ${s}: a deep import into another package's internals (only its root or its "exports" subpaths)`,
  WZV022: (s) => `imports ${s}, which leaves the package folder`,
};

/** Import boundaries in TypeScript sources and built JavaScript (WZV020–WZV022). */
export function checkImports(plugin: PluginPackage, sources: SourceFile[]): Finding[] {
  return sources.flatMap((source) =>
    importSpecifiers(source.code).flatMap(({ specifier, index }) => {
      const rule = checkSpecifier(plugin, source, specifier);
      return rule ? [finding(rule, MESSAGES[rule]!(specifier), `${source.rel}:${lineOf(source.code, index)}`)] : [];
    }),
  );
}
