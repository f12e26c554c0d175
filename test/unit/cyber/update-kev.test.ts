/**
 * A KEV catalogue given to `data update`: told by its shape, checked, and
 * planned against the catalogue in force. The small catalogues are the real
 * 2025.08.25 file's first entries, values unchanged; the older one holds the
 * entries CISA had added by 2025-08-21.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compareKevVersions } from '../../../src/cyber/compare-kev-versions.js';
import { newerKev } from '../../../src/cyber/kev-in-force.js';
import { recogniseKevFile, type KevFile } from '../../../src/cyber/recognise-kev-file.js';
import { OlderKevError, planKev } from '../../../src/cyber/update-kev.js';
import { AlertRuleSchema } from '../../../src/alerts/alert-rule-schema.js';

const REAL = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../../../shared/data/kev/known_exploited_vulnerabilities.json', import.meta.url)), 'utf8')) as {
  title: string; catalogVersion: string; dateReleased: string; count: number; vulnerabilities: { cveID: string; dateAdded: string }[];
};
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kev-update-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function catalogueFile(name: string, version: string, entries: readonly unknown[], extra: Record<string, unknown> = {}): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, JSON.stringify({ title: REAL.title, catalogVersion: version, dateReleased: REAL.dateReleased, count: entries.length, vulnerabilities: entries, ...extra }, null, 2));
  return file;
}

// CVE-2025-48384, CVE-2024-8068, CVE-2024-8069 (added 2025-08-25), CVE-2025-43300 (2025-08-21), CVE-2025-54948 (2025-08-18).
const first = REAL.vulnerabilities.slice(0, 5);
const newer = recogniseKevFile(catalogueFile('new.json', '2025.08.25', first.slice(0, 4))) as KevFile;
const older = recogniseKevFile(catalogueFile('old.json', '2025.08.21', first.slice(3, 5))) as KevFile;
const none = { cyberAlerts: [], alertRules: [] };

describe('recogniseKevFile', () => {
  it('tells a KEV catalogue by its shape and reads its version, release and CVEs', () => {
    expect(newer.catalogue).toMatchObject({ version: '2025.08.25', released: '2025-08-25T17:04:19.9796Z', updateId: null });
    expect([...newer.catalogue.byCve.keys()]).toEqual(['CVE-2025-48384', 'CVE-2024-8068', 'CVE-2024-8069', 'CVE-2025-43300']);
    expect(newer.text).toContain('"catalogVersion": "2025.08.25"');
  });

  it('leaves endoflife.date data, other JSON, folders and compressed files to the lifecycle reader', () => {
    expect(recogniseKevFile(catalogueFile('eol.json', '1', [], { catalogVersion: undefined, result: [] }))).toBeNull();
    const notJson = path.join(scratch, 'not.json');
    fs.writeFileSync(notJson, 'catalogVersion');
    expect(recogniseKevFile(notJson)).toBeNull();
    expect(recogniseKevFile(scratch)).toBeNull();
  });

  it('refuses a catalogue with a broken entry, naming the file and the field', () => {
    const broken = { ...first[1], dateAdded: '25/08/2025' };
    const file = catalogueFile('broken.json', '2025.08.25', [first[0], broken]);
    expect(() => recogniseKevFile(file)).toThrow(/broken\.json:1: not the KEV catalogue's shape: vulnerabilities\[1\]\.dateAdded: /);
    expect(() => recogniseKevFile(catalogueFile('bad-id.json', '2025.08.25', [{ ...first[0], cveID: 'CVE-25-1' }]))).toThrow(/vulnerabilities\[0\]\.cveID: expected a CVE id/);
  });
});

describe('planKev', () => {
  const cyberAlerts = [{ name: 'CC-GIT', cves: ['CVE-2025-48384'] }, { name: 'CC-TREND', cves: ['CVE-2025-54948'] }, { name: 'CC-MAC', cves: ['CVE-2025-43300'] }, { name: 'CC-NONE', cves: [] }];
  const alertRules = [{ name: 'citrix-session-recording', cves: ['CVE-2024-8069'] }, { name: 'no-cves' }];

  it('lists the CVEs added and removed and what gains or loses the known-exploited mark', () => {
    const plan = planKev(newer, 'new.json', older.catalogue, { cyberAlerts, alertRules });
    expect(plan.added).toEqual(['CVE-2025-48384', 'CVE-2024-8068', 'CVE-2024-8069']);
    expect(plan.removed).toEqual(['CVE-2025-54948']);
    expect(plan.cyberAlerts).toEqual({ gain: ['CC-GIT'], lose: ['CC-TREND'] });
    expect(plan.alertRules).toEqual({ gain: ['citrix-session-recording'], lose: [] });
  });

  it('counts every CVE as added when no catalogue is in force', () => {
    expect(planKev(newer, 'new.json', null, none).added).toHaveLength(4);
  });

  it('refuses an older catalogue than the one in force unless allowed', () => {
    expect(() => planKev(older, 'old.json', newer.catalogue, none)).toThrow(OlderKevError);
    expect(() => planKev(older, 'old.json', newer.catalogue, none)).toThrow('this KEV catalogue is version 2025.08.21, older than the catalogue in force (2025.08.25); nothing changed. Give --allow-older');
    expect(planKev(older, 'old.json', newer.catalogue, none, { allowOlder: true }).removed).toEqual(['CVE-2025-48384', 'CVE-2024-8068', 'CVE-2024-8069']);
  });
});

describe('which catalogue is in force', () => {
  it('orders versions by their numbers', () => {
    expect(compareKevVersions('2025.08.21', '2025.08.25')).toBe(-1);
    expect(compareKevVersions('2025.10.01', '2025.9.30')).toBe(1);
    expect(compareKevVersions('2025.08.25', '2025.08.25')).toBe(0);
  });

  it('takes the newer of the setting\'s file and the stored catalogue, the file on a tie', () => {
    const stored = { ...newer.catalogue, updateId: 3 };
    expect(newerKev(older.catalogue, stored)).toBe(stored);
    expect(newerKev(newer.catalogue, { ...older.catalogue, updateId: 3 })).toBe(newer.catalogue);
    expect(newerKev(newer.catalogue, stored)).toBe(newer.catalogue);
    expect(newerKev(null, stored)).toBe(stored);
    expect(newerKev(null, null)).toBeNull();
  });
});

describe('alert rule cves', () => {
  const rule = { id: 'git-link-following', title: 'Git', severity: 'high', description: 'd', remediation: 'r', condition: { kind: 'software-version', name: '^git$', range: '<2.50.1' } };
  it('takes CVE ids as a cyber alert does and refuses anything else', () => {
    expect(AlertRuleSchema.parse({ ...rule, cves: ['CVE-2025-48384'] }).cves).toEqual(['CVE-2025-48384']);
    expect(AlertRuleSchema.safeParse({ ...rule, cves: ['Git 2.50'] }).error?.issues[0]).toMatchObject({ path: ['cves', 0], message: 'expected a CVE id such as "CVE-2024-9680"' });
    expect(AlertRuleSchema.parse(rule).cves).toBeUndefined();
  });
});
