/**
 * RFC 4180 CSV: fields joined by commas, rows by CRLF, a field quoted when it holds a quote, comma, CR or LF (quotes
 * doubled). A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so
 * spreadsheet programs show it as text instead of running it as a formula (CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV row ending in CRLF. */
export function csvRow(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
