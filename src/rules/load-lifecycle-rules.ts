/**
 * Reads rules/lifecycle/*.yaml into a RuleSet. Every problem is reported with
 * its file and line (YAML parsed with a LineCounter), and nothing is half-loaded:
 * one bad file fails the whole load.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import { formatPath } from '../contract/report.js';
import { compileRule } from '../lifecycle/compile-rule.js';
import type { CompiledRule, RuleSet } from '../lifecycle/rule-set.js';
import { LifecycleRuleFileSchema } from './lifecycle-schema.js';
import { compareIssues, RulesError, type RuleIssue } from './rule-issue.js';

export type { RuleSet } from '../lifecycle/rule-set.js';

export interface RuleSource {
  /** File name relative to the rules directory. */
  file: string;
  text: string;
}

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

export function readRuleSources(dir: string): RuleSource[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/** Pure core: same sources in any order → same RuleSet (sorted by file name). */
export function buildRuleSet(sources: readonly RuleSource[]): RuleSetResult {
  const sorted = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const rules: CompiledRule[] = [];
  const issues: RuleIssue[] = [];
  for (const source of sorted) {
    const result = parseRuleFile(source);
    if (result.rule) rules.push(result.rule);
    issues.push(...result.issues);
  }
  issues.sort(compareIssues);
  return { ruleSet: issues.length > 0 ? null : { rules, digest: digestOf(sorted) }, issues };
}

function digestOf(sorted: readonly RuleSource[]): string {
  const hash = createHash('sha256');
  for (const s of sorted) hash.update(`${s.file}\0${s.text}\0`);
  return hash.digest('hex');
}

export function parseRuleFile(source: RuleSource): { rule: CompiledRule | null; issues: RuleIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => ({
      file: source.file,
      line: lineCounter.linePos(e.pos[0]).line,
      message: `YAML syntax: ${e.message.split('\n')[0] ?? e.code}`,
    }));
    return { rule: null, issues };
  }
  const parsed = LifecycleRuleFileSchema.safeParse(doc.toJS());
  const at = (path: readonly PropertyKey[], message: string): RuleIssue => ({
    file: source.file,
    line: lineOf(doc, lineCounter, path),
    message: path.length > 0 ? `${formatPath(path)}: ${message}` : message,
  });
  const stem = basename(source.file).replace(/\.ya?ml$/i, '');
  const misnamed = doc.get('product') === stem ? [] : [at(['product'], `must equal the file name "${stem}"`)];
  if (!parsed.success) return { rule: null, issues: [...misnamed, ...parsed.error.issues.flatMap((i) => zodIssues(i, at))] };
  if (misnamed.length > 0) return { rule: null, issues: misnamed };
  return { rule: compileRule(parsed.data, source.file), issues: [] };
}

/** An unknown key is reported on its own line, not on its parent's. */
function zodIssues(issue: $ZodIssue, at: (path: readonly PropertyKey[], message: string) => RuleIssue): RuleIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => at([...issue.path, key], 'unknown field (see rules/README.md)'));
  }
  return [at(issue.path, issue.message)];
}

/** Line of the deepest node on the path that exists (a missing key points at its parent). */
function lineOf(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const keyRange = depth > 0 ? keyRangeOf(doc, path.slice(0, depth)) : undefined;
    const range = keyRange ?? (isNode(node) ? node.range : undefined);
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return 1;
}

/** For a map entry, the key's position: that is where a reader looks for the field. */
function keyRangeOf(doc: Document, path: readonly PropertyKey[]): readonly [number, number, number] | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const key = path[path.length - 1];
  const pair = parent.items.find((p) => isNode(p.key) && 'value' in p.key && p.key.value === key);
  return pair && isNode(pair.key) ? pair.key.range ?? undefined : undefined;
}
