import { describe, expect, it } from 'vitest';
import { deviceOs, parseIntuneCsv } from '../../../src/import/parse-intune-csv.js';
import { UNKNOWN_OS } from '../../../src/import/_report-parts.js';
import { fixture, options } from './_fixtures.js';

describe('parseIntuneCsv', () => {
  it('groups an Intune per-device export (BOM, CRLF, quoted commas) into one report per device', () => {
    const { reports, errors } = parseIntuneCsv(fixture('intune-devices.csv'), options('intune.csv'));
    expect(errors).toEqual([]);
    expect(reports.map((r) => [r.host.hostname, r.software.length])).toEqual([['FIN-DT0231', 3], ['WARD12-PC021', 3], ['MEDPHOTO-MAC02', 2]]);
    expect(reports[0]?.software).toContainEqual({ name: 'Sage 50 Accounts, v29', version: '29.1.0.1', vendor: 'Sage (UK) Limited', source: 'import' });
    expect(reports[1]?.software).toContainEqual({ name: 'Ward Handover "Lite"', version: '3.4', vendor: 'Anytown NHS Trust, Clinical Systems', source: 'import' });
  });

  it('takes the OS from the platform and OS version columns, telling Windows 11 from 10 by build', () => {
    const { reports } = parseIntuneCsv(fixture('intune-devices.csv'), options('intune.csv'));
    expect(reports.map((r) => r.os)).toEqual([
      { family: 'windows', name: 'Microsoft Windows 10', version: '10.0.19045', build: '10.0.19045.5371' },
      { family: 'windows', name: 'Microsoft Windows 11', version: '10.0.22631', build: '10.0.22631.4460' },
      { family: 'macos', name: 'macOS', version: '14.7.1' },
    ]);
  });

  it('reads MECM Add/Remove Programs headers, merges repeated rows and marks the OS unknown', () => {
    const { reports, errors } = parseIntuneCsv(fixture('mecm-arp.csv'), options('arp.csv'));
    expect(errors).toEqual([]);
    expect(reports.map((r) => [r.host.hostname, r.software.length])).toEqual([['PACS-SRV01', 3], ['CT-CONSOLE01', 2]]);
    expect(reports[0]?.os).toEqual(UNKNOWN_OS);
    expect(reports[0]?.software[0]).toEqual({ name: 'Microsoft SQL Server 2012 (64-bit)', version: '11.0.7001.0', vendor: 'Microsoft Corporation', source: 'import', installedAt: '2016-04-12' });
  });

  it('names the line (header = 1) and the column of a row without a version', () => {
    const { errors } = parseIntuneCsv(fixture('broken-intune-missing-version.csv'), options('b.csv'));
    expect(errors).toEqual([{ line: 7, message: 'Application version is empty' }]);
  });

  it('explains a missing device column (Intune per-app export) and a row of the wrong width', () => {
    const perApp = parseIntuneCsv('Application name,Application version,Device count\nZoom,6.2.0,40\n', options('x.csv'));
    expect(perApp.errors).toEqual([{ line: 1, message: expect.stringContaining('per device') }]);
    const ragged = parseIntuneCsv('Device name,Application name,Application version\nPC1,Zoom\n', options('x.csv'));
    expect(ragged.errors).toEqual([{ line: 2, message: 'expected 3 fields as in the header, found 2' }]);
  });

  it('leaves the OS unknown without both a name and a version', () => {
    expect(deviceOs({ platform: 'Windows' })).toEqual(UNKNOWN_OS);
    expect(deviceOs({ name: 'Microsoft Windows 10 Enterprise', version: '10.0.19045' })).toEqual({ family: 'windows', name: 'Microsoft Windows 10 Enterprise', version: '10.0.19045' });
  });
});
