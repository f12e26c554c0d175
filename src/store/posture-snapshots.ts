/**
 * Daily posture snapshots (migration 0006): key figures kept for ever for
 * trends, evidence rows gzipped and kept for the retention period, and for
 * good on each month's last snapshot, which that month's report is built on.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from './db.js';
import { stmt } from './statements.js';

export interface SnapshotRecord {
  day: string;
  takenAt: string;
  /** JSON of the key figures. */
  figures: string;
  /** JSON of the evidence rows; null once pruned. */
  evidence: string | null;
  evidenceHash: string;
  auditHeadId: number | null;
  auditHeadHash: string | null;
}

/** Stores the day's snapshot, replacing one taken earlier the same day. */
export function saveSnapshot(db: Db, s: SnapshotRecord): void {
  stmt(db, `INSERT INTO posture_snapshots (day, taken_at, figures, evidence, evidence_hash, audit_head_id, audit_head_hash)
      VALUES (@day, @takenAt, @figures, @evidence, @evidenceHash, @auditHeadId, @auditHeadHash)
      ON CONFLICT (day) DO UPDATE SET taken_at = excluded.taken_at, figures = excluded.figures, evidence = excluded.evidence,
        evidence_hash = excluded.evidence_hash, audit_head_id = excluded.audit_head_id, audit_head_hash = excluded.audit_head_hash`).run({
    ...s, evidence: s.evidence === null ? null : gzipSync(s.evidence),
  });
}

const COLUMNS = `day, taken_at AS takenAt, figures, evidence, evidence_hash AS evidenceHash, audit_head_id AS auditHeadId, audit_head_hash AS auditHeadHash`;

export function getSnapshot(db: Db, day: string): SnapshotRecord | undefined {
  const row = stmt(db, `SELECT ${COLUMNS} FROM posture_snapshots WHERE day = ?`).get(day) as (Omit<SnapshotRecord, 'evidence'> & { evidence: Buffer | null }) | undefined;
  return row && { ...row, evidence: row.evidence === null ? null : gunzipSync(row.evidence).toString('utf8') };
}

/** The last day with a snapshot in [first, last], if any. */
export function lastSnapshotDayBetween(db: Db, first: string, last: string): string | undefined {
  return (stmt(db, 'SELECT max(day) AS day FROM posture_snapshots WHERE day BETWEEN ? AND ?').get(first, last) as { day: string | null }).day ?? undefined;
}

export function firstSnapshotDay(db: Db): string | undefined {
  return (stmt(db, 'SELECT min(day) AS day FROM posture_snapshots').get() as { day: string | null }).day ?? undefined;
}

/** Each month's last snapshot between two days: its day and key figures, oldest first. */
export function monthEndFigures(db: Db, first: string, last: string): { day: string; figures: string }[] {
  return stmt(db, `SELECT day, figures FROM posture_snapshots WHERE day IN (
      SELECT max(day) FROM posture_snapshots WHERE day BETWEEN @first AND @last GROUP BY substr(day, 1, 7)) ORDER BY day`).all({ first, last }) as { day: string; figures: string }[];
}

/** Drops the evidence of snapshots before `day`, except each month's last; returns how many were pruned. */
export function pruneSnapshotEvidence(db: Db, day: string): number {
  return stmt(db, `UPDATE posture_snapshots SET evidence = NULL WHERE day < @day AND evidence IS NOT NULL
      AND day NOT IN (SELECT max(day) FROM posture_snapshots GROUP BY substr(day, 1, 7))`).run({ day }).changes;
}
