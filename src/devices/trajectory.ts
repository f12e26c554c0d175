/**
 * The trajectory of one kind of device (faxes, pagers): the count in use at
 * each month end over the past year, and the plan for the year ahead from the
 * planned removal dates, against the national target date.
 */
import type { Db } from '../store/db.js';
import { countInUseAt, countPlannedAt, type TrajectoryFilter } from '../store/device-trajectory.js';
import type { OrgScope } from '../store/organisations.js';

/** DHSC (December 2018): faxes out of use by 31 March 2020; non-emergency pagers by the end of 2021 (../shared/DOMAIN.md). */
export const NATIONAL_TARGETS: Readonly<Record<string, string>> = { fax: '2020-03-31', pager: '2021-12-31' };

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
}

/** Month ends from `back` months before `today` to `ahead` months after it. */
export function monthEnds(today: string, back: number, ahead: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: back + ahead + 1 }, (_, i) => new Date(Date.UTC(y, m - back + i, 0)).toISOString().slice(0, 10));
}

/** The trajectory of the trusts in scope: one trust's, or (null) the whole ICS's. */
export function deviceTrajectory(db: Db, org: OrgScope, f: TrajectoryFilter, today: string, back = 12, ahead = 12): Trajectory {
  const points = monthEnds(today, back, ahead).map((at) =>
    at <= today ? { at, count: countInUseAt(db, org, f, at), planned: false } : { at, count: countPlannedAt(db, org, f, at, today), planned: true },
  );
  // Today's measured count joins the two lines.
  points.splice(points.findIndex((p) => p.planned), 0, { at: today, count: countInUseAt(db, org, f, today), planned: false });
  return { ...f, points: points.filter((p, i) => i === points.findIndex((q) => q.at === p.at)), target: NATIONAL_TARGETS[f.kind] ?? null };
}
