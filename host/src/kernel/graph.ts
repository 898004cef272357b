import { validateManifest } from '@wizamart/plugin-sdk';
import semver from 'semver';
import type { DiscoveredPackage } from './discover.js';
import { findCycles } from './cycles.js';
import { dependencyCodes, failNode, type PluginNode } from './plugin-node.js';

/** The plugins in topological order (dependencies first; failed and cyclic ones last) and an index by code. */
export interface ResolvedGraph {
  order: PluginNode[];
  byCode: Map<string, PluginNode>;
}

const RANGE_OPTIONS = { includePrerelease: true } as const;

function createNode(pkg: DiscoveredPackage): PluginNode {
  const result = validateManifest(pkg.manifest);
  const rawCode = (pkg.manifest as { code?: unknown } | null)?.code;
  const node: PluginNode = {
    pkg,
    code: typeof rawCode === 'string' && rawCode !== '' ? rawCode : pkg.packageName,
    state: 'ok',
    error: null,
  };
  if (result.valid) node.manifest = result.manifest;
  else {
    const summary = result.problems.map((p) => `${p.path} ${p.message}`).join('; ');
    failNode(node, {
      code: 'WZ_PLUGIN_MANIFEST_INVALID',
      message: `Manifest of ${pkg.packageName} is invalid: ${summary}`,
      details: { problems: result.problems },
    });
  }
  return node;
}

function checkDuplicates(nodes: PluginNode[]): void {
  const groups = new Map<string, PluginNode[]>();
  for (const node of nodes) groups.set(node.code, [...(groups.get(node.code) ?? []), node]);
  for (const [code, group] of groups) {
    if (group.length < 2) continue;
    const packages = group.map((node) => `${node.pkg.packageName}@${node.pkg.version} (${node.pkg.dir})`);
    for (const node of group) {
      failNode(node, {
        code: 'WZ_PLUGIN_DUPLICATE_CODE',
        message: `Plugin code "${code}" is declared by ${group.length} packages: ${packages.join(', ')}`,
        details: { packages },
      });
    }
  }
}

function checkHostRange(node: PluginNode, hostVersion: string): void {
  const range = node.manifest?.host;
  if (range === undefined || semver.satisfies(hostVersion, range, RANGE_OPTIONS)) return;
  failNode(node, {
    code: 'WZ_PLUGIN_HOST_RANGE',
    message: `${node.code} needs @wizamart/host ${range} but this host is ${hostVersion}`,
    details: { range, hostVersion },
  });
}

function checkDependencies(node: PluginNode, byCode: Map<string, PluginNode>): void {
  const manifest = node.manifest;
  if (!manifest) return;
  const entries = [
    ...Object.entries(manifest.requires ?? {}).map(([code, range]) => ({ code, range, optional: false })),
    ...Object.entries(manifest.optionalRequires ?? {}).map(([code, range]) => ({ code, range, optional: true })),
  ];
  const missing = entries.filter((dep) => !dep.optional && !byCode.has(dep.code)).map((dep) => dep.code);
  if (missing.length > 0) {
    failNode(node, {
      code: 'WZ_PLUGIN_MISSING_DEP',
      message: `${node.code} requires ${missing.map((code) => `"${code}"`).join(', ')}, which is not installed`,
      details: { missing },
    });
    return;
  }
  const mismatched = entries.flatMap((dep) => {
    const target = byCode.get(dep.code);
    if (!target || semver.satisfies(target.pkg.version, dep.range, RANGE_OPTIONS)) return [];
    return [{ code: dep.code, range: dep.range, installed: target.pkg.version }];
  });
  if (mismatched.length === 0) return;
  failNode(node, {
    code: 'WZ_PLUGIN_DEP_VERSION',
    message: mismatched
      .map((m) => `${node.code} requires ${m.code} ${m.range} but ${m.installed} is installed`)
      .join('; '),
    details: { mismatched },
  });
}

function checkTier(node: PluginNode, byCode: Map<string, PluginNode>): void {
  if (node.manifest?.tier !== 'core') return;
  const nonCore = dependencyCodes(node, false).filter((code) => {
    const tier = byCode.get(code)?.manifest?.tier;
    return tier !== undefined && tier !== 'core';
  });
  if (nonCore.length === 0) return;
  failNode(node, {
    code: 'WZ_PLUGIN_TIER',
    message: `Core plugin ${node.code} requires non-core ${nonCore.join(', ')}; core plugins may only require core plugins`,
    details: { nonCore },
  });
}

