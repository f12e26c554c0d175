import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { debianPointRelease, parseOsRelease, parseOsReleaseFields } from '../../../../agents/linux/os-release.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/linux/${name}`, import.meta.url), 'utf8');

describe('parseOsRelease', () => {
  it.each([
    ['os-release-ubuntu-22.04', { family: 'linux', name: 'Ubuntu', version: '22.04', build: '22.04.4' }],
    ['os-release-ubuntu-18.04', { family: 'linux', name: 'Ubuntu', version: '18.04', build: '18.04.6' }],
    ['os-release-rhel-9.4', { family: 'linux', name: 'Red Hat Enterprise Linux', version: '9.4' }],
    ['os-release-centos-7', { family: 'linux', name: 'CentOS Linux', version: '7' }],
    ['os-release-rocky-9', { family: 'linux', name: 'Rocky Linux', version: '9.3' }],
    ['os-release-alpine', { family: 'linux', name: 'Alpine Linux', version: '3.19.1' }],
    ['os-release-debian-12', { family: 'linux', name: 'Debian GNU/Linux', version: '12' }],
  ])('reads name and version from %s', (file, expected) => {
    expect(parseOsRelease(fixture(file))).toEqual(expected);
  });

  it('falls back to "Linux" and "unknown" for an empty file rather than failing the report', () => {
    expect(parseOsRelease('')).toEqual({ family: 'linux', name: 'Linux', version: 'unknown' });
  });

  it('uses BUILD_ID on rolling distributions without VERSION_ID', () => {
    expect(parseOsRelease('NAME="Arch Linux"\nID=arch\nBUILD_ID=rolling\n').version).toBe('rolling');
  });
});

describe('parseOsReleaseFields', () => {
  it('unquotes single and double quotes and shell escapes, skipping comments', () => {
    const fields = parseOsReleaseFields(`# comment\nA="say \\"hi\\""\nB='x y'\nC=plain\n`);
    expect([...fields]).toEqual([
      ['A', 'say "hi"'],
      ['B', 'x y'],
      ['C', 'plain'],
    ]);
  });
});

describe('debianPointRelease', () => {
  it('takes /etc/debian_version when it refines VERSION_ID', () => {
    expect(debianPointRelease('12', '12.5\n')).toBe('12.5');
  });

  it('ignores codename values such as "trixie/sid"', () => {
    expect(debianPointRelease('12', 'trixie/sid\n')).toBeUndefined();
  });
});
