/**
 * Daily posture snapshots (migrations 0006, 0010): key figures kept for ever
 * for trends, and the evidence as one gzipped JSON document per list, kept
 * for the retention period and for good on each month's last snapshot, which
 * that month's report is built on.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from './db.js';
import { stmt } from './statements.js';

export interface SnapshotRecord {
  day: string;
  takenAt: string;
  /** JSON of the key figures. */
  figures: string;
  evidenceHash: string;
  auditHeadId: number | null;
  auditHeadHash: string | null;
}

/** One evidence list's JSON; `list` is 'all' for a snapshot taken before 0010, whose lists share one document. */
export interface EvidenceDocument {
  list: string;
  json: string;
}

export const WHOLE_SNAPSHOT = 'all';

/** Stores the day's snapshot and its evidence documents (UTF-8 JSON), replacing one taken earlier the same day. */
export function saveSnapshot(db: Db, s: SnapshotRecord, evidence: readonly { list: string; json: Buffer }[]): void {
  stmt(db, `INSERT INTO posture_snapshots (day, taken_at, figures, evidence_hash, audit_head_id, audit_head_hash)
      VALUES (@day, @takenAt, @figures, @evidenceHash, @auditHeadId, @auditHeadHash)
      ON CONFLICT (day) DO UPDATE SET taken_at = excluded.taken_at, figures = excluded.figures,
        evidence_hash = excluded.evidence_hash, audit_head_id = excluded.audit_head_id, audit_head_hash = excluded.audit_head_hash`).run(s);
  stmt(db, 'DELETE FROM posture_evidence WHERE day = ?').run(s.day);
  const insert = stmt(db, 'INSERT INTO posture_evidence (day, list, body) VALUES (?, ?, ?)');
  for (const d of evidence) insert.run(s.day, d.list, gzipSync(d.json));
}

const COLUMNS = `day, taken_at AS takenAt, figures, evidence_hash AS evidenceHash, audit_head_id AS auditHeadId, audit_head_hash AS auditHeadHash`;

export function getSnapshot(db: Db, day: string): SnapshotRecord | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM posture_snapshots WHERE day = ?`).get(day) as SnapshotRecord | undefined;
}

/** The document holding one list of the day's evidence: its own, or the whole snapshot's for one taken before 0010; none once pruned. */
export function snapshotEvidenceList(db: Db, day: string, list: string): EvidenceDocument | undefined {
  const row = stmt(db, 'SELECT list, body FROM posture_evidence WHERE day = ? AND list IN (?, ?)').get(day, list, WHOLE_SNAPSHOT) as { list: string; body: Buffer } | undefined;
  return row && { list: row.list, json: gunzipSync(row.body).toString('utf8') };
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

const PRUNABLE = `day < @day AND day NOT IN (SELECT max(day) FROM posture_snapshots GROUP BY substr(day, 1, 7))`;

/** Drops the evidence of snapshots before `day`, except each month's last; returns how many snapshots lost theirs. */
export function pruneSnapshotEvidence(db: Db, day: string): number {
  const { n } = stmt(db, `SELECT count(DISTINCT day) AS n FROM posture_evidence WHERE ${PRUNABLE}`).get({ day }) as { n: number };
  stmt(db, `DELETE FROM posture_evidence WHERE ${PRUNABLE}`).run({ day });
  return n;
}
