import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { Kernel } from '../kernel/kernel.js';
import { routeTable, type RouteEntry } from '../kernel/route-table.js';
import { startHost } from '../runtime/host.js';
import { MOUNTS } from '../runtime/http/plugin-dispatch.js';
import { pipelineStages, type PipelineStage } from '../runtime/http/pipeline.js';
import type { CliIo } from './plugins-command.js';

/** One route as `wizamart routes` prints it. */
export interface RouteRow {
  method: string;
  path: string;
  plugin: string;
  surface: string;
  kind: 'api' | 'pages';
  /** `public`, `signed in` (no permission named) or the permissions the guards require. */
  guard: string;
}

function mountOf(entry: RouteEntry): string {
  if (entry.kind === 'home') return MOUNTS.pages[entry.surface];
  if (entry.kind === 'root') return MOUNTS.api[entry.surface];
  return `${MOUNTS[entry.kind][entry.surface]}/${entry.plugin}`;
}

function guardText(access: RouteEntry['access']): string {
  if (!access) return 'UNGUARDED';
  if (access.public) return 'public';
  return access.permissions.length ? [...new Set(access.permissions)].join(' + ') : 'signed in';
}

/** Every route of the registered plugin routers, with its full path pattern and guard. */
export function routeRows(kernel: Kernel): RouteRow[] {
  return routeTable(kernel.contributions.routes).map((entry) => ({
    method: entry.method,
    path: `${mountOf(entry)}${entry.path === '/' ? '' : entry.path}` || '/',
    plugin: entry.plugin,
    surface: entry.surface,
    kind: entry.kind === 'api' || entry.kind === 'root' ? 'api' : 'pages',
    guard: guardText(entry.access),
  }));
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The text form: the pipeline stages in order, then one line per route. */
export function formatRoutes(stages: PipelineStage[], routes: RouteRow[]): string {
  const stageLines = stages.map((stage, index) => [
    `${index + 1}.`,
    stage.name,
    stage.by.join(', ') || '(none)',
    stage.what,
  ]);
  const routeLines = routes.map((route) => [route.method, route.path, route.plugin, route.surface, route.guard]);
  const header = ['METHOD', 'PATH', 'PLUGIN', 'SURFACE', 'GUARD'];
  return `Pipeline\n${table(stageLines)}\n\nRoutes (${routes.length})\n${table([header, ...routeLines])}\n`;
}

/**
 * `wizamart routes [--json]`: registers the installed plugins (in-memory database, no HTTP) and prints the request
 * pipeline stages in order and every route with its plugin, surface and guard.
 */
export async function routesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  // Plugins register against the host's services, so a host boots — on a throw-away in-memory database, without
  // migrations, jobs or HTTP: printing routes touches no data.
  const env = { ...io.env, DATABASE_URL: '' };
  const host = await startHost({
    env,
    dataDir: 'memory://',
    migrate: false,
    start: false,
    processJobs: false,
    http: false,
    logger: pino({ level: 'silent' }),
  });
  const kernel = host.kernel;
  try {
    const stages = pipelineStages((stage) =>
      kernel.contributions.stages.filter((entry) => entry.stage === stage).map((entry) => entry.plugin),
    );
    const routes = routeRows(kernel);
    io.stdout.write(
      values.json ? `${JSON.stringify({ pipeline: stages, routes }, null, 2)}\n` : formatRoutes(stages, routes),
    );
    return 0;
  } finally {
    await host.stop();
  }
}
