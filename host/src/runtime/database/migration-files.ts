import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { hostErrors, type WizamartError } from '@wizamart/plugin-sdk';
import type { Knex } from 'knex';

/** What a migration module exports (named exports, or a default export with both). */
export interface MigrationModule {
  up(knex: Knex, context: MigrationContext): Promise<unknown> | unknown;
  down(knex: Knex, context: MigrationContext): Promise<unknown> | unknown;
}

/** The second argument of `up` and `down`. */
export interface MigrationContext {
  plugin: string;
  schema: string;
}

/** One migration file of a plugin. */
export interface MigrationFile {
  plugin: string;
  /** The file name without extension, as recorded: `<code>_<seq>_<description>`. */
  name: string;
  seq: number;
  file: string;
}

const IGNORED = /\.(d\.[mc]?ts|map)$/;
const SCRIPT = /\.(js|mjs|cjs)$/;

function invalid(plugin: string, message: string, details: Record<string, unknown> = {}): WizamartError {
  return hostErrors.WZ_MIGRATION_INVALID({ plugin, problem: message }, { details: { plugin, ...details } });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/**
 * Lists a plugin's migrations in order. A missing folder means none. Files that are not compiled JavaScript named
 * `<code>_<seq>_<description>.(js|mjs|cjs)`, or two files with one sequence number, make the folder invalid:
 * silently skipping them would leave a schema half-built.
 */
export function listMigrationFiles(plugin: string, dir: string): MigrationFile[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const pattern = new RegExp(`^${escapeRegExp(plugin)}_(\\d+)_([a-z0-9][a-z0-9_-]*)\\.(js|mjs|cjs)$`, 'i');
  const files: MigrationFile[] = [];
  for (const entry of entries.sort()) {
    if (IGNORED.test(entry)) continue;
    if (/\.[mc]?ts$/.test(entry))
      throw invalid(
        plugin,
        `migration ${entry} is TypeScript; point the manifest's "migrations" at the compiled JavaScript folder`,
        { file: entry },
      );
    if (!SCRIPT.test(entry)) continue;
    const match = pattern.exec(entry);
    if (!match)
      throw invalid(plugin, `migration file ${entry} is not named ${plugin}_<seq>_<description>.js`, { file: entry });
    files.push({ plugin, name: entry.replace(SCRIPT, ''), seq: Number(match[1]), file: path.join(dir, entry) });
  }
  files.sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < files.length; i++) {
    if (files[i].seq === files[i - 1].seq)
      throw invalid(plugin, `migrations ${files[i - 1].name} and ${files[i].name} share sequence ${files[i].seq}`);
  }
  return files;
}

/** Imports a migration and checks it exports `up` and `down`. */
export async function loadMigration(migration: MigrationFile): Promise<MigrationModule> {
  const loaded = (await import(pathToFileURL(migration.file).href)) as Partial<MigrationModule> & {
    default?: Partial<MigrationModule>;
  };
  const candidate = typeof loaded.up === 'function' ? loaded : loaded.default;
  if (typeof candidate?.up !== 'function' || typeof candidate.down !== 'function') {
    throw invalid(migration.plugin, `migration ${migration.name} must export functions up and down`, {
      migration: migration.name,
    });
  }
  return candidate as MigrationModule;
}
