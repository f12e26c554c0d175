/**
 * osquery results: either one JSON object keyed by query name for one host
 * (`{"os_version": [...], "programs": [...]}`), or osqueryd's results log
 * (NDJSON lines with `name`, `hostIdentifier` and `columns`, `snapshot` or
 * `diffResults`), replayed in order into one report per host.
 */
import type { Report, Software } from '../contract/report.js';
import { dedupeSoftware, importedReport } from './_report-parts.js';
import { ndjsonLines, parseJson } from './_json.js';
import { hostFromRow, osFromRow, softwareFromRow, tableOf, type Row, type Table } from './_osquery-tables.js';
import type { ImportError, Importer, ParseOptions, ParseResult } from './importer.js';

/** One host's current rows per table, keyed by the row's JSON so a "removed" event finds its "added". */
interface HostState {
  identifier: string;
  tables: Map<Table, Map<string, Row>>;
  lastUnixTime?: number;
}

export const osqueryImporter: Importer = {
  format: 'osquery',
  description: 'osquery JSON results: one object keyed by query name, or osqueryd results-log lines (NDJSON)',
  parse: parseOsquery,
};

export function parseOsquery(text: string, options: ParseOptions): ParseResult {
  const whole = parseJson(text);
  if (whole.ok && isQueryObject(whole.value)) return fromQueryObject(whole.value, options);
  // A broken multi-line document is one error at its line, not one per line read as NDJSON.
  const first = ndjsonLines(text)[0];
  if (!whole.ok && first && !parseJson(first.text).ok) return { reports: [], errors: [whole.error] };
  return fromResultsLog(text, options);
}

function isQueryObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('hostIdentifier' in value);
}

function fromQueryObject(value: Record<string, unknown>, options: ParseOptions): ParseResult {
  const state: HostState = { identifier: '', tables: new Map() };
  const errors: ImportError[] = [];
  for (const [query, rows] of Object.entries(value)) {
    const table = tableOf(query);
    if (!table) continue;
    if (!Array.isArray(rows) || rows.some((r) => typeof r !== 'object' || r === null)) {
      errors.push({ path: query, message: 'expected an array of result rows (objects)' });
      continue;
    }
    setRows(state, table, rows as Row[]);
  }
  if (!state.tables.has('system_info')) errors.push({ path: 'system_info', message: 'a system_info result (hostname) is needed to know which machine this is' });
  return errors.length ? { reports: [], errors } : { reports: [toReport(state, options)], errors };
}

function fromResultsLog(text: string, options: ParseOptions): ParseResult {
  const hosts = new Map<string, HostState>();
  const errors: ImportError[] = [];
  for (const { line, text: lineText } of ndjsonLines(text)) {
    const parsed = parseJson(lineText, line);
    if (!parsed.ok) {
      errors.push(parsed.error);
      continue;
    }
    const problem = applyLogLine(hosts, parsed.value);
    if (problem) errors.push({ line, message: problem });
  }
  if (!errors.length && !hosts.size) errors.push({ message: 'no osquery results found: expected a JSON object keyed by query name or results-log lines' });
  return errors.length ? { reports: [], errors } : { reports: [...hosts.values()].map((h) => toReport(h, options)), errors };
}

/** Applies one results-log line; returns a problem to report, if any. */
function applyLogLine(hosts: Map<string, HostState>, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object per line';
  const entry = value as Row;
  if (typeof entry.name !== 'string' || typeof entry.hostIdentifier !== 'string' || !entry.hostIdentifier.trim()) {
    return 'not an osqueryd result: "name" and "hostIdentifier" are needed';
  }
  const table = tableOf(entry.name);
  if (!table) return undefined;
  const host: HostState = hosts.get(entry.hostIdentifier) ?? { identifier: entry.hostIdentifier, tables: new Map() };
  hosts.set(entry.hostIdentifier, host);
  const time = Number(entry.unixTime);
  if (Number.isFinite(time) && time > 0) host.lastUnixTime = Math.max(host.lastUnixTime ?? 0, time);
  if (Array.isArray(entry.snapshot)) setRows(host, table, entry.snapshot as Row[]);
  else if (isRow(entry.columns)) changeRow(host, table, entry.columns, entry.action === 'removed' ? 'removed' : 'added');
  else if (isRow(entry.diffResults)) {
    const diff = entry.diffResults as { added?: unknown; removed?: unknown };
    for (const r of Array.isArray(diff.removed) ? diff.removed : []) if (isRow(r)) changeRow(host, table, r, 'removed');
    for (const r of Array.isArray(diff.added) ? diff.added : []) if (isRow(r)) changeRow(host, table, r, 'added');
  } else return 'no "columns", "snapshot" or "diffResults" in this result';
  return undefined;
}

const isRow = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

function setRows(host: HostState, table: Table, rows: Row[]): void {
  host.tables.set(table, new Map(rows.filter(isRow).map((r) => [JSON.stringify(r), r])));
}

function changeRow(host: HostState, table: Table, row: Row, action: 'added' | 'removed'): void {
  const rows = host.tables.get(table) ?? new Map<string, Row>();
  host.tables.set(table, rows);
  if (action === 'added') rows.set(JSON.stringify(row), row);
  else rows.delete(JSON.stringify(row));
}

function toReport(host: HostState, options: ParseOptions): Report {
  const rows = (t: Table) => [...(host.tables.get(t)?.values() ?? [])];
  const software = (['programs', 'deb_packages', 'rpm_packages'] as const).flatMap((t) => rows(t).map((r) => softwareFromRow(t, r))).filter((s): s is Software => s !== undefined);
  const collectedAt = host.lastUnixTime ? new Date(host.lastUnixTime * 1000).toISOString() : options.now.toISOString();
  return importedReport('osquery', { host: hostFromRow(rows('system_info')[0], host.identifier), os: osFromRow(rows('os_version')[0]), collectedAt, software: dedupeSoftware(software) });
}
