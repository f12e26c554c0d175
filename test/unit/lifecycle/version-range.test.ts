import { describe, expect, it } from 'vitest';
import { isVersionRange, versionInRange } from '../../../src/lifecycle/version-range.js';

describe('versionInRange', () => {
  it('reads a four-part Windows registry version by its first three numbers', () => {
    expect(versionInRange('8.0.2020.8', '<9')).toBe(true);
    expect(versionInRange('8.0.2020.8', '>=8 <9')).toBe(true);
    expect(versionInRange('17.0.2+8', '<9')).toBe(false);
  });

  it('reads a distribution version by its upstream part, dropping an epoch', () => {
    expect(versionInRange('1.1.1-1ubuntu2.1~18.04.23', '<1.1.2')).toBe(true);
    expect(versionInRange('1:3.0.7-27.el9', '<1.1.1')).toBe(false);
    expect(versionInRange('1:3.0.7-27.el9', '>=3 <3.1')).toBe(true);
  });

  it('matches no range when the version has no number to read', () => {
    expect(versionInRange('unknown', '*')).toBe(false);
    expect(versionInRange('', '>=0')).toBe(false);
  });
});

describe('isVersionRange', () => {
  it('accepts semver ranges and refuses text that is not one', () => {
    for (const range of ['<9', '>=8 <9', '1.x || >=3', '~2.4', '^1.2.3']) expect(isVersionRange(range), range).toBe(true);
    for (const range of ['<<9', 'latest', '>=a']) expect(isVersionRange(range), range).toBe(false);
  });
});
