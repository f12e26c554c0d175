import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkAlertRules } from '../../../src/alerts/check-alert-rules.js';
import { buildAlertRules, loadAlertRules } from '../../../src/alerts/load-alert-rules.js';
import { readRuleSources } from '../../../src/rules/read-rule-sources.js';
import { formatRuleIssue, RulesError } from '../../../src/rules/rule-issue.js';

const SHIPPED = fileURLToPath(new URL('../../../rules/alerts', import.meta.url));
const LIFECYCLE = fileURLToPath(new URL('../../../rules/lifecycle', import.meta.url));
const BROKEN = fileURLToPath(new URL('../../fixtures/alert-rules/broken', import.meta.url));

const products = new Set(fs.readdirSync(LIFECYCLE).map((f) => f.replace(/\.yaml$/, '')));
const brokenLines = () => checkAlertRules(BROKEN).map(formatRuleIssue);

const rule = (id: string, extra = '') => `id: ${id}\ntitle: T\nseverity: low\ndescription: D\nremediation: R\n${extra}condition:\n  kind: asset-silent\n  days: 14\n`;

describe('loadAlertRules', () => {
  it('loads every shipped rule, sorted by file name, each file named after its id', () => {
    const set = loadAlertRules(SHIPPED);
    const files = fs.readdirSync(SHIPPED).filter((f) => f.endsWith('.yaml')).sort();
    expect(set.rules.map((r) => `${r.id}.yaml`)).toEqual(files);
    expect(set.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ships the default rules with the agreed severities and conditions', () => {
    const byId = new Map(loadAlertRules(SHIPPED).rules.map((r) => [r.id, r]));
    expect(byId.get('unsupported-os')).toMatchObject({ severity: 'critical', enabled: true, condition: { kind: 'os-status', statuses: ['unsupported'] } });
    expect(byId.get('os-extended-support')?.description).toMatch(/only safe if the ESU or ESM is actually paid/);
    expect(byId.get('unknown-os')?.description).toMatch(/never\s+counted as supported/);
    expect(byId.get('asset-silent-14-days')).toMatchObject({ severity: 'medium', condition: { kind: 'asset-silent', days: 14 } });
    expect(byId.get('unknown-software-spreading')).toMatchObject({ severity: 'low', condition: { kind: 'unknown-software-spread', minAssets: 5 } });
    expect(byId.get('software-behind-30-days')).toMatchObject({ severity: 'medium', condition: { kind: 'software-behind', days: 30, statuses: ['supported', 'ending-soon'] } });
    expect(byId.get('windows-behind-60-days')).toMatchObject({ severity: 'high', scope: { families: ['windows'] }, condition: { kind: 'os-behind', days: 60 } });
    expect(byId.get('cyber-response-overdue')).toMatchObject({ severity: 'high', enabled: true, condition: { kind: 'cyber-response-overdue' } });
    const kinds = new Set([...byId.values()].map((r) => r.condition.kind));
    expect(kinds).toEqual(new Set(['os-status', 'software-status', 'software-version', 'device-present', 'asset-silent', 'unknown-software-spread', 'device-past-removal', 'os-behind', 'software-behind', 'cyber-response-overdue']));
  });

  it('names only lifecycle products that exist in the shipped software-version rules', () => {
    expect(checkAlertRules(SHIPPED, { products })).toEqual([]);
  });

  it('throws RulesError listing the issues when a file is bad', () => {
    expect(() => loadAlertRules(BROKEN)).toThrow(RulesError);
    expect(() => loadAlertRules(BROKEN)).toThrow(/problem\(s\) in alert rules/);
  });
});

describe('checkAlertRules on broken files', () => {
  it('reports a bad severity on its line', () => {
    expect(brokenLines()).toContainEqual(expect.stringMatching(/^bad-severity\.yaml:4: severity: /));
  });

  it('reports each unknown key on its own line', () => {
    expect(brokenLines()).toEqual(
      expect.arrayContaining(['unknown-key.yaml:6: owner: unknown field (see rules/README.md)', 'unknown-key.yaml:10: condition.statuss: unknown field (see rules/README.md)']),
    );
  });

  it('reports a bad regular expression on its line', () => {
    expect(brokenLines()).toContain('bad-regex.yaml:8: scope.hostname: not a valid regular expression');
  });

  it('reports a YAML syntax error at the last line, never past the end of the file', () => {
    expect(brokenLines()).toContainEqual(expect.stringMatching(/^broken-syntax\.yaml:9: YAML syntax: /));
  });

  it('reports an id that is not the file name', () => {
    expect(brokenLines()).toContain('misnamed.yaml:2: id: "not-the-file-name" must be in a file named "not-the-file-name.yaml", not "misnamed.yaml"');
  });

  it('reports a duplicate id in every file that holds it', () => {
    expect(brokenLines()).toEqual(
      expect.arrayContaining(['dup-copy.yaml:2: id: duplicate id "dup-one" (also in dup-one.yaml)', 'dup-one.yaml:2: id: duplicate id "dup-one" (also in dup-copy.yaml)']),
    );
  });

  it('reports a software-version product with no lifecycle rule only when given the products', () => {
    const line = 'unknown-product.yaml:10: condition.product: no lifecycle rule has product "medway-pas" (expected rules/lifecycle/medway-pas.yaml)';
    expect(checkAlertRules(BROKEN, { products }).map(formatRuleIssue)).toContain(line);
    expect(brokenLines()).not.toContain(line);
  });

  it('lists issues sorted by file and line', () => {
    const issues = checkAlertRules(BROKEN);
    const sorted = [...issues].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    expect(issues.map((i) => [i.file, i.line])).toEqual(sorted.map((i) => [i.file, i.line]));
  });
});

describe('buildAlertRules', () => {
  it('gives the same rules and digest whatever order the sources come in', () => {
    const sources = readRuleSources(SHIPPED);
    const a = buildAlertRules(sources).ruleSet;
    const b = buildAlertRules([...sources].reverse()).ruleSet;
    expect(b).toEqual(a);
  });

  it('changes the digest when a file changes', () => {
    const sources = readRuleSources(SHIPPED);
    const edited = sources.map((s, i) => (i === 0 ? { ...s, text: `${s.text}\n# edited\n` } : s));
    expect(buildAlertRules(edited).ruleSet?.digest).not.toBe(buildAlertRules(sources).ruleSet?.digest);
  });

  it('defaults enabled to true and keeps an off rule loaded', () => {
    const { ruleSet } = buildAlertRules([
      { file: 'on.yaml', text: rule('on') },
      { file: 'off.yaml', text: rule('off', 'enabled: false\n') },
    ]);
    expect(ruleSet?.rules.map((r) => [r.id, r.enabled])).toEqual([
      ['off', false],
      ['on', true],
    ]);
  });

  it('requires the .yaml extension in the file name', () => {
    expect(buildAlertRules([{ file: 'x.yml', text: rule('x') }]).issues.map(formatRuleIssue)).toEqual(['x.yml:1: id: "x" must be in a file named "x.yaml", not "x.yml"']);
  });

  it('loads nothing when any one file is bad', () => {
    const { ruleSet, issues } = buildAlertRules([
      { file: 'good.yaml', text: rule('good') },
      { file: 'bad.yaml', text: rule('bad').replace('severity: low', 'severity: loud') },
    ]);
    expect(ruleSet).toBeNull();
    expect(issues.map((i) => [i.file, i.line])).toEqual([['bad.yaml', 3]]);
  });
});
