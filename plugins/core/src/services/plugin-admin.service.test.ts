import type { InstalledPluginInfo } from '@wizamart/plugin-sdk';
import { expect } from 'chai';
import { layoutGraph } from './plugin-admin.service.js';

const plugin = (
  code: string,
  requires: string[] = [],
  state: InstalledPluginInfo['state'] = 'loaded',
): InstalledPluginInfo => ({
  code,
  name: code,
  tier: requires.length === 0 ? 'core' : 'optional',
  version: '1.0.0',
  state,
  error: null,
  requires,
  permissions: [],
});

describe('core plugin console dependency graph', () => {
  const plugins = [
    plugin('gift-notes', ['wishlist']),
    plugin('core'),
    plugin('wishlist', ['tenancy']),
    plugin('tenancy', ['core']),
    plugin('ghostly', ['missing'], 'blocked'),
  ];
  const enabled = new Set(['core', 'tenancy', 'wishlist']);
  const graph = layoutGraph(plugins, (code) => enabled.has(code));
  const node = (code: string) => graph.nodes.find((candidate) => candidate.code === code)!;

  it('puts every plugin one column right of its deepest requirement', () => {
    const column = (code: string) => (node(code).x - node('core').x) / (graph.nodeWidth + 60);
    expect(['core', 'tenancy', 'wishlist', 'gift-notes'].map(column)).to.deep.equal([0, 1, 2, 3]);
    expect(column('ghostly'), 'a requirement that is not installed is not drawn').to.equal(0);
  });

  it('draws one edge per installed requirement, highlighted only when both ends are enabled', () => {
    expect(graph.edges.map((edge) => [edge.from, edge.to, edge.enabled])).to.have.deep.members([
      ['gift-notes', 'wishlist', false],
      ['wishlist', 'tenancy', true],
      ['tenancy', 'core', true],
    ]);
    expect(node('gift-notes').enabled).to.equal(false);
  });

  it('sizes the drawing to hold every node without overlap', () => {
    const boxes = graph.nodes.map((n) => `${n.x},${n.y}`);
    expect(new Set(boxes).size).to.equal(boxes.length);
    for (const n of graph.nodes) {
      expect(n.x + graph.nodeWidth).to.be.at.most(graph.width);
      expect(n.y + graph.nodeHeight).to.be.at.most(graph.height);
    }
  });

  it('survives a dependency cycle (the kernel blocks such plugins; the page still draws them)', () => {
    const cyclic = layoutGraph([plugin('a', ['b']), plugin('b', ['a'])], () => false);
    expect(cyclic.nodes).to.have.length(2);
  });
});
