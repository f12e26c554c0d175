/**
 * distro-info-data outranking the snapshot, on the installed package's real
 * CSVs (scripts/test-prerequisites.sh installs it). Expected dates are read from
 * the CSV rows here, independently of the parser, plus literal dates checked by
 * eye so that the test can fail when both sides drift together.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Os } from '../../../src/contract/report.js';
import { createEvaluator } from '../../../src/estate/evaluator.js';
import { applyDistroInfo } from '../../../src/lifecycle/apply-distro-info.js';
import { evaluateOs } from '../../../src/lifecycle/evaluate-os.js';
import { parseDistroInfoCsv, readDistroInfo, type DistroInfo } from '../../../src/rules/read-distro-info.js';
import { OPTS, rules } from './real-rules.js';

const DIR = '/usr/share/distro-info';
const info = readDistroInfo(DIR) as DistroInfo;
const applied = applyDistroInfo(rules, info);
const linux = (name: string, version: string): Os => ({ family: 'linux', name, version });
const ruleOf = (set: typeof rules, product: string) => set.rules.find((r) => r.product === product)!;

/** A CSV row as a record of its header's columns, and its line: the test's own reading of the file. */
function csvRow(distro: 'ubuntu' | 'debian', version: string): { line: number; at: Record<string, string> } {
  const lines = fs.readFileSync(`${DIR}/${distro}.csv`, 'utf8').split('\n');
  const header = (lines[0] as string).split(',');
  const index = lines.findIndex((l) => l.split(',')[0] === version);
  const fields = (lines[index] as string).split(',');
  return { line: index + 1, at: Object.fromEntries(header.map((h, i) => [h, fields[i] ?? ''])) };
}

describe('applyDistroInfo on the installed distro-info-data (as of 2026-11-23)', () => {
  it('judges Ubuntu 20.04 by its standard support and ESM dates as distro-info gives them, citing the file', () => {
    const { line, at } = csvRow('ubuntu', '20.04 LTS');
    const standard = [at.eol, at['eol-server']].filter(Boolean).sort()[0];
    const v = evaluateOs(linux('Ubuntu', '20.04'), applied, OPTS);
    expect(v).toMatchObject({ status: 'extended-support', product: 'ubuntu', cycle: '20.04', eol: standard, extendedSupportEnd: at['eol-esm'] });
    // Checked by eye in /usr/share/distro-info/ubuntu.csv: Focal left standard support on 2025-05-29; ESM runs to 2030-04-23.
    expect(v).toMatchObject({ eol: '2025-05-29', extendedSupportEnd: '2030-04-23' });
    expect(v.reason).toContain(`dates from distro-info-data ${info.package.version} (${DIR}/ubuntu.csv line ${line})`);
    expect(v.reason).toContain(`the paid Ubuntu Pro Legacy add-on runs to ${at['eol-legacy']} (eol-legacy), not counted here`);
    expect(v.data).toEqual({ source: 'distro-info-data', date: info.package.date });
  });

  it("judges Debian 12 by distro-info's end of security support, Debian LTS as extended support, ELTS only noted", () => {
    const { at } = csvRow('debian', '12');
    const v = evaluateOs(linux('Debian GNU/Linux', '12'), applied, OPTS);
    expect(v).toMatchObject({ status: 'extended-support', cycle: '12', eol: at.eol, extendedSupportEnd: at['eol-lts'] });
    expect(v.eol).toBe('2026-07-11');
    expect(v.reason).toContain(`commercial Extended LTS runs to ${at['eol-elts']} (eol-elts), not counted here`);
  });

  it('keeps the rules\' matchers, scheme, labels and file, and cites distro-info-data as their source', () => {
    for (const product of ['ubuntu', 'debian']) {
      const before = ruleOf(rules, product);
      const after = ruleOf(applied, product);
      expect({ ...after, source: undefined, cycles: undefined }).toEqual({ ...before, source: undefined, cycles: undefined });
      expect(after.source).toEqual({ name: 'distro-info-data', url: `file://${DIR}/${product}.csv`, commit: null, license: null, retrieved: info.package.date, version: info.package.version });
    }
    expect(applied.rules.filter((r) => !['ubuntu', 'debian'].includes(r.product))).toEqual(rules.rules.filter((r) => !['ubuntu', 'debian'].includes(r.product)));
  });

  it('lists released suites newest first, named as the snapshot names them, and skips those without a version or release day', () => {
    const debian = ruleOf(applied, 'debian').cycles;
    const released = fs.readFileSync(`${DIR}/debian.csv`, 'utf8').split('\n').slice(1).filter((l) => /^\d[^,]*,[^,]*,[^,]*,[^,]*,\d/.test(l));
    expect(debian).toHaveLength(released.length);
    // Debian 4.0-6.0 are named by their major number (no 6.1 ever shipped); 3.0 keeps its ".0", since 3.1 followed.
    expect(debian.map((c) => c.cycle).slice(-9)).toEqual(['4', '3.1', '3.0', '2.2', '2.1', '2.0', '1.3', '1.2', '1.1']);
    expect(debian.find((c) => c.cycle === '6')).toMatchObject({ label: '6 (Squeeze)', versions: [['6']] });
    expect(debian.map((c) => c.cycle)).toEqual(ruleOf(rules, 'debian').cycles.map((c) => c.cycle));
    expect(ruleOf(applied, 'ubuntu').cycles.find((c) => c.cycle === '24.04')).toMatchObject({ label: "24.04 'Noble Numbat'", versions: [['24', '04']], support: null });
  });

  it('changes the digest, and so the evaluator\'s basis, with the CSVs', () => {
    const edited = applyDistroInfo(rules, { ...info, digest: 'f'.repeat(64) });
    expect(new Set([rules.digest, applied.digest, edited.digest]).size).toBe(3);
    const basis = (set: typeof rules) => createEvaluator(set, () => new Date('2026-11-23T12:00:00Z'), 180).basis();
    expect(basis(applied)).not.toBe(basis(rules));
    expect(applyDistroInfo(rules, info).digest).toBe(applied.digest);
  });
});

