import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hostErrors, type WizamartError } from '../errors.js';

/** The manifest's pattern for plugin codes. */
export const CODE_PATTERN = /^[a-z][a-z0-9-]{1,38}$/;

/** Tiers a new plugin may have; `core` is reserved for plugins that ship with Wizamart. */
export const NEW_PLUGIN_TIERS = ['optional', 'internal'] as const;

/** The `@wizamart/*` packages a new plugin depends on, by option name. */
export const PLATFORM_PACKAGES = {
  sdk: '@wizamart/plugin-sdk',
  host: '@wizamart/host',
  core: '@wizamart/plugin-core',
  tenancy: '@wizamart/plugin-tenancy',
  auth: '@wizamart/plugin-auth',
} as const;

export type PlatformPackage = keyof typeof PLATFORM_PACKAGES;

/** What `wizamart-plugin new` was asked for, checked and with defaults applied. */
export interface NewPluginOptions {
  /** Absolute target folder (missing or empty). */
  dir: string;
  code: string;
  /** npm package name of the new plugin. */
  packageName: string;
  tier: (typeof NEW_PLUGIN_TIERS)[number];
  /** npm specs (registry range or `file:` tarball) of each platform package the new plugin depends on. */
  specs: Record<PlatformPackage, string>;
}

/** Usage text of `wizamart-plugin new`. */
export const NEW_USAGE = `Usage: wizamart-plugin new <dir> [options]

Creates a TypeScript Wizamart plugin in <dir> (missing or empty) with a manifest, an API, a page with a view and a
menu item, a migration, a job, a health check, en/de/fr/lb locales, a unit and an integration test and a README.

Options:
  --code <code>        plugin code, lowercase letters, digits and hyphens (default: from <dir>)
  --name <npm-name>    npm package name (default: wizamart-plugin-<code>)
  --tier <tier>        optional (default) or internal
  --sdk <npm-spec>     how to depend on @wizamart/plugin-sdk: a range (default ^<this SDK's version>) or a .tgz path
  --host <npm-spec>    the same for @wizamart/host (a dev dependency: the integration test boots it)
  --core <npm-spec>    the same for @wizamart/plugin-core (layouts, menus, locales); default: the tarball next
                       to the --host (or --sdk) tarball when there is one, else the range
  --tenancy <npm-spec> the same for @wizamart/plugin-tenancy (stores, users, platforms), found the same way
  --auth <npm-spec>    the same for @wizamart/plugin-auth (sign-in; a dev dependency), found the same way
  --from <dir>         take every @wizamart package above from the tarballs in <dir> (see scripts/pack)
  -h, --help           show this help
`;

function usage(message: string, details: Record<string, unknown> = {}): WizamartError {
  return hostErrors.WZ_CLI_USAGE({ problem: message }, { details });
}

/** Checks a plugin code against the manifest pattern, with a message that says what a good one looks like. */
export function checkCode(code: string): string {
  if (!CODE_PATTERN.test(code)) {
    throw usage(
      `Invalid plugin code "${code}": use 2–39 lowercase letters, digits and hyphens, starting with a letter (e.g. "gift-cards")`,
      { code },
    );
  }
  return code;
}

/** A code from a folder name: `wizamart-plugin-gift-cards` and `Gift Cards` both give `gift-cards`. */
export function codeFromDir(dir: string): string {
  return path
    .basename(dir)
    .toLowerCase()
    .replace(/^(@[^/]+\/)?wizamart-plugin-/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A tarball path becomes a `file:` spec with an absolute path, so it still resolves from the new folder. */
export function toNpmSpec(spec: string, cwd: string): string {
  if (spec.startsWith('file:')) return `file:${path.resolve(cwd, spec.slice('file:'.length))}`;
  if (/\.(tgz|tar\.gz)$/.test(spec) || spec.startsWith('.') || path.isAbsolute(spec)) {
    const file = path.resolve(cwd, spec);
    if (!existsSync(file)) throw usage(`No such file ${file}`, { spec });
    return `file:${file}`;
  }
  return spec;
}

/** The tarball of `name` in a folder of `npm pack` output (`@wizamart/host` → `wizamart-host-<version>.tgz`). */
export function findTarball(dir: string, name: string): string {
  const prefix = `${name.replace(/^@/, '').replace('/', '-')}-`;
  const matches = existsSync(dir)
    ? readdirSync(dir).filter(
        (file) => file.startsWith(prefix) && /^\d/.test(file.slice(prefix.length)) && file.endsWith('.tgz'),
      )
    : [];
  if (matches.length !== 1)
    throw usage(`Expected one ${prefix}<version>.tgz in ${dir}, found ${matches.length}`, { dir, name });
  return path.join(dir, matches[0]);
}

function emptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Parses and checks the arguments of `wizamart-plugin new`; throws `WZ_CLI_USAGE` (exit 2) on anything wrong. */
export function parseNewArgs(argv: string[], sdkVersion: string, cwd = process.cwd()): NewPluginOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      tier: { type: 'string', default: 'optional' },
      sdk: { type: 'string' },
      host: { type: 'string' },
      core: { type: 'string' },
      tenancy: { type: 'string' },
      auth: { type: 'string' },
      from: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw usage('Give exactly one target folder: wizamart-plugin new <dir>');
  const dir = path.resolve(cwd, positionals[0]);
  const code = checkCode(values.code ?? codeFromDir(dir));
  const tier = values.tier as NewPluginOptions['tier'];
  if (!NEW_PLUGIN_TIERS.includes(tier))
    throw usage(`Invalid tier "${values.tier}": a new plugin is ${NEW_PLUGIN_TIERS.join(' or ')}`, {
      tier: values.tier,
    });
  if (!emptyOrMissing(dir)) throw usage(`${dir} is not empty; pick a new or empty folder`, { dir });
  const from = values.from === undefined ? undefined : path.resolve(cwd, values.from);
  const specs = {} as Record<PlatformPackage, string>;
  for (const key of ['sdk', 'host'] as const)
    specs[key] = toNpmSpec(values[key] ?? (from ? findTarball(from, PLATFORM_PACKAGES[key]) : `^${sdkVersion}`), cwd);
  for (const key of ['core', 'tenancy', 'auth'] as const) {
    specs[key] = toNpmSpec(
      values[key] ??
        (from
          ? findTarball(from, PLATFORM_PACKAGES[key])
          : (siblingTarball(specs, PLATFORM_PACKAGES[key]) ?? `^${sdkVersion}`)),
      cwd,
    );
  }
  return { dir, code, packageName: values.name ?? `wizamart-plugin-${code}`, tier, specs };
}

/**
 * While nothing is published, `--host` (or `--sdk`) names a tarball from `scripts/pack`: the first-party plugins the
 * new plugin requires are then taken from the same folder when they are there.
 */
function siblingTarball(
  specs: Pick<Record<PlatformPackage, string>, 'sdk' | 'host'>,
  name: string,
): string | undefined {
  for (const spec of [specs.host, specs.sdk]) {
    if (!spec.startsWith('file:') || !spec.endsWith('.tgz')) continue;
    try {
      return findTarball(path.dirname(spec.slice('file:'.length)), name);
    } catch {
      // not packed next to it: fall back to the registry range
    }
  }
  return undefined;
}
