import type { PluginReportRow } from './plugin-report.js';

/** The output formats of `wizamart plugins graph`. */
export const GRAPH_FORMATS = ['mermaid', 'dot', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

interface Edge {
  from: string;
  to: string;
  optional: boolean;
  installed: boolean;
}

function edgesOf(rows: PluginReportRow[]): Edge[] {
  const installed = new Set(rows.map((row) => row.code));
  return rows.flatMap((row) => [
    ...Object.keys(row.requires).map((to) => ({ from: row.code, to, optional: false, installed: installed.has(to) })),
    ...Object.keys(row.optionalRequires).map((to) => ({
      from: row.code,
      to,
      optional: true,
      installed: installed.has(to),
    })),
  ]);
}

function mermaidId(code: string): string {
  return code.replace(/[^a-zA-Z0-9_]/g, '_');
}

function formatMermaid(rows: PluginReportRow[]): string {
  const lines = ['graph TD'];
  for (const row of rows) lines.push(`  ${mermaidId(row.code)}["${row.code} (${row.tier ?? '?'})"]:::${row.state}`);
  for (const edge of edgesOf(rows)) {
    if (!edge.installed && edge.optional) continue;
    if (!edge.installed) lines.push(`  ${mermaidId(edge.to)}["${edge.to} (missing)"]:::failed`);
    lines.push(`  ${mermaidId(edge.from)} ${edge.optional ? '-.->' : '-->'} ${mermaidId(edge.to)}`);
  }
  lines.push(
    '  classDef ok fill:#dcfce7,stroke:#15803d',
    '  classDef failed fill:#fee2e2,stroke:#b91c1c',
    '  classDef blocked fill:#fef9c3,stroke:#a16207',
  );
  return `${lines.join('\n')}\n`;
}

const DOT_COLOUR = { ok: '#15803d', failed: '#b91c1c', blocked: '#a16207' } as const;

function formatDot(rows: PluginReportRow[]): string {
  const lines = ['digraph plugins {', '  rankdir=LR;', '  node [shape=box, style=rounded];'];
  for (const row of rows)
    lines.push(
      `  "${row.code}" [label="${row.code}\\n${row.tier ?? '?'} ${row.version}", color="${DOT_COLOUR[row.state]}"];`,
    );
  for (const edge of edgesOf(rows)) {
    if (!edge.installed && edge.optional) continue;
    lines.push(`  "${edge.from}" -> "${edge.to}"${edge.optional ? ' [style=dashed]' : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function formatJson(rows: PluginReportRow[]): string {
  const nodes = rows.map(({ code, tier, version, state, error }) => ({ code, tier, version, state, error }));
  return `${JSON.stringify({ nodes, edges: edgesOf(rows) }, null, 2)}\n`;
}

/** Renders the plugin dependency graph (edges point from a plugin to what it requires; optional ones dashed). */
export function formatGraph(rows: PluginReportRow[], format: GraphFormat): string {
  if (format === 'dot') return formatDot(rows);
  if (format === 'json') return formatJson(rows);
  return formatMermaid(rows);
}
