import path from 'node:path';
import { validateManifest, type PluginManifest } from '../manifest.js';
import type { PermissionDeclaration } from '../permissions.js';
import { isFile, readJson } from './files.js';
import { finding, type Finding } from './report.js';

/** What every check receives: the plugin folder, its package.json and its manifest. */
export interface PluginPackage {
  /** Absolute plugin folder. */
  dir: string;
  /** The parsed package.json. */
  pkg: Record<string, unknown>;
  /**
   * The manifest. When it failed the schema it holds only the fields of the right type, so the other checks can
   * still run on what is usable.
   */
  manifest: PluginManifest;
}

const MANIFEST_KEY = 'wizamart-plugin';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function isPermissionEntry(value: unknown): value is string | PermissionDeclaration {
  if (typeof value === 'string') return true;
  return isRecord(value) && ['code', 'name', 'description'].every((key) => typeof value[key] === 'string');
}

/** The usable part of a manifest that failed the schema: strings stay strings, maps stay maps, the rest is dropped. */
function usableManifest(raw: Record<string, unknown>): PluginManifest {
  const str = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const list = (key: string) =>
    Array.isArray(raw[key]) ? (raw[key] as unknown[]).filter((v): v is string => typeof v === 'string') : undefined;
  const tier = ['core', 'optional', 'internal'].includes(str('tier') ?? '')
    ? (str('tier') as PluginManifest['tier'])
    : 'optional';
  const relative = (key: string) => (str(key)?.startsWith('.') ? str(key) : undefined);
  return {
    code: str('code') ?? '',
    name: str('name') ?? '',
    tier,
    host: str('host') ?? '*',
    entry: relative('entry') ?? '',
    requires: stringMap(raw.requires),
    optionalRequires: stringMap(raw.optionalRequires),
    migrations: relative('migrations'),
    views: relative('views'),
    static: relative('static'),
    locales: relative('locales'),
    permissions: Array.isArray(raw.permissions) ? raw.permissions.filter(isPermissionEntry) : undefined,
    features: list('features'),
    config: isRecord(raw.config) ? raw.config : undefined,
  };
}

/** Reads package.json and checks the manifest (WZV001, WZV002). Returns no package when there is nothing to check. */
export function loadPluginPackage(dir: string): { findings: Finding[]; plugin?: PluginPackage } {
  const file = path.join(dir, 'package.json');
  if (!isFile(file)) return { findings: [finding('WZV001', `no package.json in ${dir}`)] };
  const pkg = readJson(file);
  if (pkg instanceof Error)
    return { findings: [finding('WZV001', `package.json is not valid JSON: ${pkg.message}`, 'package.json')] };
  if (!isRecord(pkg)) return { findings: [finding('WZV001', 'package.json is not a JSON object', 'package.json')] };
  const raw = pkg[MANIFEST_KEY];
  if (raw === undefined)
    return { findings: [finding('WZV001', `package.json has no "${MANIFEST_KEY}" key: not a plugin`, 'package.json')] };
  const result = validateManifest(raw);
  if (result.valid) return { findings: [], plugin: { dir, pkg, manifest: result.manifest } };
  const findings = result.problems.map((p) => finding('WZV002', `manifest ${p.path} ${p.message}`, 'package.json'));
  return { findings, plugin: isRecord(raw) ? { dir, pkg, manifest: usableManifest(raw) } : undefined };
}

/** The folder a manifest key names, or its default, resolved against the plugin folder. */
export function manifestDir(plugin: PluginPackage, key: 'migrations' | 'views' | 'static' | 'locales'): string {
  return path.resolve(plugin.dir, plugin.manifest[key] ?? `./${key}`);
}
