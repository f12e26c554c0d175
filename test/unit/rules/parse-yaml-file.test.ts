import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYamlFile } from '../../../src/rules/parse-yaml-file.js';

const Schema = z.strictObject({ name: z.string(), items: z.array(z.strictObject({ n: z.number() })) });
const parse = (text: string) => parseYamlFile({ file: 'f.yaml', text }, Schema);

describe('parseYamlFile', () => {
  it('returns the validated value and the raw data', () => {
    const r = parse('name: a\nitems:\n  - n: 1\n');
    expect(r).toMatchObject({ value: { name: 'a', items: [{ n: 1 }] }, raw: { name: 'a', items: [{ n: 1 }] }, issues: [] });
  });

  it('puts a schema error on the line of the field, and an unknown key on its own line', () => {
    const r = parse('name: a\nitems:\n  - n: 1\n  - n: two\n    m: 3\n');
    expect(r.value).toBeNull();
    expect(r.issues.map((i) => `${i.line}: ${i.message}`)).toEqual(['4: items[1].n: Invalid input: expected number, received string', '5: items[1].m: unknown field (see rules/README.md)']);
  });

  it('locates a missing field at its parent, and a whole-file problem at the first content line', () => {
    const r = parse('\n\nitems: []\n');
    expect(r.at(['items', 0, 'n'], 'x').line).toBe(3);
    expect(r.at([], 'whole file')).toEqual({ file: 'f.yaml', line: 3, message: 'whole file' });
  });

  it('reports YAML syntax errors with no raw data', () => {
    const r = parse('name: [a\n');
    expect(r.raw).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ file: 'f.yaml', line: 1, message: expect.stringMatching(/^YAML syntax: /) });
  });
});
