/**
 * distro-info-data outranks the endoflife.date snapshot for Ubuntu and Debian:
 * the distributions' own dates replace the snapshot's cycle by cycle, while the
 * rules keep their matchers, version scheme and labels. A cycle the CSV lacks
 * keeps the snapshot's dates (the fallback) and says so in its note; every
 * cycle's note names where its dates came from, and a verdict's reason carries
 * the note.
 */
import { pathToFileURL } from 'node:url';
import type { Distro, DistroInfo, DistroInfoRow, DistroInfoTable } from '../rules/read-distro-info.js';
import { describePackage, type PackageCitation } from '../rules/read-package-citation.js';
import { extendDigest } from './extend-digest.js';
import type { CompiledCycle, CompiledRule, RuleSet } from './rule-set.js';
import { compareVersions, toComponents } from './version-components.js';

/** The OS rule (its `product`) whose dates each CSV gives. */
const PRODUCT_OF: Record<Distro, string> = { ubuntu: 'ubuntu', debian: 'debian' };

/** Pure: the same rules and CSVs give the same RuleSet, with a digest that changes with the CSVs. */
export function applyDistroInfo(rules: RuleSet, info: DistroInfo): RuleSet {
  const applied = rules.rules.map((rule) => {
    const table = rule.kind === 'os' ? info.tables.find((t) => PRODUCT_OF[t.distro] === rule.product) : undefined;
    return table ? withTable(rule, table, info.package) : rule;
  });
  return { ...rules, rules: applied, digest: extendDigest(rules.digest, 'distro-info-data', info.digest) };
}

function withTable(rule: CompiledRule, table: DistroInfoTable, cited: PackageCitation): CompiledRule {
  // Testing, sid and announced-but-unreleased suites have no version or no release day yet.
  const released = table.rows.filter((r) => r.version !== '' && r.release !== null);
  const versions = released.map((r) => r.version);
  const fromCsv = released.map((row) => {
    const id = cycleId(row.version, versions);
    return cycleFromRow(table, row, id, rule.cycles.find((c) => c.cycle === id), cited);
  });
  const ids = new Set(fromCsv.map((c) => c.cycle));
  const kept = rule.cycles
    .filter((c) => !ids.has(c.cycle))
    .map((c) => ({ ...c, note: joinNotes(c.note, `dates from ${rule.source.name} (${rule.file}): ${table.file} has no row for this release`) }));
  return {
    ...rule,
    source: { name: cited.name, url: pathToFileURL(table.file).href, commit: null, license: null, retrieved: cited.date, version: cited.version },
    cycles: [...fromCsv, ...kept].sort((a, b) => compareVersions(lowest(b), lowest(a))),
  };
}

/**
 * "20.04 LTS" → "20.04". Debian's "6.0" → "6", as the snapshot names it (6.0.10
 * is a point release of 6; there was never a 6.1), but "3.0" stays, since 3.1 followed it.
 */
function cycleId(version: string, all: readonly string[]): string {
  const bare = version.replace(/ LTS$/, '');
  const major = /^(\d+)\.0$/.exec(bare)?.[1];
  if (major === undefined || all.some((v) => v !== version && v.startsWith(`${major}.`))) return bare;
  return major;
}

function cycleFromRow(table: DistroInfoTable, row: DistroInfoRow, id: string, snapshot: CompiledCycle | undefined, cited: PackageCitation): CompiledCycle {
  const dates = table.distro === 'ubuntu' ? ubuntuDates(row) : debianDates(row);
  const from = `dates from ${describePackage(cited)} (${table.file} line ${row.line})`;
  return {
    cycle: id,
    label: table.distro === 'ubuntu' ? `${id} '${row.codename}'` : `${id} (${row.codename})`,
    // Which versions fit stays the snapshot's where it has the cycle: only the dates change hands.
    versions: snapshot?.versions ?? [toComponents(id)],
    minVersion: snapshot?.minVersion ?? null,
    edition: snapshot?.edition ?? null,
    releaseDate: row.release,
    // distro-info has no separate end of active (non-security) support.
    support: null,
    // No end in the CSV for a released suite means none announced yet (distro-info counts it supported too).
    eol: dates.eol ?? false,
    extendedSupport: dates.extendedSupport,
    latest: null,
    note: joinNotes(from, ...dates.notes),
  };
}

interface RowDates {
  eol: string | null;
  extendedSupport: string | null;
  notes: string[];
}

/**
 * Ubuntu: `eol` ends standard security maintenance; LTS rows add `eol-server`
 * (older LTS gave servers longer than desktops). Without knowing which the machine
 * is, the earlier date is taken: never guess supported. `eol-esm` ends Expanded
 * Security Maintenance (Ubuntu Pro); `eol-legacy` (the paid Legacy add-on) is only noted.
 */
function ubuntuDates(row: DistroInfoRow): RowDates {
  const notes: string[] = [];
  const { eol, 'eol-server': server } = row;
  if (eol && server && eol !== server) notes.push(`standard support ends ${eol} (eol) and ${server} for servers (eol-server); the earlier is used`);
  if (row['eol-legacy']) notes.push(`the paid Ubuntu Pro Legacy add-on runs to ${row['eol-legacy']} (eol-legacy), not counted here`);
  return { eol: earlier(eol, server), extendedSupport: row['eol-esm'], notes };
}

/** Debian: `eol` ends the security team's support, `eol-lts` Debian LTS; `eol-elts` (commercial Extended LTS) is only noted. */
function debianDates(row: DistroInfoRow): RowDates {
  const notes = row['eol-elts'] ? [`commercial Extended LTS runs to ${row['eol-elts']} (eol-elts), not counted here`] : [];
  return { eol: row.eol, extendedSupport: row['eol-lts'], notes };
}

function earlier(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return a < b ? a : b;
}

function lowest(c: CompiledCycle): readonly string[] {
  return c.versions?.[0] ?? c.minVersion ?? [];
}

function joinNotes(...notes: (string | null)[]): string | null {
  const given = notes.filter((n): n is string => n !== null && n !== '');
  return given.length > 0 ? given.join('; ') : null;
}
