/**
 * Patch currency from a cycle's newest version (issue 22 point 4): is the
 * installed version the newest the data knows for its release? It sits beside
 * the status and never changes it. It is told only where the comparison means
 * something; everywhere else it is null ("cannot tell"):
 * - the rule's scheme keeps the whole version (not a Windows build without its
 *   update revision, not a Java feature release: VersionScheme.readsWholeVersion);
 * - the cycle has a newest version, and that version is read into the same cycle
 *   (a newest that would fit another cycle says nothing of this one);
 * - both are plain numbers ("1.1.1w" and "5.0b2" do not order safely);
 * - the newest is not the cycle's own prefix (Ubuntu 25.10's newest is "25.10",
 *   Windows 10 22H2's "10.0.19045": neither names an update within the cycle);
 * - neither stops where the other goes on: "10.0.19045.5371" against a newest of
 *   "10.0.19045", or Ubuntu's "24.04" (its VERSION_ID never names the point
 *   release) against "24.04.4" (trailing zeros say nothing: "154" is "154.0");
 * - the installed version is not above the newest (then the data predates it, or
 *   the vendor's registry number is not the version: Python's 3.12.3 is "3.12.3150.0").
 */
import type { CompiledCycle, CompiledRule } from './rule-set.js';
import { selectCycle } from './select-cycle.js';
import type { PatchCurrency } from './verdict.js';
import { compareVersions, hasPrefix, toComponents, type Components } from './version-components.js';

const isNumeric = (c: Components): boolean => c.length > 0 && c.every((p) => /^\d+$/.test(p));
const isZero = (c: string) => /^0+$/.test(c);

/** "154.0" and "154" are one version: trailing zero components say nothing. */
function withoutTrailingZeros(c: Components): Components {
  let end = c.length;
  while (end > 1 && isZero(c[end - 1] ?? '')) end -= 1;
  return c.slice(0, end);
}

/** One stops where the other goes on to a non-zero component ("24.04" and "24.04.4"), so which came first cannot be told. */
function stopsShort(a: Components, b: Components): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return hasPrefix(long, short) && long.slice(short.length).some((c) => !isZero(c));
}

export interface PatchSubject {
  /** The installed version, normalised by the rule's scheme. */
  version: Components;
  /** What the cycles' edition patterns were tested against. */
  editionSubject: string;
}

export function judgePatch(rule: CompiledRule, cycle: CompiledCycle, item: PatchSubject): PatchCurrency | null {
  if (!cycle.newest || !rule.scheme.readsWholeVersion) return null;
  const newest = toComponents(cycle.newest);
  if (!isNumeric(newest) || !isNumeric(item.version)) return null;
  const fit = selectCycle(rule, newest, item.editionSubject);
  if (fit.kind !== 'fit' || fit.cycle !== cycle) return null;
  if (cycle.versions?.some((prefix) => prefix.length === newest.length && hasPrefix(newest, prefix))) return null;
  if (stopsShort(item.version, newest)) return null;
  const order = compareVersions(withoutTrailingZeros(item.version), withoutTrailingZeros(newest));
  if (order > 0) return null;
  const newestDate = cycle.newestDate ?? null;
  return { state: order === 0 ? 'current' : 'behind', newest: cycle.newest, newestDate, since: order === 0 ? null : newestDate };
}
