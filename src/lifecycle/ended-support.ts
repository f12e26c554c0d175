/**
 * debian-security-support on dpkg packages. A distribution package normally
 * follows its OS (DOMAIN.md), but Debian ends security support early for some
 * (a browser engine, a runtime upstream abandoned): such a package is
 * unsupported even on a supported release.
 *
 * The software row does not know the asset's release, so an entry applies only
 * to the exact build its release shipped: the dpkg package's name is the entry's
 * (or fully matches its pattern, as Debian's own check-support-status reads it)
 * AND its version is the entry's last supported version. Hence two limits: an
 * entry for every version ("0") is not applied, and a binary package named
 * otherwise than its source package (libwolfssl35 for wolfssl) is not matched.
 */
import type { Software } from '../contract/report.js';
import type { EndedEntry, SecuritySupport } from '../rules/read-security-support.js';
import { describePackage, type PackageCitation } from '../rules/read-package-citation.js';
import { extendDigest } from './extend-digest.js';
import type { RuleSet } from './rule-set.js';
import { daysBetween } from './status-from-dates.js';
import type { EvaluateOptions, SoftwareVerdict } from './verdict.js';

export interface EndedSupportEntry extends EndedEntry {
  /** The package column as a pattern matched in full; null when JavaScript cannot read it as one ("libstdc++"). */
  pattern: RegExp | null;
}

export interface EndedSupport {
  package: PackageCitation;
  entries: readonly EndedSupportEntry[];
}

/** Pure: the rules with the lists attached, and a digest that changes with them. */
export function applySecuritySupport(rules: RuleSet, data: SecuritySupport): RuleSet {
  const entries = data.entries.filter((e) => e.version !== '0').map((e) => ({ ...e, pattern: fullPattern(e.package) }));
  return { ...rules, endedSupport: { package: data.package, entries }, digest: extendDigest(rules.digest, 'debian-security-support', data.digest) };
}

function fullPattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}

/**
 * The dpkg item's own verdict when an entry names its exact build, else null
 * (it follows the OS as usual). Past the end day (Debian's own tool counts the
 * day itself as ended) it is `unsupported` on its own; before it, it is judged by
 * that day and capped by the OS.
 */
export function judgeEndedSupport(item: Pick<Software, 'name' | 'version' | 'source'>, ended: EndedSupport | undefined, opts: EvaluateOptions): SoftwareVerdict | null {
  if (!ended || item.source !== 'dpkg') return null;
  const name = item.name.trim();
  const version = item.version.trim();
  const entry = ended.entries
    .filter((e) => e.version.trim() === version && (e.package === name || (e.pattern?.test(name) ?? false)))
    .sort((a, b) => (a.ended < b.ended ? -1 : a.ended > b.ended ? 1 : 0))[0];
  if (!entry) return null;
  const listed = entry.package === name ? name : `${name} (listed as ${entry.package})`;
  const why = entry.note ? ` (${entry.note})` : '';
  const where = `${entry.file} line ${entry.line}, ${describePackage(ended.package)}`;
  const days = daysBetween(opts.asOf, entry.ended);
  const base = { unknownReason: null, product: null, cycle: null, eol: entry.ended, extendedSupportEnd: null, data: { source: ended.package.name, date: ended.package.date } };
  if (days <= 0) {
    const reason = `debian-security-support: security support for ${listed} ${version} in Debian ${entry.release} ended ${entry.ended}${why}; dpkg version "${version}" is that build, so it is judged on its own, not by the OS [${where}]`;
    return { ...base, status: 'unsupported', reason, osLink: 'none' };
  }
  const reason = `debian-security-support: security support for ${listed} ${version} in Debian ${entry.release} ends ${entry.ended} (in ${days} days)${why}; dpkg version "${version}" is that build [${where}]`;
  return { ...base, status: days <= opts.windowDays ? 'ending-soon' : 'supported', reason, osLink: 'capped' };
}
