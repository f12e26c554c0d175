import { describe, expect, it } from 'vitest';
import { installDate } from '../../../../agents/windows/install-date.js';
import { NO_VERSION } from '../../../../agents/no-version.js';
import { parseUninstall, versionInName } from '../../../../agents/windows/uninstall.js';
import { fixture } from './_fixture.js';

describe('parseUninstall', () => {
  const software = parseUninstall(fixture('uninstall-win10-ward-pc.json'));
  const named = (name: string) => software.filter((item) => item.name === name);
  const names = software.map((item) => item.name);

  it('reads the BOM-prefixed output and keeps the 20 entries: 19 programs, one of them for two users', () => {
    expect(software).toHaveLength(20);
  });

  it('maps DisplayName, DisplayVersion, Publisher and InstallDate to a registry item', () => {
    expect(named('Java 8 Update 202')).toEqual([
      { name: 'Java 8 Update 202', version: '8.0.2020.8', vendor: 'Oracle Corporation', source: 'registry', installedAt: '2019-02-20' },
    ]);
    expect(named('Microsoft Office Professional Plus 2016')).toEqual([
      { name: 'Microsoft Office Professional Plus 2016', version: '16.0.4266.1001', vendor: 'Microsoft Corporation', source: 'registry' },
    ]);
    expect(named('Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33135')[0]?.version).toBe('14.38.33135.0');
  });

  it('lists a program registered in both the 64- and 32-bit views once', () => {
    expect(named('Citrix Workspace 2311')).toHaveLength(1);
    expect(named('Überweisungs-Client')).toHaveLength(1);
  });

  it('keeps the 32- and 64-bit builds of Java apart: their names differ', () => {
    expect(names).toContain('Java 8 Update 202 (64-bit)');
    expect(names).toContain('Java 8 Update 202');
  });

  it("includes per-user installs of loaded hives, once per user, with the user's SID", () => {
    expect(named('Zoom')).toEqual([
      { name: 'Zoom', version: '5.17.11 (34827)', vendor: 'Zoom Video Communications, Inc.', source: 'registry', installedAt: '2024-03-05', hive: 'S-1-5-21-1004336348-1177238915-682003330-1104' },
      { name: 'Zoom', version: '5.17.11 (34827)', vendor: 'Zoom Video Communications, Inc.', source: 'registry', installedAt: '2024-03-07', hive: 'S-1-5-21-1004336348-1177238915-682003330-2217' },
    ]);
    expect(named('Java 8 Update 202')[0]).not.toHaveProperty('hive');
    expect(named('Microsoft Teams')).toHaveLength(1);
    expect(named('Python 3.12.3 (64-bit)')[0]?.version).toBe('3.12.3150.0');
  });

  it('preserves German, Polish, Welsh and Danish characters exactly', () => {
    expect(named('Überweisungs-Client')[0]?.vendor).toBe('Müller Medizinsoftware GmbH');
    expect(names).toContain('Zarządzanie Łóżkami');
    expect(names).toContain('Cliniview Ø');
    expect(named('Rhaglen Cymraeg Tŷ Gwybodaeth 2.1.4')[0]?.vendor).toBe('Bwrdd Iechyd Prifysgol – Gwasanaethau Digidol');
  });

  it('leaves out system components, entries without a DisplayName, KB updates and hotfixes', () => {
    expect(names.filter((name) => /Minimum Runtime|Additional Runtime|Core Interpreter/.test(name))).toEqual([]);
    expect(names.filter((name) => /KB\d+/.test(name))).toEqual([]);
    expect(named('Microsoft Office Professional Plus 2016')).toHaveLength(1);
    expect(names).toContain('Microsoft Update Health Tools');
  });

  it('takes a dotted version from the name when DisplayVersion is missing', () => {
    expect(named('Rhaglen Cymraeg Tŷ Gwybodaeth 2.1.4')[0]?.version).toBe('2.1.4');
  });

  it(`keeps programs with no version anywhere, as "${NO_VERSION}", as on macOS`, () => {
    expect(named('Medway PAS Client Launcher')).toEqual([
      { name: 'Medway PAS Client Launcher', version: NO_VERSION, vendor: 'System C Healthcare', source: 'registry', installedAt: '2022-04-07' },
    ]);
    expect(named('Trust Intranet Shortcut')[0]?.version).toBe(NO_VERSION);
  });

  it('reads an MSI\'s VersionMajor/VersionMinor when DisplayVersion is missing', () => {
    const text = '[{"DisplayName":"Order Comms Client","DisplayVersion":null,"VersionMajor":"4","VersionMinor":"12"},{"DisplayName":"Bed Board","VersionMajor":7}]';
    expect(parseUninstall(text).map((s) => s.version)).toEqual(['4.12', '7.0']);
  });

  it('drops an InstallDate that is not YYYYMMDD', () => {
    expect(named('Cliniview Ø')[0]).not.toHaveProperty('installedAt');
  });

  it('accepts a bare object (one entry) and empty output', () => {
    expect(parseUninstall('{"DisplayName":"7-Zip 23.01 (x64)","DisplayVersion":"23.01"}')).toHaveLength(1);
    expect(parseUninstall('')).toEqual([]);
  });

  it('leaves out driver-store packages: drivers, not programs', () => {
    const text = JSON.stringify([
      { DisplayName: 'Windows Driver Package - Intel (e1dexpress) Net  (12.18.9.23)', DisplayVersion: '12.18.9.23', Publisher: 'Intel' },
      { DisplayName: 'Intel(R) Network Connections 26.4.0.3', DisplayVersion: '26.4.0.3', Publisher: 'Intel' },
    ]);
    expect(parseUninstall(text).map((s) => s.name)).toEqual(['Intel(R) Network Connections 26.4.0.3']);
  });

  it('skips entries by ReleaseType and ParentKeyName even when the name looks like a program', () => {
    const text = JSON.stringify([
      { DisplayName: 'Service Pack 2 for Microsoft Office 2010', DisplayVersion: '14.0.7015.1000', ReleaseType: 'Service Pack' },
      { DisplayName: 'Language Pack (en-GB)', DisplayVersion: '1.0', ParentKeyName: 'SomeApp' },
    ]);
    expect(parseUninstall(text)).toEqual([]);
  });
});

describe('versionInName', () => {
  it.each([
    ['Rhaglen Cymraeg 2.1', '2.1'],
    ['Python 3.12.3 (64-bit)', '3.12.3'],
    ['Notepad++ v8.6.2', '8.6.2'],
    ['Microsoft Office 2016', undefined],
    ['Java 8 Update 202', undefined],
  ])('%j → %j', (name, version) => {
    expect(versionInName(name)).toBe(version);
  });
});

describe('installDate', () => {
  it.each([
    ['20240115', '2024-01-15'],
    ['20240230', undefined],
    ['1/15/2024', undefined],
    ['19700101', undefined],
    ['0', undefined],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => {
    expect(installDate(value)).toBe(expected);
  });
});
