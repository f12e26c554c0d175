import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoFromEpochSeconds, parseRpm } from '../../../../agents/linux/rpm.js';

const text = readFileSync(new URL('../../../fixtures/linux/rpm-rhel-9.txt', import.meta.url), 'utf8');

describe('parseRpm', () => {
  const software = parseRpm(text);

  it('drops an epoch of "(none)" and converts the install time to ISO', () => {
    expect(software[0]).toEqual({
      name: 'bash',
      version: '5.1.8-9.el9',
      vendor: 'Red Hat, Inc.',
      source: 'rpm',
      installedAt: '2024-04-29T10:40:01.000Z',
    });
  });

  it('keeps a real epoch because rpm compares it first', () => {
    expect(software.find((item) => item.name === 'openssl')?.version).toBe('1:3.0.7-27.el9');
  });

  it('keeps every installed kernel, skips gpg-pubkey keys, and leaves "(none)" vendors out', () => {
    expect(software.filter((item) => item.name === 'kernel-core')).toHaveLength(2);
    expect(software.some((item) => item.name === 'gpg-pubkey')).toBe(false);
    expect(software.find((item) => item.name === 'local-tools')?.vendor).toBeUndefined();
    expect(software).toHaveLength(11);
  });
});

describe('isoFromEpochSeconds', () => {
  it('returns undefined for anything but whole seconds', () => {
    expect(isoFromEpochSeconds('(none)')).toBeUndefined();
    expect(isoFromEpochSeconds(undefined)).toBeUndefined();
  });
});
