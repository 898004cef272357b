import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { EnablementResult } from '@wizamart/plugin-sdk';
import { startHost } from '../runtime/host.js';
import { readHostConfig } from '../runtime/config.js';
import { createLogger } from '../runtime/logger.js';
import type { CliIo } from './plugins-command.js';
import { usageError } from './usage.js';

const OPTIONS = {
  platform: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  release: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

function formatPlan(action: 'enable' | 'disable', code: string, platform: string, result: EnablementResult): string {
  const list = (codes: string[]) => (codes.length > 0 ? codes.join(', ') : '—');
  const lines = [
    `${action} ${code} on ${platform}${result.applied ? '' : ' (dry run: nothing changed)'}`,
    `  enable:  ${list(result.plan.enable)}`,
    `  disable: ${list(result.plan.disable)}`,
  ];
  if (result.plan.release.length > 0 || action === 'disable') {
    const released =
      action === 'disable' &&
      result.plan.release.length > 0 &&
      !result.plan.release.every((name) => result.plan.disable.includes(name));
    lines.push(
      `  release: ${list(result.plan.release)}${released ? '  (still enabled; add --release to disable them too)' : ''}`,
    );
  }
  lines.push(
    result.applied
      ? 'Applied. Running hosts on this database pick the change up at once.'
      : 'Run again without --dry-run to apply.',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `wizamart plugins enable|disable <code> --platform <p> [--dry-run] [--release] [--json]`: the admin API's change
 * from a shell, audited as `cli:<user>`. Boots the host without HTTP or jobs so plugin states are the real ones; on
 * the embedded database stop the running host first (it holds the data folder), or use the admin console.
 */
export async function enablementCommand(action: 'enable' | 'disable', args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  if (positionals.length !== 1 || !values.platform)
    throw usageError(`Usage: wizamart plugins ${action} <code> --platform <platform> [--dry-run] [--release] [--json]`);
  const [code] = positionals;
  // The plan is the output: the host's own log goes to stderr, warnings and worse unless LOG_LEVEL says otherwise.
  const config = readHostConfig({ ...io.env, LOG_LEVEL: io.env.LOG_LEVEL || 'warn' });
  const logger = createLogger(config.log, process.stderr);
  const host = await startHost({ config, http: false, processJobs: false, logger });
  try {
    const result = await host.enablementChanges.change(values.platform, code, action, {
      dryRun: values['dry-run'],
      release: values.release,
      actor: `cli:${userInfo().username}`,
    });
    io.stdout.write(
      values.json ? `${JSON.stringify(result, null, 2)}\n` : formatPlan(action, code, values.platform, result),
    );
    return 0;
  } finally {
    await host.stop();
  }
}
