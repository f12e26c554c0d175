/**
 * Resolves a software item to its title, in a fixed order: lifecycle rules in
 * file-name order (a title with its own lifecycle), then rules/titles files in
 * file-name order and their entries in file order. The first that fires wins,
 * so determinism never depends on which pattern is "better".
 */
import type { SoftwareSource } from '../contract/report.js';
import { describeMatch, firesForVersion, productMatch, type MatchSubject, type ProductMatch } from './match-product.js';
import type { CompiledMatcher, CompiledRule, RuleSet } from './rule-set.js';
import { titleCandidates } from './title-candidates.js';
import { OS_PARENT, type CompiledTitle } from './title-set.js';

export type TitleMatch =
  /** The item is `match.rule`'s product: by its own matcher, or by a title naming the product. */
  | { kind: 'product'; title: string; match: ProductMatch }
  /** A component of `parent`'s release. */
  | { kind: 'part-of'; title: string; parent: CompiledRule; description: string; matcher: CompiledMatcher }
  /** Ships and is serviced with the OS (inbox apps, OS frameworks, hotfixes, language packs). */
  | { kind: 'part-of-os'; title: string; description: string }
  | { kind: 'no-lifecycle'; title: string; why: string; description: string };

function titleMatch(entry: CompiledTitle, matcher: CompiledMatcher, subject: MatchSubject, rules: RuleSet): TitleMatch | null {
  const description = `${describeMatch(matcher, subject)} (titles/${entry.file})`;
  const d = entry.disposition;
  if (d.kind === 'no-lifecycle') return { kind: 'no-lifecycle', title: entry.title, why: d.why, description };
  if (d.kind === 'part-of' && d.product === OS_PARENT) return { kind: 'part-of-os', title: entry.title, description };
  const rule = rules.rules.find((r) => r.product === d.product && r.kind === 'software');
  // rules check refuses a title naming a missing product; a hand-built rule set may still lack it.
  if (!rule) return null;
  if (d.kind === 'part-of') return { kind: 'part-of', title: entry.title, parent: rule, description, matcher };
  return { kind: 'product', title: entry.title, match: { rule, matcher, description } };
}

export function resolveTitle(rules: RuleSet, subject: MatchSubject, source: SoftwareSource): TitleMatch | null {
  const first = titleCandidates(rules, subject, source).find((c) => firesForVersion(c.matcher, subject));
  if (!first) return null;
  if (first.rule) return { kind: 'product', title: first.rule.title, match: productMatch(first.rule, first.matcher, subject) };
  return titleMatch(first.title, first.matcher, subject, rules);
}
