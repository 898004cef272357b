import { styleText } from 'node:util';
import type { PluginReportRow } from './plugin-report.js';

type Paint = (format: Parameters<typeof styleText>[0], text: string) => string;

const STATE_COLOUR = { ok: 'green', failed: 'red', blocked: 'yellow' } as const;

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - text.length));
}

/** The human table of `wizamart plugins list`, coloured when `colour` is true (a TTY). */
export function formatPluginTable(rows: PluginReportRow[], colour: boolean): string {
  if (rows.length === 0)
    return 'No plugins installed. Install one with npm (a package with a "wizamart-plugin" manifest).\n';
  const paint: Paint = colour ? (format, text) => styleText(format, text) : (_format, text) => text;
  const columns = ['CODE', 'STATE', 'TIER', 'VERSION', 'PACKAGE', 'REQUIRES'];
  const cells = rows.map((row) => [
    row.code,
    row.state,
    row.tier ?? '-',
    row.version,
    row.package,
    [...Object.keys(row.requires), ...Object.keys(row.optionalRequires).map((code) => `${code}?`)].join(', ') || '-',
  ]);
  const widths = columns.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i].length)));
  const lines = [
    paint(
      'bold',
      columns
        .map((title, i) => pad(title, widths[i]))
        .join('  ')
        .trimEnd(),
    ),
  ];
  rows.forEach((row, index) => {
    const text = cells[index]
      .map((cell, i) => pad(cell, widths[i]))
      .join('  ')
      .trimEnd();
    lines.push(text.replace(row.state, paint(STATE_COLOUR[row.state], row.state)));
    if (row.error) lines.push(paint('dim', `  └ ${row.error.code}: ${row.error.message}`));
  });
  const counts = (['ok', 'failed', 'blocked'] as const).map(
    (state) => `${rows.filter((r) => r.state === state).length} ${state}`,
  );
  lines.push('', `${rows.length} plugins: ${counts.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
