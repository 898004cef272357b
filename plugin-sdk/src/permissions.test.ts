import { expect } from 'chai';
import { definePermissions, permissionCodes, permissionDeclarations } from './permissions.js';

describe('permissions', () => {
  it('definePermissions returns the frozen codes and refuses a foreign or empty action', () => {
    const P = definePermissions('orders', { view: 'orders.view', manage: 'orders.manage' });
    expect(P).to.deep.equal({ view: 'orders.view', manage: 'orders.manage' });
    expect(Object.isFrozen(P)).to.equal(true);
    expect(() => definePermissions('orders', { view: 'orders.' })).to.throw(/must be "orders.<action>"/);
    // A foreign code does not type-check either; the runtime check covers plain JavaScript plugins.
    expect(() => definePermissions('orders', { view: 'catalog.view' as 'orders.view' })).to.throw(/catalog\.view/);
  });

  it('reads plain strings and declarations alike', () => {
    const manifest = {
      permissions: ['a.x', { code: 'a.y', name: 'a.permissions.y.name', description: 'a.permissions.y.description' }],
    };
    expect(permissionCodes(manifest)).to.deep.equal(['a.x', 'a.y']);
    expect(permissionDeclarations(manifest)[0]).to.deep.equal({ code: 'a.x', name: 'a.x', description: 'a.x' });
    expect(permissionDeclarations(manifest)[1].name).to.equal('a.permissions.y.name');
  });
});
