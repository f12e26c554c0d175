/** Cyber alert applicability on the shipped example alert and lifecycle rules; items get product and cycle from the real matcher. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OsFamily, SoftwareSource } from '../../../src/contract/report.js';
import { buildCyberAlerts, loadCyberAlerts } from '../../../src/cyber/load-cyber-alerts.js';
import { affectedItems, cyberApplicability, schemesOf, type InstalledItem } from '../../../src/lifecycle/cyber-applicability.js';
import { evaluateSoftware } from '../../../src/lifecycle/evaluate-software.js';
import { OPTS, rules } from './real-rules.js';

const alertIn = (folder: string, reference: string) => {
  const found = loadCyberAlerts(fileURLToPath(new URL(folder, import.meta.url))).alerts.find((a) => a.reference === reference);
  if (!found) throw new Error(`no ${reference} in ${folder}`);
  return found;
};
const shipped = alertIn('../../../rules/cyber-alerts', 'LOCAL-2026-001');
const fixture = alertIn('../../fixtures/cyber-alerts/mixed', 'CC-4567');
const schemeOf = schemesOf(rules);

/** An installed item as the hub will pass it: its stored verdict's product and cycle, here from the real matcher. */
function installed(name: string, version: string | null, source: SoftwareSource = 'registry', family: OsFamily = 'windows'): InstalledItem {
  const v = evaluateSoftware({ name, version: version ?? '', source }, rules, OPTS);
  return { name, version, source, family, product: v.product, cycle: v.cycle };
}
const judge = (item: InstalledItem, alert = shipped) => cyberApplicability(alert, item, schemeOf);

describe('cyberApplicability on LOCAL-2026-001 (CVE-2024-9680)', () => {
  it('finds Firefox one build below the fix affected, saying which item and range', () => {
    expect(judge(installed('Mozilla Firefox (x64 en-GB)', '131.0.1'))).toEqual({
      state: 'affected',
      reason: 'Mozilla Firefox (x64 en-GB) 131.0.1 (product firefox) is in >= 129, < 131.0.2 (LOCAL-2026-001)',
      entry: 0,
    });
  });

  it('finds Firefox at exactly the fix not affected ("before X" excludes X)', () => {
    expect(judge(installed('Mozilla Firefox (x64 en-GB)', '131.0.2')).state).toBe('not-affected');
    expect(judge(installed('Mozilla Firefox (x64 en-GB)', '131.0.2')).reason).toMatch(/is outside before 115\.16\.1; in >= 116, < 128\.3\.1; in >= 129, < 131\.0\.2 \(LOCAL-2026-001\)$/);
  });

  it('judges each ESR branch by its own fix: 128.3.1 and 115.16.1 fixed, 128.3.0 and 115.16.0 not', () => {
    expect(judge(installed('Mozilla Firefox ESR (x64 en-GB)', '128.3.1')).state).toBe('not-affected');
    expect(judge(installed('Mozilla Firefox ESR (x64 en-GB)', '128.3.0')).state).toBe('affected');
    expect(judge(installed('Mozilla Firefox ESR (x64 en-GB)', '115.16.1')).state).toBe('not-affected');
    expect(judge(installed('Mozilla Firefox ESR (x64 en-GB)', '115.16.0')).reason).toBe('Mozilla Firefox ESR (x64 en-GB) 115.16.0 (product firefox) is before 115.16.1 (LOCAL-2026-001)');
  });

  it('reads a Debian firefox-esr package version without its revision', () => {
    expect(judge(installed('firefox-esr', '115.16.0esr-1~deb12u1', 'dpkg', 'linux')).state).toBe('affected');
    expect(judge(installed('firefox-esr', '128.3.1esr-1~deb12u1', 'dpkg', 'linux')).state).toBe('not-affected');
  });

  it('judges Thunderbird by its own fixes, not Firefox\'s', () => {
    expect(judge(installed('Mozilla Thunderbird (x64 en-GB)', '115.16.0')).state).toBe('not-affected');
    expect(judge(installed('Mozilla Thunderbird (x64 en-GB)', '131.0.0')).state).toBe('affected');
  });

  it('cannot tell, never "not affected", when the version cannot be read or is missing', () => {
    expect(judge(installed('Mozilla Firefox (x64 en-GB)', 'unknown'))).toMatchObject({ state: 'cannot-tell', reason: 'Mozilla Firefox (x64 en-GB) unknown (product firefox) has a version that cannot be read (LOCAL-2026-001)' });
    expect(judge({ ...installed('Mozilla Firefox (x64 en-GB)', '131.0.1'), version: null }).state).toBe('cannot-tell');
  });

  it('says an item the alert does not name is not affected', () => {
    expect(judge(installed('7-Zip 24.08 (x64)', '24.08'))).toMatchObject({ state: 'not-affected', entry: null, reason: '7-Zip 24.08 (x64) 24.08 (product 7-zip) is not named by LOCAL-2026-001' });
  });
});

