/**
 * Daily posture snapshots (migrations 0006, 0010, 0019): key figures kept for
 * ever for trends, and the evidence as one gzipped JSON document per list,
 * kept for the retention period and for good on each month's last snapshot,
 * which that month's report is built on. Each trust has its own, and an ICS
 * hub's whole estate has its own (owner WHOLE_HUB).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Db } from './db.js';
import type { ReportOwner } from './organisations.js';
import { stmt } from './statements.js';

export interface SnapshotRecord {
  owner: ReportOwner;
  day: string;
  takenAt: string;
  /** JSON of the key figures. */
  figures: string;
  evidenceHash: string;
  auditHeadId: number | null;
  auditHeadHash: string | null;
  /** The day the lifecycle data in force was taken; null for a snapshot taken before migration 0034. */
  lifecycleDataOn: string | null;
  /** ESTATEWATCH_DATA_STALE_DAYS when it was taken. */
  dataStaleDays: number | null;
}

/** One evidence list's JSON; `list` is 'all' for a snapshot taken before 0010, whose lists share one document. */
export interface EvidenceDocument {
  list: string;
  json: string;
}

export const WHOLE_SNAPSHOT = 'all';

/** Stores the day's snapshot and its evidence documents (UTF-8 JSON), replacing one taken earlier the same day. */
export function saveSnapshot(db: Db, s: SnapshotRecord, evidence: readonly { list: string; json: Buffer }[]): void {
  stmt(db, `INSERT INTO posture_snapshots (organisation_id, day, taken_at, figures, evidence_hash, audit_head_id, audit_head_hash, lifecycle_data_on, data_stale_days)
      VALUES (@owner, @day, @takenAt, @figures, @evidenceHash, @auditHeadId, @auditHeadHash, @lifecycleDataOn, @dataStaleDays)
      ON CONFLICT (organisation_id, day) DO UPDATE SET taken_at = excluded.taken_at, figures = excluded.figures,
        evidence_hash = excluded.evidence_hash, audit_head_id = excluded.audit_head_id, audit_head_hash = excluded.audit_head_hash,
        lifecycle_data_on = excluded.lifecycle_data_on, data_stale_days = excluded.data_stale_days`).run(s);
  stmt(db, 'DELETE FROM posture_evidence WHERE organisation_id = ? AND day = ?').run(s.owner, s.day);
  const insert = stmt(db, 'INSERT INTO posture_evidence (organisation_id, day, list, body) VALUES (?, ?, ?, ?)');
  for (const d of evidence) insert.run(s.owner, s.day, d.list, gzipSync(d.json));
}

const COLUMNS = `organisation_id AS owner, day, taken_at AS takenAt, figures, evidence_hash AS evidenceHash, audit_head_id AS auditHeadId, audit_head_hash AS auditHeadHash,
  lifecycle_data_on AS "lifecycleDataOn", data_stale_days AS "dataStaleDays"`;

export function getSnapshot(db: Db, owner: ReportOwner, day: string): SnapshotRecord | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM posture_snapshots WHERE organisation_id = ? AND day = ?`).get(owner, day) as SnapshotRecord | undefined;
}

/** The document holding one list of the day's evidence: its own, or the whole snapshot's for one taken before 0010; none once pruned. */
export function snapshotEvidenceList(db: Db, owner: ReportOwner, day: string, list: string): EvidenceDocument | undefined {
  const row = stmt(db, 'SELECT list, body FROM posture_evidence WHERE organisation_id = ? AND day = ? AND list IN (?, ?)').get(owner, day, list, WHOLE_SNAPSHOT) as
    | { list: string; body: Buffer }
    | undefined;
  return row && { list: row.list, json: gunzipSync(row.body).toString('utf8') };
}

/** Whether any of the day's evidence is still kept (not pruned), without reading a document. */
export function hasSnapshotEvidence(db: Db, owner: ReportOwner, day: string): boolean {
  return stmt(db, 'SELECT 1 AS kept FROM posture_evidence WHERE organisation_id = ? AND day = ? LIMIT 1').get(owner, day) !== undefined;
}

/** The last day with a snapshot in [first, last], if any. */
export function lastSnapshotDayBetween(db: Db, owner: ReportOwner, first: string, last: string): string | undefined {
  return (stmt(db, 'SELECT max(day) AS day FROM posture_snapshots WHERE organisation_id = ? AND day BETWEEN ? AND ?').get(owner, first, last) as { day: string | null }).day ?? undefined;
}

export function firstSnapshotDay(db: Db, owner: ReportOwner): string | undefined {
  return (stmt(db, 'SELECT min(day) AS day FROM posture_snapshots WHERE organisation_id = ?').get(owner) as { day: string | null }).day ?? undefined;
}

/** Each month's last snapshot between two days: its day and key figures, oldest first. */
export function monthEndFigures(db: Db, owner: ReportOwner, first: string, last: string): { day: string; figures: string }[] {
  return stmt(db, `SELECT day, figures FROM posture_snapshots WHERE organisation_id = @owner AND day IN (
      SELECT max(day) FROM posture_snapshots WHERE organisation_id = @owner AND day BETWEEN @first AND @last GROUP BY substr(day, 1, 7)) ORDER BY day`)
    .all({ owner, first, last }) as { day: string; figures: string }[];
}

/** Each trust's last snapshot in [first, last] (the whole hub's left out), by trust id: the ICS report's columns. */
export function trustsLastSnapshotsBetween(db: Db, first: string, last: string): { owner: ReportOwner; day: string; figures: string }[] {
  return stmt(db, `SELECT s.organisation_id AS owner, s.day, s.figures FROM posture_snapshots s
      JOIN (SELECT organisation_id, max(day) AS day FROM posture_snapshots WHERE organisation_id <> 0 AND day BETWEEN @first AND @last GROUP BY organisation_id) m
        ON m.organisation_id = s.organisation_id AND m.day = s.day
      ORDER BY s.organisation_id`).all({ first, last }) as { owner: ReportOwner; day: string; figures: string }[];
}

const PRUNABLE = `organisation_id = @owner AND day < @day
  AND day NOT IN (SELECT max(day) FROM posture_snapshots WHERE organisation_id = @owner GROUP BY substr(day, 1, 7))`;

/** Drops the evidence of an owner's snapshots before `day`, except each month's last; returns how many snapshots lost theirs. */
export function pruneSnapshotEvidence(db: Db, owner: ReportOwner, day: string): number {
  const { n } = stmt(db, `SELECT count(DISTINCT day) AS n FROM posture_evidence WHERE ${PRUNABLE}`).get({ owner, day }) as { n: number };
  stmt(db, `DELETE FROM posture_evidence WHERE ${PRUNABLE}`).run({ owner, day });
  return n;
}
