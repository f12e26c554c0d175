/**
 * The version ranges a cyber alert file writes: "before 131.0.2" (every version
 * below the fix, the fix itself excluded) or comparators joined by commas,
 * all of which must hold: ">= 116, < 128.3.1". Bounds are dotted versions in
 * the form the product's version scheme produces (as a lifecycle rule's cycle
 * versions are), so they compare with compareVersions, not semver: "131.0.2"
 * and a registry "131.0.2.8829" order as versions do, with no coercion.
 */
import { compareVersions, toComponents } from './version-components.js';

export const RANGE_OPERATORS = ['>=', '>', '<=', '<', '='] as const;
export type RangeOperator = (typeof RANGE_OPERATORS)[number];

export interface Comparator {
  op: RangeOperator;
  /** Lower-case dotted version, e.g. "128.3.1". */
  version: string;
}

const BOUND = '[0-9a-z]+(?:\\.[0-9a-z]+)*';
const BEFORE = new RegExp(`^before\\s+(${BOUND})$`, 'i');
const COMPARATOR = new RegExp(`^(>=|>|<=|<|=)\\s*(${BOUND})$`, 'i');

/** The comparators of a range, or null when it is not one ("before 128.0", ">= 115.0, < 115.15"). */
export function parseCyberRange(range: string): Comparator[] | null {
  const before = BEFORE.exec(range.trim());
  if (before) return [{ op: '<', version: (before[1] as string).toLowerCase() }];
  const parts = range.split(',').map((p) => COMPARATOR.exec(p.trim()));
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  return parts.map((p) => ({ op: (p as RegExpExecArray)[1] as RangeOperator, version: ((p as RegExpExecArray)[2] as string).toLowerCase() }));
}

export function isCyberRange(range: string): boolean {
  return parseCyberRange(range) !== null;
}

/** True when the normalised version meets every comparator; boundaries are exact ("< 115.15" excludes 115.15). */
export function inCyberRange(normalised: string, comparators: readonly Comparator[]): boolean {
  const v = significant(normalised);
  return comparators.every(({ op, version }) => {
    const d = compareVersions(v, significant(version));
    return op === '<' ? d < 0 : op === '<=' ? d <= 0 : op === '>' ? d > 0 : op === '>=' ? d >= 0 : d === 0;
  });
}

/**
 * Trailing zero components dropped, so "115.15" and "115.15.0" are one version: vendors
 * write a fix either way and inventories report either way. compareVersions alone would
 * put "115.15" below "115.15.0" and call a fixed machine affected.
 */
function significant(version: string): string[] {
  const c = toComponents(version);
  while (c.length > 1 && /^0+$/.test(c[c.length - 1] as string)) c.pop();
  return c;
}

/** How a reason line names the range: "before 131.0.2" for a lone upper bound, else "in >= 116, < 128.3.1". */
export function describeCyberRange(comparators: readonly Comparator[]): string {
  const only = comparators.length === 1 ? comparators[0] : undefined;
  if (only?.op === '<') return `before ${only.version}`;
  return `in ${comparators.map((c) => `${c.op} ${c.version}`).join(', ')}`;
}
