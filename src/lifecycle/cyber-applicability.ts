/**
 * Is an installed item affected by a cyber alert, and why, in one line a person
 * can check. Pure: the hub passes the item with its stored verdict's product and
 * cycle, and the version scheme of each product's lifecycle rule.
 *
 * An entry naming a product matches items whose verdict has that product, and
 * compares versions with that rule's scheme ("8.0.2020.8" is read as Java reads
 * it). An entry naming a title matches the installed name and reads the version
 * as a plain dotted version. A version that cannot be read is "cannot-tell",
 * never "not-affected": an unreadable version is not evidence of a fix.
 */
import type { OsFamily, SoftwareSource } from '../contract/report.js';
import type { AffectedEntry, CyberAlert } from '../cyber/cyber-alert-schema.js';
import { describeCyberRange, inCyberRange, parseCyberRange, type Comparator } from './cyber-version-range.js';
import type { RuleSet } from './rule-set.js';
import { dotted, type VersionScheme } from './schemes/index.js';

/** One installed software item on one asset, with what the lifecycle matcher last said of it. */
export interface InstalledItem {
  name: string;
  /** As reported; null when the inventory gave none. */
  version: string | null;
  source: SoftwareSource;
  /** The asset's OS family, for an entry's `platform`. */
  family: OsFamily;
  /** The stored verdict's product and cycle (null when no rule or cycle fitted). */
  product: string | null;
  cycle: string | null;
}

export const APPLICABILITY_STATES = ['affected', 'not-affected', 'cannot-tell'] as const;
export type ApplicabilityState = (typeof APPLICABILITY_STATES)[number];

export interface Applicability {
  state: ApplicabilityState;
  /** One line: "Mozilla Firefox 115.3.0 (product firefox) is before 115.15 (CC-4567)". */
  reason: string;
  /** Index in the alert's `affected` of the entry that decided it; null when no entry names the item. */
  entry: number | null;
}

/** A product's version scheme; a product with no rule here reads versions as dotted. */
export type SchemeOf = (product: string) => VersionScheme | undefined;

/** The schemes of a loaded rule set, for SchemeOf. */
export function schemesOf(ruleSet: Pick<RuleSet, 'rules'>): SchemeOf {
  const byProduct = new Map(ruleSet.rules.map((r) => [r.product, r.scheme]));
  return (product) => byProduct.get(product);
}

/** Affected if any entry says so; else cannot-tell if any entry cannot tell; else not affected. */
export function cyberApplicability(alert: CyberAlert, item: InstalledItem, schemeOf: SchemeOf): Applicability {
  const results = alert.affected.map((entry, i) => judgeEntry(alert.reference, entry, i, item, schemeOf)).filter((r) => r !== null);
  const decided = results.find((r) => r.state === 'affected') ?? results.find((r) => r.state === 'cannot-tell') ?? results[0];
  return decided ?? { state: 'not-affected', reason: `${label(item)} is not named by ${alert.reference}`, entry: null };
}

export interface AffectedItem<T extends InstalledItem> {
  item: T;
  applicability: Applicability;
}

/**
 * The whole inventory against one alert: the affected items and, apart, those
 * it cannot tell about (so they are shown, never counted as fixed).
 */
export function affectedItems<T extends InstalledItem>(alert: CyberAlert, items: readonly T[], schemeOf: SchemeOf): { affected: AffectedItem<T>[]; cannotTell: AffectedItem<T>[] } {
  const affected: AffectedItem<T>[] = [];
  const cannotTell: AffectedItem<T>[] = [];
  for (const item of items) {
    const applicability = cyberApplicability(alert, item, schemeOf);
    if (applicability.state === 'affected') affected.push({ item, applicability });
    else if (applicability.state === 'cannot-tell') cannotTell.push({ item, applicability });
  }
  return { affected, cannotTell };
}

/** null when the entry does not name this item at all (another product or title, platform or source). */
function judgeEntry(reference: string, entry: AffectedEntry, index: number, item: InstalledItem, schemeOf: SchemeOf): Applicability | null {
  if (entry.product !== undefined ? item.product !== entry.product : !new RegExp(entry.title ?? '', 'i').test(item.name)) return null;
  if (entry.platform !== undefined && item.family !== entry.platform) return null;
  if (entry.sources !== undefined && !entry.sources.includes(item.source)) return null;
  const says = (state: ApplicabilityState, what: string): Applicability => ({ state, reason: `${label(item)} ${what} (${reference})`, entry: index });
  if (entry.cycles !== undefined) {
    if (item.cycle === null) return says('cannot-tell', `has no known cycle; affected cycles are ${entry.cycles.join(', ')}`);
    return entry.cycles.includes(item.cycle) ? says('affected', `is in cycle ${item.cycle}`) : says('not-affected', `is in cycle ${item.cycle}, not ${entry.cycles.join(', ')}`);
  }
  const scheme = (entry.product !== undefined ? schemeOf(entry.product) : undefined) ?? dotted;
  // A scheme that reduces a version to its release (Windows build, Java feature release) cannot place it against a fix's exact version.
  if (!scheme.readsWholeVersion) return says('cannot-tell', `has a version its ${scheme.id} scheme reads only to the release, not to a fix`);
  const normalised = item.version === null ? null : scheme.normalise(item.version, item.name);
  if (normalised === null) return says('cannot-tell', 'has a version that cannot be read');
  const ranges = (entry.versions ?? []).map((r) => parseCyberRange(r)).filter((c): c is Comparator[] => c !== null);
  const hit = ranges.find((c) => inCyberRange(normalised, c));
  return hit ? says('affected', `is ${describeCyberRange(hit)}`) : says('not-affected', `is outside ${ranges.map(describeCyberRange).join('; ')}`);
}

function label(item: InstalledItem): string {
  const product = item.product === null ? '' : ` (product ${item.product})`;
  return `${item.name} ${item.version ?? '(no version)'}${product}`;
}
