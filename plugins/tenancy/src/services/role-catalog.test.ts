import { expect } from 'chai';
import { missingPermissions, RoleCatalog } from './role-catalog.js';

describe('tenancy role catalog', () => {
  const catalog = new RoleCatalog(() => ['tenancy.team-view', 'tenancy.team-manage', 'orders.view', 'orders.manage']);

  it('gives owner *, manager every declared permission and staff the view permissions', () => {
    expect(catalog.permissionsOf('owner', null)).to.deep.equal(['*']);
    expect(catalog.permissionsOf('manager', null)).to.deep.equal(['orders.manage', 'orders.view', 'tenancy.team-manage', 'tenancy.team-view']);
    expect(catalog.permissionsOf('staff', null)).to.deep.equal(['orders.view', 'tenancy.team-view']);
    expect(catalog.permissionsOf('packer', ['orders.view'])).to.deep.equal(['orders.view']);
  });

  it('lists what a holder lacks; * lacks nothing', () => {
    expect(missingPermissions(new Set(['orders.view']), ['orders.view', 'orders.manage'])).to.deep.equal(['orders.manage']);
    expect(missingPermissions(new Set(['*']), ['anything'])).to.deep.equal([]);
    expect(missingPermissions(new Set(['orders.view']), ['*'])).to.deep.equal(['*']);
  });
});
