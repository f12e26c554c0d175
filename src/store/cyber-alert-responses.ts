/**
 * Each trust's response to a cyber alert (migration 0036): its acknowledgement,
 * its decision (affected or not, and why), the remediation updates it records,
 * and its closure. A trust with no row has not acknowledged.
 */
import type { Db } from './db.js';
import { inScope, type OrgScope } from './organisations.js';
import { stmt } from './statements.js';

export const CYBER_DECISIONS = ['affected', 'not-affected'] as const;
export type CyberDecision = (typeof CYBER_DECISIONS)[number];

/** One trust's response as stored, with its machine counts; the fields are null until that step is taken. */
export interface CyberResponseRow {
  cyberAlertId: number;
  reference: string;
  /** The alert's publication day: the acknowledgement clock starts from it. */
  published: string;
  organisationId: number;
  organisation: string;
  organisationName: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  decision: CyberDecision | null;
  decisionReason: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  expectedCompletion: string | null;
  nextUpdateDue: string | null;
  closedAt: string | null;
  closedBy: string | null;
  closureNote: string | null;
  /** This trust's machines still carrying an affected install. */
  affectedMachines: number;
  /** This trust's machines that carried one and no longer do. */
  remediatedMachines: number;
  /** When this trust's last affected install left the list (null while one is affected). */
  lastRemediatedAt: string | null;
}

const MACHINES_OF_TRUST = (where: string) => `FROM cyber_alert_machines m JOIN assets a ON a.id = m.asset_id WHERE m.cyber_alert_id = c.id AND a.organisation_id = o.id AND ${where}`;
const STILL_AFFECTED = 'NOT EXISTS (SELECT 1 FROM cyber_alert_machines n WHERE n.cyber_alert_id = m.cyber_alert_id AND n.asset_id = m.asset_id AND n.remediated_at IS NULL)';

/** Every (alert, trust) pair in scope: trusts that have not acknowledged are rows too, with nulls. */
const RESPONSE_SELECT = `SELECT c.id AS "cyberAlertId", c.reference, c.published, o.id AS "organisationId", o.code AS organisation, o.name AS "organisationName",
    r.acknowledged_at AS "acknowledgedAt", r.acknowledged_by AS "acknowledgedBy", r.decision, r.decision_reason AS "decisionReason",
    r.decided_at AS "decidedAt", r.decided_by AS "decidedBy", r.expected_completion AS "expectedCompletion", r.next_update_due AS "nextUpdateDue",
    r.closed_at AS "closedAt", r.closed_by AS "closedBy", r.closure_note AS "closureNote",
    (SELECT COUNT(DISTINCT m.asset_id) ${MACHINES_OF_TRUST('m.remediated_at IS NULL')}) AS "affectedMachines",
    (SELECT COUNT(DISTINCT m.asset_id) ${MACHINES_OF_TRUST(`m.remediated_at IS NOT NULL AND ${STILL_AFFECTED}`)}) AS "remediatedMachines",
    (SELECT MAX(m.remediated_at) ${MACHINES_OF_TRUST('m.remediated_at IS NOT NULL')}) AS "lastRemediatedAt"
  FROM cyber_alerts c CROSS JOIN organisations o
  LEFT JOIN cyber_alert_responses r ON r.cyber_alert_id = c.id AND r.organisation_id = o.id`;

const readResponse = (r: CyberResponseRow): CyberResponseRow => ({
  ...r,
  cyberAlertId: Number(r.cyberAlertId),
  organisationId: Number(r.organisationId),
  affectedMachines: Number(r.affectedMachines),
  remediatedMachines: Number(r.remediatedMachines),
  lastRemediatedAt: Number(r.affectedMachines) > 0 ? null : r.lastRemediatedAt,
});

