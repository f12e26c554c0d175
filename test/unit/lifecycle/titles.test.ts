import { describe, expect, it } from 'vitest';
import { evaluateSoftware } from '../../../src/lifecycle/evaluate-software.js';
import { buildRuleSet, type RuleSource } from '../../../src/rules/load-lifecycle-rules.js';
import { formatRuleIssue } from '../../../src/rules/rule-issue.js';
import type { RuleSet } from '../../../src/lifecycle/rule-set.js';

const OPTS = { asOf: '2026-12-06', windowDays: 180 };

const LIFECYCLE: RuleSource[] = [
  {
    file: 'mssql.yaml',
    text: `product: mssql
title: SQL Server
kind: software
generated: false
source: {name: t, url: 'https://example.org', retrieved: 2026-12-01}
version: {scheme: mssql}
match: [{name: '^Microsoft SQL Server (2016|2019)$'}]
cycles:
  - {cycle: '15.0', versions: ['15.0'], eol: 2030-01-08}
  - {cycle: '13.0-sp3', versions: ['13.0'], minVersion: '13.0.6300', eol: 2026-07-14, extendedSupport: 2029-07-17}
  - {cycle: '13.0', versions: ['13.0'], eol: 2018-01-09}
`,
  },
];

const TITLES: RuleSource[] = [
  {
    file: '../titles/b-parts.yaml',
    text: `titles:
  - title: SQL Server component
    publisher: Microsoft
    partOf: mssql
    match: [{name: 'SQL Server (2016|2019) Common Files'}]
  - title: Inbox app
    publisher: Microsoft
    partOf: os
    match: [{name: '^Microsoft\\.WindowsCalculator$', sources: [other]}]
  - title: A driver
    publisher: Realtek
    noLifecycle: Realtek publishes no end of support
    match: [{name: '^Realtek'}]
  - title: Too broad, but later
    publisher: x
    noLifecycle: never reached for Realtek
    match: [{name: 'Audio'}]
`,
  },
  {
    file: '../titles/a-aliases.yaml',
    text: `titles:
  - title: SQL Server (French name)
    publisher: Microsoft
    product: mssql
    match: [{name: '^Microsoft SQL Server 2019 \\(Français\\)$'}]
`,
  },
];

function set(titles = TITLES): RuleSet {
  const { ruleSet, issues } = buildRuleSet(LIFECYCLE, titles);
  expect(issues).toEqual([]);
  return ruleSet as RuleSet;
}

const sw = (name: string, version: string, source: 'registry' | 'other' | 'dpkg' = 'registry') => evaluateSoftware({ name, version, source }, set(), OPTS);

