import { describe, expect, it } from 'vitest';
import type { SoftwareSource } from '../../../src/contract/report.js';
import { evaluateSoftware } from '../../../src/lifecycle/evaluate-software.js';
import { OPTS, rules } from './real-rules.js';

const sw = (name: string, version: string, source: SoftwareSource = 'registry', vendor?: string) =>
  evaluateSoftware({ name, version, source, ...(vendor ? { vendor } : {}) }, rules, OPTS);

describe('evaluateSoftware on the shipped rules (as of 2026-11-23, window 180)', () => {
  it('marks Office 2010 unsupported', () => {
    expect(sw('Microsoft Office Standard 2010', '14.0.7015.1000')).toMatchObject({ status: 'unsupported', product: 'office', cycle: '2010', osLink: 'none' });
  });

  it('marks Office Professional Plus 2016 unsupported by the year in its name', () => {
    expect(sw('Microsoft Office Professional Plus 2016', '16.0.4266.1001')).toMatchObject({ status: 'unsupported', cycle: '2016' });
  });

  it('reads Office by its localised edition names, with their year', () => {
    expect(sw('Microsoft Office профессиональный плюс 2010', '14.0.7015.1000')).toMatchObject({ product: 'office', cycle: '2010', status: 'unsupported' });
    expect(sw('Microsoft Office Professionnel Plus 2016 ', '16.0.4266.1001')).toMatchObject({ product: 'office', cycle: '2016' });
    expect(sw('Microsoft Office Hogar y Empresas 2019', '16.0.10396.20023')).toMatchObject({ product: 'office', cycle: '2019' });
  });

  it('leaves Office 16.0 without a year unknown rather than guessing', () => {
    const v = sw('Microsoft Office Professional Plus', '16.0.17928.20156');
    expect(v).toMatchObject({ status: 'unknown', product: 'office', cycle: null });
    expect(v.reason).toContain('cannot be read by scheme office');
  });

  it('sends Microsoft 365 Apps to its own rule, never to perpetual Office', () => {
    expect(sw('Microsoft 365 Apps for enterprise - en-gb', '16.0.20228.20190')).toMatchObject({ status: 'unknown', unknownReason: 'lifecycle-not-in-data', product: 'microsoft-365-apps', cycle: 'serviced' });
    // Version 2408 (build 17928) left every update channel in March 2026: whatever the channel, it is no longer serviced.
    expect(sw('Microsoft 365 Apps for enterprise - en-gb', '16.0.17928.20156')).toMatchObject({ status: 'unsupported', product: 'microsoft-365-apps', cycle: 'superseded' });
    // A bare "16.0" names no build: it is placed nowhere, never guessed.
    expect(sw('Microsoft 365 Apps for enterprise - en-gb', '16.0')).toMatchObject({ status: 'unknown', unknownReason: 'version-unclear' });
  });

  it('marks Python 2.7 unsupported and reads "3.12.3150.0" as 3.12', () => {
    expect(sw('Python 2.7.18', '2.7.18150')).toMatchObject({ status: 'unsupported', cycle: '2.7' });
    expect(sw('Python 3.12.3 (64-bit)', '3.12.3150.0')).toMatchObject({ status: 'supported', product: 'python', cycle: '3.12' });
  });

  it('puts Java 8 Update 202 in Oracle extended support (Premier ended 2022-03-31)', () => {
    const v = sw('Java 8 Update 202 (64-bit)', '8.0.2020.8', 'registry', 'Oracle Corporation');
    expect(v).toMatchObject({ status: 'extended-support', product: 'oracle-jdk', cycle: '8', eol: '2022-03-31', extendedSupportEnd: '2030-12-31' });
    expect(sw('Java 8 Update 202', '8 Update 202').cycle).toBe('8');
  });

  it('reads JDK 17 and Temurin versions as their feature release', () => {
    expect(sw('Java(TM) SE Development Kit 17.0.2 (64-bit)', '17.0.2.0')).toMatchObject({ product: 'oracle-jdk', cycle: '17' });
    expect(sw('Eclipse Temurin JDK with Hotspot 17.0.9+9 (x64)', '17.0.9.9')).toMatchObject({ product: 'eclipse-temurin', cycle: '17', status: 'supported' });
  });

  it('maps .NET Framework 4.5.51209 to 4.5.2, which is unsupported', () => {
    expect(sw('Microsoft .NET Framework 4.5.2', '4.5.51209')).toMatchObject({ status: 'unsupported', product: 'dotnetfx', cycle: '4.5.2' });
    expect(sw('Microsoft .NET Framework 4.8', '4.8.03761')).toMatchObject({ status: 'supported', cycle: '4.8' });
  });

  it('matches modern .NET runtimes and SQL Server engine entries', () => {
    expect(sw('Microsoft .NET Runtime - 6.0.25 (x64)', '6.0.25.33020')).toMatchObject({ product: 'dotnet', cycle: '6', status: 'unsupported' });
    expect(sw('Microsoft SQL Server 2019 (64-bit)', '15.0.2000.5')).toMatchObject({ product: 'mssqlserver', cycle: '15.0', status: 'supported' });
    expect(sw('Microsoft SQL Server 2016 (64-bit)', '13.0.6300.2')).toMatchObject({ cycle: '13.0-sp3', status: 'extended-support' });
    expect(sw('Microsoft SQL Server 2012 (64-bit)', '11.0.7001.0')).toMatchObject({ cycle: '11.0-sp4', status: 'unsupported' });
  });

  it('returns unknown with no product for a bespoke clinical app', () => {
    const v = sw('Medway PAS Client 4.2', '4.2.0.118');
    expect(v).toMatchObject({ status: 'unknown', product: null, cycle: null, osLink: 'none' });
    expect(v.reason).toBe('no title matches registry name "Medway PAS Client 4.2"');
    expect(v.unknownReason).toBe('unrecognised');
  });

  it('lets openssl from dpkg follow the OS while still naming the product', () => {
    const v = sw('openssl', '3.0.2-0ubuntu1.18', 'dpkg');
    expect(v).toMatchObject({ product: 'openssl', cycle: '3.0', osLink: 'follows' });
    expect(v.reason).toMatch(/^dpkg package: follows the OS/);
  });

  it("tells PGDG's postgresql-13 (its version marked .pgdg) from Debian's: only the vendor's follows upstream", () => {
    expect(sw('postgresql-13', '13.0-1.pgdg100+1', 'dpkg')).toMatchObject({ product: 'postgresql', cycle: '13', osLink: 'none', status: 'unsupported', eol: '2025-11-13' });
    expect(sw('postgresql-13', '13.16-0+deb11u1', 'dpkg')).toMatchObject({ product: 'postgresql', osLink: 'follows' });
  });

  it("explains a Parallels launcher of a Windows guest's program by its version, never by its name alone", () => {
    const v = sw('Notepad', 'Windows XP', 'macos');
    expect(v).toMatchObject({ status: 'unknown', unknownReason: 'no-published-lifecycle' });
    expect(v.reason).toContain('version "Windows XP" matched');
    expect(sw('Notepad', '1.2', 'macos')).toMatchObject({ unknownReason: 'unrecognised' });
  });

  it("never takes a Parallels launcher named like one of Apple's apps for a part of macOS", () => {
    const launcher = sw('Apple Software Update', 'Windows XP', 'macos');
    expect(launcher).toMatchObject({ unknownReason: 'no-published-lifecycle', osLink: 'none' });
    expect(launcher.reason).toContain('Parallels');
    expect(sw('Apple Software Update', '2.1', 'macos')).toMatchObject({ osLink: 'follows' });
  });

  it('judges SQL Server 2008 and 2008 R2 components by the service pack in their minor', () => {
    expect(sw('Microsoft SQL Server 2008 Setup Support Files', '10.3.5500.0')).toMatchObject({ product: 'mssqlserver', status: 'unsupported' });
    expect(sw('Microsoft SQL Server System CLR Types', '10.51.2500.0')).toMatchObject({ product: 'mssqlserver', status: 'unsupported' });
  });

  it("follows SSMS 17 for the components it names after SQL Server 2017 RC1, in any language", () => {
    expect(sw('Stratégies Microsoft SQL Server 2017 RC1', '14.0.800.90')).toMatchObject({ product: 'sql-server-management-studio', cycle: '17', status: 'unsupported' });
  });

  it('calls software its publisher has ended unsupported, by the name forms real machines report', () => {
    expect(sw('Nessus Agent (x64)', '10.0.0.20074', 'registry', 'Tenable, Inc.')).toMatchObject({ product: 'nessus-agent', status: 'unsupported' });
    expect(sw('WinPcap 4.1.3', '4.1.0.2980', 'registry', 'Riverbed Technology, Inc.')).toMatchObject({ product: 'winpcap', status: 'unsupported' });
    expect(sw('TrueCrypt', '6.2.1', 'macos')).toMatchObject({ product: 'truecrypt', status: 'unsupported' });
    expect(sw('Amazon Chime', '5.23.22354', 'macos', 'Amazon.com, Inc.')).toMatchObject({ product: 'amazon-chime', status: 'unsupported' });
    expect(sw('Microsoft Remote Desktop', '10.9.10', 'macos', 'Microsoft Corporation')).toMatchObject({ product: 'windows-app-for-mac', status: 'unsupported' });
  });

  it('keeps a newer product of the same name out of a discontinued one', () => {
    expect(sw('Opera 11.52', '11.52.1100', 'registry', 'Opera Software ASA')).toMatchObject({ product: 'opera-presto', status: 'unsupported' });
    expect(sw('Opera 105.0.4970.48', '105.0.4970.48', 'registry', 'Opera Software')).not.toMatchObject({ product: 'opera-presto' });
    expect(sw('Google Drive', '99.0.0.0', 'registry', 'Google LLC')).not.toMatchObject({ product: 'google-drive-for-mac-pc' });
  });

  it('serves the Defender Antivirus platform only at its newest monthly version, never supported on stale data', () => {
    expect(sw('Microsoft Defender Antivirus platform', '4.18.2301.6', 'other')).toMatchObject({ product: 'microsoft-defender-antivirus-platform', status: 'unsupported' });
    expect(sw('Microsoft Defender Antivirus platform', '4.18.23090.2008', 'other')).toMatchObject({ status: 'unknown', unknownReason: 'data-stale' });
  });

  it('never lets a macOS installer app follow the Mac it sits on', () => {
    expect(sw('Install macOS Sonoma', '19.6.02', 'macos', 'Apple Inc.')).toMatchObject({ status: 'unknown', unknownReason: 'no-published-lifecycle', osLink: 'none' });
  });

  it('does not let google-chrome-stable from dpkg follow the OS', () => {
    const v = sw('google-chrome-stable', '126.0.6478.126-1', 'dpkg');
    expect(v).toMatchObject({ product: 'chrome', cycle: '126', status: 'unsupported', osLink: 'none' });
  });

  it('lets an unmatched distribution package follow the OS with no product', () => {
    expect(sw('libfoo-clinical1', '1.2-3', 'rpm')).toMatchObject({ status: 'unknown', product: null, osLink: 'follows' });
  });

  it('counts Firefox 115.12.0 as the ESR cycle 115, superseded by its newer point release', () => {
    const v = sw('Mozilla Firefox (x64 en-GB)', '115.12.0');
    expect(v).toMatchObject({ product: 'firefox', cycle: '115', status: 'unsupported' });
    expect(v.reason).toContain('a newer version, 115.38.0 of 2026-08-22, exists');
  });

  it('judges the newest ESR build by its end date only while the data is fresh enough', () => {
    expect(sw('Mozilla Firefox (x64 en-GB)', '115.38.0')).toMatchObject({ cycle: '115', status: 'unknown', unknownReason: 'data-stale' });
    const fresh = evaluateSoftware({ name: 'Mozilla Firefox (x64 en-GB)', version: '115.38.0', source: 'registry' }, rules, { ...OPTS, staleDays: 120 });
    expect(fresh).toMatchObject({ status: 'ending-soon', eol: '2027-03-31' });
  });

  it('marks Adobe Reader XI unsupported and current Acrobat Reader DC supported', () => {
    expect(sw('Adobe Reader XI (11.0.23)', '11.0.23')).toMatchObject({ product: 'adobe-acrobat', cycle: 'xi', status: 'unsupported', eol: '2017-10-15' });
    expect(sw('Adobe Acrobat Reader DC', '25.001.20467')).toMatchObject({ cycle: 'continuous', status: 'supported' });
    expect(sw('Adobe Acrobat Reader DC', '19.012.20040')).toMatchObject({ cycle: 'continuous-superseded', status: 'unsupported' });
    expect(sw('Adobe Acrobat 2017', '17.011.30204')).toMatchObject({ cycle: 'classic-2017', status: 'unsupported' });
  });

  it('reports Chromium Edge as unknown with the reason, never as supported by default', () => {
    const v = sw('Microsoft Edge', '130.0.2849.68');
    expect(v).toMatchObject({ product: 'microsoft-edge', cycle: 'chromium', status: 'unknown' });
    expect(v.reason).toContain('cannot be told from the version alone');
  });

  it('marks a version older than every listed cycle unsupported when the oldest ended', () => {
    const v = sw('Python 2.4.4', '2.4.4');
    expect(v).toMatchObject({ status: 'unsupported', product: 'python', cycle: null });
    expect(v.reason).toContain('older than the oldest listed cycle 2.6');
  });

  it('leaves a version newer than the data unknown', () => {
    expect(sw('Google Chrome', '160.0.7000.1')).toMatchObject({ status: 'unknown', product: 'chrome', cycle: null });
  });

  it('matches Linux package names to their products', () => {
    const cases: [string, string, SoftwareSource, string][] = [
      ['python3.10', '3.10.12-1~22.04.3', 'dpkg', 'python'],
      ['nodejs', '12.22.9~dfsg-1ubuntu3.6', 'dpkg', 'nodejs'],
      ['php8.1', '8.1.2-1ubuntu2.18', 'dpkg', 'php'],
      ['nginx', '1.18.0-6ubuntu14.4', 'dpkg', 'nginx'],
      ['apache2', '2.4.52-1ubuntu4.9', 'dpkg', 'apache-http-server'],
      ['httpd', '2.4.57-11.el9_4', 'rpm', 'apache-http-server'],
      ['tomcat9', '9.0.58-1ubuntu0.1', 'dpkg', 'tomcat'],
      ['postgresql-14', '14.12-0ubuntu0.22.04.1', 'dpkg', 'postgresql'],
      ['mysql-server-8.0', '8.0.37-0ubuntu0.22.04.3', 'dpkg', 'mysql'],
      ['firefox-esr', '115.12.0esr-1~deb12u1', 'dpkg', 'firefox'],
    ];
    for (const [name, version, source, product] of cases) {
      expect(sw(name, version, source), name).toMatchObject({ product, osLink: 'follows' });
    }
  });

  it('matches Windows display names of server software', () => {
    expect(sw('Apache Tomcat 9.0', '9.0.85')).toMatchObject({ product: 'tomcat', cycle: '9.0' });
    expect(sw('PostgreSQL 13', '13.14')).toMatchObject({ product: 'postgresql', cycle: '13' });
    expect(sw('MySQL Server 8.0', '8.0.36')).toMatchObject({ product: 'mysql', cycle: '8.0' });
    expect(sw('Node.js', '20.11.1')).toMatchObject({ product: 'nodejs', cycle: '20', status: 'unsupported' });
  });
});