describe('cyberApplicability on the CC-4567 fixture (platform, cycles, title)', () => {
  it('gives the issue\'s example reason for Firefox 115.3.0 on Windows', () => {
    expect(judge(installed('Mozilla Firefox', '115.3.0'), fixture).reason).toBe('Mozilla Firefox 115.3.0 (product firefox) is in >= 115.0, < 115.15 (CC-4567)');
  });

  it('treats 115.15 and 115.15.0 alike at the boundary, and 115.14.9 as affected', () => {
    expect(judge(installed('Mozilla Firefox', '115.15'), fixture).state).toBe('not-affected');
    expect(judge(installed('Mozilla Firefox', '115.15.0'), fixture).state).toBe('not-affected');
    expect(judge(installed('Mozilla Firefox', '115.14.9'), fixture).state).toBe('affected');
  });

  it('leaves out an entry limited to another platform', () => {
    expect(judge(installed('firefox', '115.3.0', 'dpkg', 'linux'), fixture)).toMatchObject({ state: 'not-affected', entry: null });
  });

  it('matches cycles on the stored verdict\'s cycle, and cannot tell without one', () => {
    const chrome = installed('Google Chrome', '128.0.6613.119');
    expect(chrome).toMatchObject({ product: 'chrome', cycle: '128' });
    expect(judge(chrome, fixture)).toMatchObject({ state: 'affected', reason: 'Google Chrome 128.0.6613.119 (product chrome) is in cycle 128 (CC-4567)' });
    expect(judge({ ...chrome, cycle: '129' }, fixture).state).toBe('not-affected');
    expect(judge({ ...chrome, cycle: null }, fixture).state).toBe('cannot-tell');
  });

  it('matches a title entry on the name, only from the sources it lists', () => {
    const viewer = (source: SoftwareSource): InstalledItem => ({ name: 'Acme DICOM Viewer 4', version: '4.1.9', source, family: 'windows', product: null, cycle: null });
    expect(judge(viewer('registry'), fixture)).toMatchObject({ state: 'affected', entry: 2, reason: 'Acme DICOM Viewer 4 4.1.9 is before 4.2 (CC-4567)' });
    expect(judge({ ...viewer('registry'), version: '4.2' }, fixture).state).toBe('not-affected');
    expect(judge(viewer('import'), fixture).state).toBe('not-affected');
  });
});

describe('cyberApplicability with a scheme that reads only the release', () => {
  it('cannot tell a Java version against a fix, since the java scheme keeps only the feature release', () => {
    const text = 'reference: A-1\ntitle: T\npublished: 2026-11-30\nseverity: high\ncves: []\naffected:\n  - product: oracle-jdk\n    versions: ["before 8.431"]\nremedy: R\nlink: https://example.org/a\n';
    const alert = buildCyberAlerts([{ file: 'A-1.yaml', text }]).alerts[0];
    if (!alert) throw new Error('fixture alert refused');
    const java = installed('Java 8 Update 202 (64-bit)', '8.0.2020.8');
    expect(java.product).toBe('oracle-jdk');
    expect(judge(java, alert)).toMatchObject({ state: 'cannot-tell', reason: expect.stringMatching(/java scheme reads only to the release/) });
  });
});

describe('affectedItems', () => {
  it('returns the affected items with why, and apart those it cannot tell about', () => {
    const items = [installed('Mozilla Firefox', '131.0.1'), installed('Mozilla Firefox', '131.0.2'), installed('Mozilla Firefox', 'unknown'), installed('7-Zip 24.08 (x64)', '24.08')];
    const { affected, cannotTell } = affectedItems(shipped, items, schemeOf);
    expect(affected.map((a) => a.applicability.reason)).toEqual(['Mozilla Firefox 131.0.1 (product firefox) is in >= 129, < 131.0.2 (LOCAL-2026-001)']);
    expect(cannotTell.map((a) => a.item.version)).toEqual(['unknown']);
  });
});
