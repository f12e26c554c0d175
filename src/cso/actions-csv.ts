/**
 * The action list as CSV (RFC 4180: CRLF line ends, a header row, fields with
 * a comma, quote or line break in double quotes, quotes doubled), safe to open
 * in a spreadsheet: a text cell that would start a formula is prefixed with '.
 */
import type { ActionRow } from '../store/actions.js';

const COLUMNS: readonly [string, (a: ActionRow) => string | number | boolean | null][] = [
  ['id', (a) => a.id],
  ['organisation', (a) => a.organisation],
  ['title', (a) => a.title],
  ['status', (a) => a.status],
  ['owner', (a) => a.owner],
  ['due_date', (a) => a.dueDate],
  ['overdue', (a) => a.overdue],
  ['hazard_id', (a) => a.hazardId],
  ['hazard_title', (a) => a.hazardTitle],
  ['controls_hazard', (a) => a.controlsHazard],
  ['alert_id', (a) => a.alertId],
  ['asset_id', (a) => a.assetId],
  ['hostname', (a) => a.hostname],
  ['created_by', (a) => a.createdBy],
  ['created_at', (a) => a.createdAt],
  ['completed_at', (a) => a.completedAt],
];

// OWASP's list: = + - @ start a formula in Excel, LibreOffice and Sheets; tab and carriage return can too.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: text cells guarded against formulas, then quoted if they need it. Numbers and flags are never formulas. */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return String(v);
  const safe = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function actionsCsv(rows: readonly ActionRow[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(','), ...rows.map((r) => COLUMNS.map(([, get]) => csvCell(get(r))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
