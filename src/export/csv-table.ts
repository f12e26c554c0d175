/**
 * A list as CSV (RFC 4180: CRLF line ends, a header row, fields with a comma,
 * quote or line break in double quotes, quotes doubled), safe to open in a
 * spreadsheet: a text cell that would start a formula is prefixed with '.
 * Every list's export (alerts, assets, actions…) is one column table here.
 */

export type CsvValue = string | number | boolean | null;

/** A column: its header and how a row gives its cell. */
export type CsvColumn<T> = readonly [header: string, cell: (row: T) => CsvValue];

// OWASP's list: = + - @ start a formula in Excel, LibreOffice and Sheets; tab and carriage return can too.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: text cells guarded against formulas, then quoted if they need it. Numbers and flags are never formulas. */
export function csvCell(v: CsvValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return String(v);
  const safe = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvTable<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map(([header]) => header).join(','), ...rows.map((r) => columns.map(([, cell]) => csvCell(cell(r))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
