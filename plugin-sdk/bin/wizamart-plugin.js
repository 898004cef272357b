#!/usr/bin/env node
// `wizamart-plugin`: the plugin developer's CLI of @wizamart/plugin-sdk. Each command's module is loaded only when
// it runs, so a command missing from a build does not break the others.

const USAGE = `Usage: wizamart-plugin <command> [options]

Commands:
  new <dir> [--code c] [--tier optional|internal] [--sdk spec] [--host spec] [--from dir]
                  create a TypeScript plugin in <dir> (run "wizamart-plugin new --help" for every option)
  validate [dir]  check a plugin package (manifest, entry, migrations, locales) the way the host will
                  (run "wizamart-plugin validate --help" for its options)

Options:
  -h, --help      show this help
  -v, --version   print the SDK version
`;

const COMMANDS = {
  new: { module: '../dist/src/scaffold/index.js', run: 'runNewCommand' },
  validate: { module: '../dist/src/validator/index.js', run: 'runValidateCommand' },
};

async function loadCommand(name) {
  const { module, run } = COMMANDS[name];
  try {
    const loaded = await import(module);
    if (typeof loaded[run] === 'function') return loaded[run];
  } catch (error) {
    const missing =
      error?.code === 'ERR_MODULE_NOT_FOUND' &&
      String(error.message).includes(new URL(module, import.meta.url).pathname);
    if (!missing) throw error;
  }
  process.stderr.write(
    `wizamart-plugin: the "${name}" command is not available in this build of @wizamart/plugin-sdk (${new URL(module, import.meta.url).pathname} is missing or does not export ${run}).\n`,
  );
  return undefined;
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    (command ? process.stdout : process.stderr).write(USAGE);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    const { readFile } = await import('node:fs/promises');
    process.stdout.write(
      `${JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')).version}\n`,
    );
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    process.stderr.write(`wizamart-plugin: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const run = await loadCommand(command);
  return run ? run(rest) : 1;
}

process.exitCode = await main(process.argv.slice(2));
