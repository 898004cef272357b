import { expect } from 'chai';
import { planDisable, planEnable, type PlannedPlugin } from './plan.js';

// core ← tenancy ← catalog ← inventory; orders requires catalog and payments; checkout requires orders.
const PLUGINS: PlannedPlugin[] = [
  { code: 'core', tier: 'core', state: 'loaded', requires: [] },
  { code: 'tenancy', tier: 'core', state: 'loaded', requires: ['core'] },
  { code: 'catalog', tier: 'optional', state: 'loaded', requires: ['tenancy'] },
  { code: 'inventory', tier: 'optional', state: 'loaded', requires: ['catalog'] },
  { code: 'payments', tier: 'optional', state: 'loaded', requires: ['tenancy'] },
  { code: 'orders', tier: 'optional', state: 'loaded', requires: ['catalog', 'payments'] },
  { code: 'checkout', tier: 'optional', state: 'loaded', requires: ['orders'] },
  {
    code: 'broken',
    tier: 'optional',
    state: 'failed',
    requires: [],
    error: { code: 'WZ_PLUGIN_ENTRY', message: 'no entry' },
  },
];

const reasons = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

describe('enablement plans', () => {
  it('enabling pulls in every requirement, recorded as required-by, and never core plugins', () => {
    const { plan, reasons: next } = planEnable(PLUGINS, reasons({}), 'checkout');
    expect(plan).to.deep.equal({ enable: ['checkout', 'orders', 'catalog', 'payments'], disable: [], release: [] });
    expect(Object.fromEntries(next)).to.deep.equal({
      checkout: ['explicit'],
      orders: ['required-by:checkout'],
      catalog: ['required-by:orders'],
      payments: ['required-by:orders'],
    });
  });

  it('enabling an already required plugin explicitly adds the reason and enables nothing else', () => {
    const { plan, reasons: next } = planEnable(
      PLUGINS,
      reasons({ catalog: ['required-by:orders'], orders: ['explicit'], payments: ['required-by:orders'] }),
      'catalog',
    );
    expect(plan.enable).to.deep.equal([]);
    expect(next.get('catalog')).to.deep.equal(['explicit', 'required-by:orders']);
  });

  it('refuses failed plugins (WZ_PLUGIN_NOT_LOADED, with its error) and unknown ones (WZ_PLUGIN_NOT_FOUND)', () => {
    expect(() => planEnable(PLUGINS, reasons({}), 'broken'))
      .to.throw()
      .with.property('code', 'WZ_PLUGIN_NOT_LOADED');
    expect(() => planEnable(PLUGINS, reasons({}), 'ghost'))
      .to.throw()
      .with.property('code', 'WZ_PLUGIN_NOT_FOUND');
  });

  const enabledShop = () =>
    reasons({
      checkout: ['explicit'],
      orders: ['required-by:checkout'],
      catalog: ['required-by:orders'],
      payments: ['required-by:orders'],
      inventory: ['explicit'],
    });

  it('disabling takes every enabled dependent along and lists what could be released', () => {
    const { plan, reasons: next } = planDisable(PLUGINS, enabledShop(), 'orders', false);
    expect(plan).to.deep.equal({ enable: [], disable: ['orders', 'checkout'], release: ['payments'] });
    expect(next.get('orders')).to.deep.equal([]);
    expect(next.get('checkout')).to.deep.equal([]);
    expect(next.has('payments'), 'not released unless asked').to.equal(false);
    // inventory (enabled) requires catalog, whose only recorded reason was orders: it stays, now for inventory.
    expect(next.get('catalog')).to.deep.equal(['required-by:inventory']);
  });

  it('releases, when asked, what only the disabled plugins required', () => {
    const current = reasons({
      checkout: ['explicit'],
      orders: ['required-by:checkout'],
      catalog: ['required-by:orders'],
      payments: ['required-by:orders'],
    });
    const { plan, reasons: next } = planDisable(PLUGINS, current, 'checkout', true);
    expect(plan.disable).to.deep.equal(['checkout', 'orders', 'catalog', 'payments']);
    expect(plan.release).to.deep.equal(['orders', 'catalog', 'payments']);
    expect([...next.values()].every((list) => list.length === 0)).to.equal(true);
  });

  it('keeps a plugin that something still enabled requires', () => {
    const current = reasons({
      orders: ['explicit'],
      catalog: ['required-by:inventory', 'required-by:orders'],
      payments: ['required-by:orders'],
      inventory: ['explicit'],
    });
    const { plan, reasons: next } = planDisable(PLUGINS, current, 'orders', true);
    expect(plan).to.deep.equal({ enable: [], disable: ['orders', 'payments'], release: ['payments'] });
    expect(next.get('catalog')).to.deep.equal(['required-by:inventory']);
  });

  it('refuses to disable a core plugin (WZ_PLUGIN_CORE_REQUIRED)', () => {
    expect(() => planDisable(PLUGINS, reasons({}), 'tenancy', false))
      .to.throw()
      .with.property('code', 'WZ_PLUGIN_CORE_REQUIRED');
  });
});
