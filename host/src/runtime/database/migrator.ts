import path from 'node:path';
import { hostErrors, WizamartError } from '@wizamart/plugin-sdk';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { dependencyCodes, type PluginNode } from '../../kernel/plugin-node.js';
import { bindSchema, schemaOf } from './bind-schema.js';
import { HOST_SCHEMA, lockHostSchema } from './host-schema.js';
import { listMigrationFiles, loadMigration, type MigrationFile } from './migration-files.js';

/** A plugin whose migrations the migrator manages. */
export interface MigratablePlugin {
  code: string;
  /** The plugin's migrations folder. */
  dir: string;
  /** Codes of the installed plugins it requires (optional ones included when present). */
  requires: string[];
}

/**
 * The migration view of `nodes` (in dependency order): each plugin's migrations folder and the plugins it requires,
 * optional ones included when they are among `installed`.
 */
export function migratablePlugins(nodes: readonly PluginNode[], installed: readonly PluginNode[]): MigratablePlugin[] {
  const present = new Set(installed.map((node) => node.code));
  return nodes.map((node) => ({
    code: node.code,
    dir: path.resolve(node.pkg.dir, node.manifest!.migrations ?? './migrations'),
    requires: dependencyCodes(node, true).filter((code) => present.has(code)),
  }));
}

/** One line of `wizamart migrate status`. */
export interface MigrationStatus {
  plugin: string;
  name: string;
  applied: boolean;
  appliedAt: string | null;
}

/** What `up` and `down` did. */
export interface MigrationStep {
  plugin: string;
  name: string;
  durationMs: number;
}

const RECORDS = `${HOST_SCHEMA}.plugin_migrations`;

/**
 * Applies and rolls back plugin migrations in dependency order, one transaction per migration, recorded in
 * `wizamart.plugin_migrations`. Each migration gets a knex bound to the plugin's own schema, created on first use.
 */
export class Migrator {
  private readonly byCode: Map<string, MigratablePlugin>;

  /** `plugins` must be in dependency (topological) order. */
  constructor(
    private readonly knex: Knex,
    private readonly plugins: MigratablePlugin[],
    private readonly options: { embedded: boolean; logger: Logger },
  ) {
    this.byCode = new Map(plugins.map((plugin) => [plugin.code, plugin]));
  }

  async status(): Promise<MigrationStatus[]> {
    const records = await this.records();
    const rows: MigrationStatus[] = [];
    const listed = new Set<string>();
    for (const plugin of this.plugins) {
      for (const file of listMigrationFiles(plugin.code, plugin.dir)) {
        const appliedAt = records.get(key(plugin.code, file.name));
        listed.add(key(plugin.code, file.name));
        rows.push({ plugin: plugin.code, name: file.name, applied: Boolean(appliedAt), appliedAt: appliedAt ?? null });
      }
    }
    // Recorded migrations whose file or plugin is gone still count: the schema holds what they built.
    for (const [id, appliedAt] of records) {
      if (listed.has(id)) continue;
      const [plugin, name] = id.split('\u0000');
      rows.push({ plugin, name, applied: true, appliedAt });
    }
    return rows;
  }

  /**
   * Applies pending migrations in dependency order. With `onError`, a failing plugin is reported and skipped along
   * with the plugins that require it (boot containment); without, the first failure throws.
   */
  async up(
    options: { plugin?: string; onError?: (plugin: string, error: WizamartError) => void } = {},
  ): Promise<MigrationStep[]> {
    const done: MigrationStep[] = [];
    const broken = new Set<string>();
    for (const target of this.targets(options.plugin)) {
      if (target.requires.some((code) => broken.has(code))) {
        broken.add(target.code);
        continue;
      }
      try {
        for (const file of await this.pendingOf(target)) {
          const step = await this.apply(file, 'up');
          if (step) done.push(step);
        }
      } catch (error) {
        const failure = asMigrationError(target.code, error);
        if (!options.onError) throw failure;
        broken.add(target.code);
        options.onError(target.code, failure);
      }
    }
    return done;
  }

  /**
   * Rolls back the last applied migration of `plugin`, or every one after `to` (which stays applied), or all with
   * `to: null`. Refused with `WZ_MIGRATION_DEPENDENTS` while a plugin requiring it has applied migrations.
   */
  async down(plugin: string, to?: string | null): Promise<MigrationStep[]> {
    const target = this.byCode.get(plugin);
    if (!target) throw hostErrors.WZ_MIGRATION_NOT_FOUND({ plugin });
    const records = await this.records();
    const dependents = this.dependentsOf(plugin).filter((code) =>
      [...records.keys()].some((id) => id.startsWith(`${code}\u0000`)),
    );
    if (dependents.length > 0) {
      throw hostErrors.WZ_MIGRATION_DEPENDENTS({ plugin, dependents });
    }
    const files = new Map(listMigrationFiles(plugin, target.dir).map((file) => [file.name, file]));
    const applied = [...records.keys()]
      .filter((id) => id.startsWith(`${plugin}\u0000`))
      .map((id) => id.split('\u0000')[1])
      .sort((a, b) => sequenceOf(plugin, a) - sequenceOf(plugin, b));
    const undo = this.selectForRollback(plugin, applied, to);
    const done: MigrationStep[] = [];
    for (const name of undo) {
      const file = files.get(name);
      if (!file) {
        const problem = `migration ${name} is applied but its file is gone, so it cannot be rolled back`;
        throw hostErrors.WZ_MIGRATION_INVALID({ plugin, problem }, { details: { plugin, migration: name } });
      }
      try {
        const step = await this.apply(file, 'down');
        if (step) done.push(step);
      } catch (error) {
        throw asMigrationError(plugin, error);
      }
    }
    return done;
  }

