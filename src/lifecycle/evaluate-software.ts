import { DISTRIBUTION_SOURCES, type Software } from '../contract/report.js';
import { evaluateMatch, unknownVerdict } from './evaluate-match.js';
import { matchProduct } from './match-product.js';
import type { RuleSet } from './rule-set.js';
import type { EvaluateOptions, SoftwareVerdict } from './verdict.js';

export type SoftwareItem = Pick<Software, 'name' | 'version' | 'vendor' | 'source'>;

/**
 * One software item's verdict, without the OS: the hub stores it per distinct
 * item and combines it with each asset's OS (verdictOnAsset).
 * Distribution packages follow their distribution (DOMAIN.md, "the traps")
 * unless the matcher that fired says `upstream: true`; products the rule marks
 * `osComponent` are capped by their OS.
 */
export function evaluateSoftware(item: SoftwareItem, rules: RuleSet, opts: EvaluateOptions): SoftwareVerdict {
  const distribution = DISTRIBUTION_SOURCES.includes(item.source);
  const match = matchProduct(rules.rules, 'software', { name: item.name, vendor: item.vendor }, item.source);
  if (!match) {
    const none = `no lifecycle rule matches name "${item.name}"`;
    const reason = distribution ? `${item.source} package: follows the OS (patched by the distribution); ${none}` : none;
    return { ...unknownVerdict(reason), osLink: distribution ? 'follows' : 'none' };
  }
  const verdict = evaluateMatch(match, { versions: [item.version], name: item.name, editionSubject: item.name }, opts);
  if (!distribution) return { ...verdict, osLink: match.rule.osComponent ? 'capped' : 'none' };
  if (match.matcher.upstream) {
    return { ...verdict, osLink: 'none', reason: `${item.source} package from the vendor's own repository (upstream: true), so it follows upstream: ${verdict.reason}` };
  }
  return { ...verdict, osLink: 'follows', reason: `${item.source} package: follows the OS (patched by the distribution); upstream would be: ${verdict.reason}` };
}
