import 'reflect-metadata';
import { errorBody, isWizamartError } from '@wizamart/plugin-sdk';
import { HOST_VERSION } from '../version.js';
import { pluginsCommand, type CliIo } from './plugins-command.js';
import { migrateCommand } from './migrate-command.js';
import { routesCommand } from './routes-command.js';
import { pluginCommand, seedCommand, startCommand, workerCommand } from './start-command.js';
import { USAGE } from './usage.js';

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  plugins: pluginsCommand,
  start: startCommand,
  worker: workerCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  routes: routesCommand,
};

function isUsageProblem(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    (isWizamartError(error) && error.code === 'WZ_CLI_USAGE') ||
    (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
  );
}

/** Runs the `wizamart` CLI and returns its exit status (0 ok, 1 failure, 2 usage error). */
export async function main(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command ? io.stdout : io.stderr).write(USAGE);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    io.stdout.write(`${HOST_VERSION}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  try {
    if (run) return await run(rest, io);
    // Not built in: perhaps a plugin's command (`wizamart create-admin …`); that needs the plugins loaded.
    const status = /^[a-z][a-z0-9-]{1,40}$/.test(command) ? await pluginCommand(command, rest, io) : undefined;
    if (status === undefined)
      throw Object.assign(new Error(`Unknown command "${command}"`), { code: 'ERR_PARSE_ARGS_UNKNOWN_COMMAND' });
    return status;
  } catch (error) {
    if (isUsageProblem(error)) {
      io.stderr.write(`wizamart: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    const code = isWizamartError(error) ? error.code : 'WZ_INTERNAL';
    const details = isWizamartError(error) ? error.details : {};
    // Scripts asking for JSON get the failure as JSON too, in the API's error shape.
    const body = errorBody({ code, message: (error as Error).message, details });
    if (rest.includes('--json')) io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    io.stderr.write(`wizamart: ${code}: ${(error as Error).message}\n`);
    return 1;
  }
}
