/**
 * Generates and stores a month's board report, and audits the generation.
 * The current month is reported to date: today's snapshot is re-taken first.
 */
import type { HubDeps } from '../hub/deps.js';
import { appendAudit, auditHead } from '../store/audit-log.js';
import { saveBoardReport, type BoardReportRecord } from '../store/board-reports.js';
import { WHOLE_HUB, type ReportOwner } from '../store/organisations.js';
import { inTransaction } from '../store/statements.js';
import { buildBoardReport, type BoardReport } from './board-report.js';
import { takeSnapshot, takeSnapshots } from './take-snapshot.js';
import { localDay, monthOf } from './trust-calendar.js';

export type ReportDeps = Pick<HubDeps, 'db' | 'evaluator' | 'config' | 'now' | 'kev'>;

export function snapshotContext(deps: ReportDeps) {
  return { db: deps.db, rules: deps.evaluator.rules, now: deps.now(), timeZone: deps.config.timeZone, dataStaleDays: deps.config.dataStaleDays, kev: deps.kev ?? null };
}

/** The previous month in the trust's timezone: what the scheduled job reports on. */
export function previousMonth(deps: ReportDeps): string {
  const [y, m] = monthOf(localDay(deps.now(), deps.config.timeZone)).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/**
 * Generates and stores one owner's report (a trust's, or the whole hub's).
 * The whole hub's sets each trust's month-end figures beside its own, so a
 * month to date re-takes every trust's snapshot first, not only its own.
 */
export function generateBoardReport(deps: ReportDeps, owner: ReportOwner, month: string, by: string): { report: BoardReport; record: BoardReportRecord } {
  const now = deps.now();
  const today = localDay(now, deps.config.timeZone);
  if (month === monthOf(today)) {
    const ctx = snapshotContext(deps);
    if (owner === WHOLE_HUB) takeSnapshots(ctx);
    else takeSnapshot(ctx, owner);
  }
  const report = buildBoardReport(deps.db, owner, month, today, deps.config.timeZone);
  return inTransaction(deps.db, () => {
    appendAudit(deps.db, {
      at: now.toISOString(), actor: by, action: 'generate', entity: 'board-report', entityId: month,
      after: { owner, snapshotDay: report.snapshot.day, dataHash: report.dataHash, provisional: report.provisional },
    });
    const head = auditHead(deps.db);
    const record: BoardReportRecord = {
      owner,
      month, snapshotDay: report.snapshot.day, dataHash: report.dataHash, json: JSON.stringify(report), generatedAt: now.toISOString(), generatedBy: by,
      auditHeadId: head?.id ?? null, auditHeadHash: head?.hash ?? null,
    };
    saveBoardReport(deps.db, record);
    return { report, record };
  });
}
