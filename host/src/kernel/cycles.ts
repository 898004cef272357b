import { dependencyCodes, type PluginNode } from './plugin-node.js';

type Edges = Map<string, string[]>;

function buildEdges(nodes: PluginNode[], byCode: Map<string, PluginNode>): Edges {
  const edges: Edges = new Map();
  for (const node of nodes) {
    if (!node.manifest || byCode.get(node.code) !== node) continue;
    const targets = dependencyCodes(node, true).filter((code) => byCode.get(code)?.manifest !== undefined);
    edges.set(node.code, targets.sort());
  }
  return edges;
}

/** Tarjan's strongly connected components, iterative so deep graphs cannot overflow the stack. */
function stronglyConnected(edges: Edges): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of [...edges.keys()].sort()) {
    if (index.has(start)) continue;
    const work: Array<{ code: string; next: number }> = [{ code: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = edges.get(frame.code) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ code: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.code, Math.min(low.get(frame.code)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].code;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.code)!));
      }
      if (low.get(frame.code) !== index.get(frame.code)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.code);
      components.push(component);
    }
  }
  return components;
}

/** A simple cycle through `start` inside one component, found breadth-first so it is a shortest one. */
function cycleThrough(start: string, members: Set<string>, edges: Edges): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const code = queue.shift()!;
    for (const target of edges.get(code) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [code];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return path;
      }
      if (!previous.has(target) && target !== start) {
        previous.set(target, code);
        queue.push(target);
      }
    }
  }
  return [start];
}

/** One dependency cycle: the codes along it (`['a', 'b', 'c']` for a → b → c → a) and every plugin caught in it. */
export interface DependencyCycle {
  path: string[];
  members: string[];
}

/**
 * Every dependency cycle among the plugins, one per strongly connected component; the path starts at the
 * alphabetically first member so the message is stable.
 */
export function findCycles(nodes: PluginNode[], byCode: Map<string, PluginNode>): DependencyCycle[] {
  const edges = buildEdges(nodes, byCode);
  return stronglyConnected(edges)
    .filter((component) => component.length > 1 || (edges.get(component[0]) ?? []).includes(component[0]))
    .map((component) => {
      const members = new Set(component);
      const start = [...component].sort()[0];
      return { path: cycleThrough(start, members, edges), members: [...component].sort() };
    });
}
