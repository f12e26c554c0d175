/**
 * Takes and stores today's posture snapshot (the daily job, start-up, and a
 * report on the current month all call this). Older snapshots' evidence is
 * pruned after EVIDENCE_DAYS, except each month's last.
 */
import type { KevCatalogue } from '../cyber/read-kev.js';
import { dataTakenOn } from '../estate/rules-in-force.js';
import type { RuleSet } from '../lifecycle/rule-set.js';
import type { Db } from '../store/db.js';
import { ownerScope, reportOwners, type ReportOwner } from '../store/organisations.js';
import { lastSnapshotDayBetween, pruneSnapshotEvidence, saveSnapshot } from '../store/posture-snapshots.js';
import { inTransaction } from '../store/statements.js';
import { capturePosture } from './capture-posture.js';
import { encodeEvidence, hashEvidence } from './evidence-codec.js';
import { keyFigures, type KeyFigures } from './key-figures.js';
import { computeFigures } from './posture-figures.js';
import { addDays, localDay } from './trust-calendar.js';

/**
 * Days a daily snapshot keeps its evidence rows. Reports need only each month's
 * last (kept for ever); at 100,000 assets a day's evidence is about 1.7 MiB
 * gzipped (`npm run bench`'s estate), so a year of dailies would be 600+ MiB for nothing.
 */
const EVIDENCE_DAYS = 35;

export interface SnapshotContext {
  db: Db;
  rules: RuleSet;
  now: Date;
  timeZone: string;
  /** ESTATEWATCH_DATA_STALE_DAYS: recorded with the snapshot, so its report warns as the hub did that day. */
  dataStaleDays: number;
  /** The KEV catalogue in force, which marks the snapshot's cyber alerts known exploited; absent or null: none configured. */
  kev?: KevCatalogue | null;
}

/** Takes and stores today's snapshot of one owner's estate (a trust's, or the whole hub's). */
export function takeSnapshot(ctx: SnapshotContext, owner: ReportOwner): { day: string; figures: KeyFigures; evidencePruned: number } {
  const c = capturePosture(ctx.db, ownerScope(owner), ctx.rules, ctx.now, ctx.timeZone, ctx.kev ?? null);
  const figures = keyFigures(computeFigures(c.evidence, c.day));
  const evidence = encodeEvidence(c.evidence);
  return inTransaction(ctx.db, () => {
    saveSnapshot(ctx.db, {
      owner, day: c.day, takenAt: c.takenAt, figures: JSON.stringify(figures), evidenceHash: hashEvidence(evidence),
      auditHeadId: c.auditHead?.id ?? null, auditHeadHash: c.auditHead?.hash ?? null,
      lifecycleDataOn: dataTakenOn(ctx.rules), dataStaleDays: ctx.dataStaleDays,
    }, evidence);
    return { day: c.day, figures, evidencePruned: pruneSnapshotEvidence(ctx.db, owner, addDays(c.day, -EVIDENCE_DAYS)) };
  });
}

/** Today's snapshot of every owner (each trust, and the whole hub when it holds several): the daily job. */
export function takeSnapshots(ctx: SnapshotContext): { owner: ReportOwner; day: string; figures: KeyFigures; evidencePruned: number }[] {
  return reportOwners(ctx.db).map((owner) => ({ owner, ...takeSnapshot(ctx, owner) }));
}

/** Takes today's snapshots that are missing: a hub restarted daily still keeps one a day for each owner. */
export function ensureTodaysSnapshots(ctx: SnapshotContext): number {
  const today = localDay(ctx.now, ctx.timeZone);
  const missing = reportOwners(ctx.db).filter((owner) => !lastSnapshotDayBetween(ctx.db, owner, today, today));
  for (const owner of missing) takeSnapshot(ctx, owner);
  return missing.length;
}
