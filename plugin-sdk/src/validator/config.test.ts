import { expect } from 'chai';
import type { PluginManifest } from '../manifest.js';
import { checkConfig } from './config.js';
import type { PluginPackage } from './package.js';

function withConfig(config: Record<string, unknown>): PluginPackage {
  const manifest: PluginManifest = {
    code: 'orders',
    name: 'Orders',
    tier: 'optional',
    host: '^0.1.0',
    entry: './dist/plugin.js',
    config,
  };
  return { dir: '/nowhere', pkg: {}, manifest };
}

describe('checkConfig', () => {
  it('accepts an object schema with valid defaults, as first-party plugins declare them', () => {
    const config = {
      type: 'object',
      additionalProperties: false,
      properties: { mediaMaxBytes: { type: 'integer', minimum: 1024, default: 5242880, description: 'bytes' } },
    };
    expect(checkConfig(withConfig(config))).to.deep.equal([]);
  });

  it('reports a schema ajv cannot compile as WZV023', () => {
    const findings = checkConfig(withConfig({ type: 'object', properties: { size: { type: 'whole-number' } } }));
    expect(findings.map((f) => [f.rule, f.severity])).to.deep.equal([['WZV023', 'error']]);
    expect(findings[0].message).to.match(/does not compile: .*type/);
  });
});
