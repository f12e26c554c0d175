/**
 * The trajectory of one kind of device (faxes, pagers): the count in use at
 * each month end over the past year, and the plan for the year ahead from the
 * planned removal dates, against the national target date.
 */
import type { Db } from '../store/db.js';
import { countInUseNotRetained, countInUseOn, countPlannedOn, firstStatusDay, type TrajectoryFilter } from '../store/device-trajectory.js';
import type { OrgScope } from '../store/organisations.js';

/** DHSC (December 2018): faxes out of use by 31 March 2020; non-emergency pagers by the end of 2021 (../shared/DOMAIN.md). */
export const NATIONAL_TARGETS = { fax: '2020-03-31', pager: '2021-12-31' } as const;

export interface TrajectoryPoint {
  /** Month end, YYYY-MM-DD. */
  at: string;
  count: number;
  /** false: measured from the status history; true: from planned removal dates. */
  planned: boolean;
}

export interface Trajectory extends TrajectoryFilter {
  points: TrajectoryPoint[];
  target: string | null;
  /** In use today and covered by the target (not kept by policy): what a missed target leaves. */
  stillInUse: number;
}

/** Month ends from `back` months before `today` to `ahead` months after it. */
export function monthEnds(today: string, back: number, ahead: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: back + ahead + 1 }, (_, i) => new Date(Date.UTC(y, m - back + i, 0)).toISOString().slice(0, 10));
}

/**
 * The trajectory of the trusts in scope: one trust's, or (null) the whole ICS's.
 * Measured month ends start at the register's first record of such a device:
 * before it the hub knew of none, and a zero there would be a count nobody took.
 */
export function deviceTrajectory(db: Db, org: OrgScope, f: TrajectoryFilter, today: string, back = 12, ahead = 12): Trajectory {
  const ends = monthEnds(today, back, ahead);
  const since = firstStatusDay(db, org, f);
  // Today's measured count joins the two lines.
  const measuredDays = [...ends.filter((at) => since !== undefined && at >= since && at < today), today];
  const plannedDays = ends.filter((at) => at > today);
  const inUse = countInUseOn(db, org, f, measuredDays);
  const stays = countPlannedOn(db, org, f, plannedDays, today);
  const measured = measuredDays.map((at) => ({ at, count: inUse.get(at)!, planned: false }));
  const planned = plannedDays.map((at) => ({ at, count: stays.get(at)!, planned: true }));
  return { ...f, points: [...measured, ...planned], target: (NATIONAL_TARGETS as Readonly<Record<string, string>>)[f.kind] ?? null, stillInUse: countInUseNotRetained(db, org, f) };
}
