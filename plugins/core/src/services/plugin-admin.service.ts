import type {
  EnablementAuditEntry,
  EnablementResult,
  InstalledPluginInfo,
  Platform,
  PlatformDirectory,
  PlatformPlugin,
  PluginDirectory,
} from '@wizamart/plugin-sdk';
import type { Actor } from '@wizamart/plugin-sdk';

/** One installed plugin on the admin console's plugin page: its state, links, and enablement per platform. */
export interface PluginConsoleRow extends InstalledPluginInfo {
  dependents: string[];
  /** One cell per platform, in the order of `PluginConsole.platforms`. */
  platforms: Array<{ platform: string; enabled: boolean; reasons: string[] }>;
}

/** A node of the dependency graph, placed in layers: requirements to the left of the plugins that need them. */
export interface GraphNode {
  code: string;
  x: number;
  y: number;
  enabled: boolean;
  state: InstalledPluginInfo['state'];
  tier: string;
}

/** An edge from a plugin (`from`) to a plugin it requires (`to`), as an SVG path. */
export interface GraphEdge {
  from: string;
  to: string;
  path: string;
  enabled: boolean;
}

export interface DependencyGraph {
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** What the admin console's plugin page shows. */
export interface PluginConsole {
  platform: string;
  platforms: Platform[];
  plugins: PluginConsoleRow[];
  graph: DependencyGraph;
  audit: EnablementAuditEntry[];
}

const NODE_WIDTH = 140;
const NODE_HEIGHT = 36;
const COLUMN_GAP = 60;
const ROW_GAP = 18;
const MARGIN = 12;

/**
 * Lays the installed plugins out left to right by dependency depth (a plugin sits one column right of its deepest
 * requirement), sorted by code within a column; edges are cubic curves from a plugin's left edge to its requirement's
 * right edge. A requirement that is not installed is not drawn (its dependents are blocked and say why).
 */
export function layoutGraph(
  plugins: readonly InstalledPluginInfo[],
  enabled: (code: string) => boolean,
): DependencyGraph {
  const byCode = new Map(plugins.map((plugin) => [plugin.code, plugin]));
  const depth = new Map<string, number>();
  const depthOf = (code: string, seen: Set<string>): number => {
    const known = depth.get(code);
    if (known !== undefined) return known;
    if (seen.has(code)) return 0; // a cycle: the kernel blocks such plugins; draw them without looping here
    seen.add(code);
    const requires = byCode.get(code)?.requires.filter((required) => byCode.has(required)) ?? [];
    const value = requires.length === 0 ? 0 : 1 + Math.max(...requires.map((required) => depthOf(required, seen)));
    depth.set(code, value);
    return value;
  };
  const columns: string[][] = [];
  for (const plugin of [...plugins].sort((a, b) => a.code.localeCompare(b.code))) {
    const column = depthOf(plugin.code, new Set());
    (columns[column] ??= []).push(plugin.code);
  }
  const position = new Map<string, { x: number; y: number }>();
  columns.forEach((codes, column) =>
    codes.forEach((code, row) => {
      position.set(code, { x: MARGIN + column * (NODE_WIDTH + COLUMN_GAP), y: MARGIN + row * (NODE_HEIGHT + ROW_GAP) });
    }),
  );
  const nodes: GraphNode[] = plugins.map((plugin) => ({
    code: plugin.code,
    ...position.get(plugin.code)!,
    enabled: enabled(plugin.code),
    state: plugin.state,
    tier: plugin.tier,
  }));
  const edges: GraphEdge[] = [];
  for (const plugin of plugins) {
    const from = position.get(plugin.code)!;
    for (const required of plugin.requires) {
      const to = position.get(required);
      if (!to) continue;
      const [x1, y1, x2, y2] = [from.x, from.y + NODE_HEIGHT / 2, to.x + NODE_WIDTH, to.y + NODE_HEIGHT / 2];
      const bend = (x1 - x2) / 2;
      edges.push({
        from: plugin.code,
        to: required,
        path: `M${x1},${y1} C${x1 - bend},${y1} ${x2 + bend},${y2} ${x2},${y2}`,
        enabled: enabled(plugin.code) && enabled(required),
      });
    }
  }
  const rows = Math.max(1, ...columns.map((codes) => codes.length));
  return {
    width: MARGIN * 2 + Math.max(1, columns.length) * NODE_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP,
    height: MARGIN * 2 + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP,
    nodeWidth: NODE_WIDTH,
    nodeHeight: NODE_HEIGHT,
    nodes,
    edges,
  };
}

/**
 * Plugin enablement as platform admins manage it: the host's plugin directory does the planning, applying, audit
 * and propagation; this service speaks for the admin (the actor) and assembles the console's view.
 */
export class PluginAdminService {
  constructor(
    private readonly plugins: () => PluginDirectory,
    private readonly platforms: () => PlatformDirectory,
  ) {}

  list(platform: string): Promise<PlatformPlugin[]> {
    return this.plugins().forPlatform(platform);
  }

  change(
    actor: Actor,
    platform: string,
    code: string,
    action: 'enable' | 'disable',
    input: { dryRun?: boolean; release?: boolean },
  ): Promise<EnablementResult> {
    const who = actor.email ?? (actor.id ? `${actor.kind}:${actor.id}` : actor.kind);
    return this.plugins().change(platform, code, action, {
      dryRun: input.dryRun ?? false,
      release: input.release ?? false,
      actor: who,
    });
  }

  audit(platform: string, limit?: number): Promise<EnablementAuditEntry[]> {
    return this.plugins().audit(platform, limit);
  }

  /** The console page of `platform` (the graph highlights what it has enabled); every platform gets a column. */
  async console(platform: string): Promise<PluginConsole> {
    const directory = this.plugins();
    const platforms = await this.platforms().list();
    const selected = await directory.forPlatform(platform); // WZ_PLATFORM_NOT_FOUND for an unknown one
    const perPlatform = await Promise.all(
      platforms.map(
        async (p) =>
          new Map((p.code === platform ? selected : await directory.forPlatform(p.code)).map((row) => [row.code, row])),
      ),
    );
    const installed = directory.list().filter((plugin) => plugin.tier !== 'unknown');
    const dependents = new Map<string, string[]>();
    for (const plugin of installed)
      for (const required of plugin.requires)
        dependents.set(required, [...(dependents.get(required) ?? []), plugin.code]);
    const enabledHere = new Map(selected.map((row) => [row.code, row.enabled]));
    const plugins = installed.map((plugin) => ({
      ...plugin,
      dependents: (dependents.get(plugin.code) ?? []).sort(),
      platforms: platforms.map((p, index) => {
        const row = perPlatform[index].get(plugin.code);
        return { platform: p.code, enabled: row?.enabled ?? false, reasons: row?.reasons ?? [] };
      }),
    }));
    return {
      platform,
      platforms,
      plugins,
      graph: layoutGraph(installed, (code) => enabledHere.get(code) ?? false),
      audit: await directory.audit(platform, 20),
    };
  }
}
