/**
 * Whether a month-to-date report still says what the hub would say today.
 * Its figures are frozen at generation, so every triage decision, sign-off or
 * register change since is missing from it, and once its month ends only a
 * regeneration gives the month's final figures. A closed month's report
 * never goes stale: its figures come from the month's last snapshot.
 */
import { countAuditSince } from '../store/audit-log.js';
import type { BoardReportRecord } from '../store/board-reports.js';
import type { Db } from '../store/db.js';
import type { BoardReport } from './board-report.js';
import { monthOf } from './trust-calendar.js';

/** The records whose audited changes move the report's figures; sign-ins, users and other reports do not. */
export const FIGURE_RECORDS = ['alert', 'action', 'exception', 'device', 'asset'] as const;

export interface Freshness {
  /** Audited changes to FIGURE_RECORDS since the report was generated (on the whole hub: the log is not kept per trust). */
  changes: number;
  /** The report's month has ended since: regenerating gives its final figures. */
  monthOver: boolean;
}

/** Null for a report on a closed month. */
export function reportFreshness(db: Db, report: BoardReport, record: Pick<BoardReportRecord, 'auditHeadId'>, today: string): Freshness | null {
  if (!report.provisional) return null;
  return { changes: countAuditSince(db, record.auditHeadId, FIGURE_RECORDS), monthOver: report.month < monthOf(today) };
}
