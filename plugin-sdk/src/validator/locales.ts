import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDir, isFile, readJson, relative, walkFiles } from './files.js';
import { manifestDir, type PluginPackage } from './package.js';
import { finding, type Finding } from './report.js';
import { isTypeScript, lineOf, type SourceFile } from './sources.js';

/** The product's languages (DESIGN.md "Web UI"); every plugin with locales ships all four. */
export const LANGUAGES = ['en', 'de', 'fr', 'lb'] as const;

type Messages = Map<string, unknown>;

/** `{ a: { b: 'x' } }` → `a.b`; leaves that are not objects are kept as they are, to be checked. */
export function flatten(tree: Record<string, unknown>, prefix = '', into: Messages = new Map()): Messages {
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      flatten(value as Record<string, unknown>, full, into);
    else into.set(full, value);
  }
  return into;
}

function placeholders(text: string): string {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(',');
}

function listKeys(keys: string[]): string {
  return keys.length <= 8 ? keys.join(', ') : `${keys.slice(0, 8).join(', ')} and ${keys.length - 8} more`;
}

function readCatalogs(plugin: PluginPackage, dir: string, findings: Finding[]): Map<string, Messages> {
  const catalogs = new Map<string, Messages>();
  for (const lang of LANGUAGES) {
    const file = path.join(dir, `${lang}.json`);
    const rel = relative(plugin.dir, file);
    if (!isFile(file)) {
      findings.push(finding('WZV013', `locale file ${lang}.json is missing`, rel));
      continue;
    }
    const json = readJson(file);
    if (json instanceof Error) findings.push(finding('WZV013', `${lang}.json is not valid JSON: ${json.message}`, rel));
    else if (typeof json !== 'object' || json === null || Array.isArray(json))
      findings.push(finding('WZV013', `${lang}.json is not a JSON object`, rel));
    else catalogs.set(lang, flatten(json as Record<string, unknown>));
  }
  return catalogs;
}

function checkMessages(plugin: PluginPackage, dir: string, catalogs: Map<string, Messages>): Finding[] {
  const findings: Finding[] = [];
  const all = [...new Set([...catalogs.values()].flatMap((messages) => [...messages.keys()]))].sort();
  const reference = catalogs.get('en');
  for (const [lang, messages] of catalogs) {
    const rel = relative(plugin.dir, path.join(dir, `${lang}.json`));
    const missing = all.filter((key) => !messages.has(key));
    if (missing.length > 0)
      findings.push(
        finding(
          'WZV014',
          `${lang}.json lacks ${missing.length} key(s) other languages have: ${listKeys(missing)}`,
          rel,
        ),
      );
    for (const [key, value] of messages) {
      if (typeof value !== 'string' || value.trim() === '') {
        const what = typeof value === 'string' ? 'empty' : `a ${Array.isArray(value) ? 'array' : typeof value}`;
        findings.push(finding('WZV015', `${lang}.json "${key}" is ${what}, not a message`, rel));
        continue;
      }
      const english = reference?.get(key);
      if (lang !== 'en' && typeof english === 'string' && placeholders(english) !== placeholders(value)) {
        findings.push(
          finding(
            'WZV015',
            `${lang}.json "${key}" has placeholders {${placeholders(value)}} but en.json has {${placeholders(english)}}`,
            rel,
          ),
        );
      }
    }
  }
  return findings;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** Literal uses of `<code>.<key>`: `{{t "…"}}`/`(t "…")` in templates, `label: '…'` and `.t(x, '…')` in scripts. */
function usedKeys(plugin: PluginPackage, sources: SourceFile[]): Array<{ key: string; at: string }> {
  const code = escapeRegExp(plugin.manifest.code);
  const template = new RegExp(`[{(]~?\\s*t\\s+["'](${code}\\.[\\w.-]+)["']`, 'g');
  const script = new RegExp(`(?:\\blabel:\\s*|\\.t\\([^,()]+,\\s*)(['"])(${code}\\.[\\w.-]+)\\1`, 'g');
  const uses: Array<{ key: string; at: string }> = [];
  for (const file of walkFiles(manifestDir(plugin, 'views'), (name) => name.endsWith('.hbs'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(template))
      uses.push({ key: m[1], at: `${relative(plugin.dir, file)}:${lineOf(text, m.index)}` });
  }
  // TypeScript first, so a key missing in a source and in its compiled file is reported at the source.
  const scripts = sources
    .filter((s) => !s.isTest)
    .sort((a, b) => Number(isTypeScript(b.rel)) - Number(isTypeScript(a.rel)));
  for (const source of scripts) {
    for (const m of source.code.matchAll(script))
      uses.push({ key: m[2], at: `${source.rel}:${lineOf(source.code, m.index)}` });
  }
  return uses;
}

function checkUsedKeys(plugin: PluginPackage, sources: SourceFile[], english: Messages | undefined): Finding[] {
  if (!english || !plugin.manifest.code) return [];
  const reported = new Set<string>();
  return usedKeys(plugin, sources).flatMap(({ key, at }) => {
    const rest = key.slice(plugin.manifest.code.length + 1);
    if (english.has(rest) || reported.has(key)) return [];
    reported.add(key);
    return [finding('WZV027', `"${key}" is used but en.json has no "${rest}"`, at)];
  });
}

/**
 * Locale files of every language, complete and consistent, and the keys the plugin uses present (WZV013–WZV015, WZV026,
 * WZV027).
 */
export function checkLocales(plugin: PluginPackage, sources: SourceFile[] = []): Finding[] {
  const dir = manifestDir(plugin, 'locales');
  const hasFolder = isDir(dir);
  const files = hasFolder ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
  // A plugin without locales (no folder, none declared) has nothing to translate.
  if (files.length === 0 && plugin.manifest.locales === undefined) return [];
  const findings: Finding[] = [];
  for (const name of files.filter((f) => !(LANGUAGES as readonly string[]).includes(f.replace(/\.json$/, '')))) {
    findings.push(
      finding(
        'WZV026',
        `${name} is not one of ${LANGUAGES.map((l) => `${l}.json`).join(', ')}; it is never read`,
        relative(plugin.dir, path.join(dir, name)),
      ),
    );
  }
  const catalogs = readCatalogs(plugin, dir, findings);
  return [...findings, ...checkMessages(plugin, dir, catalogs), ...checkUsedKeys(plugin, sources, catalogs.get('en'))];
}
