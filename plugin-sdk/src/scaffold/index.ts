import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isWizamartError } from '../errors.js';
import { NEW_USAGE, PLATFORM_PACKAGES, parseNewArgs, type NewPluginOptions } from './options.js';
import { createPackageJson } from './package-json.js';
import { placeholders, renderTemplate } from './render.js';

export { NEW_USAGE, parseNewArgs, type NewPluginOptions } from './options.js';

/** The template of a new plugin, shipped in the SDK package (`dist/src/scaffold/` → `templates/plugin/`). */
export const TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/plugin/', import.meta.url));

/** Version of this SDK: a new plugin depends on `^<version>` of the platform packages by default. */
export function sdkVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Writes a new plugin into `options.dir`; returns the relative paths of the files written. */
export async function scaffoldPlugin(options: NewPluginOptions, version = sdkVersion()): Promise<string[]> {
  await mkdir(options.dir, { recursive: true });
  const files = await renderTemplate(
    TEMPLATE_DIR,
    options.dir,
    placeholders(options.code, options.packageName, options.tier),
  );
  await writeFile(
    path.join(options.dir, 'package.json'),
    `${JSON.stringify(createPackageJson(options, version), null, 2)}\n`,
  );
  return ['package.json', ...files];
}

/** Output streams of the command. */
export interface NewCommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * `wizamart-plugin new <dir> [--code c] [--tier t] [--sdk s] [--host h] …`: creates a plugin and prints the next
 * steps. Resolves with the exit code: 0 done, 2 usage error (bad code, non-empty folder…), 1 anything else.
 */
export async function runNewCommand(argv: string[], io: NewCommandIo = process, cwd = process.cwd()): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout.write(NEW_USAGE);
    return 0;
  }
  try {
    const options = parseNewArgs(argv, sdkVersion(), cwd);
    const files = await scaffoldPlugin(options);
    const relative = path.relative(cwd, options.dir);
    const where = relative.startsWith('..') || path.isAbsolute(relative) ? options.dir : relative || '.';
    const deps = Object.entries(options.specs)
      .map(([key, spec]) => `  ${PLATFORM_PACKAGES[key as keyof typeof PLATFORM_PACKAGES]}: ${spec}\n`)
      .join('');
    io.stdout.write(
      `Created plugin "${options.code}" (${options.packageName}) in ${options.dir}: ${files.length} files.\nIt depends on:\n${deps}\nNext:\n  cd ${where}\n  npm install\n  npm test\n  npx wizamart-plugin validate\n  npm pack\n`,
    );
    return 0;
  } catch (error) {
    const usage = isWizamartError(error) && error.code === 'WZ_CLI_USAGE';
    const parse =
      typeof (error as { code?: unknown }).code === 'string' &&
      String((error as { code: string }).code).startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`wizamart-plugin new: ${(error as Error).message}\n`);
    if (usage || parse) io.stderr.write(`\n${NEW_USAGE}`);
    return usage || parse ? 2 : 1;
  }
}
