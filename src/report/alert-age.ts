/** How old an alert is, in the bands the board reads: 0–2, 3–7, 8–30 and over 30 whole days. */
import { ALERT_AGES, type AlertAge } from './posture-evidence.js';

const DAY_MS = 86_400_000;
/** The last whole day of each band but the open-ended last one. */
const LAST_DAYS = [2, 7, 30] as const;

export function alertAge(fromMs: number, toMs: number): AlertAge {
  const days = Math.floor((toMs - fromMs) / DAY_MS);
  const band = LAST_DAYS.findIndex((last) => days <= last);
  return ALERT_AGES[band < 0 ? LAST_DAYS.length : band]!;
}

/** Sorts before and after every ISO instant. */
const NEVER = '';
const ALWAYS = '9999-12-31T23:59:59.999Z';

/**
 * The raised-at instants (after, upTo] each band spans at `now`, as ISO
 * strings. An alert is in a band up to `last` days when fewer than last + 1
 * whole days have passed: raised after now − (last + 1) days, so these ranges
 * put every alert in the band alertAge gives it.
 */
export function ageBands(now: Date): { age: AlertAge; after: string; upTo: string }[] {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const edges = [ALWAYS, ...LAST_DAYS.map((last) => before(last + 1)), NEVER];
  return ALERT_AGES.map((age, i) => ({ age, after: edges[i + 1]!, upTo: edges[i]! }));
}

/** The band as the live alerts list filters it: raised at least `olderThanDays` and less than `newerThanDays` days ago. */
export function ageInDays(age: AlertAge): { olderThanDays?: number; newerThanDays?: number } {
  const band = ALERT_AGES.indexOf(age);
  const first = band === 0 ? undefined : LAST_DAYS[band - 1]! + 1;
  const last = LAST_DAYS[band];
  return { ...(first === undefined ? {} : { olderThanDays: first }), ...(last === undefined ? {} : { newerThanDays: last + 1 }) };
}
