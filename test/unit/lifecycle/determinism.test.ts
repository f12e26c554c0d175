import { describe, expect, it } from 'vitest';
import type { Os } from '../../../src/contract/report.js';
import { evaluateOs } from '../../../src/lifecycle/evaluate-os.js';
import { evaluateSoftware, type SoftwareItem } from '../../../src/lifecycle/evaluate-software.js';
import type { RuleSet } from '../../../src/lifecycle/rule-set.js';
import { buildRuleSet, readRuleSources, readTitleSources } from '../../../src/rules/load-lifecycle-rules.js';
import { OPTS, RULES_DIR, rules } from './real-rules.js';

const oses: Os[] = [
  { family: 'windows', name: 'Microsoft Windows 10 Enterprise', version: '10.0.19045', edition: 'Enterprise' },
  { family: 'windows', name: 'Microsoft Windows Server 2019 Standard', version: '10.0.17763' },
  { family: 'linux', name: 'Ubuntu', version: '18.04' },
];
const software: SoftwareItem[] = [
  { name: 'Microsoft Office Professional Plus 2016', version: '16.0.4266.1001', source: 'registry' },
  { name: 'openssl', version: '3.0.2-0ubuntu1.18', source: 'dpkg' },
  { name: 'Java 8 Update 202 (64-bit)', version: '8.0.2020.8', source: 'registry' },
  { name: 'Medway PAS Client 4.2', version: '4.2', source: 'import' },
  { name: 'SQL Server 2019 Common Files', version: '15.0.2000.5', source: 'registry' },
  { name: 'Realtek High Definition Audio Driver', version: '6.0.1.8186', source: 'registry' },
];

const verdicts = (set: RuleSet) => [...oses.map((o) => evaluateOs(o, set, OPTS)), ...software.map((s) => evaluateSoftware(s, set, OPTS))];

/** A fixed Fisher–Yates shuffle, so the test itself is reproducible. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('determinism', () => {
  it('gives the same verdicts for the same inputs twice', () => {
    expect(verdicts(rules)).toEqual(verdicts(rules));
  });

  it('gives the same rule order, digest and verdicts whatever order the files are read in', () => {
    const sources = readRuleSources(RULES_DIR);
    const titles = readTitleSources(RULES_DIR);
    for (const seed of [1, 7, 42]) {
      const set = buildRuleSet(shuffled(sources, seed), shuffled(titles, seed)).ruleSet;
      expect(set?.digest).toBe(rules.digest);
      expect(set?.rules.map((r) => r.file)).toEqual(rules.rules.map((r) => r.file));
      expect(set?.titles.map((t) => `${t.file}#${t.index}`)).toEqual(rules.titles.map((t) => `${t.file}#${t.index}`));
      expect(set && verdicts(set)).toEqual(verdicts(rules));
    }
  });
});
