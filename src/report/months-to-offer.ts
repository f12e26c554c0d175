/**
 * The months the generate form offers: from the first snapshot's to this one,
 * suggesting the last whole month with a snapshot, which is what a board
 * meets about; on a new hub, whose first snapshot is this month's, this month
 * to date. A month with no snapshot would only be refused.
 */
import type { ReportOwner } from '../store/organisations.js';
import { firstSnapshotDay, lastSnapshotDayBetween } from '../store/posture-snapshots.js';
import type { ReportDeps } from './generate-board-report.js';
import { localDay, monthDays, monthOf, shiftMonth } from './trust-calendar.js';

export interface MonthChoice {
  suggested: string;
  first: string;
  last: string;
}

export function monthsToOffer(deps: ReportDeps, owner: ReportOwner): MonthChoice {
  const current = monthOf(localDay(deps.now(), deps.config.timeZone));
  const previous = shiftMonth(current, -1);
  const { first, last } = monthDays(previous);
  const since = firstSnapshotDay(deps.db, owner);
  return {
    suggested: lastSnapshotDayBetween(deps.db, owner, first, last) ? previous : current,
    first: since ? monthOf(since) : current,
    last: current,
  };
}