describe('applyDistroInfo on a CSV written for the case', () => {
  const table = (distro: 'ubuntu' | 'debian', text: string) => {
    const parsed = parseDistroInfoCsv(distro, `/data/${distro}.csv`, text);
    return { tables: [parsed.table!], package: { name: 'distro-info-data', version: '0.0', date: '2026-01-01', files: [] }, digest: '0'.repeat(64) };
  };

  it('keeps a release the CSV lacks with the snapshot\'s dates, saying so', () => {
    const set = applyDistroInfo(rules, table('debian', 'version,codename,series,created,release,eol,eol-lts\n12,Bookworm,bookworm,2021-08-14,2023-06-10,2026-07-11,2028-06-30\n'));
    const eleven = ruleOf(set, 'debian').cycles.find((c) => c.cycle === '11');
    expect(eleven).toEqual({ ...ruleOf(rules, 'debian').cycles.find((c) => c.cycle === '11'), note: 'dates from endoflife.date (debian.yaml): /data/debian.csv has no row for this release' });
    expect(ruleOf(set, 'debian').cycles.map((c) => c.cycle).slice(0, 3)).toEqual(['13', '12', '11']);
  });

  it('takes the earlier of eol and eol-server, never guessing supported', () => {
    const set = applyDistroInfo(rules, table('ubuntu', 'version,codename,series,created,release,eol,eol-server,eol-esm\n20.04 LTS,Focal Fossa,focal,2019-10-17,2020-04-23,2027-05-31,2025-05-29,2030-04-23\n'));
    const v = evaluateOs(linux('Ubuntu', '20.04'), set, OPTS);
    expect(v).toMatchObject({ status: 'extended-support', eol: '2025-05-29' });
    expect(v.reason).toContain('standard support ends 2027-05-31 (eol) and 2025-05-29 for servers (eol-server); the earlier is used');
  });

  it('reads a released suite with no end yet as no end announced, and an interim release without ESM as unsupported after its end', () => {
    const set = applyDistroInfo(rules, table('ubuntu', 'version,codename,series,created,release,eol\n26.04 LTS,Resolute Raccoon,resolute,2025-10-09,2026-04-23\n25.04,Plucky Puffin,plucky,2024-10-10,2025-04-17,2026-01-15\n'));
    expect(evaluateOs(linux('Ubuntu', '26.04'), set, OPTS)).toMatchObject({ status: 'supported', eol: null });
    expect(evaluateOs(linux('Ubuntu', '25.04'), set, OPTS)).toMatchObject({ status: 'unsupported', eol: '2026-01-15', extendedSupportEnd: null });
  });
});
