/** The contract every version scheme keeps: a string or null for any input, never a throw. */
import { describe, expect, it } from 'vitest';
import { SCHEMES } from '../../../../src/lifecycle/schemes/index.js';

const GARBAGE = ['', '   ', 'abc', 'null', '..', '+', '-1', '∞', '\u0000', '1..2', 'v', '9'.repeat(10_000), '1.'.repeat(5_000), 'Update', '(64-bit)', '16.0', '1:'];
const NAMES = ['', 'Microsoft Office', 'Java', '💥'.repeat(500)];

describe.each(SCHEMES.map((s) => [s.id, s] as const))('scheme %s', (_, scheme) => {
  it('has an id and a description', () => {
    expect(scheme.id).toMatch(/^[a-z][a-z-]*$/);
    expect(scheme.description.length).toBeGreaterThan(10);
  });

  it.each(GARBAGE.flatMap((v) => NAMES.map((n) => [v.slice(0, 20), v, n] as const)))('returns null or a dotted string for %j', (_label, version, name) => {
    const out = scheme.normalise(version, name);
    if (out !== null) expect(out).toMatch(/^[0-9a-z]+(\.[0-9a-z]+)*$/);
  });
});
