import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWindowsBuild, patchMonth, windowsPatchLevel } from '../../../src/lifecycle/windows-patch-level.js';
import { loadWindowsUpdates } from '../../../src/rules/load-windows-updates.js';

const data = loadWindowsUpdates(fileURLToPath(new URL('../../../rules', import.meta.url)));
const level = (build: string, asOf: string, maxDataAgeDays?: number) => windowsPatchLevel(data, build, asOf, maxDataAgeDays === undefined ? {} : { maxDataAgeDays });

/** A real captured machine: its reported build and the day it was captured. */
function captured(folder: string): { build: string; day: string } {
  const report = JSON.parse(readFileSync(new URL(`../../fixtures/real/windows/${folder}/report.json`, import.meta.url), 'utf8')) as { os: { build: string }; collectedAt: string };
  return { build: report.os.build, day: report.collectedAt.slice(0, 10) };
}

describe('windowsPatchLevel', () => {
  it('counts a build two years old as behind, with the month of its last update and the KB that superseded it', () => {
    const l = level('10.0.19045.5247', '2026-12-06');
    expect(l).toMatchObject({ build: 19045, ubr: 5247, state: 'behind', behindSince: '2025-01-14', daysBehind: 691 });
    expect(l?.installed).toEqual({ ubr: 5247, kb: 'KB5048652', released: '2024-12-10', kind: 'security' });
    expect(patchMonth(l!.installed)).toBe('Dec 2024');
    expect(l?.newest?.kb).toBe('KB5094127');
    expect(l?.reason).toContain('at KB5048652 (19045.5247, 2024-12-10); a newer update, KB5049981 (19045.5371, 2025-01-14), has been out 691 days');
    expect(l?.reason).toContain('DataForGeeks buildnumbers.json');
  });

  it('calls the exact UBR of the newest update current while the data is fresh', () => {
    const l = level('10.0.19045.7417', '2026-06-30');
    expect(l).toMatchObject({ state: 'current', daysBehind: 0, behindSince: null, installed: { kb: 'KB5094127' }, newest: { kb: 'KB5094127' } });
  });

  it('maps a UBR between two listed updates to the lower one, and says it is past it', () => {
    const l = level('10.0.19045.5250', '2026-06-30');
    expect(l?.installed?.ubr).toBe(5247);
    expect(l?.reason).toContain('past KB5048652');
  });

  it('returns null for a build the data does not hold, or a build without its UBR', () => {
    expect(level('10.0.19041.450', '2026-06-30')).toBeNull();
    expect(level('6.1.7601.24545', '2026-06-30')).toBeNull();
    expect(level('10.0.19045', '2026-06-30')).toBeNull();
    expect(level('not a build', '2026-06-30')).toBeNull();
  });

  it('reads a build given without its "10.0."', () => {
    expect(parseWindowsBuild('19045.5371')).toEqual({ build: 19045, ubr: 5371 });
    expect(level('19045.5371', '2025-01-20')?.installed?.kb).toBe('KB5049981');
  });

  it('never calls a machine current once the data stops more than the limit before asOf (default 60 days): unknown, saying so', () => {
    const l = level('10.0.19045.7417', '2026-12-06');
    expect(l).toMatchObject({ state: 'unknown', daysBehind: null, installed: { kb: 'KB5094127' } });
    expect(l?.reason).toContain('the data stops 166 days before 2026-12-06 (limit 60), so a newer update may be out');
    expect(level('10.0.19045.7417', '2026-12-06', 200)?.state).toBe('current');
  });

  it('does not let an optional preview make a machine behind', () => {
    // KB5050081 (19045.5440) is the January 28, 2025 preview after January's security release.
    expect(level('10.0.19045.5371', '2025-02-05')).toMatchObject({ state: 'current', newest: { kb: 'KB5049981' } });
    expect(level('10.0.19045.5371', '2025-02-12')).toMatchObject({ state: 'behind', behindSince: '2025-02-11' });
  });

  it('calls a machine older than the first listed update behind since that update, with nothing installed that the data knows', () => {
    const l = level('10.0.26200.6584', '2025-11-01');
    expect(l).toMatchObject({ state: 'behind', installed: null, behindSince: '2025-10-14' });
    expect(patchMonth(l!.installed)).toBeNull();
  });

  it('judges Windows Server 2025 UBRs from 32230 on their own line, and Windows 11 24H2 on its', () => {
    expect(level('10.0.26100.32370', '2026-02-20')).toMatchObject({ names: ['Windows Server 2025 (from January 2026)'], state: 'current', installed: { kb: 'KB5075899' } });
    expect(level('10.0.26100.7840', '2026-02-20')).toMatchObject({ names: expect.arrayContaining(['Windows 11 24H2']), state: 'current', installed: { kb: 'KB5077181' } });
  });

  it('does not count the same day’s baseline against a machine on the hotpatch release', () => {
    expect(level('10.0.26100.7392', '2025-12-20')).toMatchObject({ state: 'current', installed: { kb: 'KB5072014', kind: 'hotpatch' } });
    expect(level('10.0.26100.7392', '2026-01-20')).toMatchObject({ state: 'behind', behindSince: '2026-01-13' });
  });

  it('is unknown when no update of the line was out yet on asOf', () => {
    expect(level('10.0.26200.6899', '2025-10-01')).toMatchObject({ state: 'unknown', installed: null, newest: null });
  });
});

describe('windowsPatchLevel on real captured machines', () => {
  it('finds the Server 2019 runner image current on the day it was built, and behind since the July 2021 out-of-band update later', () => {
    const { build, day } = captured('winserver2019-datacenter-actions-runner-images-20210620');
    expect([build, day]).toEqual(['10.0.17763.1999', '2021-06-20']);
    expect(level(build, day)).toMatchObject({ state: 'current', installed: { kb: 'KB5003646', released: '2021-06-08' } });
    const later = level(build, '2026-06-23');
    expect(later).toMatchObject({ state: 'behind', behindSince: '2021-07-06' });
    expect(patchMonth(later!.installed)).toBe('Jun 2021');
    expect(later?.reason).toContain('KB5004947 (17763.2029, 2021-07-06, out-of-band)');
  });

  it('is unknown, never current, for the Server 2022 and 2025 images newer than everything the data lists', () => {
    const s2022 = captured('winserver2022-actions-runner-images-20260818');
    expect(s2022.build).toBe('10.0.20348.5499');
    const l = level(s2022.build, s2022.day);
    expect(l).toMatchObject({ state: 'unknown', installed: { kb: 'KB5087545' }, dataThrough: '2026-05-12' });
    expect(l?.reason).toContain('newer than every update in the data (the newest is KB5087545 (20348.5139, 2026-05-12))');
    const s2025 = captured('winserver2025-actions-runner-images-20260818');
    expect(s2025.build).toBe('10.0.26100.33296');
    expect(level(s2025.build, s2025.day)).toMatchObject({ state: 'unknown', names: ['Windows Server 2025 (from January 2026)'], installed: { kb: 'KB5087539' } });
  });
});

describe('patchMonth', () => {
  it('gives the month and year of the update, in English whatever the locale', () => {
    expect(patchMonth({ released: '2024-11-12' })).toBe('Nov 2024');
    expect(patchMonth(null)).toBeNull();
  });
});
