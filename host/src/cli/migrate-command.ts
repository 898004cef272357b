import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { Kernel } from '../kernel/kernel.js';
import { dataDirFromEnv, openDatabase, type Database } from '../runtime/database/connection.js';
import { ensureHostSchema, recordInstalls } from '../runtime/database/host-schema.js';
import { migratablePlugins, Migrator, type MigrationStatus, type MigrationStep } from '../runtime/database/migrator.js';
import { readHostConfig } from '../runtime/config.js';
import { createLogger } from '../runtime/logger.js';
import type { CliIo } from './plugins-command.js';
import { usageError } from './usage.js';

/**
 * Opens the database and builds a migrator over the installed plugins that resolved (`ok`); no plugin code is
 * imported, so a plugin whose `register` is broken can still be migrated or rolled back.
 */
async function openMigrator(io: CliIo): Promise<{ migrator: Migrator; database: Database }> {
  const config = readHostConfig(io.env);
  const kernel = new Kernel({ config, logger: pino({ level: 'silent' }) });
  const [nodes, database] = await Promise.all([
    kernel.resolve(),
    openDatabase({ url: config.databaseUrl, dataDir: dataDirFromEnv(config.dataDir, config.appDir), poolMax: 2 }),
  ]);
  try {
    await ensureHostSchema(database.knex, database.embedded);
    await recordInstalls(database.knex, database.embedded, nodes);
    const plugins = migratablePlugins(
      nodes.filter((node) => node.state === 'ok'),
      nodes,
    );
    const logger = io.env.LOG_LEVEL ? createLogger(config.log) : pino({ level: 'silent' });
    return { migrator: new Migrator(database.knex, plugins, { embedded: database.embedded, logger }), database };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function formatStatus(rows: MigrationStatus[]): string {
  if (rows.length === 0) return 'No plugin has migrations.\n';
  const widths = [
    Math.max(6, ...rows.map((row) => row.plugin.length)),
    Math.max(9, ...rows.map((row) => row.name.length)),
    7,
  ];
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const pending = rows.filter((row) => !row.applied).length;
  return `${[line(['PLUGIN', 'MIGRATION', 'STATE', 'APPLIED AT']), ...rows.map((row) => line([row.plugin, row.name, row.applied ? 'applied' : 'pending', row.appliedAt ?? '-']))].join('\n')}\n\n${rows.length} migrations: ${rows.length - pending} applied, ${pending} pending\n`;
}

function formatSteps(steps: MigrationStep[], verb: string): string {
  if (steps.length === 0) return `Nothing to ${verb}.\n`;
  return `${steps.map((step) => `${verb === 'apply' ? '↑' : '↓'} ${step.plugin}  ${step.name}  (${step.durationMs} ms)`).join('\n')}\n`;
}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  plugin: { type: 'string' },
  to: { type: 'string' },
  all: { type: 'boolean', default: false },
} as const;

/** `wizamart migrate status|up|down`. */
export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'status' && sub !== 'up' && sub !== 'down') {
    throw usageError(
      sub
        ? `Unknown migrate command "${sub}"; use status, up or down`
        : 'Missing migrate command; use status, up or down',
    );
  }
  const { values } = parseArgs({ args: rest, options: OPTIONS, strict: true });
  if (sub === 'down' && !values.plugin) throw usageError('migrate down needs --plugin <code>');
  if (values.to !== undefined && values.all) throw usageError('Use either --to <migration> or --all, not both');
  if (sub !== 'down' && (values.to !== undefined || values.all))
    throw usageError('--to and --all only apply to migrate down');
  const { migrator, database } = await openMigrator(io);
  try {
    if (sub === 'status') {
      const rows = await migrator.status();
      io.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : formatStatus(rows));
      return 0;
    }
    const steps =
      sub === 'up'
        ? await migrator.up({ plugin: values.plugin })
        : await migrator.down(values.plugin!, values.all ? null : values.to);
    io.stdout.write(
      values.json ? `${JSON.stringify(steps, null, 2)}\n` : formatSteps(steps, sub === 'up' ? 'apply' : 'roll back'),
    );
    return 0;
  } finally {
    await database.close();
  }
}
