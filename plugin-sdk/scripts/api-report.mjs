#!/usr/bin/env node
// The API report of @wizamart/plugin-sdk: what the `.` and `./testing` entry points export, as API Extractor sees
// the emitted declarations, plus the module augmentations it cannot see (`req.wz` on express's Request).
//
//   node scripts/api-report.mjs            build the SDK, regenerate etc/*.api.md (npm run api:report -w plugin-sdk)
//   node scripts/api-report.mjs --check    build the SDK, fail when etc/*.api.md differ (npm run api:check -w plugin-sdk)
//
// Options: --no-build (use dist as it is), --reports <dir> (compare against / write to another folder).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const SDK_DIR = fileURLToPath(new URL('../', import.meta.url));
const REPO_DIR = path.resolve(SDK_DIR, '..');
// The repo's TypeScript (the one the SDK is built with), not the newer one API Extractor brings along.
const requireFromRepo = createRequire(path.join(REPO_DIR, 'package.json'));

/** One report per public entry point (package.json `exports`). */
const ENTRIES = [
  { entry: '.', config: 'api-extractor.json', report: 'plugin-sdk.api.md', dts: 'dist/src/index.d.ts' },
  {
    entry: './testing',
    config: 'api-extractor.testing.json',
    report: 'plugin-sdk-testing.api.md',
    dts: 'dist/src/testing.d.ts',
  },
];

function parseArgs(argv) {
  const options = { check: false, build: true, reports: path.join(SDK_DIR, 'etc') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') options.check = true;
    else if (argv[i] === '--no-build') options.build = false;
    else if (argv[i] === '--reports') options.reports = path.resolve(argv[++i] ?? '');
    else throw new Error(`unknown option ${argv[i]} (use --check, --no-build, --reports <dir>)`);
  }
  return options;
}

function build() {
  const tsc = requireFromRepo.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-b', SDK_DIR], { cwd: REPO_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the SDK failed (npx tsc -b plugin-sdk); fix the build first');
}

/** Text of every `declare module '…' { … }` block in the declarations reachable from `dtsFile`. */
function moduleAugmentations(dtsFile) {
  const ts = requireFromRepo('typescript');
  const seen = new Set();
  const blocks = [];
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      if (ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name)) {
        blocks.push(`// ${path.relative(SDK_DIR, file).replace(/\\/g, '/')}\n${statement.getText(source)}`);
      }
      const specifier = statement.moduleSpecifier;
      if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
        visit(path.resolve(path.dirname(file), specifier.text.replace(/\.js$/, '.d.ts')));
      }
    }
  };
  visit(dtsFile);
  return blocks;
}

function withAugmentations(report, blocks) {
  if (blocks.length === 0) return report;
  const section = [
    '## Module augmentations',
    '',
    '> Not seen by API Extractor; listed from the emitted declarations.',
    '',
    '```ts',
    ...blocks,
    '```',
    '',
  ];
  return `${report.trimEnd()}\n\n${section.join('\n')}`;
}

/** Runs API Extractor for one entry point into a scratch folder; returns the report text and the problems found. */
function extract(item, scratch) {
  const configFile = path.join(SDK_DIR, item.config);
  const configObject = ExtractorConfig.loadFile(configFile);
  configObject.apiReport = {
    ...configObject.apiReport,
    reportFolder: scratch,
    reportTempFolder: path.join(scratch, 'tmp'),
  };
  const config = ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: configFile,
    packageJsonFullPath: path.join(SDK_DIR, 'package.json'),
  });
  const problems = [];
  const result = Extractor.invoke(config, {
    localBuild: true,
    messageCallback(message) {
      message.handled = true;
      // console-* messages are API Extractor's own chatter about report files, which this script manages.
      if (message.messageId.startsWith('console-') || (message.logLevel !== 'error' && message.logLevel !== 'warning'))
        return;
      const where = message.sourceFilePath
        ? `${path.relative(SDK_DIR, message.sourceFilePath)}:${message.sourceFileLine}:${message.sourceFileColumn} `
        : '';
      problems.push(`${message.logLevel}: ${where}(${message.messageId}) ${message.text}`);
    },
  });
  const reportFile = path.join(scratch, item.report);
  if (!existsSync(reportFile))
    throw new Error(`API Extractor wrote no report for ${item.entry}:\n${problems.join('\n')}`);
  const report = withAugmentations(readFileSync(reportFile, 'utf8'), moduleAugmentations(path.join(SDK_DIR, item.dts)));
  return { report: report.replace(/\r\n/g, '\n'), problems, succeeded: result.succeeded };
}

/** A compact line diff (longest common subsequence) of `before` → `after`, changed lines with two lines of context. */
export function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) lines.push({ mark: ' ', text: a[i++], line: j++ });
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1]))
      lines.push({ mark: '-', text: a[i++], line: j });
    else lines.push({ mark: '+', text: b[j], line: j++ });
  }
  const keep = lines.map((entry, index) =>
    lines.slice(Math.max(0, index - 2), index + 3).some((near) => near.mark !== ' '),
  );
  const out = [];
  lines.forEach((entry, index) => {
    if (keep[index]) out.push(`${entry.mark} ${entry.text}`);
    else if (keep[index - 1]) out.push('  …');
  });
  return out.join('\n');
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) build();
  for (const item of ENTRIES) {
    if (!existsSync(path.join(SDK_DIR, item.dts)))
      throw new Error(`${item.dts} is missing: build the SDK first (npx tsc -b plugin-sdk)`);
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'wz-api-report-'));
  let failed = false;
  try {
    for (const item of ENTRIES) {
      const { report, problems, succeeded } = extract(item, scratch);
      const target = path.join(options.reports, item.report);
      const shown = path.relative(process.cwd(), target) || target;
      if (problems.length > 0) {
        console.error(
          `API Extractor found problems in the "${item.entry}" entry point (every export and member needs TSDoc):\n  ${problems.join('\n  ')}`,
        );
      }
      if (!succeeded) failed = true;
      const committed = existsSync(target) ? readFileSync(target, 'utf8').replace(/\r\n/g, '\n') : undefined;
      if (options.check) {
        if (committed === report) {
          console.log(`api:check: "${item.entry}" matches ${shown}`);
          continue;
        }
        failed = true;
        console.error(
          committed === undefined
            ? `api:check: ${shown} does not exist.`
            : `api:check: the public API of @wizamart/plugin-sdk ("${item.entry}") differs from the committed report ${shown} (- committed, + current):\n\n${lineDiff(committed, report)}\n`,
        );
        console.error(
          'If the change is intended, run `npm run api:report -w plugin-sdk`, review the report diff, add a CHANGELOG entry and commit both.',
        );
      } else if (committed === report) {
        console.log(`api:report: ${shown} is up to date`);
      } else {
        mkdirSync(options.reports, { recursive: true });
        writeFileSync(target, report);
        console.log(`api:report: wrote ${shown}; review the diff and commit it`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`api-report: ${error.message}`);
    process.exitCode = 1;
  }
}
