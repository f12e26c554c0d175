import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildRuleSet, loadLifecycleRules, readRuleSources, type RuleSet } from '../../../src/rules/load-lifecycle-rules.js';
import { RulesError } from '../../../src/rules/rule-issue.js';

const SHIPPED = fileURLToPath(new URL('../../../rules/lifecycle', import.meta.url));
const BAD = fileURLToPath(new URL('../../fixtures/rules/bad-date', import.meta.url));

describe('loadLifecycleRules', () => {
  it('loads the shipped rules sorted by file name, each citing its source', () => {
    const set = loadLifecycleRules(SHIPPED);
    const files = set.rules.map((r) => r.file);
    expect(files).toEqual([...files].sort());
    expect(set.digest).toMatch(/^[0-9a-f]{64}$/);
    for (const rule of set.rules) {
      expect(rule.source.url).toMatch(/^https:\/\//);
      expect(rule.file).toBe(`${rule.product}.yaml`);
    }
  });

  it('throws RulesError listing the issues when a file is bad', () => {
    expect(() => loadLifecycleRules(BAD)).toThrow(RulesError);
    try {
      loadLifecycleRules(BAD);
    } catch (e) {
      expect((e as RulesError).issues).toEqual([expect.objectContaining({ file: 'bad.yaml', line: 12 })]);
    }
  });

  it('changes the digest when a file changes', () => {
    const sources = readRuleSources(SHIPPED);
    const before = buildRuleSet(sources).ruleSet?.digest;
    const edited = sources.map((s, i) => (i === 0 ? { ...s, text: `${s.text}\n# edited\n` } : s));
    expect(buildRuleSet(edited).ruleSet?.digest).not.toBe(before);
  });

  it('reads an edited file again on the next load, and keeps the rest as they were', () => {
    const sources = readRuleSources(SHIPPED);
    const before = buildRuleSet(sources).ruleSet!;
    const edited = sources.map((s) => (s.file === 'windows.yaml' ? { ...s, text: s.text.replace(/^title: .*$/m, 'title: Windows, edited') } : s));
    const after = buildRuleSet(edited).ruleSet!;
    const windows = (rules: RuleSet) => rules.rules.find((r) => r.file === 'windows.yaml')?.title;
    const others = (rules: RuleSet) => rules.rules.filter((r) => r.file !== 'windows.yaml');
    expect([windows(before), windows(after)]).toEqual(['Microsoft Windows (client)', 'Windows, edited']);
    expect(others(after)).toEqual(others(before));
    // Loading the unedited files again gives the first set back.
    expect(buildRuleSet(sources).ruleSet).toEqual(before);
  });

  it('rejects a product that does not match its file name', () => {
    const [first] = readRuleSources(SHIPPED);
    const { issues } = buildRuleSet([{ file: 'renamed.yaml', text: first!.text }]);
    expect(issues[0]?.message).toMatch(/^product: must equal the file name "renamed"/);
  });

  it('reads a cycle\'s newest version and its day, and refuses a day without the version', () => {
    const text = (cycle: string) => `product: demo\ntitle: Demo\nkind: software\ngenerated: false\nsource: {name: Demo, url: https://example.org/demo, retrieved: 2026-08-22}\nmatch: [{name: '^Demo$'}]\ncycles:\n  - {cycle: '1', versions: ['1'], eol: false${cycle}}\n`;
    const good = buildRuleSet([{ file: 'demo.yaml', text: text(", newest: '1.4.2', newestDate: 2026-08-01") }]);
    expect(good.ruleSet?.rules[0]?.cycles[0]).toMatchObject({ newest: '1.4.2', newestDate: '2026-08-01' });
    const bad = buildRuleSet([{ file: 'demo.yaml', text: text(', newestDate: 2026-08-01') }]);
    expect(bad.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^cycles\[0\]\.newestDate: "newestDate" is the day of "newest"/)]);
  });
});
