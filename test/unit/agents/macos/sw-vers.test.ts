import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectSwVers, parseSwVers } from '../../../../agents/macos/sw-vers.js';
import { evaluateOs } from '../../../../src/lifecycle/evaluate-os.js';
import { loadLifecycleRules } from '../../../../src/rules/load-lifecycle-rules.js';
import { fixture } from './_fixture.js';
import { withoutTools } from './_no-tools.js';

describe('parseSwVers', () => {
  it('reads name, version and build of macOS 14.7.1', () => {
    expect(parseSwVers(fixture('sw-vers-14.7.1.txt'))).toEqual({ family: 'macos', name: 'macOS', version: '14.7.1', build: '23H222' });
  });

  it('names an old "Mac OS X 10.13.6" macOS, so the rule picks cycle 10.13 by version', () => {
    expect(parseSwVers(fixture('sw-vers-10.13.6.txt'))).toEqual({ family: 'macos', name: 'macOS', version: '10.13.6', build: '17G66' });
  });

  it('ignores the Rapid Security Response suffix line and keeps the build', () => {
    const text = 'ProductName:\t\tmacOS\nProductVersion:\t\t13.4.1\nProductVersionExtra:\t(c)\nBuildVersion:\t\t22F770820d\n';
    expect(parseSwVers(text)).toEqual({ family: 'macos', name: 'macOS', version: '13.4.1', build: '22F770820d' });
  });

  it('returns undefined when there is no ProductVersion', () => {
    expect(parseSwVers('sw_vers: unrecognised option\n')).toBeUndefined();
  });
});

describe('the parsed OS against the shipped macOS lifecycle rule', () => {
  const rules = loadLifecycleRules(fileURLToPath(new URL('../../../../rules/lifecycle', import.meta.url)));
  const opts = { asOf: '2024-12-01', windowDays: 180 };
  const evaluate = (name: string) => evaluateOs({ ...parseSwVers(fixture(name))!, arch: 'arm64' }, rules, opts);

  it('reads 14.7.1 as Sonoma (supported) and 10.13.6 as High Sierra (unsupported)', () => {
    expect(evaluate('sw-vers-14.7.1.txt')).toMatchObject({ product: 'macos', cycle: '14', status: 'supported' });
    expect(evaluate('sw-vers-10.13.6.txt')).toMatchObject({ product: 'macos', cycle: '10.13', status: 'unsupported' });
  });
});

describe('collectSwVers without sw_vers', () => {
  withoutTools();

  it('returns nothing rather than failing', async () => {
    await expect(collectSwVers()).resolves.toEqual({});
  });
});
