import type { Knex } from 'knex';
import type { PluginNode } from '../../kernel/plugin-node.js';

/** The host's own schema: platforms, plugin installs, per-platform enablement and migration records. */
export const HOST_SCHEMA = 'wizamart';

/** The platform that always exists; without the tenancy plugin every request belongs to it. */
export const DEFAULT_PLATFORM = 'main';

interface HostMigration {
  name: string;
  up(trx: Knex.Transaction): Promise<void>;
}

const s = (table: string) => `${HOST_SCHEMA}.${table}`;

/** The host schema's own migrations, applied in order and recorded in `wizamart.host_migrations`. */
const HOST_MIGRATIONS: HostMigration[] = [
  {
    name: '0001_initial',
    async up(trx) {
      await trx.schema.withSchema(HOST_SCHEMA).createTable('platforms', (t) => {
        t.text('code').primary();
        t.text('name').notNullable();
        t.text('domain').unique();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(trx.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(trx.fn.now());
      });
      await trx.schema.withSchema(HOST_SCHEMA).createTable('meta', (t) => {
        t.text('key').primary();
        t.jsonb('value').notNullable();
      });
      await trx.schema.withSchema(HOST_SCHEMA).createTable('plugin_installs', (t) => {
        t.text('plugin').primary();
        t.text('package').notNullable();
        t.text('version').notNullable();
        t.timestamp('first_seen_at', { useTz: true }).notNullable().defaultTo(trx.fn.now());
        t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(trx.fn.now());
      });
      await trx.schema.withSchema(HOST_SCHEMA).createTable('plugin_enablement', (t) => {
        t.text('platform').notNullable().references('code').inTable(s('platforms')).onDelete('CASCADE');
        t.text('plugin').notNullable();
        t.specificType('reasons', 'text[]').notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(trx.fn.now());
        t.primary(['platform', 'plugin']);
      });
      await trx.schema.withSchema(HOST_SCHEMA).createTable('plugin_migrations', (t) => {
        t.text('plugin').notNullable();
        t.text('name').notNullable();
        t.timestamp('applied_at', { useTz: true }).notNullable().defaultTo(trx.fn.now());
        t.primary(['plugin', 'name']);
      });
      await trx(s('platforms')).insert({ code: DEFAULT_PLATFORM, name: 'Main' }).onConflict('code').ignore();
    },
  },
  {
    name: '0002_enablement_audit',
    async up(trx) {
      await trx.schema.withSchema(HOST_SCHEMA).createTable('enablement_audit', (t) => {
        t.bigIncrements('id');
        t.text('platform').notNullable();
        t.text('plugin').notNullable();
        t.text('action').notNullable();
        t.text('actor').notNullable();
        t.jsonb('plan').notNullable();
        t.timestamp('at', { useTz: true }).notNullable().defaultTo(trx.fn.now());
        t.index(['platform', 'at']);
      });
    },
  },
];

/**
 * Serialises schema changes between hosts sharing a server. The embedded database has a single session (and a
 * single process, see the data-folder lock), where an advisory lock would be meaningless, so it is skipped there.
 */
export async function lockHostSchema(trx: Knex.Transaction, embedded: boolean): Promise<void> {
  if (!embedded) await trx.raw('select pg_advisory_xact_lock(hashtext(?))', ['wizamart.schema']);
}

/** Creates or upgrades the host schema; safe to run from several hosts at once. */
export async function ensureHostSchema(knex: Knex, embedded: boolean): Promise<void> {
  await knex.transaction(async (trx) => {
    await lockHostSchema(trx, embedded);
    await trx.raw('create schema if not exists ??', [HOST_SCHEMA]);
    await trx.raw(
      `create table if not exists ?? (name text primary key, applied_at timestamptz not null default now())`,
      [s('host_migrations')],
    );
    const applied = new Set((await trx(s('host_migrations')).select('name')).map((row: { name: string }) => row.name));
    for (const migration of HOST_MIGRATIONS) {
      if (applied.has(migration.name)) continue;
      await migration.up(trx);
      await trx(s('host_migrations')).insert({ name: migration.name });
    }
  });
}

/**
 * Records the installed plugins and applies the first-boot rule: on a new database every plugin installed at that
 * first boot is enabled on `main` (reason `explicit`); a plugin first seen later starts disabled everywhere.
 * Core plugins need no rows: they are always enabled.
 */
export async function recordInstalls(
  knex: Knex,
  embedded: boolean,
  nodes: readonly PluginNode[],
): Promise<{ firstBoot: boolean; newlyInstalled: string[] }> {
  const plugins = nodes
    .filter((node) => node.manifest)
    .map((node) => ({
      code: node.code,
      packageName: node.pkg.packageName,
      version: node.pkg.version,
      tier: node.manifest!.tier,
    }));
  return knex.transaction(async (trx) => {
    await lockHostSchema(trx, embedded);
    const firstBoot = !(await trx(s('meta')).where({ key: 'first_boot_at' }).first());
    const known = new Set(
      (await trx(s('plugin_installs')).select('plugin')).map((row: { plugin: string }) => row.plugin),
    );
    const newlyInstalled = plugins.filter((plugin) => !known.has(plugin.code)).map((plugin) => plugin.code);
    if (plugins.length > 0) {
      await trx(s('plugin_installs'))
        .insert(
          plugins.map((plugin) => ({ plugin: plugin.code, package: plugin.packageName, version: plugin.version })),
        )
        .onConflict('plugin')
        .merge({
          package: trx.raw('excluded.package'),
          version: trx.raw('excluded.version'),
          last_seen_at: trx.fn.now(),
        });
    }
    if (firstBoot) {
      const optional = plugins.filter((plugin) => plugin.tier !== 'core');
      if (optional.length > 0) {
        await trx(s('plugin_enablement'))
          .insert(
            optional.map((plugin) => ({ platform: DEFAULT_PLATFORM, plugin: plugin.code, reasons: ['explicit'] })),
          )
          .onConflict(['platform', 'plugin'])
          .ignore();
      }
      await trx(s('meta')).insert({ key: 'first_boot_at', value: JSON.stringify(new Date().toISOString()) });
    }
    return { firstBoot, newlyInstalled };
  });
}
