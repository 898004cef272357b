import { Ajv } from 'ajv';
import type { PluginPackage } from './package.js';
import { finding, type Finding } from './report.js';

const KEY = /^[a-z][a-zA-Z0-9]*$/;

function compileProblem(schema: Record<string, unknown>, strict: boolean): string | undefined {
  // Same options as the host's loadPluginConfig, plus strict mode for the warning pass.
  const ajv = new Ajv({ coerceTypes: true, useDefaults: true, allErrors: true, strict, logger: false });
  try {
    ajv.compile(schema);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function checkDefaults(properties: Record<string, unknown>): Finding[] {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  return Object.entries(properties).flatMap(([key, schema]) => {
    if (typeof schema !== 'object' || schema === null || !('default' in schema)) return [];
    const value = (schema as { default: unknown }).default;
    const validate = ajv.compile(schema);
    if (validate(value)) return [];
    const why = (validate.errors ?? [])
      .map((e) => `${e.instancePath || ''} ${e.message ?? e.keyword}`.trim())
      .join('; ');
    return [
      finding('WZV023', `config default of "${key}" (${JSON.stringify(value)}) is invalid: ${why}`, 'package.json'),
    ];
  });
}

/**
 * The manifest's config schema compiles the way the host compiles it, describes an object and has valid defaults
 * (WZV023, WZV024).
 */
export function checkConfig(plugin: PluginPackage): Finding[] {
  const schema = plugin.manifest.config;
  if (schema === undefined) return [];
  if (schema.type !== 'object')
    return [
      finding(
        'WZV023',
        `config must be a JSON Schema of type "object" (has type ${JSON.stringify(schema.type)})`,
        'package.json',
      ),
    ];
  const problem = compileProblem(schema, false);
  if (problem) return [finding('WZV023', `config schema does not compile: ${problem}`, 'package.json')];
  const properties = (
    typeof schema.properties === 'object' && schema.properties !== null ? schema.properties : {}
  ) as Record<string, unknown>;
  const findings = checkDefaults(properties);
  const strictProblem = compileProblem(schema, true);
  if (strictProblem)
    findings.push(finding('WZV024', `config schema fails ajv strict mode: ${strictProblem}`, 'package.json'));
  for (const key of Object.keys(properties).filter((k) => !KEY.test(k))) {
    findings.push(
      finding(
        'WZV024',
        `config key "${key}" does not map cleanly to a WIZAMART_${plugin.manifest.code.toUpperCase().replace(/-/g, '_')}_<KEY> variable`,
        'package.json',
      ),
    );
  }
  return findings;
}
