import { parseArgs } from 'node:util';
import { readHostConfig } from '../runtime/config.js';
import { startHost, type RunningHost } from '../runtime/host.js';
import type { CliIo } from './plugins-command.js';
import { usageError } from './usage.js';

/** Resolves once SIGTERM or SIGINT arrives; a second signal exits at once. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      process.once('SIGTERM', () => process.exit(1));
      process.once('SIGINT', () => process.exit(1));
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

function parsePort(value: string | undefined, fallback: string | undefined): number {
  const text = value ?? fallback ?? '3000';
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw usageError(`Invalid port "${text}"; use 0–65535 (0 picks a free one)`);
  return port;
}

async function runUntilSignal(host: RunningHost, io: CliIo, logLevel: string): Promise<number> {
  const signal = await untilSignal();
  host.logger.info({ signal }, 'shutting down');
  // A hung plugin or pool must not keep the process past its grace period.
  const guard = setTimeout(() => {
    io.stderr.write('wizamart: shutdown took longer than 10 s; exiting\n');
    process.exit(1);
  }, 10_000);
  guard.unref();
  await host.stop();
  clearTimeout(guard);
  // Stopped cleanly; a handle left open must not keep the process alive (agenda leaves its lock-lifetime timer of a job
  // that ran, up to 10 min; a plugin may leak a timer or socket). With LOG_LEVEL=debug, say what it was.
  setTimeout(() => {
    if (/^(debug|trace)$/.test(logLevel))
      io.stderr.write(`wizamart: stopped; still open: ${process.getActiveResourcesInfo().join(', ')}; exiting\n`);
    process.exit(0);
  }, 1000).unref();
  return 0;
}

/**
 * `wizamart start [--port N] [--host H]`: boots the host (applying pending migrations unless
 * `WIZAMART_MIGRATE_ON_START=false`), serves HTTP and processes jobs, and prints one line with its URL once ready.
 */
export async function startCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, host: { type: 'string' } }, strict: true });
  const config = readHostConfig(io.env);
  const port = parsePort(values.port, config.port);
  const host = await startHost({ config });
  try {
    // A fresh embedded database gets the demo data, so the first `npm start` shows a working platform.
    const demo = config.demo ?? (host.firstBoot && host.database.embedded);
    const lines = demo ? await host.runSeeds('demo') : [];
    const { url } = await host.listen(port, values.host ?? config.host);
    io.stdout.write(
      `Wizamart ${host.kernel.hostVersion} ready at ${url} (${host.kernel.active.length} plugins, ${Math.round(host.timings.total * 1000)} ms)\n`,
    );
    const servedPort = new URL(url).port;
    for (const line of lines) io.stdout.write(`  ${line.replaceAll('{url}', url).replaceAll('{port}', servedPort)}\n`);
  } catch (error) {
    await host.stop();
    throw error;
  }
  return runUntilSignal(host, io, config.log.level);
}

/** `wizamart seed <set>`: runs every plugin's seeds of the set (idempotent) and prints what they report. */
export async function seedCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw usageError('Usage: wizamart seed <set>, e.g. wizamart seed demo');
  const host = await startHost({ env: io.env, http: false, processJobs: false });
  try {
    const known = new Set(host.kernel.contributions.seeds.map((seed) => seed.set));
    if (!known.has(positionals[0]))
      throw usageError(`No plugin seeds "${positionals[0]}"; known sets: ${[...known].join(', ') || 'none'}`);
    for (const line of await host.runSeeds(positionals[0])) io.stdout.write(`${line}\n`);
    return 0;
  } finally {
    await host.stop();
  }
}

/** A `wizamart <name>` command a plugin added: runs with the database and plugins, without HTTP or jobs. */
export async function pluginCommand(
  name: string,
  args: string[],
  io: CliIo & { stdin?: NodeJS.ReadableStream },
): Promise<number | undefined> {
  const host = await startHost({ env: io.env, http: false, processJobs: false });
  try {
    const entry = host.kernel.contributions.commands.find((candidate) => candidate.name === name);
    if (!entry) return undefined;
    const code = await entry.command.run(args, {
      stdout: io.stdout,
      stderr: io.stderr,
      stdin: io.stdin ?? process.stdin,
      env: io.env,
    });
    return typeof code === 'number' ? code : 0;
  } finally {
    await host.stop();
  }
}

/** `wizamart worker`: boots the host without HTTP and processes jobs until SIGTERM/SIGINT. */
export async function workerCommand(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const config = readHostConfig(io.env);
  const host = await startHost({ config, http: false, processJobs: true });
  io.stdout.write(
    `Wizamart worker ready (${host.kernel.contributions.jobs.length} job types, ${Math.round(host.timings.total * 1000)} ms)\n`,
  );
  return runUntilSignal(host, io, config.log.level);
}
