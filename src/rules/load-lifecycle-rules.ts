/**
 * Reads rules/lifecycle/*.yaml into a RuleSet. Every problem is reported with
 * its file and line (see parse-yaml-file.ts), and nothing is half-loaded:
 * one bad file fails the whole load.
 */
import { basename } from 'node:path';
import { compileRule } from '../lifecycle/compile-rule.js';
import type { CompiledRule, RuleSet } from '../lifecycle/rule-set.js';
import { LifecycleRuleFileSchema } from './lifecycle-schema.js';
import { parseYamlFile } from './parse-yaml-file.js';
import { digestSources, readRuleSources, sortSources, type RuleSource } from './read-rule-sources.js';
import { compareIssues, RulesError, type RuleIssue } from './rule-issue.js';

export type { RuleSet } from '../lifecycle/rule-set.js';
export { readRuleSources, type RuleSource } from './read-rule-sources.js';

export interface RuleSetResult {
  ruleSet: RuleSet | null;
  issues: RuleIssue[];
}

/** Loads and validates; throws RulesError listing every problem when any file is bad. */
export function loadLifecycleRules(dir: string): RuleSet {
  const { ruleSet, issues } = buildRuleSet(readRuleSources(dir));
  if (!ruleSet) throw new RulesError(issues);
  return ruleSet;
}

/** Pure core: same sources in any order → same RuleSet (sorted by file name). */
export function buildRuleSet(sources: readonly RuleSource[]): RuleSetResult {
  const sorted = sortSources(sources);
  const rules: CompiledRule[] = [];
  const issues: RuleIssue[] = [];
  for (const source of sorted) {
    const result = parseRuleFile(source);
    if (result.rule) rules.push(result.rule);
    issues.push(...result.issues);
  }
  issues.sort(compareIssues);
  return { ruleSet: issues.length > 0 ? null : { rules, digest: digestSources(sorted) }, issues };
}

export function parseRuleFile(source: RuleSource): { rule: CompiledRule | null; issues: RuleIssue[] } {
  const parsed = parseYamlFile(source, LifecycleRuleFileSchema);
  // A syntax error leaves nothing to check the name against.
  if (parsed.raw === undefined) return { rule: null, issues: parsed.issues };
  const stem = basename(source.file).replace(/\.ya?ml$/i, '');
  const product = (parsed.raw as { product?: unknown } | null)?.product;
  const misnamed = product === stem ? [] : [parsed.at(['product'], `must equal the file name "${stem}"`)];
  if (!parsed.value) return { rule: null, issues: [...misnamed, ...parsed.issues] };
  if (misnamed.length > 0) return { rule: null, issues: misnamed };
  return { rule: compileRule(parsed.value, source.file), issues: [] };
}
