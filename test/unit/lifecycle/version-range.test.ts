import { describe, expect, it } from 'vitest';
import { isVersionRange, versionRangeTest } from '../../../src/lifecycle/version-range.js';

const inRange = (version: string, range: string) => versionRangeTest(range)(version);

describe('versionRangeTest', () => {
  it('reads a four-part Windows registry version by its first three numbers', () => {
    expect(inRange('8.0.2020.8', '<9')).toBe(true);
    expect(inRange('8.0.2020.8', '>=8 <9')).toBe(true);
    expect(inRange('17.0.2+8', '<9')).toBe(false);
  });

  it('reads a distribution version by its upstream part, dropping an epoch', () => {
    expect(inRange('1.1.1-1ubuntu2.1~18.04.23', '<1.1.2')).toBe(true);
    expect(inRange('1:3.0.7-27.el9', '<1.1.1')).toBe(false);
    expect(inRange('1:3.0.7-27.el9', '>=3 <3.1')).toBe(true);
  });

  it('matches no range when the version has no number to read', () => {
    expect(inRange('unknown', '*')).toBe(false);
    expect(inRange('', '>=0')).toBe(false);
  });

  it('gives a spelling seen before the same answer', () => {
    const below9 = versionRangeTest('<9');
    expect(['8.0.2020.8', '9.0.1', '8.0.2020.8', 'x'].map(below9)).toEqual([true, false, true, false]);
  });
});

describe('isVersionRange', () => {
  it('accepts semver ranges and refuses text that is not one', () => {
    for (const range of ['<9', '>=8 <9', '1.x || >=3', '~2.4', '^1.2.3']) expect(isVersionRange(range), range).toBe(true);
    for (const range of ['<<9', 'latest', '>=a']) expect(isVersionRange(range), range).toBe(false);
  });
});
