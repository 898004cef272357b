import { expect } from 'chai';
import type { InstalledPluginInfo } from '@wizamart/plugin-sdk';
import { hostVersion, pluginOverview, profileView } from './overview.js';

const plugin = (code: string, tier: string, state: InstalledPluginInfo['state'] = 'loaded'): InstalledPluginInfo => ({
  code,
  name: code,
  tier,
  version: '1.0.0',
  state,
  error: null,
  requires: [],
  permissions: [],
});

describe('overview', () => {
  it('counts plugin states and enablement, core first', () => {
    const overview = pluginOverview(
      [
        plugin('orders', 'optional'),
        plugin('core', 'core'),
        plugin('cart', 'optional', 'blocked'),
        plugin('bad', 'optional', 'failed'),
        plugin('dev-tools', 'internal'),
      ],
      (code) => code === 'orders',
    );
    expect(overview).to.include({ total: 5, loaded: 3, failed: 1, blocked: 1, enabled: 2 });
    expect(overview.rows.map((row) => `${row.code}:${row.enabled}`)).to.deep.equal([
      'core:true',
      'bad:false',
      'cart:false',
      'orders:true',
      'dev-tools:false',
    ]);
  });

  it('shows a principal by name, else email, with sorted permissions', () => {
    const view = profileView({
      kind: 'staff',
      id: '1',
      email: 'a@example.com',
      name: '  ',
      permissions: new Set(['b.x', '*', 'a.y']),
    });
    expect(view).to.deep.include({ name: 'a@example.com', allPermissions: true, permissions: ['a.y', 'b.x'] });
  });

  it('reads the installed host version', () => {
    expect(hostVersion()).to.match(/^\d+\.\d+\.\d+/);
  });
});
