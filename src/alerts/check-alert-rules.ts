/** Backs `estatewatch rules check` for rules/alerts/: every problem in every file, [] when all good. */
import { readRuleSources } from '../rules/read-rule-sources.js';
import type { RuleIssue } from '../rules/rule-issue.js';
import { buildAlertRules, type AlertRuleChecks } from './load-alert-rules.js';

export function checkAlertRules(dir: string, checks: AlertRuleChecks = {}): RuleIssue[] {
  return buildAlertRules(readRuleSources(dir), checks).issues;
}
