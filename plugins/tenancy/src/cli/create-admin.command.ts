import { parseArgs } from 'node:util';
import type { CommandIo, PluginCommand } from '@wizamart/plugin-sdk';
import { isWizamartError } from '@wizamart/plugin-sdk';
import { MIN_PASSWORD_LENGTH } from '../services/passwords.js';
import type { UserService } from '../services/user.service.js';
import { validate } from '../routes/validators.js';

const USAGE = 'Usage: wizamart create-admin --email <email> --password-stdin [--name <name>]\n';

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  // One trailing newline is how `echo` and heredocs end the line; it is not part of the password.
  return text.replace(/\r?\n$/, '');
}

function fail(io: CommandIo, message: string, status = 1): number {
  io.stderr.write(`wizamart create-admin: ${message}\n`);
  return status;
}

/** `wizamart create-admin`: creates a platform admin (or promotes an account and resets its password). */
export function createAdminCommand(users: () => UserService): PluginCommand {
  return {
    summary: 'create a platform admin: --email <email> --password-stdin [--name <name>]',
    async run(args, io) {
      let values: { email?: string; name?: string; 'password-stdin'?: boolean };
      try {
        ({ values } = parseArgs({
          args,
          options: { email: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
          strict: true,
        }));
      } catch (error) {
        return fail(io, `${(error as Error).message}\n${USAGE}`, 2);
      }
      if (!values.email || !values['password-stdin'])
        return fail(io, `--email and --password-stdin are required\n${USAGE}`, 2);
      const password = await readStdin(io.stdin);
      if (password.length < MIN_PASSWORD_LENGTH)
        return fail(io, `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
      try {
        const input = validate.createAdminArgs({
          email: values.email.trim().toLowerCase(),
          password,
          ...(values.name ? { name: values.name } : {}),
        });
        const { user, created } = await users().createAdminFromCli(input);
        io.stdout.write(`${created ? 'Created' : 'Updated'} platform admin ${user.email}\n`);
        return 0;
      } catch (error) {
        if (isWizamartError(error)) return fail(io, `${error.code}: ${error.message}`);
        throw error;
      }
    },
  };
}
