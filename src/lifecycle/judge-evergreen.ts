/**
 * Evergreen software (Chrome, Zoom, the Visual C++ 2015+ runtime…) is serviced
 * only at the newest version of its channel. Below the cycle's `latest` it is
 * unsupported whatever the cycle's dates say; at or above it, the dates decide,
 * but only while the data is fresh: "newest" is only as true as the day it was
 * read, so past `staleDays` it is unknown (`data-stale`), never supported.
 */
import type { DatedStatus } from './status-from-dates.js';
import { daysBetween } from './status-from-dates.js';
import { DEFAULT_STALE_DAYS, type EvaluateOptions, type Verdict } from './verdict.js';
import { compareVersions, toComponents, type Components } from './version-components.js';

export interface EvergreenFacts {
  /** "<match>; <version> → cycle <c>", the start of every reason. */
  head: string;
  note: string;
  dated: DatedStatus;
  latest: string;
  /** The day `latest` was the newest version (the rule's evergreen.asOf). */
  dataAsOf: string;
  version: Components;
}

export function judgeEvergreen(base: Verdict, f: EvergreenFacts, opts: EvaluateOptions): Verdict {
  // A cycle the dates already end needs no version check: it is as bad as it gets without it.
  if (base.status === 'unsupported' || base.status === 'extended-support' || base.status === 'unknown') return base;
  if (compareVersions(f.version, toComponents(f.latest)) < 0) {
    return { ...base, status: 'unsupported', reason: `${f.head}; a newer version, ${f.latest} of ${f.dataAsOf}, exists (evergreen: only the newest is serviced)${f.note}` };
  }
  const limit = opts.staleDays ?? DEFAULT_STALE_DAYS;
  const age = daysBetween(f.dataAsOf, opts.asOf);
  if (age > limit) {
    return {
      ...base,
      status: 'unknown',
      unknownReason: 'data-stale',
      reason: `${f.head}; at or above ${f.latest}, the newest on ${f.dataAsOf}, but that data is ${age} days old (limit ${limit}), so a newer version may have shipped since${f.note}`,
    };
  }
  return { ...base, reason: `${f.head}; the newest version on ${f.dataAsOf} (${f.latest}, data ${age} days old); ${f.dated.explanation}${f.note}` };
}
