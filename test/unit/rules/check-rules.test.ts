import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRules } from '../../../src/rules/check-rules.js';
import { formatRuleIssue } from '../../../src/rules/rule-issue.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/rules/${name}`, import.meta.url));
const SHIPPED = fileURLToPath(new URL('../../../rules/lifecycle', import.meta.url));

describe('checkRules', () => {
  it('passes every shipped rule file', () => {
    expect(checkRules(SHIPPED)).toEqual([]);
  });

  it('reports a bad date with its file and line', () => {
    const issues = checkRules(fixture('bad-date'));
    expect(issues).toHaveLength(1);
    expect(formatRuleIssue(issues[0]!)).toMatch(/^bad\.yaml:12: cycles\[0\]\.eol: expected a date YYYY-MM-DD/);
  });

  it('reports a YAML syntax error with its line', () => {
    const issues = checkRules(fixture('bad-syntax'));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ file: 'broken.yaml' });
    expect(issues[0]?.message).toMatch(/^YAML syntax: /);
    expect(issues[0]?.line).toBeGreaterThanOrEqual(9);
  });

  it('reports every problem in a file on its own line', () => {
    const lines = checkRules(fixture('bad-fields')).map(formatRuleIssue);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^mixed\.yaml:8: match\[0\]\.name: not a valid regular expression/),
        expect.stringMatching(/^mixed\.yaml:10: version\.scheme: /),
        expect.stringMatching(/^mixed\.yaml:15: cycles\[0\]\.colour: unknown field/),
        expect.stringMatching(/^mixed\.yaml:16: cycles\[1\]: a cycle needs versions or minVersion/),
      ]),
    );
  });

  it('reports a product that does not match its file name alongside other problems', () => {
    expect(checkRules(fixture('bad-fields')).map(formatRuleIssue)).toContain('mixed.yaml:2: product: must equal the file name "mixed"');
  });

  it('reports cross-field problems: fields of the wrong kind, duplicate cycles, uncited hand-written rules', () => {
    expect(checkRules(fixture('bad-cross')).map(formatRuleIssue)).toEqual([
      'cross.yaml:6: source: hand-written rules must cite source.retrieved (the day the vendor page was read)',
      'cross.yaml:9: match[0].sources: "sources" is not allowed in an os rule',
      'cross.yaml:14: cycles[1].cycle: duplicate cycle "1"',
    ]);
  });
});
