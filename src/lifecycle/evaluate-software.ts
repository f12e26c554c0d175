import { DISTRIBUTION_SOURCES, type Software } from '../contract/report.js';
import { cleanName } from './clean-name.js';
import { judgeEndedSupport } from './ended-support.js';
import { evaluateMatch, unknownVerdict } from './evaluate-match.js';
import type { ProductMatch } from './match-product.js';
import { resolveTitle, type TitleMatch } from './resolve-title.js';
import type { RuleSet } from './rule-set.js';
import type { EvaluateOptions, SoftwareVerdict, Verdict } from './verdict.js';

export type SoftwareItem = Pick<Software, 'name' | 'version' | 'vendor' | 'source' | 'purl'>;

/** "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar" → "pkg:maven/org.apache.logging.log4j/log4j-core": what rules match. */
function purlIdentity(purl: string | undefined): string | undefined {
  return purl === undefined ? undefined : (purl.split(/[@?#]/)[0] ?? '');
}

/** `registry name "Foo  (x64) "` and, where cleaning changed it, what the patterns saw. */
function heard(item: SoftwareItem, name: string): string {
  const raw = `${item.source} name "${item.name}"`;
  return name === item.name ? raw : `${raw} (read as "${name}")`;
}

/**
 * One software item's verdict, without the OS: the hub stores it per distinct
 * item and combines it with each asset's OS (verdictOnAsset). The name is
 * cleaned (cleanName), resolved to a title (resolveTitle), then judged:
 * - by its product's lifecycle, or its parent release's when it is a component;
 * - by the OS when it is part of the OS, or a distribution package (DOMAIN.md,
 *   "the traps") unless the matcher that fired says `upstream: true`;
 * - capped by the OS when the rule marks the product `osComponent`;
 * - first of all, a dpkg build whose security support Debian ended early is judged
 *   by that end, not by the OS (judgeEndedSupport).
 */
export function evaluateSoftware(item: SoftwareItem, rules: RuleSet, opts: EvaluateOptions): SoftwareVerdict {
  const ended = judgeEndedSupport(item, rules.endedSupport, opts);
  if (ended) return ended;
  const name = cleanName(item.name);
  // No vendor reads as "", so a title can ask for none (`vendor: '^$'`): an app with no maker named.
  const subject = { name, vendor: cleanName(item.vendor ?? ''), purl: purlIdentity(item.purl), version: item.version };
  const distribution = DISTRIBUTION_SOURCES.includes(item.source);
  const title = resolveTitle(rules, subject, item.source);
  const from = heard(item, name);
  if (!title) {
    const none = `no title matches ${from}`;
    const reason = distribution ? `${item.source} package: follows the OS (patched by the distribution); ${none}` : none;
    return { ...unknownVerdict(reason, 'unrecognised'), osLink: distribution ? 'follows' : 'none' };
  }
  const judged = judgeTitle(title, item, name, from, opts);
  if (!distribution || judged.osLink === 'follows') return judged;
  const upstream = title.kind === 'product' && title.match.matcher.upstream;
  if (upstream) {
    return { ...judged, osLink: 'none', reason: `${item.source} package from the vendor's own repository (upstream: true), so it follows upstream: ${judged.reason}` };
  }
  // Its version is the distribution's (backports under the old number): no patch currency against upstream's newest.
  return { ...judged, osLink: 'follows', patch: null, reason: `${item.source} package: follows the OS (patched by the distribution); upstream would be: ${judged.reason}` };
}

/** The lifecycle that judges the title: its product's, or its parent release's. */
function productMatchOf(title: Extract<TitleMatch, { kind: 'product' | 'part-of' }>, to: string): ProductMatch {
  if (title.kind === 'product') return { ...title.match, description: `${to}: ${title.match.description}` };
  return { rule: title.parent, matcher: title.matcher, description: `${to}: ${title.description}; a component of ${title.parent.title}, so it follows that release` };
}

function judgeTitle(title: TitleMatch, item: SoftwareItem, name: string, from: string, opts: EvaluateOptions): SoftwareVerdict {
  const to = `${from} → title ${title.title}`;
  if (title.kind === 'no-lifecycle') {
    return { ...unknownVerdict(`${to}: ${title.description}; no published lifecycle: ${title.why}`, 'no-published-lifecycle'), osLink: 'none' };
  }
  if (title.kind === 'part-of-os') {
    // The verdict is the OS's (verdictOnAsset); this one only carries the trace.
    return { ...unknownVerdict(`${to}: ${title.description}`, 'unrecognised'), osLink: 'follows' };
  }
  const match = productMatchOf(title, to);
  const verdict: Verdict = evaluateMatch(match, { versions: [item.version], name, editionSubject: name }, opts);
  const judged: SoftwareVerdict = { ...verdict, osLink: match.rule.osComponent ? 'capped' : 'none' };
  // A component's version is its own, not its release's: it cannot be set against the release's newest.
  return title.kind === 'part-of' ? { ...judged, partOf: title.parent.product, patch: null } : judged;
}
