import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseApkDb, parseApkInfo } from '../../../../agents/linux/apk.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/linux/${name}`, import.meta.url), 'utf8');

describe('parseApkInfo', () => {
  const software = parseApkInfo(fixture('apk-info-v.txt'));

  it('splits name and version at the "-r<N>" release suffix, names with dashes included', () => {
    expect(software).toContainEqual({ name: 'openjdk17-jre-headless', version: '17.0.10_p7-r0', source: 'apk' });
    expect(software).toContainEqual({ name: 'musl', version: '1.2.4_git20230717-r4', source: 'apk' });
    expect(software).toContainEqual({ name: 'ca-certificates-bundle', version: '20240226-r0', source: 'apk' });
  });

  it('skips apk warnings', () => {
    expect(software).toHaveLength(16);
    expect(software.some((item) => item.name.startsWith('WARNING'))).toBe(false);
  });
});

describe('parseApkDb', () => {
  it('reads package, version and maintainer from each record', () => {
    expect(parseApkDb(fixture('apk-installed-db'))).toEqual([
      { name: 'musl', version: '1.2.4_git20230717-r4', vendor: 'Timo Teräs', source: 'apk' },
      { name: 'busybox', version: '1.36.1-r15', vendor: 'Sören Tempel', source: 'apk' },
      { name: 'libssl3', version: '3.1.4-r5', vendor: 'Ariadne Conill', source: 'apk' },
    ]);
  });
});
