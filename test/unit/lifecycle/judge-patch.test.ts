import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/contract/report.js';
import { assessReport } from '../../../src/lifecycle/assess-report.js';
import { evaluateOs } from '../../../src/lifecycle/evaluate-os.js';
import { evaluateSoftware } from '../../../src/lifecycle/evaluate-software.js';
import type { RuleSet } from '../../../src/lifecycle/rule-set.js';
import type { SoftwareSource } from '../../../src/contract/report.js';
import { OPTS, rules } from './real-rules.js';

const sw = (name: string, version: string, source: SoftwareSource = 'registry') => evaluateSoftware({ name, version, source }, rules, OPTS);

describe('patch currency from a cycle\'s newest version (shipped rules, endoflife.date of 2026-08-22)', () => {
  it('counts Firefox ESR 115.3 behind the data\'s 115.38.0, with its day', () => {
    expect(sw('Mozilla Firefox ESR (x64 en-GB)', '115.3.0').patch).toEqual({ state: 'behind', newest: '115.38.0', newestDate: '2026-07-21', since: '2026-07-21' });
  });

  it('counts the newest itself current, and a ".0" the same as none', () => {
    expect(sw('Mozilla Firefox ESR (x64 en-GB)', '115.38.0').patch).toEqual({ state: 'current', newest: '115.38.0', newestDate: '2026-07-21', since: null });
    expect(sw('Firefox', '154', 'macos').patch).toMatchObject({ state: 'current', newest: '154.0' });
  });

  it('cannot tell when the installed version goes on where the newest stops, or stops where it goes on', () => {
    expect(sw('Node.js', '24.19.0')).toMatchObject({ product: 'nodejs', cycle: '24', patch: { state: 'current', newest: '24.19.0' } });
    expect(sw('Node.js', '24.19.0.1').patch).toBeNull();
    // Ubuntu's VERSION_ID never names its point release: "24.04" against 24.04.4.
    expect(evaluateOs({ family: 'linux', name: 'Ubuntu', version: '24.04' }, rules, OPTS)).toMatchObject({ cycle: '24.04', patch: null });
  });

  it('cannot tell above the newest: Python\'s registry writes 3.12.3 as 3.12.3150.0', () => {
    expect(sw('Python 3.12.3 (64-bit)', '3.12.3150.0')).toMatchObject({ product: 'python', cycle: '3.12', patch: null });
  });

  it('gives a distribution package no patch verdict: its version is the distribution\'s', () => {
    expect(sw('openssl', '3.0.2-0ubuntu1.18', 'dpkg')).toMatchObject({ product: 'openssl', osLink: 'follows', patch: null });
  });

  it('gives none where the scheme keeps only the release (Java, a Windows build) or the newest is the cycle itself', () => {
    expect(sw('Java 8 Update 202', '8.0.2020.8')).toMatchObject({ product: 'oracle-jdk', patch: null });
    expect(evaluateOs({ family: 'windows', name: 'Microsoft Windows 10 Enterprise', version: '10.0.19045', edition: 'Enterprise' }, rules, OPTS)).toMatchObject({ product: 'windows', cycle: '10-22h2', patch: null });
  });

  it('reads a macOS minor version against its major\'s newest, and an older RHEL minor as behind', () => {
    expect(evaluateOs({ family: 'macos', name: 'macOS', version: '14.4' }, rules, OPTS).patch).toEqual({ state: 'behind', newest: '14.8.9', newestDate: '2026-08-06', since: '2026-08-06' });
    expect(evaluateOs({ family: 'macos', name: 'macOS', version: '14.8.9' }, rules, OPTS).patch).toMatchObject({ state: 'current' });
    expect(evaluateOs({ family: 'linux', name: 'Red Hat Enterprise Linux Server', version: '7.7' }, rules, OPTS).patch).toMatchObject({ state: 'behind', newest: '7.9' });
  });

  it('never changes a status: every item of every real machine is judged alike with the newest versions taken out', () => {
    const withoutNewest: RuleSet = { ...rules, rules: rules.rules.map((r) => ({ ...r, cycles: r.cycles.map((c) => ({ ...c, newest: null, newestDate: null })) })) };
    const root = new URL('../../fixtures/real/', import.meta.url);
    let items = 0;
    for (const platform of ['windows', 'macos', 'linux']) {
      for (const machine of readdirSync(new URL(`${platform}/`, root), { withFileTypes: true }).filter((d) => d.isDirectory())) {
        const report = JSON.parse(readFileSync(new URL(`${platform}/${machine.name}/report.json`, root), 'utf8')) as Report;
        const strip = (i: ReturnType<typeof assessReport>[number]) => ({ name: i.name, status: i.status, cycle: i.cycle, reason: i.reason });
        const judged = assessReport(report, rules, OPTS);
        expect(judged.map(strip), machine.name).toEqual(assessReport(report, withoutNewest, OPTS).map(strip));
        items += judged.length;
      }
    }
    expect(items).toBeGreaterThan(3000);
  });
});
