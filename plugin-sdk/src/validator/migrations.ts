import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDir, relative } from './files.js';
import { manifestDir, type PluginPackage } from './package.js';
import { finding, type Finding } from './report.js';

// The naming rules below restate host/src/runtime/database/migration-files.ts (listMigrationFiles), so that the
// validator accepts exactly what the migrator accepts; keep the two in step.
const IGNORED = /\.(d\.[mc]?ts|map)$/;
const SCRIPT = /\.(js|mjs|cjs)$/;
const TYPESCRIPT = /\.[mc]?ts$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** `<code>_<seq>_<description>.<ext>`, case-insensitive like the migrator. */
export function migrationPattern(code: string, extensions = 'js|mjs|cjs'): RegExp {
  return new RegExp(`^${escapeRegExp(code)}_(\\d+)_([a-z0-9][a-z0-9_-]*)\\.(${extensions})$`, 'i');
}

interface Named {
  name: string;
  seq: number;
  file: string;
}

/** Checks names and sequence numbers of one folder; returns the well-named files. */
function checkNames(plugin: PluginPackage, dir: string, compiled: boolean, findings: Finding[]): Named[] {
  const { code } = plugin.manifest;
  const pattern = migrationPattern(code, compiled ? 'js|mjs|cjs' : 'ts|mts|cts');
  const named: Named[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const file = path.join(dir, entry);
    const rel = relative(plugin.dir, file);
    if (IGNORED.test(entry)) continue;
    if (compiled && TYPESCRIPT.test(entry)) {
      findings.push(
        finding(
          'WZV010',
          `migration ${entry} is TypeScript; the manifest's "migrations" must be the compiled JavaScript folder`,
          rel,
        ),
      );
      continue;
    }
    if (!(compiled ? SCRIPT : TYPESCRIPT).test(entry)) continue;
    const match = pattern.exec(entry);
    if (!match) {
      findings.push(finding('WZV010', `migration file ${entry} is not named ${code}_<seq>_<description>`, rel));
      continue;
    }
    named.push({ name: entry.replace(/\.[^.]+$/, ''), seq: Number(match[1]), file });
  }
  named.sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < named.length; i++) {
    if (named[i].seq === named[i - 1].seq) {
      findings.push(
        finding(
          'WZV010',
          `migrations ${named[i - 1].name} and ${named[i].name} share sequence ${named[i].seq}`,
          relative(plugin.dir, named[i].file),
        ),
      );
    }
  }
  return named;
}

/** Imports a compiled migration and checks it exports up and down, as the migrator does (WZV011). */
async function checkExports(plugin: PluginPackage, migration: Named): Promise<Finding[]> {
  const rel = relative(plugin.dir, migration.file);
  let loaded: Record<string, unknown> & { default?: Record<string, unknown> };
  try {
    loaded = (await import(pathToFileURL(migration.file).href)) as typeof loaded;
  } catch (error) {
    return [finding('WZV011', `importing migration ${migration.name} failed: ${(error as Error).message}`, rel)];
  }
  const candidate = typeof loaded.up === 'function' ? loaded : loaded.default;
  if (typeof candidate?.up === 'function' && typeof candidate.down === 'function') return [];
  return [finding('WZV011', `migration ${migration.name} must export functions up and down`, rel)];
}

/** Migration naming and exports, in the compiled folder and in the TypeScript sources (WZV010–WZV012). */
export async function checkMigrations(plugin: PluginPackage): Promise<Finding[]> {
  if (!plugin.manifest.code) return [];
  const findings: Finding[] = [];
  const compiledDir = manifestDir(plugin, 'migrations');
  const sourceDir = path.join(plugin.dir, 'migrations');
  const compiled = isDir(compiledDir) ? checkNames(plugin, compiledDir, true, findings) : [];
  for (const migration of compiled) findings.push(...(await checkExports(plugin, migration)));
  if (sourceDir !== compiledDir && isDir(sourceDir)) {
    const built = new Set(compiled.map((m) => m.name));
    for (const source of checkNames(plugin, sourceDir, false, findings)) {
      if (!built.has(source.name)) {
        const where = relative(plugin.dir, compiledDir);
        findings.push(
          finding(
            'WZV012',
            `migration ${source.name} has no compiled ${where}/${source.name}.js; the host would skip it`,
            relative(plugin.dir, source.file),
          ),
        );
      }
    }
  }
  return findings;
}
