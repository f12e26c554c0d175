/**
 * Imports the device register from a spreadsheet's CSV: a fixed, documented
 * header (docs/devices.md), every row checked with the API's own schema, each
 * error named by its line (the header is line 1), and only a clean file stored,
 * whole, in one transaction, in the importing trust's register. The same
 * device in a later file from that trust updates its row; another trust's
 * device with the same serial is that trust's own and is never touched.
 */
import { parseCsv } from '../import/csv.js';
import { inTransaction } from '../store/statements.js';
import { NewDeviceSchema, type NewDevice } from './device-schema.js';
import { importDevice, planImportDevice, type DeviceActor, type ImportOutcome } from './register.js';

/** The header, in the documented order; names are matched case-insensitively and any order is fine. */
export const DEVICE_CSV_COLUMNS = [
  'kind', 'name', 'model', 'serial', 'site', 'location', 'status', 'planned_removal_on', 'replacement',
  'owner_name', 'team', 'number', 'pager_type', 'provider', 'contract_end',
] as const;
type Column = (typeof DEVICE_CSV_COLUMNS)[number];

const REQUIRED: readonly Column[] = ['kind', 'name'];
export const MAX_DEVICE_CSV_BYTES = 5 * 1024 * 1024;

const FIELD_OF: Record<Column, keyof NewDevice> = {
  kind: 'kind', name: 'name', model: 'model', serial: 'serial', site: 'site', location: 'location', status: 'status',
  planned_removal_on: 'plannedRemovalOn', replacement: 'replacement', owner_name: 'ownerName', team: 'team', number: 'number',
  pager_type: 'pagerType', provider: 'provider', contract_end: 'contractEnd',
};
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([c, f]) => [f, c])) as Record<string, Column>;

export interface DeviceImportError {
  line: number;
  column?: string;
  message: string;
}

export interface DeviceImportRow {
  line: number;
  kind: string;
  name: string;
  site: string | null;
  outcome: ImportOutcome;
  deviceId: number | null;
}

export interface DeviceImportSummary {
  dryRun: boolean;
  rows: DeviceImportRow[];
  created: number;
  updated: number;
  unchanged: number;
}

export type DeviceImportResult = { ok: true; summary: DeviceImportSummary } | { ok: false; errors: DeviceImportError[] };

/** `organisationId`: the trust whose register the file is (hub/owning-organisation.ts). */
export function importDevicesCsv(actor: DeviceActor, text: string, opts: { dryRun: boolean; organisationId: number }): DeviceImportResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, errors: [{ line: parsed.error.line ?? 1, message: parsed.error.message }] };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, errors: [{ line: 1, message: `the file is empty; the first line is the header: ${DEVICE_CSV_COLUMNS.join(',')}` }] };
  const columns = readHeader(header.fields);
  if (!columns.ok) return { ok: false, errors: columns.errors };
  if (!records.length) return { ok: false, errors: [{ line: 2, message: 'the file holds no devices, only a header' }] };
  const rows = records.map((r) => readRow(r.line, r.fields, columns.columns));
  const errors = rows.flatMap((r) => r.errors);
  const planned = plan(actor, opts.organisationId, rows.flatMap((r) => (r.device ? [{ line: r.line, device: r.device }] : [])), errors);
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  if (!opts.dryRun) inTransaction(actor.db, () => planned.forEach((p) => importDevice(actor, p.device, opts.organisationId)));
  const count = (o: ImportOutcome) => planned.filter((p) => p.outcome === o).length;
  return {
    ok: true,
    summary: {
      dryRun: opts.dryRun, created: count('created'), updated: count('updated'), unchanged: count('unchanged'),
      rows: planned.map((p) => ({ line: p.line, kind: p.device.kind, name: p.device.name, site: p.device.site, outcome: p.outcome, deviceId: p.deviceId })),
    },
  };
}

type Header = { ok: true; columns: Column[] } | { ok: false; errors: DeviceImportError[] };

/** Unknown or repeated columns are refused rather than dropped: a misspelt "serail" would silently lose every serial. */
function readHeader(fields: string[]): Header {
  const names = fields.map((f) => f.trim().toLowerCase());
  const known = new Set<string>(DEVICE_CSV_COLUMNS);
  const errors: DeviceImportError[] = [];
  names.forEach((n, i) => {
    if (!known.has(n)) errors.push({ line: 1, column: n, message: `unknown column "${fields[i] ?? ''}": expected ${DEVICE_CSV_COLUMNS.join(', ')}` });
    else if (names.indexOf(n) !== i) errors.push({ line: 1, column: n, message: `column "${n}" appears twice` });
  });
  for (const r of REQUIRED) if (!names.includes(r)) errors.push({ line: 1, column: r, message: `the header has no "${r}" column` });
  return errors.length ? { ok: false, errors } : { ok: true, columns: names as Column[] };
}

interface ReadRow {
  line: number;
  device?: NewDevice;
  errors: DeviceImportError[];
}

function readRow(line: number, fields: string[], columns: Column[]): ReadRow {
  if (fields.length !== columns.length) return { line, errors: [{ line, message: `${fields.length} fields where the header has ${columns.length} (a comma inside a value needs "quotes")` }] };
  const value = Object.fromEntries(columns.map((c, i) => [FIELD_OF[c], fields[i] ?? '']));
  // A blank status means in use, as in the API.
  if (value.status === '') delete value.status;
  const r = NewDeviceSchema.safeParse(value);
  if (r.success) return { line, device: r.data, errors: [] };
  return { line, errors: r.error.issues.map((i) => ({ line, column: columnOf(i.path[0]), message: i.message })) };
}

const columnOf = (field: PropertyKey | undefined) => (typeof field === 'string' ? (COLUMN_OF[field] ?? field) : undefined);

interface Planned {
  line: number;
  device: NewDevice;
  outcome: ImportOutcome;
  deviceId: number | null;
}

/** What each clean row would do; rules across fields and rows (pager-only fields, the same device twice) add to `errors`. */
function plan(actor: DeviceActor, organisationId: number, rows: { line: number; device: NewDevice }[], errors: DeviceImportError[]): Planned[] {
  const seen = new Map<string, number>();
  return rows.map(({ line, device }) => {
    const p = planImportDevice(actor.db, device, organisationId, actor.now);
    errors.push(...p.issues.map((i) => ({ line, column: columnOf(i.path), message: i.message })));
    const key = identityKey(device);
    const first = seen.get(key);
    if (first !== undefined) errors.push({ line, message: `the same device as line ${first} (${device.serial ? 'kind and serial' : 'kind, name and site'})` });
    else seen.set(key, line);
    return { line, device, outcome: p.outcome, deviceId: p.deviceId };
  });
}

const identityKey = (d: NewDevice) => (d.serial ? `${d.kind}\u0000${d.serial.toLowerCase()}` : `${d.kind}\u0000\u0000${d.name.toLowerCase()}\u0000${(d.site ?? '').toLowerCase()}`);
