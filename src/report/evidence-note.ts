/**
 * What an evidence page says when it shows fewer rows than its figure counts,
 * and where to see the rest: a bounded sample is never a silent cut.
 */
import { ageInDays } from './alert-age.js';
import type { EvidenceRows } from './frozen-evidence.js';
import { count, longDate } from './plain-english.js';
import { ALERT_AGES } from './posture-evidence.js';
import type { Filter } from './row-filter.js';

/** Null when every row the filter selects is shown. */
export function sampleNote(s: EvidenceRows, day: string): string | null {
  if (s.total !== null && s.rows.length === s.total) return null;
  const kept = `the snapshot of ${longDate(day)} kept every count exact but only ${s.perCell === null ? 'some rows' : `the oldest ${s.perCell.toLocaleString('en-GB')} rows`} of each state, severity and age`;
  if (s.total === null) {
    return `The snapshot counted alerts by state, severity and age only, so it cannot say how many matched this filter: shown are the ${count(s.rows.length, 'matching row')} among those it kept (${kept}).`;
  }
  return `Showing ${s.rows.length.toLocaleString('en-GB')} of ${count(s.total, 'row')}: ${kept}.`;
}

const STATUSES_OF_STATE: Record<string, string> = { open: 'open,acknowledged', suppressed: 'suppressed', 'resolved-this-month': 'resolved' };

/** The live alerts list filtered as nearly as it can be like an alerts evidence filter: alerts as they are now, not as frozen. */
export function liveAlertsHref(filter: Filter): string {
  const q = new URLSearchParams();
  if (filter.severity) q.set('severity', filter.severity);
  if (filter.state && STATUSES_OF_STATE[filter.state]) q.set('status', STATUSES_OF_STATE[filter.state]!);
  if (filter.rule) q.set('ruleId', filter.rule);
  const age = ALERT_AGES.find((a) => a === filter.age);
  for (const [k, v] of Object.entries(age ? ageInDays(age) : {})) q.set(k, String(v));
  const query = q.toString();
  return `/alerts${query ? `?${query}` : ''}`;
}
