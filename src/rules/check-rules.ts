/** Backs `estatewatch rules check`: every problem in every lifecycle and title file, [] when all good. */
import { buildRuleSet, readRuleSources, readTitleSources } from './load-lifecycle-rules.js';
import type { RuleIssue } from './rule-issue.js';

export function checkRules(dir: string): RuleIssue[] {
  return buildRuleSet(readRuleSources(dir), readTitleSources(dir)).issues;
}
