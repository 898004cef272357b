import path from 'node:path';
import { checkConfig } from './config.js';
import { checkDependencies } from './dependencies.js';
import { checkEntry, checkPublicIndex } from './entry.js';
import { checkFilesField } from './files-field.js';
import { checkImports } from './imports.js';
import { checkLayers } from './layers.js';
import { checkLocales } from './locales.js';
import { checkMigrations } from './migrations.js';
import { loadPluginPackage } from './package.js';
import { checkPermissions } from './permissions.js';
import { buildReport, formatReport, type ValidationReport } from './report.js';
import { readSources } from './sources.js';
import { checkInternalTier } from './tiers.js';
import { checkViews } from './views.js';

export { RULES } from './rules.js';
export type { Rule, RuleId, Severity } from './rules.js';
export type { Finding, ValidationReport } from './report.js';
export { formatReport } from './report.js';

/**
 * Checks the plugin package in `dir` against every rule of the catalogue (docs/validator.md): manifest, entry,
 * dependencies, migrations, locales, views, import boundaries, config schema, shipped files, the internal tier,
 * permissions and layering. Imports the built entry and migrations, so run it after building.
 */
export async function validatePlugin(dir: string): Promise<ValidationReport> {
  const absolute = path.resolve(dir);
  const loaded = loadPluginPackage(absolute);
  const plugin = loaded.plugin;
  if (!plugin) return buildReport(null, absolute, loaded.findings);
  const sources = readSources(absolute);
  const findings = [
    ...loaded.findings,
    ...(await checkEntry(plugin)),
    ...checkPublicIndex(plugin),
    ...checkDependencies(plugin),
    ...(await checkMigrations(plugin)),
    ...checkLocales(plugin, sources),
    ...checkViews(plugin, sources),
    ...checkImports(plugin, sources),
    ...checkConfig(plugin),
    ...checkFilesField(plugin),
    ...checkInternalTier(plugin, sources),
    ...checkPermissions(plugin, sources),
    ...checkLayers(plugin, sources),
  ];
  return buildReport(plugin.manifest.code || null, absolute, findings);
}

/** Output streams of {@link runValidateCommand}. */
export interface ValidateIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `Usage: wizamart-plugin validate [dir] [--json]

Checks the plugin package in dir (default: the current folder) and prints every finding with its rule id,
severity and a fix hint. --json prints the report as JSON. Exits 1 when any finding is an error, 2 on bad usage.
`;

const defaultIo: ValidateIo = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

/** `wizamart-plugin validate [dir] [--json]`; `argv` is what follows `validate`. Resolves with the exit code. */
export async function runValidateCommand(argv: string[], io: ValidateIo = defaultIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const unknown = argv.filter((arg) => arg.startsWith('-') && arg !== '--json');
  const dirs = argv.filter((arg) => !arg.startsWith('-'));
  if (unknown.length > 0 || dirs.length > 1) {
    io.stderr(`${unknown.length > 0 ? `unknown option ${unknown[0]}` : 'validate takes one folder'}\n${USAGE}`);
    return 2;
  }
  const report = await validatePlugin(dirs[0] ?? process.cwd());
  io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.errors > 0 ? 1 : 0;
}
