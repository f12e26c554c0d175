/**
 * Reads rules/cyber-alerts/*.yaml, one alert per file. Unlike alert and lifecycle
 * rules, a bad file does not fail the load: it is refused with its `file:line`
 * issues and every valid file stays loaded, so one mistyped new alert never
 * takes the alerts already in force off the estate (issue 23).
 */
import { basename } from 'node:path';
import { parseYamlFile } from '../rules/parse-yaml-file.js';
import { readRuleSources, sortSources, type RuleSource } from '../rules/read-rule-sources.js';
import { compareIssues, type RuleIssue } from '../rules/rule-issue.js';
import { CyberAlertSchema, type CyberAlert } from './cyber-alert-schema.js';

export interface CyberAlertsResult {
  /** The valid files' alerts, sorted by file name (= reference). */
  alerts: CyberAlert[];
  /** Every problem in every refused file, sorted by file and line. */
  issues: RuleIssue[];
}

export interface CyberAlertChecks {
  /** Lifecycle products an entry may name; absent, the reference is not checked. */
  products?: ReadonlySet<string>;
}

export function loadCyberAlerts(dir: string, checks: CyberAlertChecks = {}): CyberAlertsResult {
  return buildCyberAlerts(readRuleSources(dir), checks);
}

/** Pure core: same sources in any order → same result. */
export function buildCyberAlerts(sources: readonly RuleSource[], checks: CyberAlertChecks = {}): CyberAlertsResult {
  const alerts: CyberAlert[] = [];
  const issues: RuleIssue[] = [];
  for (const source of sortSources(sources)) {
    const checked = checkCyberAlertSource(source, checks);
    if (checked.alert) alerts.push(checked.alert);
    else issues.push(...checked.issues);
  }
  issues.sort(compareIssues);
  return { alerts, issues };
}

/**
 * One alert's text, checked as a file in rules/cyber-alerts/ is: its schema, its
 * lifecycle products, and (unless `named` is false: text pasted on the hub has
 * no file) that the file is named after its reference.
 */
export function checkCyberAlertSource(source: RuleSource, checks: CyberAlertChecks, named = true): { alert: CyberAlert | null; issues: RuleIssue[] } {
  const p = parseYamlFile(source, CyberAlertSchema);
  const reference = (p.raw as { reference?: unknown } | null | undefined)?.reference;
  // File name = reference, so the file of an alert is found from its reference; checked even when the schema fails.
  const misnamed = named && typeof reference === 'string' && basename(source.file) !== `${reference}.yaml` ? [p.at(['reference'], `"${reference}" must be in a file named "${reference}.yaml", not "${basename(source.file)}"`)] : [];
  // A product no lifecycle rule defines would never match an item: silent, so an error.
  const unknown = (p.value?.affected ?? []).flatMap((e, i) =>
    checks.products && e.product !== undefined && !checks.products.has(e.product) ? [p.at(['affected', i, 'product'], `no lifecycle rule has product "${e.product}" (expected rules/lifecycle/${e.product}.yaml)`)] : [],
  );
  const issues = [...p.issues, ...misnamed, ...unknown];
  return { alert: issues.length === 0 ? p.value : null, issues };
}
