/**
 * Reads rules/lifecycle/*.yaml and rules/titles/*.yaml into a RuleSet. Every
 * problem is reported with its file and line (see parse-yaml-file.ts), and
 * nothing is half-loaded: one bad file fails the whole load.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileRule } from '../lifecycle/compile-rule.js';
import { compileTitles } from '../lifecycle/compile-title.js';
import type { CompiledRule, RuleSet } from '../lifecycle/rule-set.js';
import { OS_PARENT, type CompiledTitle } from '../lifecycle/title-set.js';
import { LifecycleRuleFileSchema } from './lifecycle-schema.js';
import { parseYamlFile } from './parse-yaml-file.js';
import { digestSources, readRuleSources, sortSources, type RuleSource } from './read-rule-sources.js';
import { compareIssues, RulesError, type RuleIssue } from './rule-issue.js';
import { ruleFileMemo } from './rule-file-memo.js';
import { TitleFileSchema } from './title-schema.js';

export type { RuleSet } from '../lifecycle/rule-set.js';
export { readRuleSources, type RuleSource } from './read-rule-sources.js';

export interface RuleSetResult {
  ruleSet: RuleSet | null;
  issues: RuleIssue[];
}

/** Title files sit beside lifecycle/ in titles/; issues name them from the lifecycle folder. */
export const TITLES_PREFIX = '../titles/';

/** The title files of a rules folder, as sources named `../titles/<file>`; none when the folder is absent. */
export function readTitleSources(lifecycleDir: string): RuleSource[] {
  const dir = join(lifecycleDir, '..', 'titles');
  return existsSync(dir) ? readRuleSources(dir).map((s) => ({ ...s, file: `${TITLES_PREFIX}${s.file}` })) : [];
}

/** Loads and validates; throws RulesError listing every problem when any file is bad. */
export function loadLifecycleRules(dir: string): RuleSet {
  const { ruleSet, issues } = buildRuleSet(readRuleSources(dir), readTitleSources(dir));
  if (!ruleSet) throw new RulesError(issues);
  return ruleSet;
}

type ParsedRuleFile = { rule: CompiledRule | null; issues: RuleIssue[] };

/** Compiled rules are never changed after compiling (the distribution data and Windows updates make new objects), so one may serve every build. */
const parsedRuleFiles = ruleFileMemo<ParsedRuleFile>();

/** Pure core: same sources in any order → same RuleSet (sorted by file name). */
export function buildRuleSet(sources: readonly RuleSource[], titleSources: readonly RuleSource[] = []): RuleSetResult {
  const sorted = sortSources(sources);
  const rules: CompiledRule[] = [];
  const issues: RuleIssue[] = [];
  for (const source of sorted) {
    const result = parsedRuleFiles.get(source.file, source.text, () => parseRuleFile(source));
    if (result.rule) rules.push(result.rule);
    issues.push(...result.issues);
  }
  const sortedTitles = sortSources(titleSources);
  const software = new Set(rules.filter((r) => r.kind === 'software').map((r) => r.product));
  const titles: CompiledTitle[] = [];
  for (const source of sortedTitles) {
    const result = parseTitleFile(source, software);
    titles.push(...result.titles);
    issues.push(...result.issues);
  }
  issues.sort(compareIssues);
  return { ruleSet: issues.length > 0 ? null : { rules, titles, digest: digestSources([...sorted, ...sortedTitles]) }, issues };
}

export function parseRuleFile(source: RuleSource): ParsedRuleFile {
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

/** A title file, with every `product` and `partOf` checked against the software rules loaded. */
function parseTitleFile(source: RuleSource, software: ReadonlySet<string>): { titles: CompiledTitle[]; issues: RuleIssue[] } {
  const parsed = parseYamlFile(source, TitleFileSchema);
  if (!parsed.value) return { titles: [], issues: parsed.issues };
  const issues: RuleIssue[] = [];
  parsed.value.titles.forEach((t, i) => {
    if (t.product !== undefined && !software.has(t.product)) issues.push(parsed.at(['titles', i, 'product'], `no software lifecycle rule "${t.product}"`));
    if (t.partOf !== undefined && t.partOf !== OS_PARENT && !software.has(t.partOf)) {
      issues.push(parsed.at(['titles', i, 'partOf'], `no software lifecycle rule "${t.partOf}" (or "${OS_PARENT}" for a part of the OS)`));
    }
  });
  if (issues.length > 0) return { titles: [], issues };
  return { titles: compileTitles(parsed.value, source.file.slice(TITLES_PREFIX.length)), issues: [] };
}
