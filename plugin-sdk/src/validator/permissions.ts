import path from 'node:path';
import { permissionCodes } from '../permissions.js';
import { isFile, readJson } from './files.js';
import { flatten } from './locales.js';
import { manifestDir, type PluginPackage } from './package.js';
import { finding, type Finding } from './report.js';
import { isTypeScript, lineOf, type SourceFile } from './sources.js';

/** `permit('a', "b")` arguments and menu items' `permission: 'c'`, as literals in the plugin's scripts. */
function usedPermissions(sources: SourceFile[]): Array<{ permission: string; at: string }> {
  const uses: Array<{ permission: string; at: string }> = [];
  // TypeScript first, so a use in a source and its compiled file is reported at the source.
  const scripts = sources
    .filter((s) => !s.isTest)
    .sort((a, b) => Number(isTypeScript(b.rel)) - Number(isTypeScript(a.rel)));
  for (const source of scripts) {
    for (const call of source.code.matchAll(/\bpermit\(([^)]*)\)/g)) {
      for (const arg of call[1].matchAll(/(['"])([^'"]+)\1/g)) {
        uses.push({ permission: arg[2], at: `${source.rel}:${lineOf(source.code, call.index)}` });
      }
    }
    for (const m of source.code.matchAll(/\bpermission:\s*(['"])([^'"]+)\1/g)) {
      uses.push({ permission: m[2], at: `${source.rel}:${lineOf(source.code, m.index)}` });
    }
  }
  return uses;
}

/**
 * WZV029: a literal permission in `permit(…)` or a menu item must be declared by the manifest, or belong to a plugin
 * in `requires`/`optionalRequires` (the host checks those against the installed plugin's manifest at register).
 */
function checkUses(plugin: PluginPackage, sources: SourceFile[]): Finding[] {
  const { code, requires, optionalRequires } = plugin.manifest;
  const declared = new Set(permissionCodes(plugin.manifest));
  const required = new Set([...Object.keys(requires ?? {}), ...Object.keys(optionalRequires ?? {})]);
  const reported = new Set<string>();
  return usedPermissions(sources).flatMap(({ permission, at }) => {
    const owner = permission.split('.')[0];
    const known = permission === '*' || declared.has(permission) || (owner !== code && required.has(owner));
    if (known || reported.has(permission)) return [];
    reported.add(permission);
    const why = owner === code ? 'the manifest does not declare it' : `"${owner}" is not a plugin this one requires`;
    return [finding('WZV029', `"${permission}" is used but ${why}; the host would fail the plugin at register`, at)];
  });
}

function englishKeys(plugin: PluginPackage): Map<string, unknown> | undefined {
  const file = path.join(manifestDir(plugin, 'locales'), 'en.json');
  const json = isFile(file) ? readJson(file) : undefined;
  return typeof json === 'object' && json !== null && !Array.isArray(json)
    ? flatten(json as Record<string, unknown>)
    : undefined;
}

/** WZV030: permissions are declarations (not plain strings) whose name and description keys exist in en.json. */
function checkDeclarations(plugin: PluginPackage): Finding[] {
  const { code } = plugin.manifest;
  const english = englishKeys(plugin);
  return (plugin.manifest.permissions ?? []).flatMap((entry, index): Finding[] => {
    if (typeof entry === 'string') {
      return [
        finding('WZV030', `permissions/${index} "${entry}" is a plain string (accepted until SDK 0.3)`, 'package.json'),
      ];
    }
    return [entry.name, entry.description].flatMap((key) => {
      const rest = key.startsWith(`${code}.`) ? key.slice(code.length + 1) : undefined;
      if (rest !== undefined && english?.has(rest)) return [];
      const why =
        rest === undefined ? `is not a key of this plugin ("${code}.…")` : `is missing from en.json ("${rest}")`;
      return [finding('WZV030', `permission "${entry.code}": locale key "${key}" ${why}`, 'package.json')];
    });
  });
}

/** Permissions used are declared (WZV029) and declared permissions are named and described (WZV030). */
export function checkPermissions(plugin: PluginPackage, sources: SourceFile[]): Finding[] {
  if (!plugin.manifest.code) return [];
  return [...checkUses(plugin, sources), ...checkDeclarations(plugin)];
}
