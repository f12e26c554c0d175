import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildCyberAlerts, loadCyberAlerts } from '../../../src/cyber/load-cyber-alerts.js';
import { formatRuleIssue } from '../../../src/rules/rule-issue.js';

const SHIPPED = fileURLToPath(new URL('../../../rules/cyber-alerts', import.meta.url));
const LIFECYCLE = fileURLToPath(new URL('../../../rules/lifecycle', import.meta.url));
const MIXED = fileURLToPath(new URL('../../fixtures/cyber-alerts/mixed', import.meta.url));
const products = new Set(fs.readdirSync(LIFECYCLE).map((f) => f.replace(/\.yaml$/, '')));

const alert = (reference: string, affected: string) =>
  `reference: ${reference}\ntitle: T\npublished: 2026-11-30\nseverity: high\ncves: []\naffected:\n${affected}remedy: R\nlink: https://example.org/x\n`;

describe('loadCyberAlerts', () => {
  it('loads the shipped example with its CVE and per-branch ranges, and every shipped product exists', () => {
    const { alerts, issues } = loadCyberAlerts(SHIPPED, { products });
    expect(issues).toEqual([]);
    const example = alerts.find((a) => a.reference === 'LOCAL-2026-001');
    expect(example).toMatchObject({ severity: 'critical', published: '2024-10-09', cves: ['CVE-2024-9680'], link: 'https://www.cve.org/CVERecord?id=CVE-2024-9680' });
    expect(example?.affected[0]).toEqual({ product: 'firefox', versions: ['before 115.16.1', '>= 116, < 128.3.1', '>= 129, < 131.0.2'] });
  });

  it('refuses each broken file at its line while the good file stays loaded', () => {
    const { alerts, issues } = loadCyberAlerts(MIXED, { products });
    expect(alerts.map((a) => a.reference)).toEqual(['CC-4567']);
    expect(issues.map(formatRuleIssue)).toEqual([
      'CC-9001.yaml:5: severity: Invalid option: expected one of "critical"|"high"|"medium"|"low"',
      'CC-9001.yaml:9: affected[0].versions[0]: expected a range such as "before 131.0.2" or ">= 116, < 128.3.1"',
      'CC-9002.yaml:8: affected[0].product: no lifecycle rule has product "no-such-browser" (expected rules/lifecycle/no-such-browser.yaml)',
      'CC-9003.yaml:2: reference: "CC-9004" must be in a file named "CC-9004.yaml", not "CC-9003.yaml"',
      'CC-9003.yaml:9: affected[0].cycles: cycles need a product: a title pattern has no lifecycle cycles',
      'CC-9003.yaml:11: link: expected an https:// URL',
    ]);
  });

  it('leaves product names unchecked when no product list is given', () => {
    expect(loadCyberAlerts(MIXED).alerts.map((a) => a.reference)).toEqual(['CC-4567', 'CC-9002']);
  });

  it('refuses an entry naming both a product and a title, or neither versions nor cycles', () => {
    const both = buildCyberAlerts([{ file: 'A-1.yaml', text: alert('A-1', `  - product: firefox\n    title: '^Firefox'\n    versions: ["before 1"]\n`) }]);
    expect(both.issues.map(formatRuleIssue)).toEqual(['A-1.yaml:7: affected[0]: give a lifecycle product or a title pattern (one of them)']);
    const neither = buildCyberAlerts([{ file: 'A-2.yaml', text: alert('A-2', '  - product: firefox\n') }]);
    expect(neither.issues.map(formatRuleIssue)).toEqual(['A-2.yaml:7: affected[0]: give versions or cycles (one of them)']);
  });

  it('refuses a malformed CVE id, an unknown key and a YAML syntax error on their lines', () => {
    const text = alert('A-3', '  - product: firefox\n    versions: ["before 1"]\n    platfrom: windows\n').replace('cves: []', 'cves: [CVE-24-1]');
    expect(buildCyberAlerts([{ file: 'A-3.yaml', text }]).issues.map(formatRuleIssue)).toEqual([
      'A-3.yaml:5: cves[0]: expected a CVE id such as "CVE-2024-9680"',
      'A-3.yaml:9: affected[0].platfrom: unknown field (see rules/README.md)',
    ]);
    const syntax = buildCyberAlerts([{ file: 'A-4.yaml', text: 'reference: A-4\ncves: [CVE-2024-9680\n' }]);
    expect(syntax.alerts).toEqual([]);
    expect(syntax.issues[0]).toMatchObject({ file: 'A-4.yaml', line: 2 });
  });
});
