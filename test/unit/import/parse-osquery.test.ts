import { describe, expect, it } from 'vitest';
import { parseOsquery } from '../../../src/import/parse-osquery.js';
import { tableOf } from '../../../src/import/_osquery-tables.js';
import { fixture, NOW, options } from './_fixtures.js';

describe('parseOsquery: one JSON object keyed by query name', () => {
  it('maps a Windows 10 host: build as version, programs as imported software, hardware from system_info', () => {
    const { reports, errors } = parseOsquery(fixture('osquery-windows10.json'), options('w.json'));
    expect(errors).toEqual([]);
    const [r] = reports;
    expect(r?.host).toEqual({ hostname: 'WARD7-PC014', fqdn: 'WARD7-PC014.anytown.nhs.uk', manufacturer: 'Dell Inc.', model: 'OptiPlex 7010', serial: '8QK2F5J' });
    expect(r?.os).toEqual({ family: 'windows', name: 'Microsoft Windows 10 Enterprise', version: '10.0.19045', build: '10.0.19045.5371', arch: 'x64' });
    expect(r?.collectedAt).toBe(NOW.toISOString());
    expect(r?.software).toContainEqual({ name: 'Microsoft Office Standard 2010', version: '14.0.7015.1000', vendor: 'Microsoft Corporation', source: 'import', installedAt: '2015-06-11' });
    // A program without a version is left out, as the Windows agent leaves it out.
    expect(r?.software.map((s) => s.name)).not.toContain('Dell SupportAssist Remediation');
    expect(r?.software.every((s) => s.source === 'import')).toBe(true);
  });

  it('maps an Ubuntu 22.04 host: VERSION_ID with two-digit month, deb packages as dpkg, removed packages left out', () => {
    const { reports } = parseOsquery(fixture('osquery-ubuntu.json'), options('u.json'));
    const [r] = reports;
    expect(r?.os).toEqual({ family: 'linux', name: 'Ubuntu', version: '22.04', build: '22.04.4 LTS (Jammy Jellyfish)', arch: 'x86_64' });
    expect(r?.software).toContainEqual({ name: 'openssl', version: '3.0.2-0ubuntu1.18', vendor: 'Ubuntu Developers', source: 'dpkg' });
    expect(r?.software.map((s) => s.name)).not.toContain('apache2');
    expect(r?.software.every((s) => s.source === 'dpkg')).toBe(true);
  });

  it('needs system_info to know the machine', () => {
    expect(parseOsquery('{"os_version": []}', options('x.json')).errors).toEqual([{ path: 'system_info', message: expect.any(String) }]);
  });

  it('reports malformed JSON once, at its line', () => {
    const { reports, errors } = parseOsquery(fixture('broken-osquery-malformed.json'), options('b.json'));
    expect(reports).toEqual([]);
    expect(errors).toEqual([{ line: 6, message: expect.stringMatching(/^not valid JSON/) }]);
  });
});

describe('parseOsquery: osqueryd results log (NDJSON)', () => {
  const { reports, errors } = parseOsquery(fixture('osquery-results.ndjson'), options('results.log'));

  it('gives one report per hostIdentifier, timed by its latest result', () => {
    expect(errors).toEqual([]);
    expect(reports.map((r) => r.host.hostname)).toEqual(['PHARM-PC02', 'portal-web01']);
    expect(reports[0]?.collectedAt).toBe(new Date(1795403600 * 1000).toISOString());
  });

  it('replays added and removed events, so an upgraded program appears once at its new version', () => {
    const firefox = reports[0]?.software.filter((s) => s.name.startsWith('Mozilla Firefox'));
    expect(firefox).toEqual([{ name: 'Mozilla Firefox (x64 en-GB)', version: '133.0', vendor: 'Mozilla', source: 'import' }]);
  });

  it('reads diffResults for rpm packages with epoch and release, leaving out signing keys', () => {
    expect(reports[1]?.os).toMatchObject({ family: 'linux', name: 'Red Hat Enterprise Linux', version: '9.4' });
    expect(reports[1]?.software).toEqual([
      { name: 'openssl-libs', version: '1:3.0.7-27.el9', vendor: 'Red Hat, Inc.', source: 'rpm' },
      { name: 'httpd', version: '2.4.57-11.el9_4.1', vendor: 'Red Hat, Inc.', source: 'rpm' },
    ]);
  });

  it('names the line of a result that is not osquery output', () => {
    const text = `${fixture('osquery-results.ndjson')}{"hello": "world"}\n`;
    expect(parseOsquery(text, options('x')).errors).toEqual([{ line: 11, message: expect.stringContaining('hostIdentifier') }]);
  });

  it('matches query names from packs to their tables', () => {
    expect(tableOf('pack/estate/os_version')).toBe('os_version');
    expect(tableOf('pack_estate_deb_packages')).toBe('deb_packages');
    expect(tableOf('my_programs_query')).toBeUndefined();
  });
});
