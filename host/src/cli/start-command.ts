import { parseArgs } from 'node:util';
import { Kernel } from '../kernel/kernel.js';
import { formatPluginTable } from './format-list.js';
import type { CliIo } from './plugins-command.js';
import { toReportRows } from './plugin-report.js';

/**
 * `wizamart start`. Until the runtime (database, HTTP) lands this boots the kernel, prints the plugin list and
 * exits; a failed core plugin exits 1 with its code and message.
 */
export async function startCommand(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } }, strict: true });
  const kernel = new Kernel({ env: io.env });
  await kernel.resolve();
  await kernel.register();
  await kernel.start();
  const broken = kernel.brokenCore;
  if (broken.length > 0) {
    for (const node of broken) io.stderr.write(`${node.error?.code}: core plugin ${node.code} cannot run: ${node.error?.message}\n`);
    await kernel.stop();
    return 1;
  }
  io.stdout.write(formatPluginTable(toReportRows(kernel.plugins), Boolean(io.stdout.isTTY)));
  io.stdout.write('\nwizamart start: the HTTP server and database arrive with the host runtime; this build only loads plugins.\n');
  await kernel.stop();
  return 0;
}
