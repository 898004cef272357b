import { expect } from 'chai';
import type { PluginManifest } from '@wizamart/plugin-sdk';
import { configEnvName, loadPluginConfig } from './config.js';

const manifest = {
  code: 'gift-notes',
  name: 'Gift notes',
  tier: 'optional',
  host: '^0.1.0',
  entry: './plugin.js',
  config: {
    type: 'object',
    properties: { pageSize: { type: 'integer', default: 20 }, label: { type: 'string', default: 'x' } },
  },
} as unknown as PluginManifest;

describe('plugin config from the environment', () => {
  it('names variables WIZAMART_<CODE>_<KEY>', () => {
    expect(configEnvName('gift-notes', 'pageSize')).to.equal('WIZAMART_GIFT_NOTES_PAGE_SIZE');
  });

  it('reads WIZAMART_<CODE>_<KEY>, coerced, with defaults', () => {
    const warnings: string[] = [];
    const config = loadPluginConfig(manifest, { WIZAMART_GIFT_NOTES_PAGE_SIZE: '5' }, (_fields, message) =>
      warnings.push(message),
    );
    expect(config).to.deep.equal({ pageSize: 5, label: 'x' });
    expect(warnings).to.deep.equal([]);
  });

  it('still accepts the old WZ_<CODE>_<KEY>, warning once per variable; the new name wins', () => {
    const warnings: string[] = [];
    const warn = (_fields: Record<string, unknown>, message: string) => warnings.push(message);
    expect(loadPluginConfig(manifest, { WZ_GIFT_NOTES_LABEL: 'old' }, warn)).to.deep.include({ label: 'old' });
    expect(loadPluginConfig(manifest, { WZ_GIFT_NOTES_LABEL: 'old' }, warn)).to.deep.include({ label: 'old' });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('WZ_GIFT_NOTES_LABEL is deprecated').and.include('WIZAMART_GIFT_NOTES_LABEL');
    expect(
      loadPluginConfig(manifest, { WZ_GIFT_NOTES_LABEL: 'old', WIZAMART_GIFT_NOTES_LABEL: 'new' }, warn),
    ).to.deep.include({ label: 'new' });
  });

  it('names the new variable when a value is invalid', () => {
    expect(() => loadPluginConfig(manifest, { WIZAMART_GIFT_NOTES_PAGE_SIZE: 'many' })).to.throw(
      /WIZAMART_GIFT_NOTES_PAGE_SIZE must be integer/,
    );
  });
});
