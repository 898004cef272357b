import { Ajv } from 'ajv';
import { hostErrors, type PluginManifest } from '@wizamart/plugin-sdk';

/** One instance for every plugin: a new Ajv compiles its meta-schemas again (~20 ms each, at every boot). */
const configAjv = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: true, strict: false });

/** `WIZAMART_<CODE>_<KEY>`: code upper-cased with `-` as `_`, camelCase keys as UPPER_SNAKE. */
export function configEnvName(code: string, key: string, prefix = 'WIZAMART'): string {
  const snake = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  return `${prefix}_${code.replace(/-/g, '_')}_${snake}`.toUpperCase();
}

/** Receives the deprecation warning of an old `WZ_<CODE>_<KEY>` variable (a logger's `warn`). */
export type ConfigWarn = (fields: Record<string, unknown>, message: string) => void;

/** Old names already warned about: one warning per variable and process, not one per boot or test host. */
const warned = new Set<string>();

/** The value of `key`: `WIZAMART_<CODE>_<KEY>`, else the deprecated `WZ_<CODE>_<KEY>` (with a one-time warning). */
function rawValue(env: NodeJS.ProcessEnv, code: string, key: string, warn?: ConfigWarn): string | undefined {
  const name = configEnvName(code, key);
  if (env[name] !== undefined) return env[name];
  const old = configEnvName(code, key, 'WZ');
  if (env[old] === undefined) return undefined;
  if (warn && !warned.has(old)) {
    warned.add(old);
    warn(
      { plugin: code, variable: old, use: name },
      `${old} is deprecated and will stop working in a future minor version; set ${name} instead`,
    );
  }
  return env[old];
}

function parseValue(raw: string, schema: { type?: unknown } | undefined): unknown {
  const type = schema?.type;
  if ((type === 'array' || type === 'object') && /^[[{]/.test(raw.trim())) return JSON.parse(raw);
  if (type === 'array') return raw.split(',').map((item) => item.trim());
  return raw;
}

/**
 * Builds a plugin's configuration from `WIZAMART_<CODE>_<KEY>` env vars (the old `WZ_<CODE>_<KEY>` still accepted,
 * with a deprecation warning through `warn`), validated against the manifest's `config` schema with types coerced
 * and defaults applied. Throws `WZ_PLUGIN_CONFIG_INVALID` naming the variables at fault.
 */
export function loadPluginConfig(
  manifest: PluginManifest,
  env: NodeJS.ProcessEnv,
  warn?: ConfigWarn,
): Record<string, unknown> {
  const schema = manifest.config ?? { type: 'object' };
  const properties = (schema.properties ?? {}) as Record<string, { type?: unknown }>;
  const config: Record<string, unknown> = {};
  for (const [key, propertySchema] of Object.entries(properties)) {
    const raw = rawValue(env, manifest.code, key, warn);
    if (raw !== undefined) config[key] = parseValue(raw, propertySchema);
  }
  const validate = configAjv.compile(schema);
  if (validate(config)) return config;
  const problems = (validate.errors ?? []).map((error) => {
    const key = error.instancePath.split('/')[1] ?? String(error.params.missingProperty ?? '');
    return { variable: configEnvName(manifest.code, key), message: error.message ?? error.keyword };
  });
  throw hostErrors.WZ_PLUGIN_CONFIG_INVALID({ plugin: manifest.code, problems });
}
