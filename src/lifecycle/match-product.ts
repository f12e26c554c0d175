/**
 * Finds the product an OS or software item belongs to. Rules are tried in file
 * name order and each file's `match` entries in file order; the first entry
 * whose fields all hold (and whose `sources`, if any, include the item's) wins.
 */
import type { SoftwareSource } from '../contract/report.js';
import type { CompiledMatcher, CompiledRule, FieldTest, MatchField, RuleKind } from './rule-set.js';

export type MatchSubject = Partial<Record<MatchField, string | undefined>>;

export interface ProductMatch {
  rule: CompiledRule;
  matcher: CompiledMatcher;
  /** e.g. `name "Microsoft Windows 10 Enterprise" matched /^…/ (windows.yaml)` */
  description: string;
}

const holds = (t: FieldTest, subject: MatchSubject): boolean => {
  const value = subject[t.field];
  return value !== undefined && t.regex.test(value);
};

/** The matcher's sources and its tests of every field but the version hold: it fires for this name at some versions. */
export function firesForName(matcher: CompiledMatcher, subject: MatchSubject, source: SoftwareSource | undefined): boolean {
  if (matcher.sources && (source === undefined || !matcher.sources.has(source))) return false;
  return matcher.tests.every((t) => t.field === 'version' || holds(t, subject));
}

/** The matcher's tests of the version hold (true when it has none). */
export function firesForVersion(matcher: CompiledMatcher, subject: MatchSubject): boolean {
  return matcher.tests.every((t) => t.field !== 'version' || holds(t, subject));
}

function fires(matcher: CompiledMatcher, subject: MatchSubject, source: SoftwareSource | undefined): boolean {
  return firesForName(matcher, subject, source) && firesForVersion(matcher, subject);
}

function firstFiring(matchers: readonly CompiledMatcher[], subject: MatchSubject, source: SoftwareSource | undefined): CompiledMatcher | undefined {
  return matchers.find((m) => fires(m, subject, source));
}

export function describeMatch(matcher: CompiledMatcher, subject: MatchSubject): string {
  return matcher.tests.map((t) => `${t.field} "${subject[t.field] ?? ''}" matched /${t.pattern}/`).join(' and ');
}

/** The match of `rule` by its `matcher`, described for the verdict's reason. */
export function productMatch(rule: CompiledRule, matcher: CompiledMatcher, subject: MatchSubject): ProductMatch {
  return { rule, matcher, description: `${describeMatch(matcher, subject)} (${rule.file})` };
}

export function matchProduct(rules: readonly CompiledRule[], kind: RuleKind, subject: MatchSubject, source?: SoftwareSource): ProductMatch | null {
  for (const rule of rules) {
    if (rule.kind !== kind) continue;
    const matcher = firstFiring(rule.matchers, subject, source);
    if (matcher) return productMatch(rule, matcher, subject);
  }
  return null;
}
