import type { SpoolFold } from '../contract/report.js';
import type { Db } from './db.js';
import { inScope, type OrgScope } from './organisations.js';
import { insertReturningId, stmt } from './statements.js';

export interface Receipt {
  id: number;
  assetId: number;
}

/** The receipt of a report already accepted under this agent and idempotency key. */
export function findReceipt(db: Db, agentId: number | null, key: string): Receipt | undefined {
  const found = agentId === null ? stmt(db, IMPORT_RECEIPT).get(key) : stmt(db, AGENT_RECEIPT).get(agentId, key);
  return found as Receipt | undefined;
}

// An agent's and an import's apart: PostgreSQL seeks no index for `agent_id IS NOT DISTINCT FROM ?`, and read every
// receipt twice for each agent report (3.4 ms at 5,000 receipts, growing with them until the retention prunes them).
const AGENT_RECEIPT = 'SELECT id, asset_id AS assetId FROM report_receipts WHERE agent_id = ? AND idempotency_key = ?';
const IMPORT_RECEIPT = 'SELECT id, asset_id AS assetId FROM report_receipts WHERE agent_id IS NULL AND idempotency_key = ?';

export function insertReceipt(
  db: Db,
  r: {
    agentId: number | null; key: string; assetId: number; receivedAt: string; collectedAt: string; softwareCount: number; deviceCount: number; changes: number;
    /** The older reports the agent's spool folded into this one (migration 0016). */
    folded?: SpoolFold;
    /** Software versions the report added to the hub's catalogue (migration 0027). */
    newSoftware: number;
  },
): number {
  return insertReturningId(db, `INSERT INTO report_receipts (agent_id, idempotency_key, asset_id, received_at, collected_at, software_count, device_count, changes, folded_reports, folded_since, new_software)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    r.agentId, r.key, r.assetId, r.receivedAt, r.collectedAt, r.softwareCount, r.deviceCount, r.changes, r.folded?.reports ?? null, r.folded?.firstCollectedAt ?? null, r.newSoftware,
  );
}

/** What an agent delivered since `since`: its reports, the oldest of them, and the software versions they added to the catalogue. */
export function agentDeliveriesSince(db: Db, agentId: number, since: string): { reports: number; oldest: string | null; newSoftware: number } {
  return stmt(db, `SELECT count(*) AS reports, min(received_at) AS oldest, coalesce(sum(new_software), 0) AS "newSoftware"
    FROM report_receipts WHERE agent_id = ? AND received_at > ?`).get(agentId, since) as { reports: number; oldest: string | null; newSoftware: number };
}

/** How often an agent's spool folded reports while the hub was unreachable, in the receipts still kept. */
export interface SpoolFolds {
  agentId: number;
  /** Receipts that stood for several reports. */
  folds: number;
  /** How many reports those receipts stood for in all. */
  reports: number;
  /** When the latest of them arrived. */
  lastAt: string;
}

/** The spool folds of the agents of the trusts in scope that have any (by the partial index of migration 0029). */
export function listSpoolFolds(db: Db, org: OrgScope): SpoolFolds[] {
  return stmt(db, `SELECT r.agent_id AS agentId, count(*) AS folds, sum(r.folded_reports) AS reports, max(r.received_at) AS lastAt
    FROM report_receipts r JOIN agents a ON a.id = r.agent_id
    WHERE r.folded_reports IS NOT NULL AND ${inScope('a.organisation_id')} GROUP BY r.agent_id`).all({ org }) as SpoolFolds[];
}

/** Retention: drops receipts and change history older than `before`; keeps current state. */
export function pruneHistory(db: Db, before: string): { receipts: number; history: number } {
  const receipts = stmt(db, 'DELETE FROM report_receipts WHERE received_at < ?').run(before).changes;
  const history = stmt(db, 'DELETE FROM install_history WHERE at < ?').run(before).changes;
  return { receipts, history };
}
