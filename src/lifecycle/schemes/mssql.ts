import { trimZeros, type VersionScheme } from './version-scheme.js';

/** SQL Server majors by marketing year, for entries that report no usable version. */
const MAJOR_BY_YEAR: readonly (readonly [RegExp, string])[] = [
  [/\b2025\b/, '17.0'],
  [/\b2022\b/, '16.0'],
  [/\b2019\b/, '15.0'],
  [/\b2017\b/, '14.0'],
  [/\b2016\b/, '13.0'],
  [/\b2014\b/, '12.0'],
  [/\b2012\b/, '11.0'],
  [/\b2008 R2\b/i, '10.50'],
  [/\b2008\b/, '10.0'],
  [/\b2005\b/, '9.0'],
  [/\b2000\b/, '8.0'],
];

/**
 * major.minor.build ("15.0.2000.5" → 15.0.2000, "10.00.1600" → 10.0.1600):
 * the build is kept because service packs are told apart by build floors
 * (rules' `minVersion`, from Microsoft KB321185 "SQL Server versions and builds").
 * SQL Server 2008 to 2014 shared components and feature-pack tools number
 * their service pack in the minor ("SQL Server 2014 SP1" components are
 * 12.1.4100.1, SMO 2012 SP4 is 11.4.7001.0, 2008 SP3 setup files 10.3.5500.0,
 * 2008 R2 SP1 SMO 10.51.2500.0) over the engine's own build (12.0.4100,
 * 11.0.7001, 10.0.5500, 10.50.2500), so the minor is read back as the engine's.
 */
/** The engine's minor behind a component's service-pack minor: 12.1 → 12.0, 10.3 → 10.0, 10.51 → 10.50. */
function engineMinor(major: string, minor: string): string {
  if ((major === '10' || major === '11' || major === '12') && /^[1-9]$/.test(minor)) return '0';
  if (major === '10' && /^5[1-9]$/.test(minor)) return '50';
  return minor;
}

export const mssql: VersionScheme = {
  id: 'mssql',
  description: 'SQL Server major.minor.build (service packs by build floor); else the year in the name',
  normalise(version, name) {
    const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{1,5})/.exec(version);
    if (m?.[1] && m[2] && m[3]) {
      const [major, minor, build] = [m[1], m[2], m[3]].map(trimZeros) as [string, string, string];
      return [major, engineMinor(major, minor), build].join('.');
    }
    const head = name.slice(0, 256);
    return MAJOR_BY_YEAR.find(([year]) => year.test(head))?.[1] ?? null;
  },
};
