import type { PluginNode } from '../kernel/plugin-node.js';

/** One row of `wizamart plugins list --json`. */
export interface PluginReportRow {
  code: string;
  name: string;
  package: string;
  version: string;
  tier: string | null;
  requires: Record<string, string>;
  optionalRequires: Record<string, string>;
  state: 'ok' | 'failed' | 'blocked';
  error: { code: string; message: string } | null;
}

/** The report rows of the plugins, in the order given (topological). */
export function toReportRows(nodes: readonly PluginNode[]): PluginReportRow[] {
  return nodes.map((node) => ({
    code: node.code,
    name: node.manifest?.name ?? String((node.pkg.manifest as { name?: unknown } | null)?.name ?? node.pkg.packageName),
    package: node.pkg.packageName,
    version: node.pkg.version,
    tier: node.manifest?.tier ?? null,
    requires: node.manifest?.requires ?? {},
    optionalRequires: node.manifest?.optionalRequires ?? {},
    state: node.state,
    error: node.error ? { code: node.error.code, message: node.error.message } : null,
  }));
}
