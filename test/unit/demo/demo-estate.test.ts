import { describe, expect, it } from 'vitest';
import { checkReport, type Report } from '../../../src/contract/report.js';
import { DEMO_ESTATE, DEMO_ESTATE_AS_OF, demoReports } from '../../../src/demo/demo-estate.js';

const NOW = new Date('2027-03-01T12:00:00Z');
const HOUR = 3_600_000;

const hasOs = (name: string, version: string) => (r: Report) => r.os.name === name && r.os.version === version;

describe('demo estate', () => {
  it.each(DEMO_ESTATE.map((r) => [r.host.hostname, r] as const))('%s validates against the v1 contract', (_, report) => {
    const check = checkReport(report);
    expect(check.ok ? [] : check.issues).toEqual([]);
  });

  it('gives every host a unique hostname', () => {
    const names = DEMO_ESTATE.map((r) => r.host.hostname.toUpperCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps fixed collectedAt values no later than the as-of instant', () => {
    for (const r of DEMO_ESTATE) expect(Date.parse(r.collectedAt)).toBeLessThanOrEqual(Date.parse(DEMO_ESTATE_AS_OF));
  });

  it.each([
    ['Windows 7 ward PC', hasOs('Microsoft Windows 7 Professional', '6.1.7601')],
    ['Windows 10 22H2 Enterprise', hasOs('Microsoft Windows 10 Enterprise', '10.0.19045')],
    ['Windows 11 24H2 Enterprise', (r: Report) => hasOs('Microsoft Windows 11 Enterprise', '10.0.26100')(r) && r.os.edition === 'Enterprise'],
    ['Windows 11 24H2 Pro', (r: Report) => r.os.version === '10.0.26100' && r.os.edition === 'Professional'],
    ['Windows Server 2012 R2', hasOs('Microsoft Windows Server 2012 R2 Standard', '6.3.9600')],
    ['Windows Server 2019', hasOs('Microsoft Windows Server 2019 Standard', '10.0.17763')],
    ['Windows XP console', hasOs('Microsoft Windows XP Professional', '5.1.2600')],
    ['Ubuntu 18.04', hasOs('Ubuntu', '18.04')],
    ['RHEL 9', (r: Report) => r.os.name === 'Red Hat Enterprise Linux' && r.os.version.startsWith('9.')],
    ['CentOS 7', hasOs('CentOS Linux', '7')],
    ['macOS', (r: Report) => r.os.family === 'macos' && r.os.name === 'macOS'],
    ['Debian 12', hasOs('Debian GNU/Linux', '12')],
  ])('contains a %s host', (_, matches) => {
    expect(DEMO_ESTATE.some(matches)).toBe(true);
  });

  it('contains the traps the lifecycle engine must handle', () => {
    const software = DEMO_ESTATE.flatMap((r) => r.software);
    const has = (name: string, version: string) => software.some((s) => s.name === name && s.version === version);
    expect(has('Microsoft Office Standard 2010', '14.0.7015.1000')).toBe(true);
    expect(has('Microsoft Office Professional Plus 2016', '16.0.4266.1001')).toBe(true);
    expect(has('Java 8 Update 202', '8.0.2020.8')).toBe(true);
    expect(has('Python 3.12.3 (64-bit)', '3.12.3150.0')).toBe(true);
    expect(has('Microsoft SQL Server 2012 (64-bit)', '11.0.7001.0')).toBe(true);
    expect(has('openssl', '1.1.1-1ubuntu2.1~18.04.23')).toBe(true);
  });

  it('has faxes on two wards and in pharmacy, an MFD and a modem', () => {
    const devices = DEMO_ESTATE.flatMap((r) => r.devices);
    const faxLocations = devices.filter((d) => d.kind === 'fax').map((d) => d.location);
    expect(faxLocations).toEqual(expect.arrayContaining(['Ward 7', 'Ward 12', 'Pharmacy']));
    expect(devices.some((d) => d.kind === 'mfd')).toBe(true);
    expect(devices.some((d) => d.kind === 'modem' && d.connection === '/dev/ttyUSB0')).toBe(true);
  });
});

describe('demoReports', () => {
  it('returns every host, each valid', () => {
    const reports = demoReports(NOW);
    expect(reports.map((r) => r.host.hostname)).toEqual(DEMO_ESTATE.map((r) => r.host.hostname));
    for (const r of reports) expect(checkReport(r).ok).toBe(true);
  });

  it('stamps collectedAt within a couple of days before now, keeping each host offset', () => {
    const asOf = Date.parse(DEMO_ESTATE_AS_OF);
    demoReports(NOW).forEach((r, i) => {
      const at = Date.parse(r.collectedAt);
      expect(at).toBeLessThanOrEqual(NOW.getTime());
      expect(at).toBeGreaterThan(NOW.getTime() - 48 * HOUR);
      expect(NOW.getTime() - at).toBe(asOf - Date.parse(DEMO_ESTATE[i]!.collectedAt));
    });
  });

  it('leaves the source estate untouched', () => {
    const before = DEMO_ESTATE.map((r) => r.collectedAt);
    demoReports(NOW);
    expect(DEMO_ESTATE.map((r) => r.collectedAt)).toEqual(before);
  });
});
