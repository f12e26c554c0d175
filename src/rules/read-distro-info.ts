/**
 * Debian's distro-info-data (/usr/share/distro-info/{ubuntu,debian}.csv): each
 * Ubuntu and Debian release with its release and end-of-support dates, kept by
 * the distributions' own people. Every row is validated; a bad file is refused
 * with `file:line` problems, and nothing is half-read.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readPackageCitation, type CitationPlaces, type PackageCitation } from './read-package-citation.js';
import { RulesError, type RuleIssue } from './rule-issue.js';

export const DISTRO_INFO_PACKAGE = 'distro-info-data';
export const DISTROS = ['ubuntu', 'debian'] as const;
export type Distro = (typeof DISTROS)[number];

const DAY = 'expected a date YYYY-MM-DD or nothing';
const Day = z
  .union([z.literal(''), z.iso.date({ error: DAY })])
  .transform((v) => (v === '' ? null : v))
  .optional()
  .transform((v) => v ?? null);

/**
 * One row. Columns a file lacks read as null (older Ubuntu rows stop after `eol`);
 * a column Debian adds later is ignored rather than refused, so an `apt upgrade`
 * cannot stop the hub.
 */
export const DistroInfoRowSchema = z.object({
  /** "20.04 LTS", "12"; empty for sid, experimental and other unnumbered suites. */
  version: z.string().regex(/^(\d+(\.\d+)*( LTS)?)?$/, { error: 'expected a version such as "12" or "24.04 LTS", or nothing' }),
  codename: z.string().min(1, { error: 'a release needs its codename' }),
  series: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a lower-case series name such as "bookworm"' }),
  created: Day,
  release: Day,
  eol: Day,
  'eol-server': Day,
  'eol-esm': Day,
  'eol-legacy': Day,
  'eol-lts': Day,
  'eol-elts': Day,
});
export type DistroInfoRow = z.infer<typeof DistroInfoRowSchema> & { line: number };

const REQUIRED_COLUMNS = ['version', 'codename', 'series', 'created', 'release', 'eol'] as const;

export interface DistroInfoTable {
  distro: Distro;
  /** Absolute path, as cited. */
  file: string;
  rows: readonly DistroInfoRow[];
}

export interface DistroInfo {
  tables: readonly DistroInfoTable[];
  package: PackageCitation;
  /** sha256 over the files' names and contents: verdicts are judged again when it changes. */
  digest: string;
}

/** Pure: one CSV's text → its rows, or every problem at its line. */
export function parseDistroInfoCsv(distro: Distro, file: string, text: string): { table: DistroInfoTable | null; issues: RuleIssue[] } {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').trim().split(',');
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) return { table: null, issues: [{ file, line: 1, message: `the header lacks column(s) ${missing.join(', ')}: is this a distro-info-data CSV?` }] };
  const rows: DistroInfoRow[] = [];
  const issues: RuleIssue[] = [];
  const seen = new Map<string, number>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (i === 0 || raw.trim() === '') return;
    const fields = raw.trim().split(',');
    if (fields.length > header.length) {
      issues.push({ file, line, message: `${fields.length} fields, but the header names ${header.length} columns` });
      return;
    }
    const columns: Record<string, string> = Object.fromEntries(fields.map((f, k) => [header[k], f.trim()]));
    const parsed = DistroInfoRowSchema.safeParse(columns);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0]);
        issues.push({ file, line, message: `column "${column}": ${issue.message}, not "${columns[column] ?? ''}"` });
      }
      return;
    }
    const version = parsed.data.version;
    const earlier = seen.get(version);
    if (version !== '' && earlier !== undefined) issues.push({ file, line, message: `version "${version}" is listed twice (first on line ${earlier})` });
    seen.set(version, line);
    rows.push({ ...parsed.data, line });
  });
  return issues.length > 0 ? { table: null, issues } : { table: { distro, file, rows }, issues: [] };
}

/**
 * The distro-info CSVs in `dir`, or null when the folder holds neither (the
 * package is not installed). Throws RulesError when a file is malformed.
 */
export function readDistroInfo(dir: string, places: CitationPlaces = {}): DistroInfo | null {
  const sources = DISTROS.map((distro) => ({ distro, file: path.resolve(dir, `${distro}.csv`) })).filter((s) => existsSync(s.file));
  if (sources.length === 0) return null;
  const hash = createHash('sha256');
  const tables: DistroInfoTable[] = [];
  const issues: RuleIssue[] = [];
  for (const { distro, file } of sources) {
    const text = readFileSync(file, 'utf8');
    hash.update(`${path.basename(file)}\0${text}\0`);
    const parsed = parseDistroInfoCsv(distro, file, text);
    if (parsed.table) tables.push(parsed.table);
    issues.push(...parsed.issues);
  }
  if (issues.length > 0) throw new RulesError(issues, DISTRO_INFO_PACKAGE);
  const files = sources.map((s) => s.file);
  return { tables, package: readPackageCitation(DISTRO_INFO_PACKAGE, dir, files, places), digest: hash.digest('hex') };
}
