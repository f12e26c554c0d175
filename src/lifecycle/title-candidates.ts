/**
 * The matchers that can fire for a software name, whatever its version: what
 * resolveTitle walks for each version. A hub judging a new host judges hundreds
 * of versions, mostly new versions of names it already holds; trying every
 * rule's and title's patterns for each was most of the cost of judging them
 * (issue 24, new-host ingest). The list is exact, not a guess: a matcher is in
 * it when its sources and every test but `version` hold, in the order
 * resolveTitle tries them (lifecycle rules, then titles), so the first whose
 * version tests also hold is the first that fires.
 */
import type { SoftwareSource } from '../contract/report.js';
import { firesForName, type MatchSubject } from './match-product.js';
import type { CompiledMatcher, CompiledRule, RuleSet } from './rule-set.js';
import type { CompiledTitle } from './title-set.js';

export type TitleCandidate =
  | { matcher: CompiledMatcher; rule: CompiledRule; title?: undefined }
  | { matcher: CompiledMatcher; title: CompiledTitle; rule?: undefined };

/**
 * Names kept per rule set before the memo starts again: the software catalogue's
 * distinct names, bounded so that a hub fed endless new names keeps a bounded heap.
 */
const NAMES_KEPT = 100_000;

/** Per rule set: a reloaded rule set (a new object) starts with none. */
const memo = new WeakMap<RuleSet, Map<string, readonly TitleCandidate[]>>();

const nameKey = (subject: MatchSubject, source: SoftwareSource): string =>
  JSON.stringify([source, subject.name, subject.vendor, subject.purl, subject.family, subject.edition]);

function findCandidates(rules: RuleSet, subject: MatchSubject, source: SoftwareSource): TitleCandidate[] {
  const out: TitleCandidate[] = [];
  for (const rule of rules.rules) {
    if (rule.kind !== 'software') continue;
    for (const matcher of rule.matchers) if (firesForName(matcher, subject, source)) out.push({ matcher, rule });
  }
  for (const title of rules.titles) {
    for (const matcher of title.matchers) if (firesForName(matcher, subject, source)) out.push({ matcher, title });
  }
  return out;
}

export function titleCandidates(rules: RuleSet, subject: MatchSubject, source: SoftwareSource): readonly TitleCandidate[] {
  let names = memo.get(rules);
  if (!names || names.size >= NAMES_KEPT) memo.set(rules, (names = new Map()));
  const key = nameKey(subject, source);
  let found = names.get(key);
  if (!found) names.set(key, (found = findCandidates(rules, subject, source)));
  return found;
}
