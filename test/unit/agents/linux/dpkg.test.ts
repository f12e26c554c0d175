import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDpkg, vendorOf } from '../../../../agents/linux/dpkg.js';

const text = readFileSync(new URL('../../../fixtures/linux/dpkg-query-ubuntu-22.04.txt', import.meta.url), 'utf8');

describe('parseDpkg', () => {
  const software = parseDpkg(text);
  const names = software.map((item) => item.name);

  it('keeps installed and held packages with their dpkg version, epoch included', () => {
    expect(software.find((item) => item.name === 'openssh-server')).toEqual({
      name: 'openssh-server',
      version: '1:8.9p1-3ubuntu0.6',
      vendor: 'Ubuntu Developers',
      source: 'dpkg',
    });
    expect(names).toContain('openjdk-11-jre-headless');
  });

  it('drops removed packages whose config files remain, and not-installed ones', () => {
    expect(names).not.toContain('linux-image-5.15.0-91-generic');
    expect(names).not.toContain('samba-common');
    expect(names).not.toContain('vim-tiny');
  });

  it('strips the multiarch suffix and lists a package installed for two architectures once', () => {
    expect(software.filter((item) => item.name === 'libc6')).toEqual([
      { name: 'libc6', version: '2.35-0ubuntu3.7', vendor: 'Ubuntu Developers', source: 'dpkg' },
    ]);
    expect(names.some((name) => name.includes(':'))).toBe(false);
  });

  it('returns the 12 installed packages of the fixture', () => {
    expect(software).toHaveLength(12);
  });

  it('reads a status spaced otherwise than dpkg writes it, and a package marked for removal but still installed', () => {
    const odd = 'a\t1\t hold  ok installed \tX <x@y>\nb\t2\tdeinstall ok installed\tY\nc\t3\tinstall ok  half-installed\tZ\n';
    expect(parseDpkg(odd)).toEqual([
      { name: 'a', version: '1', vendor: 'X', source: 'dpkg' },
      { name: 'b', version: '2', vendor: 'Y', source: 'dpkg' },
    ]);
  });

  it('ignores blank and malformed lines', () => {
    expect(parseDpkg('\nnot a dpkg line\n\t\tinstall ok installed\t\n')).toEqual([]);
  });
});

describe('vendorOf', () => {
  it('drops the e-mail address from a maintainer', () => {
    expect(vendorOf('TeamViewer GmbH <support@teamviewer.com>')).toBe('TeamViewer GmbH');
    expect(vendorOf('')).toBeUndefined();
  });
});
