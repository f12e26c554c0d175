/**
 * Reads rules/alerts/*.yaml into an AlertRuleSet, one rule per file. Every
 * problem is reported with its file and line, and nothing is half-loaded: one
 * bad file fails the whole load, so a typo never silently drops an alert.
 */
import { basename } from 'node:path';
import { parseYamlFile, type ParsedYamlFile } from '../rules/parse-yaml-file.js';
import { digestSources, readRuleSources, sortSources, type RuleSource } from '../rules/read-rule-sources.js';
import { compareIssues, RulesError, type RuleIssue } from '../rules/rule-issue.js';
import { AlertRuleSchema, type AlertRule } from './alert-rule-schema.js';

export interface AlertRuleSet {
  /** Sorted by file name, which is the id. */
  rules: AlertRule[];
  /** sha256 over file names and contents: changes whenever any rule file does. */
  digest: string;
}

export interface AlertRuleSetResult {
  ruleSet: AlertRuleSet | null;
  issues: RuleIssue[];
}

export interface AlertRuleChecks {
  /** Lifecycle products a software-version condition may name; absent, the reference is not checked. */
  products?: ReadonlySet<string>;
}

/** Loads and validates; throws RulesError listing every problem when any file is bad. */
export function loadAlertRules(dir: string): AlertRuleSet {
  const { ruleSet, issues } = buildAlertRules(readRuleSources(dir));
  if (!ruleSet) throw new RulesError(issues, 'alert rules');
  return ruleSet;
}

/** Pure core: same sources in any order → same AlertRuleSet. */
export function buildAlertRules(sources: readonly RuleSource[], checks: AlertRuleChecks = {}): AlertRuleSetResult {
  const sorted = sortSources(sources);
  const parsed = sorted.map((s) => ({ file: s.file, ...parseYamlFile(s, AlertRuleSchema) }));
  const issues = [...parsed.flatMap((p) => [...p.issues, ...misnamed(p), ...unknownProduct(p, checks)]), ...duplicateIds(parsed)];
  issues.sort(compareIssues);
  if (issues.length > 0) return { ruleSet: null, issues };
  return { ruleSet: { rules: parsed.map((p) => p.value).filter((r) => r !== null), digest: digestSources(sorted) }, issues };
}

type ParsedRule = ParsedYamlFile<AlertRule> & { file: string };

/** The raw id, when there is one to compare: checked even when the schema fails, so every problem shows at once. */
function rawId(p: ParsedRule): string | undefined {
  const id = (p.raw as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** File name = id, so `rules/alerts/<id>.yaml` is where an alert's rule is found from its id. */
function misnamed(p: ParsedRule): RuleIssue[] {
  const id = rawId(p);
  return id === undefined || basename(p.file) === `${id}.yaml` ? [] : [p.at(['id'], `"${id}" must be in a file named "${id}.yaml", not "${basename(p.file)}"`)];
}

/** Alerts are keyed by rule id, so two rules with one id would close each other's alerts. Each holder is told of the others. */
function duplicateIds(parsed: readonly ParsedRule[]): RuleIssue[] {
  const holders = new Map<string, ParsedRule[]>();
  for (const p of parsed) {
    const id = rawId(p);
    if (id !== undefined) holders.set(id, [...(holders.get(id) ?? []), p]);
  }
  return [...holders].flatMap(([id, ps]) =>
    ps.length < 2 ? [] : ps.map((p) => p.at(['id'], `duplicate id "${id}" (also in ${ps.filter((o) => o !== p).map((o) => o.file).join(', ')})`)),
  );
}

/** A product no lifecycle rule defines would never match anything: silent, so an error. */
function unknownProduct(p: ParsedRule, checks: AlertRuleChecks): RuleIssue[] {
  const c = p.value?.condition;
  if (!checks.products || c?.kind !== 'software-version' || c.product === undefined || checks.products.has(c.product)) return [];
  return [p.at(['condition', 'product'], `no lifecycle rule has product "${c.product}" (expected rules/lifecycle/${c.product}.yaml)`)];
}
