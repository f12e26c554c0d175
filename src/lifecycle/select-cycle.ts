/**
 * Picks the release cycle a normalised version belongs to. File order breaks
 * ties: the first cycle whose conditions (version prefix, minVersion floor,
 * edition pattern) all hold wins, so specific cycles are listed before general ones.
 */
import type { CompiledCycle, CompiledRule } from './rule-set.js';
import { compareVersions, hasPrefix, isBelowPrefix, type Components } from './version-components.js';

export type CycleFit =
  | { kind: 'fit'; cycle: CompiledCycle }
  /** Older than every listed cycle; `oldest` is the lowest one. */
  | { kind: 'older'; oldest: CompiledCycle }
  /** Above every listed cycle: newer than the data knows. */
  | { kind: 'newer' }
  /** Between or inside cycles, yet fitting none (a build the rule's prefixes do not cover). */
  | { kind: 'none' };

function fits(cycle: CompiledCycle, version: Components, editionSubject: string): boolean {
  if (cycle.versions && !cycle.versions.some((p) => hasPrefix(version, p))) return false;
  if (cycle.minVersion && compareVersions(version, cycle.minVersion) < 0) return false;
  return cycle.edition === null || cycle.edition.regex.test(editionSubject);
}

/** The lowest version a cycle covers: its smallest prefix, else its floor. */
function lowerBound(cycle: CompiledCycle): Components {
  const prefixes = [...(cycle.versions ?? [])].sort(compareVersions);
  return prefixes[0] ?? cycle.minVersion ?? [];
}

/** True when the version sorts above everything the cycle covers ("152.0" above "151"); a floor alone has no top. */
function isAbove(cycle: CompiledCycle, version: Components): boolean {
  return cycle.versions !== null && cycle.versions.every((p) => !hasPrefix(version, p) && compareVersions(version, p) > 0);
}

function isBelow(cycle: CompiledCycle, version: Components): boolean {
  if (cycle.versions) return cycle.versions.every((p) => isBelowPrefix(version, p));
  return cycle.minVersion !== null && compareVersions(version, cycle.minVersion) < 0;
}

export function selectCycle(rule: CompiledRule, version: Components, editionSubject: string): CycleFit {
  const cycle = rule.cycles.find((c) => fits(c, version, editionSubject));
  if (cycle) return { kind: 'fit', cycle };
  if (rule.cycles.length > 0 && rule.cycles.every((c) => isBelow(c, version))) {
    const oldest = [...rule.cycles].sort((a, b) => compareVersions(lowerBound(a), lowerBound(b)))[0];
    if (oldest) return { kind: 'older', oldest };
  }
  return rule.cycles.every((c) => isAbove(c, version)) ? { kind: 'newer' } : { kind: 'none' };
}
