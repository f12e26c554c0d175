import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadWindowsUpdates, parseWindowsUpdates } from '../../../src/rules/load-windows-updates.js';
import { RulesError } from '../../../src/rules/rule-issue.js';

const RULES = fileURLToPath(new URL('../../../rules', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/windows-updates', import.meta.url));

const issuesOf = (file: string) => {
  try {
    loadWindowsUpdates(FIXTURES, file);
  } catch (e) {
    expect(e).toBeInstanceOf(RulesError);
    return (e as RulesError).issues;
  }
  throw new Error(`${file} loaded`);
};

const LINE = (build: number, from: string, updates: string) => `  - build: ${build}${from}
    names: ['x']
    through: 2026-06-23
    sources: [{ name: s, url: 'https://example.org', retrieved: 2026-12-06 }]
    updates:
${updates}`;

describe('loadWindowsUpdates', () => {
  it('loads the shipped file: every servicing line cites a source read on a given day', () => {
    const data = loadWindowsUpdates(RULES);
    expect(data.builds.map((b) => b.build)).toEqual([19045, 19044, 22621, 22631, 26100, 26100, 26200, 20348, 17763, 14393]);
    for (const line of data.builds) {
      expect(line.sources[0]?.url).toMatch(/^https:\/\//);
      expect(line.sources[0]?.retrieved).toBe('2026-12-06');
      expect(line.updates.at(-1)!.released <= line.through).toBe(true);
    }
  });

  it('refuses a file whose UBR goes back, on the line of that entry', () => {
    expect(issuesOf('ubr-goes-back.yaml')).toEqual([
      { file: 'ubr-goes-back.yaml', line: 15, message: "builds[0].updates[4].ubr: UBR 5408 must be above the previous entry's 5487 (UBRs strictly increase)" },
    ]);
  });

  it('reports a malformed KB id, a date that is no day and a build without source, each on its line', () => {
    const issues = issuesOf('bad-fields.yaml');
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [14, expect.stringMatching(/^builds\[0\]\.updates\[3\]\.kb: expected a KB article id such as KB5034441/)],
      [15, expect.stringMatching(/^builds\[0\]\.updates\[4\]\.released: expected a real date/)],
      [16, "builds[1].sources: every build needs at least one source (name, url, retrieved)"],
    ]);
  });

  it('refuses a date that goes back, and a "through" before the last update', () => {
    const text = `builds:\n${LINE(19045, '', '      - { ubr: 5371, kb: KB5049981, released: 2025-01-14, kind: security }\n      - { ubr: 5440, kb: KB5050081, released: 2025-01-13, kind: preview }\n')}`.replace('through: 2026-06-23', 'through: 2025-01-01');
    const { data, issues } = parseWindowsUpdates({ file: 't.yaml', text });
    expect(data).toBeNull();
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining('through: 2025-01-01 is before the last update listed (2025-01-13)'),
      expect.stringContaining("updates[1].released: 2025-01-13 is before the previous entry's 2025-01-14"),
    ]);
  });

  it('keeps two servicing lines of one build apart: a second needs its own fromUbr, and UBRs stay on their side of it', () => {
    const entry = '      - { ubr: 32230, kb: KB5073379, released: 2026-01-13, kind: security }\n';
    const twins = parseWindowsUpdates({ file: 't.yaml', text: `builds:\n${LINE(26100, '', entry)}${LINE(26100, '', entry)}` });
    expect(twins.issues[0]?.message).toContain('build 26100 is also at builds[1]; a second servicing line needs its own fromUbr');
    const crossing = parseWindowsUpdates({ file: 't.yaml', text: `builds:\n${LINE(26100, '', entry)}${LINE(26100, '\n    fromUbr: 32000', entry)}` });
    expect(crossing.issues.map((i) => i.message)).toEqual([expect.stringContaining('UBR 32230 belongs to the line of build 26100 that starts at 32000')]);
  });
});
