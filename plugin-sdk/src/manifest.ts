import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import semver from 'semver';
import { manifestSchema } from './manifest.schema.js';
import { permissionCodes, type PermissionDeclaration } from './permissions.js';

/** Plugin tiers: `core` is always on, `optional` is toggled per platform, `internal` is admin-only. */
export type PluginTier = 'core' | 'optional' | 'internal';

/** The `wizamart-plugin` key of a plugin's package.json, as validated by {@link manifestSchema}. */
export interface PluginManifest {
  /** Unique plugin code (`^[a-z][a-z0-9-]{1,38}$`). */
  code: string;
  /** Display name (1–80 characters). */
  name: string;
  /** One or two sentences for the admin console (at most 500 characters). */
  description?: string;
  /** `core`, `optional` or `internal`; see {@link PluginTier}. */
  tier: PluginTier;
  /** Semver range of `@wizamart/host` versions the plugin works with. */
  host: string;
  /** Plugin code → semver range of that plugin's package version. */
  requires?: Record<string, string>;
  /** Like `requires`, but the plugin still loads when these are absent. */
  optionalRequires?: Record<string, string>;
  /** Module whose default export is the plugin (relative to the package). */
  entry: string;
  /** Folder of compiled migrations `<code>_<seq>_<description>.js` (default `./migrations`). */
  migrations?: string;
  /**
   * Folder of Handlebars views, rendered as `<code>/<view>`; `partials/` inside it become `<code>/<name>` partials
   * (default `./views`).
   */
  views?: string;
  /** Folder served at `/static/modules/<code>/` (default `./static`). */
  static?: string;
  /** Folder of `<lang>.json` locale files (default `./locales`). */
  locales?: string;
  /**
   * Permissions the plugin declares, each with code `<code>.<action>` and locale keys for its name and description.
   * A plain string is the 0.1 form, accepted until SDK 0.3 (validator warning WZV028).
   */
  permissions?: Array<PermissionDeclaration | string>;
  /** Feature flags the plugin offers (`^[a-z][a-z0-9_]*$`), e.g. for plan-based gating. */
  features?: string[];
  /** JSON Schema of the plugin's configuration. */
  config?: Record<string, unknown>;
}

/** One problem found in a manifest: a JSON pointer into the manifest and a message. */
export interface ManifestProblem {
  /** JSON pointer into the manifest, e.g. `/permissions/0` (`/` for the whole manifest). */
  path: string;
  /** What is wrong, e.g. `unknown field "entrypoint"`. */
  message: string;
}

/** The outcome of {@link validateManifest}. */
export type ManifestValidation =
  { valid: true; manifest: PluginManifest; problems: [] } | { valid: false; problems: ManifestProblem[] };

let compiled: ValidateFunction | undefined;

function compileSchema(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('semver-range', (value: string) => semver.validRange(value) !== null);
  ajv.addFormat('package-relative-path', (value: string) => !value.split(/[\\/]/).includes('..'));
  return ajv.compile(manifestSchema);
}

function toProblem(error: ErrorObject): ManifestProblem {
  const path = error.instancePath || '/';
  if (error.keyword === 'additionalProperties') {
    return { path, message: `unknown field "${String(error.params.additionalProperty)}"` };
  }
  if (error.keyword === 'format' && error.params.format === 'package-relative-path') {
    return { path, message: 'must stay inside the package (no ".." segments)' };
  }
  return { path, message: error.message ?? error.keyword };
}

function checkPermissions(manifest: PluginManifest): ManifestProblem[] {
  const codes = permissionCodes(manifest);
  return codes.flatMap((permission, index) => {
    if (!permission.startsWith(`${manifest.code}.`)) {
      return [{ path: `/permissions/${index}`, message: `must start with the plugin code "${manifest.code}."` }];
    }
    return codes.indexOf(permission) < index ? [{ path: `/permissions/${index}`, message: 'is declared twice' }] : [];
  });
}

function checkSelfDependency(manifest: PluginManifest): ManifestProblem[] {
  const both = { ...manifest.requires, ...manifest.optionalRequires };
  return manifest.code in both ? [{ path: '/requires', message: 'a plugin cannot require itself' }] : [];
}

/**
 * Validates a `wizamart-plugin` manifest against {@link manifestSchema} plus the rules a schema cannot say
 * (permissions prefixed by the code, no self-dependency). Compiles the schema once per process.
 *
 * @example
 * ```ts
 * const result = validateManifest(pkg['wizamart-plugin']);
 * if (!result.valid) for (const p of result.problems) console.error(`${p.path} ${p.message}`);
 * ```
 */
export function validateManifest(value: unknown): ManifestValidation {
  compiled ??= compileSchema();
  if (!compiled(value)) return { valid: false, problems: (compiled.errors ?? []).map(toProblem) };
  const manifest = value as PluginManifest;
  const problems = [...checkPermissions(manifest), ...checkSelfDependency(manifest)];
  return problems.length === 0 ? { valid: true, manifest, problems: [] } : { valid: false, problems };
}