  private selectForRollback(plugin: string, applied: string[], to: string | null | undefined): string[] {
    if (to === undefined) return applied.slice(-1);
    if (to === null) return applied.reverse();
    const index = applied.indexOf(to);
    if (index === -1) {
      const details = { plugin, migration: to, applied };
      throw hostErrors.WZ_MIGRATION_NOT_FOUND({ plugin, migration: to }, { details });
    }
    return applied.slice(index + 1).reverse();
  }

  /** Every installed plugin that requires `plugin`, directly or through others. */
  private dependentsOf(plugin: string): string[] {
    const found = new Set<string>();
    let frontier = [plugin];
    while (frontier.length > 0) {
      const next = this.plugins.filter(
        (candidate) => !found.has(candidate.code) && candidate.requires.some((code) => frontier.includes(code)),
      );
      next.forEach((candidate) => found.add(candidate.code));
      frontier = next.map((candidate) => candidate.code);
    }
    return [...found];
  }

  /** `plugin` and everything it requires, in dependency order; every plugin without an argument. */
  private targets(plugin?: string): MigratablePlugin[] {
    if (plugin === undefined) return this.plugins;
    if (!this.byCode.has(plugin)) throw hostErrors.WZ_MIGRATION_NOT_FOUND({ plugin });
    const wanted = new Set<string>();
    const visit = (code: string) => {
      if (wanted.has(code) || !this.byCode.has(code)) return;
      wanted.add(code);
      this.byCode.get(code)!.requires.forEach(visit);
    };
    visit(plugin);
    return this.plugins.filter((candidate) => wanted.has(candidate.code));
  }

  private async pendingOf(target: MigratablePlugin): Promise<MigrationFile[]> {
    const records = await this.records(target.code);
    return listMigrationFiles(target.code, target.dir).filter((file) => !records.has(key(target.code, file.name)));
  }

  /** Runs one migration; undefined when another host got there first. */
  private async apply(file: MigrationFile, direction: 'up' | 'down'): Promise<MigrationStep | undefined> {
    const migration = await loadMigration(file);
    const schema = schemaOf(file.plugin);
    const started = performance.now();
    const ran = await this.knex.transaction(async (trx) => {
      await lockHostSchema(trx, this.options.embedded);
      // Another host may have run it while this one waited for the lock.
      const recorded = await trx(RECORDS).where({ plugin: file.plugin, name: file.name }).first();
      if (Boolean(recorded) === (direction === 'up')) return false;
      await trx.raw('create schema if not exists ??', [schema]);
      await migration[direction](bindSchema(trx, schema), { plugin: file.plugin, schema });
      if (direction === 'up') await trx(RECORDS).insert({ plugin: file.plugin, name: file.name });
      else await trx(RECORDS).where({ plugin: file.plugin, name: file.name }).delete();
      return true;
    });
    if (!ran) return undefined;
    const durationMs = Math.round(performance.now() - started);
    this.options.logger.info(
      { plugin: file.plugin, migration: file.name, direction, durationMs },
      `migration ${direction}`,
    );
    return { plugin: file.plugin, name: file.name, durationMs };
  }

  private async records(plugin?: string): Promise<Map<string, string>> {
    const query = this.knex(RECORDS).select('plugin', 'name', 'applied_at');
    if (plugin) query.where({ plugin });
    const rows: Array<{ plugin: string; name: string; applied_at: Date }> = await query;
    return new Map(rows.map((row) => [key(row.plugin, row.name), row.applied_at.toISOString()]));
  }
}

function key(plugin: string, name: string): string {
  return `${plugin}\u0000${name}`;
}

function sequenceOf(plugin: string, name: string): number {
  return Number(/^(\d+)_/.exec(name.slice(plugin.length + 1))?.[1] ?? 0);
}

function asMigrationError(plugin: string, error: unknown): WizamartError {
  if (error instanceof WizamartError && error.code.startsWith('WZ_MIGRATION_')) return error;
  const message = error instanceof Error ? error.message : String(error);
  return hostErrors.WZ_MIGRATION_FAILED({ plugin, problem: message }, { details: { plugin }, cause: error });
}
