import { RULES, type RuleId, type Severity } from './rules.js';

/** One problem the validator found. `file` is relative to the plugin folder when given. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  file?: string;
  hint: string;
}

/** The outcome of validating one plugin folder. */
export interface ValidationReport {
  /** The manifest code, or null when the manifest has none. */
  plugin: string | null;
  /** Absolute folder that was validated. */
  dir: string;
  findings: Finding[];
  errors: number;
  warnings: number;
}

/** Builds a finding of `rule`, taking severity and hint from the catalogue. */
export function finding(rule: RuleId, message: string, file?: string): Finding {
  const { severity, hint } = RULES[rule];
  return file === undefined ? { rule, severity, message, hint } : { rule, severity, message, file, hint };
}

/** Sorts findings (errors first, then by rule) and counts errors and warnings. */
export function buildReport(plugin: string | null, dir: string, findings: Finding[]): ValidationReport {
  const rank: Record<Severity, number> = { error: 0, warn: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.rule.localeCompare(b.rule));
  const count = (severity: Severity) => sorted.filter((f) => f.severity === severity).length;
  return { plugin, dir, findings: sorted, errors: count('error'), warnings: count('warn') };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The human-readable form printed by `wizamart-plugin validate`. */
export function formatReport(report: ValidationReport): string {
  const lines = [`${report.plugin ?? '(no plugin code)'} at ${report.dir}`];
  for (const f of report.findings) {
    lines.push(`  ${f.severity.padEnd(5)} ${f.rule} ${f.file ? `${f.file}: ` : ''}${f.message}`);
    lines.push(`        fix: ${f.hint}`);
  }
  const infos = report.findings.length - report.errors - report.warnings;
  const summary = `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}, ${infos} info`;
  lines.push(report.findings.length === 0 ? 'ok: no findings' : summary);
  return `${lines.join('\n')}\n`;
}
