import { expect } from 'chai';
import type { InstalledPluginInfo, PluginDirectory, PluginLogger } from '@wizamart/plugin-sdk';
import type { Request, Response } from 'express';
import type { ProductPageProduct } from '../index.js';
import { ProductPageSlot } from './product-page.service.js';

const product: ProductPageProduct = { id: 'p1', slug: 'tee', title: 'Tee', url: '/storefront/s/products/tee', options: [], variants: [] };
const req = { wz: { id: 'req-1', tenant: { platform: 'main' } } } as unknown as Request;
const res = {} as Response;

/** The two members the slot reads of the host's plugin directory, over a fixed table. */
function directory(plugins: Record<string, { state: InstalledPluginInfo['state']; enabled: boolean }>): Pick<PluginDirectory, 'list' | 'isEnabled'> {
  return {
    list: () => Object.entries(plugins).map(([code, { state }]) => ({ code, name: code, tier: 'optional', version: '0.1.0', state, error: null, requires: [], permissions: [] })),
    isEnabled: (platform: string, code: string) => platform === 'main' && Boolean(plugins[code]?.enabled),
  };
}

/** A logger that keeps the error lines. */
function recordingLogger(errors: Array<Record<string, unknown>>): PluginLogger {
  const logger = { error: (fields: Record<string, unknown>) => errors.push(fields), warn() {}, info() {}, debug() {}, child: () => logger };
  return logger as unknown as PluginLogger;
}

describe('catalog product page panels', () => {
  it('renders the panels of enabled, loaded plugins in order (default 100) and logs a failing one', async () => {
    const errors: Array<Record<string, unknown>> = [];
    const plugins = directory({ a: { state: 'loaded', enabled: true }, off: { state: 'loaded', enabled: false }, gone: { state: 'failed', enabled: true } });
    const slot = new ProductPageSlot(() => plugins, recordingLogger(errors));
    slot.addPanel({ plugin: { code: 'a' } }, { id: 'late', partial: 'a/late', load: async () => ({ n: 1 }) });
    slot.addPanel({ plugin: { code: 'a' } }, { id: 'early', order: 5, partial: 'a/early', load: async (_req, _res, p) => ({ title: p.title }) });
    slot.addPanel({ plugin: { code: 'a' } }, { id: 'broken', order: 6, partial: 'a/late', load: async () => { throw new Error('boom'); } });
    slot.addPanel({ plugin: { code: 'off' } }, { id: 'x', partial: 'off/x', load: async () => ({}) });
    slot.addPanel({ plugin: { code: 'gone' } }, { id: 'x', partial: 'gone/x', load: async () => ({}) });
    const panels = await slot.render(req, res, product);
    expect(panels.map((panel) => `${panel.plugin}.${panel.id}`)).to.deep.equal(['a.early', 'a.late']);
    expect(panels[0].data).to.deep.equal({ title: 'Tee' });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ plugin: 'a', panel: 'broken', requestId: 'req-1', product: 'p1' });
  });

  it('refuses another plugin\'s partial and an id added twice', () => {
    const slot = new ProductPageSlot(() => directory({}), recordingLogger([]));
    const add = (partial: string) => () => slot.addPanel({ plugin: { code: 'a' } }, { id: 'p', partial, load: async () => ({}) });
    expect(add('b/p')).to.throw().with.property('code', 'WZ_PLUGIN_INVALID_ARGUMENT');
    add('a/p')();
    expect(add('a/p')).to.throw(/added twice/).with.property('code', 'WZ_PLUGIN_INVALID_ARGUMENT');
  });
});
