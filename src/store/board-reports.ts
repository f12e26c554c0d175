/** Generated board reports (migrations 0006, 0019): each owner's (a trust's, or the whole hub's) JSON, and who generated it when. */
import type { Db } from './db.js';
import type { ReportOwner } from './organisations.js';
import { stmt } from './statements.js';

export interface BoardReportRecord {
  owner: ReportOwner;
  month: string;
  snapshotDay: string;
  dataHash: string;
  json: string;
  generatedAt: string;
  generatedBy: string;
  /** The audit chain's head just after the generation was itself audited. */
  auditHeadId: number | null;
  auditHeadHash: string | null;
}

/** Stores an owner's report for a month, replacing an earlier generation of the same. */
export function saveBoardReport(db: Db, r: BoardReportRecord): void {
  stmt(db, `INSERT INTO board_reports (organisation_id, month, snapshot_day, data_hash, json, generated_at, generated_by, audit_head_id, audit_head_hash)
      VALUES (@owner, @month, @snapshotDay, @dataHash, @json, @generatedAt, @generatedBy, @auditHeadId, @auditHeadHash)
      ON CONFLICT (organisation_id, month) DO UPDATE SET snapshot_day = excluded.snapshot_day, data_hash = excluded.data_hash, json = excluded.json,
        generated_at = excluded.generated_at, generated_by = excluded.generated_by, audit_head_id = excluded.audit_head_id, audit_head_hash = excluded.audit_head_hash`).run(r);
}

const COLUMNS = `organisation_id AS owner, month, snapshot_day AS snapshotDay, data_hash AS dataHash, json, generated_at AS generatedAt, generated_by AS generatedBy,
  audit_head_id AS auditHeadId, audit_head_hash AS auditHeadHash`;

export function getBoardReport(db: Db, owner: ReportOwner, month: string): BoardReportRecord | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM board_reports WHERE organisation_id = ? AND month = ?`).get(owner, month) as BoardReportRecord | undefined;
}

/** An owner's generated reports, newest month first, without their JSON. */
export function listBoardReports(db: Db, owner: ReportOwner): Omit<BoardReportRecord, 'json'>[] {
  return stmt(db, `SELECT organisation_id AS owner, month, snapshot_day AS snapshotDay, data_hash AS dataHash, generated_at AS generatedAt, generated_by AS generatedBy,
      audit_head_id AS auditHeadId, audit_head_hash AS auditHeadHash FROM board_reports WHERE organisation_id = ? ORDER BY month DESC`).all(owner) as Omit<BoardReportRecord, 'json'>[];
}
