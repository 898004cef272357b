#!/usr/bin/env node
// scripts/pack <out-dir> [--no-build]: builds the repository and packs one npm tarball per package — the host, the
// SDK and every first-party plugin — into <out-dir>, ready for `npm install <tarball>` in an operator's folder.
// The packages are the projects the root build builds (tsconfig.json references), so nothing unbuilt is packed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'Usage: scripts/pack <out-dir> [--no-build]\n  Builds and packs @wizamart/host, @wizamart/plugin-sdk and every first-party plugin into <out-dir>.\n';

function fail(message, status = 1) {
  process.stderr.write(`pack: ${message}\n`);
  process.exit(status);
}

function parseArgs(argv) {
  const options = { build: true, out: undefined };
  for (const arg of argv) {
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (arg === '--no-build') options.build = false;
    else if (arg.startsWith('-')) fail(`unknown option ${arg}\n${USAGE}`, 2);
    else if (options.out) fail(`one <out-dir> only\n${USAGE}`, 2);
    else options.out = path.resolve(arg);
  }
  if (!options.out) fail(`missing <out-dir>\n${USAGE}`, 2);
  return options;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Package folders to pack: every project of the root build that is a published (non-private) package. */
function packageDirs() {
  const references = readJson(path.join(ROOT, 'tsconfig.json')).references ?? [];
  return references
    .map((reference) => path.join(ROOT, reference.path))
    .filter((dir) => existsSync(path.join(dir, 'package.json')) && !readJson(path.join(dir, 'package.json')).private);
}

/** The files a package's consumers load first must exist, or the tarball would install but not run. */
function checkBuilt(dir) {
  const pkg = readJson(path.join(dir, 'package.json'));
  const manifest = pkg['wizamart-plugin'];
  const required = [pkg.main, manifest?.entry].filter(Boolean);
  const missing = required.filter((file) => !existsSync(path.join(dir, file)));
  if (missing.length > 0)
    fail(`${pkg.name} is not built (missing ${missing.join(', ')}); run "npm run build" or drop --no-build`);
  return pkg.name;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
  });
  if (result.error) fail(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  return result.stdout;
}

const options = parseArgs(process.argv.slice(2));
if (options.build) run('npm', ['run', 'build']);
const dirs = packageDirs();
const names = dirs.map(checkBuilt);
mkdirSync(options.out, { recursive: true });
const workspaces = dirs.flatMap((dir) => ['--workspace', path.relative(ROOT, dir)]);
const packed = JSON.parse(
  run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', options.out, ...workspaces], {
    capture: true,
  }),
);
if (packed.length !== names.length) fail(`expected ${names.length} tarballs, npm packed ${packed.length}`);
for (const entry of packed)
  process.stdout.write(
    `${path.join(options.out, entry.filename)}  (${entry.name}@${entry.version}, ${entry.entryCount} files)\n`,
  );