describe('titles (rules/titles)', () => {
  it('judges a component as the release of its parent product, and says so', () => {
    // A component carries its release's service-pack build: at RTM's, it is as unsupported as RTM; at SP3's, SP3's.
    const v = sw('SQL Server 2016 Common Files', '13.0.1601.5');
    expect(v).toMatchObject({ status: 'unsupported', product: 'mssql', cycle: '13.0', partOf: 'mssql', unknownReason: null });
    expect(sw('SQL Server 2016 Common Files', '13.0.6300.2')).toMatchObject({ status: 'extended-support', cycle: '13.0-sp3' });
    expect(v.reason).toContain('→ title SQL Server component');
    expect(v.reason).toContain('a component of SQL Server, so it follows that release');
    expect(sw('SQL Server 2019 Common Files', '15.0.2000.5')).toMatchObject({ status: 'supported', cycle: '15.0' });
  });

  it('makes a part of the OS follow the OS', () => {
    expect(sw('Microsoft.WindowsCalculator', '11.2210.0.0', 'other')).toMatchObject({ osLink: 'follows', product: null });
    // The same name from another source is not the inbox app.
    expect(sw('Microsoft.WindowsCalculator', '11.2210.0.0', 'registry')).toMatchObject({ status: 'unknown', unknownReason: 'unrecognised', osLink: 'none' });
  });

  it('explains a title with no published lifecycle as unknown, never supported', () => {
    const v = sw('Realtek High Definition Audio Driver', '6.0.1.8186');
    expect(v).toMatchObject({ status: 'unknown', unknownReason: 'no-published-lifecycle' });
    expect(v.reason).toContain('Realtek publishes no end of support');
  });

  it('sends an alias to its product, tried after the lifecycle rules and in title-file order', () => {
    expect(sw('Microsoft SQL Server 2019 (Français)', '15.0.2000.5')).toMatchObject({ status: 'supported', product: 'mssql' });
    expect(sw('Microsoft SQL Server 2019', '15.0.2000.5').reason).toContain('(mssql.yaml)');
  });

  it('cleans the name first and shows both in the trace', () => {
    const v = sw('  SQL Server 2016  Common Files ', '13.0.1601.5');
    expect(v.reason).toContain('registry name "  SQL Server 2016  Common Files " (read as "SQL Server 2016 Common Files") → title');
  });

  it('leaves a name no title matches unrecognised', () => {
    expect(sw('Medway PAS Client', '4.2')).toMatchObject({ status: 'unknown', unknownReason: 'unrecognised', product: null });
  });

  it('refuses a title naming a product no lifecycle rule has, at its file and line', () => {
    const bad: RuleSource = { file: '../titles/bad.yaml', text: 'titles:\n  - title: X\n    publisher: Y\n    partOf: nothing-here\n    match: [{name: x}]\n' };
    const { ruleSet, issues } = buildRuleSet(LIFECYCLE, [bad]);
    expect(ruleSet).toBeNull();
    expect(issues.map(formatRuleIssue)).toEqual(['../titles/bad.yaml:4: titles[0].partOf: no software lifecycle rule "nothing-here" (or "os" for a part of the OS)']);
  });

  it('refuses an OS field in a title, on its own line', () => {
    const os: RuleSource = { file: '../titles/os.yaml', text: "titles:\n  - title: X\n    publisher: Y\n    noLifecycle: no\n    match:\n      - name: '^X$'\n        family: linux\n" };
    expect(buildRuleSet(LIFECYCLE, [os]).issues.map(formatRuleIssue)).toEqual(['../titles/os.yaml:7: titles[0].match[0].family: unknown field (see rules/README.md)']);
  });

  it('refuses a title with two dispositions or none', () => {
    const both: RuleSource = { file: '../titles/both.yaml', text: 'titles:\n  - title: X\n    publisher: Y\n    product: mssql\n    noLifecycle: no\n    match: [{name: x}]\n' };
    expect(buildRuleSet(LIFECYCLE, [both]).issues.map(formatRuleIssue)[0]).toContain('exactly one of product, partOf, noLifecycle');
  });

  it('changes the rule set digest when a title file changes', () => {
    const edited = [{ ...TITLES[1] as RuleSource, text: `${(TITLES[1] as RuleSource).text}# edited\n` }, TITLES[0] as RuleSource];
    expect(buildRuleSet(LIFECYCLE, edited).ruleSet?.digest).not.toBe(set().digest);
  });
});

describe('Package URLs', () => {
  const PURL_RULE: RuleSource = {
    file: 'log4j.yaml',
    text: `product: log4j
title: Apache Log4j
kind: software
generated: false
source: {name: t, url: 'https://example.org', retrieved: 2026-12-01}
match: [{purl: '^pkg:maven/org\\.apache\\.logging\\.log4j/log4j-core$'}]
cycles:
  - {cycle: '2.12', versions: ['2.12'], eol: 2021-12-14}
  - {cycle: '2', versions: ['2'], eol: false}
`,
  };
  const purlRules = buildRuleSet([PURL_RULE]).ruleSet as RuleSet;
  const sbom = (name: string, version: string, purl?: string) => evaluateSoftware({ name, version, source: 'import', ...(purl ? { purl } : {}) }, purlRules, OPTS);

  it('match the exact identifier, whatever the version, qualifiers and subpath', () => {
    const v = sbom('log4j-core', '2.12.1', 'pkg:maven/org.apache.logging.log4j/log4j-core@2.12.1?type=jar');
    expect(v).toMatchObject({ product: 'log4j', cycle: '2.12', status: 'unsupported' });
    expect(v.reason).toContain('purl "pkg:maven/org.apache.logging.log4j/log4j-core" matched');
  });

  it('never match by the bare name a component shares with others', () => {
    expect(sbom('log4j-core', '2.12.1')).toMatchObject({ status: 'unknown', unknownReason: 'unrecognised' });
    expect(sbom('log4j-core', '2.12.1', 'pkg:maven/com.example.fork/log4j-core@2.12.1')).toMatchObject({ unknownReason: 'unrecognised' });
  });
});