/** One alert's responses, one per trust in scope, by ODS code. */
export function listCyberResponses(db: Db, cyberAlertId: number, org: OrgScope): CyberResponseRow[] {
  return (stmt(db, `${RESPONSE_SELECT} WHERE c.id = @id AND ${inScope('o.id')} ORDER BY o.code`).all({ id: cyberAlertId, org }) as CyberResponseRow[]).map(readResponse);
}

/** Every alert's responses for the trusts in scope: what the clocks and the board report read. */
export function listAllCyberResponses(db: Db, org: OrgScope): CyberResponseRow[] {
  return (stmt(db, `${RESPONSE_SELECT} WHERE ${inScope('o.id')} ORDER BY c.published, c.reference, o.code`).all({ org }) as CyberResponseRow[]).map(readResponse);
}

export interface CyberResponseKey {
  cyberAlertId: number;
  organisationId: number;
}

/** Records the trust's acknowledgement once; false when it had already acknowledged. */
export function insertCyberAcknowledgement(db: Db, key: CyberResponseKey, by: string, at: string, nextUpdateDue: string): boolean {
  return stmt(db, `INSERT INTO cyber_alert_responses (cyber_alert_id, organisation_id, acknowledged_at, acknowledged_by, next_update_due) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (cyber_alert_id, organisation_id) DO NOTHING`).run(key.cyberAlertId, key.organisationId, at, by, nextUpdateDue).changes === 1;
}

export interface CyberDecisionRecord {
  decision: CyberDecision;
  reason: string;
  by: string;
  at: string;
  expectedCompletion: string | null;
  /** Null for "not affected": nothing is left to report on. */
  nextUpdateDue: string | null;
}

export function setCyberDecision(db: Db, key: CyberResponseKey, d: CyberDecisionRecord): void {
  stmt(db, `UPDATE cyber_alert_responses SET decision = ?, decision_reason = ?, decided_by = ?, decided_at = ?, expected_completion = ?, next_update_due = ?
    WHERE cyber_alert_id = ? AND organisation_id = ?`).run(d.decision, d.reason, d.by, d.at, d.expectedCompletion, d.nextUpdateDue, key.cyberAlertId, key.organisationId);
}

export interface CyberUpdateRecord {
  at: string;
  by: string;
  note: string;
  expectedCompletion: string | null;
}

/** Stores the update and moves the response's next-update date (and its expected completion, when the update gives one). */
export function insertCyberUpdate(db: Db, key: CyberResponseKey, u: CyberUpdateRecord, nextUpdateDue: string): void {
  stmt(db, 'INSERT INTO cyber_alert_updates (cyber_alert_id, organisation_id, at, by_user, note, expected_completion) VALUES (?, ?, ?, ?, ?, ?)').run(
    key.cyberAlertId, key.organisationId, u.at, u.by, u.note, u.expectedCompletion,
  );
  stmt(db, 'UPDATE cyber_alert_responses SET next_update_due = ?, expected_completion = COALESCE(?, expected_completion) WHERE cyber_alert_id = ? AND organisation_id = ?').run(
    nextUpdateDue, u.expectedCompletion, key.cyberAlertId, key.organisationId,
  );
}

/** One trust's updates on one alert, oldest first. */
export function listCyberUpdates(db: Db, key: CyberResponseKey): CyberUpdateRecord[] {
  return stmt(db, 'SELECT at, by_user AS "by", note, expected_completion AS "expectedCompletion" FROM cyber_alert_updates WHERE cyber_alert_id = ? AND organisation_id = ? ORDER BY at, id').all(
    key.cyberAlertId, key.organisationId,
  ) as CyberUpdateRecord[];
}

/** Closes the response; no update is due after it. */
export function closeCyberResponse(db: Db, key: CyberResponseKey, by: string, at: string, note: string): void {
  stmt(db, 'UPDATE cyber_alert_responses SET closed_at = ?, closed_by = ?, closure_note = ?, next_update_due = NULL WHERE cyber_alert_id = ? AND organisation_id = ?').run(
    at, by, note, key.cyberAlertId, key.organisationId,
  );
}
