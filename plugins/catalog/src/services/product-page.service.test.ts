import { expect } from 'chai';
import { createRequestContext } from '@wizamart/plugin-sdk';
import type { InstalledPluginInfo, PluginDirectory, PluginLogger } from '@wizamart/plugin-sdk';
import type { ProductPageForm, ProductPageProduct } from '../index.js';
import { ProductPageSlot } from './product-page.service.js';

const product: ProductPageProduct = {
  id: 'p1',
  slug: 'tee',
  title: 'Tee',
  url: '/storefront/s/products/tee',
  options: [],
  variants: [],
};
const ctx = createRequestContext({ requestId: 'req-1', platform: 'main', surface: 'storefront' });
const form = { csrfToken: () => 'token-1' };

/** The two members the slot reads of the host's plugin directory, over a fixed table. */
function directory(
  plugins: Record<string, { state: InstalledPluginInfo['state']; enabled: boolean }>,
): Pick<PluginDirectory, 'list' | 'isEnabled'> {
  return {
    list: () =>
      Object.entries(plugins).map(([code, { state }]) => ({
        code,
        name: code,
        tier: 'optional',
        version: '0.1.0',
        state,
        error: null,
        requires: [],
        permissions: [],
      })),
    isEnabled: (platform: string, code: string) => platform === 'main' && Boolean(plugins[code]?.enabled),
  };
}

/** A logger that keeps the error lines. */
function recordingLogger(errors: Array<Record<string, unknown>>): PluginLogger {
  const logger = {
    error: (fields: Record<string, unknown>) => errors.push(fields),
    warn() {},
    info() {},
    debug() {},
    child: () => logger,
  };
  return logger as unknown as PluginLogger;
}

describe('catalog product page panels', () => {
  it('renders the panels of enabled, loaded plugins in order (default 100) and logs a failing one', async () => {
    const errors: Array<Record<string, unknown>> = [];
    const plugins = directory({
      a: { state: 'loaded', enabled: true },
      off: { state: 'loaded', enabled: false },
      gone: { state: 'failed', enabled: true },
    });
    const slot = new ProductPageSlot(() => plugins, recordingLogger(errors));
    slot.addPanel({ plugin: { code: 'a' } }, { id: 'late', partial: 'a/late', load: async () => ({ n: 1 }) });
    const early = async (_ctx: unknown, p: ProductPageProduct, f: ProductPageForm) => ({
      title: p.title,
      csrf: f.csrfToken(),
    });
    slot.addPanel({ plugin: { code: 'a' } }, { id: 'early', order: 5, partial: 'a/early', load: early });
    slot.addPanel(
      { plugin: { code: 'a' } },
      {
        id: 'broken',
        order: 6,
        partial: 'a/late',
        load: async () => {
          throw new Error('boom');
        },
      },
    );
    slot.addPanel({ plugin: { code: 'off' } }, { id: 'x', partial: 'off/x', load: async () => ({}) });
    slot.addPanel({ plugin: { code: 'gone' } }, { id: 'x', partial: 'gone/x', load: async () => ({}) });
    const panels = await slot.render(ctx, product, form);
    expect(panels.map((panel) => `${panel.plugin}.${panel.id}`)).to.deep.equal(['a.early', 'a.late']);
    expect(panels[0].data).to.deep.equal({ title: 'Tee', csrf: 'token-1' });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ plugin: 'a', panel: 'broken', requestId: 'req-1', product: 'p1' });
  });

  it("refuses another plugin's partial and an id added twice", () => {
    const slot = new ProductPageSlot(() => directory({}), recordingLogger([]));
    const add = (partial: string) => () =>
      slot.addPanel({ plugin: { code: 'a' } }, { id: 'p', partial, load: async () => ({}) });
    expect(add('b/p')).to.throw().with.property('code', 'WZ_PLUGIN_INVALID_ARGUMENT');
    add('a/p')();
    expect(add('a/p'))
      .to.throw(/added twice/)
      .with.property('code', 'WZ_PLUGIN_INVALID_ARGUMENT');
  });
});
