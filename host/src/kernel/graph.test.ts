import { expect } from 'chai';
import type { DiscoveredPackage } from './discover.js';
import { resolveGraph } from './graph.js';

function plugin(code: string, extra: Record<string, unknown> = {}, version = '1.0.0'): DiscoveredPackage {
  return {
    dir: `/virtual/${code}`,
    packageName: `@test/${code}`,
    version,
    peerDependencies: {},
    manifest: { code, name: code, tier: 'optional', host: '^0.1.0', entry: './plugin.js', ...extra },
  };
}

function states(graph: ReturnType<typeof resolveGraph>) {
  return Object.fromEntries(graph.order.map((node) => [node.code, node.error?.code ?? node.state]));
}

describe('resolveGraph', () => {
  it('orders dependencies first with an alphabetical tie-break', () => {
    const graph = resolveGraph(
      [
        plugin('cc', { requires: { aa: '*' } }),
        plugin('bb'),
        plugin('aa'),
        plugin('dd', { requires: { cc: '*', bb: '*' } }),
      ],
      '0.1.0',
    );
    expect(graph.order.map((n) => n.code)).to.deep.equal(['aa', 'bb', 'cc', 'dd']);
  });

  it('orders by present optional dependencies too', () => {
    const graph = resolveGraph([plugin('aa', { optionalRequires: { zz: '*' } }), plugin('zz')], '0.1.0');
    expect(graph.order.map((n) => n.code)).to.deep.equal(['zz', 'aa']);
  });

  it('names the shortest cycle through the first member and leaves outside plugins alone', () => {
    const graph = resolveGraph(
      [
        plugin('xx', { requires: { yy: '*' } }),
        plugin('yy', { requires: { xx: '*' } }),
        plugin('free'),
        plugin('user', { requires: { xx: '*' } }),
      ],
      '0.1.0',
    );
    expect(graph.byCode.get('yy')?.error?.message).to.equal('Dependency cycle: xx -> yy -> xx');
    expect(states(graph)).to.deep.equal({
      free: 'ok',
      user: 'WZ_PLUGIN_BLOCKED',
      xx: 'WZ_PLUGIN_CYCLE',
      yy: 'WZ_PLUGIN_CYCLE',
    });
  });

  it('treats a present optional dependency outside its range as a version error', () => {
    const graph = resolveGraph([plugin('aa', { optionalRequires: { bb: '^2.0.0' } }), plugin('bb')], '0.1.0');
    expect(graph.byCode.get('aa')?.error?.code).to.equal('WZ_PLUGIN_DEP_VERSION');
  });

  it('does not block a plugin whose optional dependency failed', () => {
    const graph = resolveGraph(
      [plugin('aa', { optionalRequires: { bb: '*' } }), plugin('bb', { host: '^9.0.0' })],
      '0.1.0',
    );
    expect(states(graph)).to.deep.equal({ aa: 'ok', bb: 'WZ_PLUGIN_HOST_RANGE' });
  });

  it('accepts prerelease hosts inside the range', () => {
    const graph = resolveGraph([plugin('aa', { host: '^0.1.0' })], '0.2.0-rc.1');
    expect(graph.byCode.get('aa')?.error?.code).to.equal('WZ_PLUGIN_HOST_RANGE');
    expect(resolveGraph([plugin('aa', { host: '>=0.1.0' })], '0.2.0-rc.1').byCode.get('aa')?.state).to.equal('ok');
  });

  it('lets a core plugin require core plugins only', () => {
    const graph = resolveGraph(
      [
        plugin('core', { tier: 'core' }),
        plugin('tenancy', { tier: 'core', requires: { core: '*' } }),
        plugin('shop', { tier: 'core', requires: { extra: '*' } }),
        plugin('extra', { tier: 'internal' }),
      ],
      '0.1.0',
    );
    expect(states(graph)).to.deep.equal({ core: 'ok', extra: 'ok', tenancy: 'ok', shop: 'WZ_PLUGIN_TIER' });
  });

  it('orders a thousand-plugin chain without recursion limits', () => {
    const chain = Array.from({ length: 1000 }, (_, i) =>
      plugin(
        `p${String(i).padStart(4, '0')}`,
        i === 0 ? {} : { requires: { [`p${String(i - 1).padStart(4, '0')}`]: '*' } },
      ),
    );
    const graph = resolveGraph(chain.reverse(), '0.1.0');
    expect(graph.order[0].code).to.equal('p0000');
    expect(graph.order[999].code).to.equal('p0999');
  });
});
