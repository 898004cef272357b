import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { Kernel } from '../kernel/kernel.js';
import { formatGraph, GRAPH_FORMATS, type GraphFormat } from './format-graph.js';
import { formatPluginTable } from './format-list.js';
import { toReportRows } from './plugin-report.js';
import { usageError } from './usage.js';

/** Output streams of a CLI command (injectable for tests). */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

async function resolvePlugins(io: CliIo) {
  const kernel = new Kernel({ env: io.env, logger: pino({ level: 'silent' }) });
  return toReportRows(await kernel.resolve());
}

async function list(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const rows = await resolvePlugins(io);
  const colour = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
  io.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : formatPluginTable(rows, colour));
  return 0;
}

async function graph(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'mermaid' } }, strict: true });
  if (!GRAPH_FORMATS.includes(values.format as GraphFormat)) {
    throw usageError(`Unknown graph format "${values.format}"; use one of ${GRAPH_FORMATS.join(', ')}`);
  }
  io.stdout.write(formatGraph(await resolvePlugins(io), values.format as GraphFormat));
  return 0;
}

/**
 * `wizamart plugins <list|graph|enable|disable>`: list and graph exit 0 whatever states the plugins are in and need
 * no database; enable and disable change a platform's enablement (loaded only then: they boot the host).
 */
export async function pluginsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') return list(rest, io);
  if (sub === 'graph') return graph(rest, io);
  if (sub === 'enable' || sub === 'disable')
    return (await import('./enablement-command.js')).enablementCommand(sub, rest, io);
  throw usageError(
    sub
      ? `Unknown plugins command "${sub}"; use list, graph, enable or disable`
      : 'Missing plugins command; use list, graph, enable or disable',
  );
}
