import { describe, expect, it } from 'vitest';
import { evaluateSoftware } from '../../../src/lifecycle/evaluate-software.js';
import type { RuleSet } from '../../../src/lifecycle/rule-set.js';
import { buildRuleSet } from '../../../src/rules/load-lifecycle-rules.js';

const RULE = `product: browser
title: Browser
kind: software
generated: false
source: {name: t, url: 'https://example.org', retrieved: 2026-10-01}
evergreen: {asOf: 2026-10-01}
match: [{name: '^Browser$'}]
cycles:
  - {cycle: '130', versions: ['130'], eol: false, latest: '130.0.12'}
  - {cycle: '129', versions: ['129'], eol: 2026-09-20}
`;

const rules = buildRuleSet([{ file: 'browser.yaml', text: RULE }]).ruleSet as RuleSet;
const judge = (version: string, asOf: string, staleDays?: number) =>
  evaluateSoftware({ name: 'Browser', version, source: 'registry' }, rules, { asOf, windowDays: 180, ...(staleDays ? { staleDays } : {}) });

describe('evergreen rules', () => {
  it('call a build below the newest unsupported, naming the newer one and its date', () => {
    const v = judge('130.0.5', '2026-10-10');
    expect(v).toMatchObject({ status: 'unsupported', cycle: '130', unknownReason: null });
    expect(v.reason).toContain('a newer version, 130.0.12 of 2026-10-01, exists');
  });

  it('call the newest build supported while the data is fresh, and say how old it is', () => {
    const v = judge('130.0.12', '2026-10-10');
    expect(v).toMatchObject({ status: 'supported' });
    expect(v.reason).toContain('the newest version on 2026-10-01 (130.0.12, data 9 days old)');
  });

  it('never call it supported once the data is older than the limit (default 60 days): unknown, data-stale', () => {
    const v = judge('130.0.12', '2026-12-06');
    expect(v).toMatchObject({ status: 'unknown', unknownReason: 'data-stale' });
    expect(v.reason).toContain('that data is 66 days old (limit 60)');
    expect(judge('130.0.12', '2026-12-06', 90).status).toBe('supported');
  });

  it('still call an older build unsupported when the data is stale: a newer one existed then', () => {
    expect(judge('130.0.5', '2026-12-06').status).toBe('unsupported');
  });

  it('leave an ended cycle to its dates', () => {
    expect(judge('129.0.1', '2026-10-10')).toMatchObject({ status: 'unsupported', eol: '2026-09-20' });
  });

  it('leave a version newer than the data unknown, data-stale', () => {
    expect(judge('131.0.1', '2026-10-10')).toMatchObject({ status: 'unknown', unknownReason: 'data-stale' });
  });

  it('call a version between the listed cycles unclear, not stale: newer data would not place it', () => {
    const gap = buildRuleSet([{ file: 'browser.yaml', text: RULE.replace("versions: ['129']", "versions: ['128']") }]).ruleSet as RuleSet;
    const v = evaluateSoftware({ name: 'Browser', version: '129.0.3', source: 'registry' }, gap, { asOf: '2026-10-10', windowDays: 180 });
    expect(v).toMatchObject({ status: 'unknown', unknownReason: 'version-unclear' });
    expect(v.reason).toContain('lies between the cycles');
  });

  it('are refused without a latest version to judge by', () => {
    const bad = RULE.replace(", latest: '130.0.12'", '');
    expect(buildRuleSet([{ file: 'browser.yaml', text: bad }]).issues[0]?.message).toContain('an evergreen rule needs "latest"');
  });
});
