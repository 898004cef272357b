import type { DeclaredPermission } from '@wizamart/plugin-sdk';
import { expect } from 'chai';
import { missingPermissions, RoleCatalog } from './role-catalog.js';

function declared(code: string, surface: DeclaredPermission['surface'] = 'store'): DeclaredPermission {
  const [plugin, action] = code.split('.');
  const key = `${plugin}.permissions.${action}`;
  const pluginName = plugin.toUpperCase();
  return { code, name: `${key}.name`, description: `${key}.description`, surface, plugin, pluginName };
}

describe('tenancy role catalog', () => {
  const codes = ['tenancy.team-view', 'tenancy.team-manage', 'orders.view', 'orders.manage'];
  const shopper = declared('customers.account', 'storefront');
  const catalog = new RoleCatalog(() => [...codes.map((code) => declared(code)), shopper]);

  it('gives owner *, manager every declared permission and staff the view permissions', () => {
    expect(catalog.permissionsOf('owner', null)).to.deep.equal(['*']);
    expect(catalog.permissionsOf('manager', null)).to.deep.equal([
      'orders.manage',
      'orders.view',
      'tenancy.team-manage',
      'tenancy.team-view',
    ]);
    expect(catalog.permissionsOf('staff', null)).to.deep.equal(['orders.view', 'tenancy.team-view']);
    expect(catalog.permissionsOf('packer', ['orders.view'])).to.deep.equal(['orders.view']);
  });

  it('never grants a permission no installed plugin declares for store roles', () => {
    const stored = ['orders.view', 'gone.view', 'customers.account'];
    expect(catalog.permissionsOf('packer', stored)).to.deep.equal(['orders.view']);
    expect(catalog.permissions()).not.to.include('customers.account');
  });

  it('groups the store permissions by declaring plugin', () => {
    const groups = catalog.groups();
    const summary = groups.map((group) => [group.plugin, group.pluginName, group.permissions.map((p) => p.code)]);
    expect(summary).to.deep.equal([
      ['tenancy', 'TENANCY', ['tenancy.team-view', 'tenancy.team-manage']],
      ['orders', 'ORDERS', ['orders.view', 'orders.manage']],
    ]);
  });

  it('lists what a holder lacks; * lacks nothing', () => {
    expect(missingPermissions(new Set(['orders.view']), ['orders.view', 'orders.manage'])).to.deep.equal([
      'orders.manage',
    ]);
    expect(missingPermissions(new Set(['*']), ['anything'])).to.deep.equal([]);
    expect(missingPermissions(new Set(['orders.view']), ['*'])).to.deep.equal(['*']);
  });
});
