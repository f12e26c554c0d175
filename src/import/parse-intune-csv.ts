/**
 * Intune "Discovered apps" per-device exports and MECM/ConfigMgr Add/Remove
 * Programs CSVs: one row per device × application, grouped into one report per
 * device. Accepted headers are in _csv-columns.ts (and docs/imports.md).
 */
import type { Os, Report, Software } from '../contract/report.js';
import { clip, dedupeSoftware, hostNames, importedReport, installDate, UNKNOWN_OS } from './_report-parts.js';
import { COLUMN_ALIASES, mapColumns, REQUIRED_COLUMNS, type Column } from './_csv-columns.js';
import { parseCsv, type CsvRecord } from './csv.js';
import type { ImportError, Importer, ParseOptions, ParseResult } from './importer.js';

interface DeviceRows {
  name: string;
  os?: { name?: string; version?: string; platform?: string };
  software: Software[];
}

export const intuneCsvImporter: Importer = {
  format: 'intune',
  description: 'Intune "Discovered apps" per-device export or MECM/ConfigMgr Add/Remove Programs CSV',
  parse: parseIntuneCsv,
};

export function parseIntuneCsv(text: string, options: ParseOptions): ParseResult {
  const csv = parseCsv(text);
  if (!csv.ok) return { reports: [], errors: [csv.error] };
  const [header, ...rows] = csv.records;
  if (!header) return { reports: [], errors: [{ line: 1, message: 'the file is empty: expected a header line and one row per device and application' }] };
  const columns = mapColumns(header.fields);
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length) return { reports: [], errors: missing.map((c) => missingColumn(c)) };
  const devices = new Map<string, DeviceRows>();
  const errors: ImportError[] = [];
  for (const row of rows) {
    const problem = addRow(devices, row, header.fields, columns);
    if (problem) errors.push(problem);
  }
  const collectedAt = options.now.toISOString();
  const reports = [...devices.values()].map((d): Report =>
    importedReport('intune', { host: hostNames(d.name), os: deviceOs(d.os), collectedAt, software: dedupeSoftware(d.software) }),
  );
  return { reports, errors };
}

function missingColumn(column: Column): ImportError {
  const hint = column === 'device' ? ' (Intune\'s per-app export has no device column: export "Discovered apps" per device instead)' : '';
  return { line: 1, message: `no ${column} column: expected one of ${COLUMN_ALIASES[column].map((a) => `"${a}"`).join(', ')}${hint}` };
}

function addRow(devices: Map<string, DeviceRows>, row: CsvRecord, header: readonly string[], columns: Partial<Record<Column, number>>): ImportError | undefined {
  if (row.fields.length !== header.length) return { line: row.line, message: `expected ${header.length} fields as in the header, found ${row.fields.length}` };
  const cell = (c: Column, max?: number) => (columns[c] === undefined ? undefined : clip(row.fields[columns[c]], max));
  const device = cell('device', 253);
  const name = cell('name');
  const version = cell('version', 128);
  const empty = !device ? 'device' : !name ? 'name' : !version ? 'version' : undefined;
  if (empty) return { line: row.line, message: `${header[columns[empty] as number]} is empty` };
  const key = (device as string).toLowerCase();
  const entry = devices.get(key) ?? { name: device as string, software: [] };
  devices.set(key, entry);
  // Exports repeat the device's OS on every row; the first row that carries one decides.
  if (!entry.os?.name) entry.os = { name: cell('osName'), version: cell('osVersion', 64), platform: cell('platform') };
  entry.software.push({ name: name as string, version: version as string, vendor: cell('publisher'), source: 'import', installedAt: installDate(cell('installDate')) });
  return undefined;
}

/**
 * An OS only when the export names one. Intune says "Windows" + "10.0.19045.5371":
 * the build tells Windows 11 (22000 and later) from 10; without the edition the
 * rules apply the shorter Home/Pro lifecycle, the cautious choice.
 */
export function deviceOs(os: DeviceRows['os']): Os {
  // Intune's export names no OS, only its platform ("Windows", "macOS") and version.
  const name = os?.name ?? os?.platform;
  const version = os?.version;
  if (!name || !version) return UNKNOWN_OS;
  const windows = /^(microsoft )?windows\b/i.test(name);
  const build = /^10\.0\.(\d+)/.exec(version);
  if (windows && build) {
    const bare = /^(microsoft )?windows$/i.test(name.trim());
    const product = bare ? `Microsoft Windows ${Number(build[1]) >= 22000 ? '11' : '10'}` : name;
    return { family: 'windows', name: product, version: `10.0.${build[1]}`, ...(version !== `10.0.${build[1]}` && { build: version }) };
  }
  return { family: osFamily(name, os?.platform), name, version };
}

function osFamily(name: string, platform: string | undefined): Os['family'] {
  const text = `${name} ${platform ?? ''}`;
  if (/windows/i.test(text)) return 'windows';
  if (/mac ?os|os x/i.test(text)) return 'macos';
  if (/linux|ubuntu|debian|red hat|centos|rocky|suse/i.test(text)) return 'linux';
  return 'other';
}
