import { realpathSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { findPackageDir, readJson } from './files.js';
import type { PluginPackage } from './package.js';
import { finding, type Finding } from './report.js';

const PLATFORM_PACKAGES = ['@wizamart/plugin-sdk', '@wizamart/host'];

type Deps = Record<string, string>;

function deps(pkg: Record<string, unknown>, field: string): Deps {
  const value = pkg[field];
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

interface InstalledPlugin {
  dir: string;
  code: string;
  requires: string[];
}

/** The installed plugin package `name` as seen from `fromDir`, or undefined when absent or not a plugin. */
function installedPlugin(name: string, fromDir: string): InstalledPlugin | undefined {
  const found = findPackageDir(name, fromDir);
  if (!found) return undefined;
  const pkg = readJson(path.join(found, 'package.json')) as Record<string, unknown> | Error;
  const manifest = pkg instanceof Error ? undefined : (pkg['wizamart-plugin'] as Record<string, unknown> | undefined);
  if (typeof manifest?.code !== 'string') return undefined;
  const requires = [manifest.requires, manifest.optionalRequires].flatMap((m) =>
    typeof m === 'object' && m !== null ? Object.keys(m) : [],
  );
  return { dir: realpathSync(found), code: manifest.code, requires };
}

/** Plugin code → package name, for the packages the plugin names in its package.json. */
function pluginPackages(plugin: PluginPackage): Map<string, string> {
  const names = new Set(
    ['peerDependencies', 'devDependencies', 'dependencies'].flatMap((field) => Object.keys(deps(plugin.pkg, field))),
  );
  const byCode = new Map<string, string>();
  for (const name of names) {
    const installed = installedPlugin(name, plugin.dir);
    if (installed && !byCode.has(installed.code)) byCode.set(installed.code, name);
  }
  return byCode;
}

/** The package providing plugin `code`: an installed package with that code, else the first-party naming convention. */
function packageFor(code: string, byCode: Map<string, string>, peers: Deps): string | undefined {
  const name = byCode.get(code);
  if (name && name in peers) return name;
  const conventional = `@wizamart/plugin-${code}`;
  return conventional in peers ? conventional : name;
}

function checkDeclared(plugin: PluginPackage, optional: boolean, byCode: Map<string, string>): Finding[] {
  const rule = optional ? 'WZV007' : 'WZV006';
  const declared = (optional ? plugin.manifest.optionalRequires : plugin.manifest.requires) ?? {};
  const peers = deps(plugin.pkg, 'peerDependencies');
  const meta = (plugin.pkg.peerDependenciesMeta ?? {}) as Record<string, { optional?: boolean } | undefined>;
  const field = optional ? 'optionalRequires' : 'requires';
  return Object.entries(declared).flatMap(([code, range]) => {
    const name = packageFor(code, byCode, peers);
    if (!name || !(name in peers)) {
      const example = `"${name ?? `@wizamart/plugin-${code}`}": "${range}"`;
      return [
        finding(
          rule,
          `${field} has ${code} ${range} but no peerDependency is the ${code} plugin (e.g. ${example})`,
          'package.json',
        ),
      ];
    }
    const peerRange = peers[name];
    if (
      semver.validRange(peerRange) === null ||
      semver.validRange(range) === null ||
      !semver.intersects(peerRange, range)
    ) {
      return [
        finding(
          rule,
          `peerDependency ${name} "${peerRange}" does not overlap ${field}.${code} "${range}"`,
          'package.json',
        ),
      ];
    }
    if (optional && meta[name]?.optional !== true) {
      return [
        finding(
          rule,
          `peerDependency ${name} is optionally required but not marked optional in peerDependenciesMeta`,
          'package.json',
        ),
      ];
    }
    return [];
  });
}

function checkUndeclaredPeers(plugin: PluginPackage, byCode: Map<string, string>): Finding[] {
  const declared = new Set(Object.keys({ ...plugin.manifest.requires, ...plugin.manifest.optionalRequires }));
  const peers = deps(plugin.pkg, 'peerDependencies');
  const peerCodes = new Map<string, string>();
  for (const [code, name] of byCode) if (name in peers) peerCodes.set(name, code);
  for (const name of Object.keys(peers)) {
    const match = /^@wizamart\/plugin-(.+)$/.exec(name);
    if (match && !peerCodes.has(name) && !PLATFORM_PACKAGES.includes(name)) peerCodes.set(name, match[1]);
  }
  return [...peerCodes]
    .filter(([, code]) => !declared.has(code) && code !== plugin.manifest.code)
    .map(([name, code]) =>
      finding(
        'WZV008',
        `peerDependency ${name} is the ${code} plugin, which the manifest does not require`,
        'package.json',
      ),
    );
}

function checkBundled(plugin: PluginPackage, byCode: Map<string, string>): Finding[] {
  const bundled = Object.keys(deps(plugin.pkg, 'dependencies'));
  const plugins = new Set(byCode.values());
  return bundled
    .filter((name) => PLATFORM_PACKAGES.includes(name) || plugins.has(name))
    .map((name) =>
      finding('WZV009', `${name} is a dependency; it must be a peerDependency so the app has one copy`, 'package.json'),
    );
}

/** requires/optionalRequires ↔ peerDependencies, and no bundled platform or plugin packages (WZV006–WZV009). */
export function checkDependencies(plugin: PluginPackage): Finding[] {
  const byCode = pluginPackages(plugin);
  return [
    ...checkDeclared(plugin, false, byCode),
    ...checkDeclared(plugin, true, byCode),
    ...checkUndeclaredPeers(plugin, byCode),
    ...checkBundled(plugin, byCode),
  ];
}

/**
 * Codes of every plugin this one can rely on: what it requires (or optionally requires) and, through the installed
 * packages, what those require in turn. Plugins that are not installed contribute only their own code.
 */
export function requiredClosure(plugin: PluginPackage): Set<string> {
  const byCode = pluginPackages(plugin);
  const seen = new Set<string>();
  const visit = (code: string, fromDir: string) => {
    if (seen.has(code)) return;
    seen.add(code);
    const name = byCode.get(code) ?? `@wizamart/plugin-${code}`;
    const installed = installedPlugin(name, fromDir);
    if (installed?.code === code) for (const next of installed.requires) visit(next, installed.dir);
  };
  for (const code of Object.keys({ ...plugin.manifest.requires, ...plugin.manifest.optionalRequires }))
    visit(code, plugin.dir);
  return seen;
}
