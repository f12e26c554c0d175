/** Generated board reports (migration 0006): the JSON, and who generated it when. */
import type { Db } from './db.js';
import { stmt } from './statements.js';

export interface BoardReportRecord {
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

/** Stores a month's report, replacing an earlier generation of the same month. */
export function saveBoardReport(db: Db, r: BoardReportRecord): void {
  stmt(db, `INSERT INTO board_reports (month, snapshot_day, data_hash, json, generated_at, generated_by, audit_head_id, audit_head_hash)
      VALUES (@month, @snapshotDay, @dataHash, @json, @generatedAt, @generatedBy, @auditHeadId, @auditHeadHash)
      ON CONFLICT (month) DO UPDATE SET snapshot_day = excluded.snapshot_day, data_hash = excluded.data_hash, json = excluded.json,
        generated_at = excluded.generated_at, generated_by = excluded.generated_by, audit_head_id = excluded.audit_head_id, audit_head_hash = excluded.audit_head_hash`).run(r);
}

const COLUMNS = `month, snapshot_day AS snapshotDay, data_hash AS dataHash, json, generated_at AS generatedAt, generated_by AS generatedBy,
  audit_head_id AS auditHeadId, audit_head_hash AS auditHeadHash`;

export function getBoardReport(db: Db, month: string): BoardReportRecord | undefined {
  return stmt(db, `SELECT ${COLUMNS} FROM board_reports WHERE month = ?`).get(month) as BoardReportRecord | undefined;
}

/** Every generated report, newest month first, without its JSON. */
export function listBoardReports(db: Db): Omit<BoardReportRecord, 'json'>[] {
  return stmt(db, `SELECT month, snapshot_day AS snapshotDay, data_hash AS dataHash, generated_at AS generatedAt, generated_by AS generatedBy,
      audit_head_id AS auditHeadId, audit_head_hash AS auditHeadHash FROM board_reports ORDER BY month DESC`).all() as Omit<BoardReportRecord, 'json'>[];
}