function checkCycles(nodes: PluginNode[], byCode: Map<string, PluginNode>): void {
  for (const cycle of findCycles(nodes, byCode)) {
    const path = [...cycle.path, cycle.path[0]].join(' -> ');
    for (const code of cycle.members) {
      failNode(byCode.get(code)!, {
        code: 'WZ_PLUGIN_CYCLE',
        message: `Dependency cycle: ${path}`,
        details: { cycle: cycle.path, members: cycle.members },
      });
    }
  }
}

function blockedFailure(node: PluginNode, bad: PluginNode, root: PluginNode) {
  const because =
    bad === root
      ? `which failed (${root.error?.code})`
      : `which is blocked because ${root.code} failed (${root.error?.code})`;
  return {
    code: 'WZ_PLUGIN_BLOCKED',
    message: `${node.code} is blocked: it requires ${bad.code}, ${because}`,
    details: { dependency: bad.code, root: root.code, rootCode: root.error?.code },
  };
}

/**
 * Marks plugins whose required plugins failed or are blocked as `blocked`, naming the dependency and the failed
 * plugin at the root. A failed optional dependency is treated as absent. Repeats until nothing changes, so the
 * order of `nodes` does not matter.
 */
export function propagateBlocked(nodes: PluginNode[], byCode: Map<string, PluginNode>): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const node of nodes) {
      if (node.state !== 'ok') continue;
      const bad = dependencyCodes(node, false)
        .map((code) => byCode.get(code))
        .find((dep) => dep !== undefined && dep.state !== 'ok');
      if (!bad) continue;
      const root = bad.state === 'failed' ? bad : (byCode.get(String(bad.error?.details?.root)) ?? bad);
      node.state = 'blocked';
      node.error = blockedFailure(node, bad, root);
      changed = true;
    }
  }
}

function topologicalOrder(nodes: PluginNode[], byCode: Map<string, PluginNode>): PluginNode[] {
  const ordered = nodes.filter(
    (node) => node.manifest && node.error?.code !== 'WZ_PLUGIN_CYCLE' && byCode.get(node.code) === node,
  );
  const inGraph = new Set(ordered);
  const edges = (node: PluginNode) =>
    dependencyCodes(node, true)
      .map((code) => byCode.get(code))
      .filter((dep): dep is PluginNode => !!dep && inGraph.has(dep));
  const pending = new Map(ordered.map((node) => [node, edges(node).length]));
  const dependents = new Map<PluginNode, PluginNode[]>(ordered.map((node) => [node, []]));
  for (const node of ordered) for (const dep of edges(node)) dependents.get(dep)!.push(node);
  const byName = (a: PluginNode, b: PluginNode) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const ready = ordered.filter((node) => pending.get(node) === 0).sort(byName);
  const result: PluginNode[] = [];
  while (ready.length > 0) {
    const node = ready.shift()!;
    result.push(node);
    for (const next of dependents.get(node)!) {
      pending.set(next, pending.get(next)! - 1);
      if (pending.get(next) === 0) {
        ready.push(next);
        ready.sort(byName);
      }
    }
  }
  const rest = nodes.filter((node) => !result.includes(node)).sort(byName);
  return [...result, ...rest];
}

/**
 * Validates every discovered plugin and orders them by their dependency graph. Every problem marks the plugin
 * `failed` with a stable code and its dependents `blocked`; nothing is imported here.
 */
export function resolveGraph(packages: DiscoveredPackage[], hostVersion: string): ResolvedGraph {
  const nodes = packages.map(createNode);
  checkDuplicates(nodes);
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  for (const node of nodes) checkHostRange(node, hostVersion);
  for (const node of nodes) checkDependencies(node, byCode);
  for (const node of nodes) checkTier(node, byCode);
  checkCycles(nodes, byCode);
  const order = topologicalOrder(nodes, byCode);
  propagateBlocked(order, byCode);
  return { order, byCode };
}
