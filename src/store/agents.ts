import type { Db } from './db.js';
import { inScope, type OrgScope } from './organisations.js';
import { insertReturningId, stmt } from './statements.js';

export function insertEnrolmentSecret(db: Db, s: { secretHash: string; label: string; createdBy: number | null; organisationId: number; now: string; expiresAt: string }): number {
  return insertReturningId(db, 'INSERT INTO enrolment_secrets (secret_hash, label, created_by, organisation_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    s.secretHash, s.label, s.createdBy, s.organisationId, s.now, s.expiresAt,
  );
}

/** An enrolment secret that is neither expired nor revoked, and the trust its agents report for. */
export function findUsableEnrolmentSecret(db: Db, secretHash: string, now: string): { id: number; organisationId: number } | undefined {
  return stmt(db, 'SELECT id, organisation_id AS organisationId FROM enrolment_secrets WHERE secret_hash = ? AND expires_at > ? AND revoked_at IS NULL').get(secretHash, now) as
    | { id: number; organisationId: number }
    | undefined;
}

export function insertAgent(db: Db, a: { tokenHash: string; hostname: string; enrolmentSecretId: number; organisationId: number; now: string }): number {
  return insertReturningId(db, 'INSERT INTO agents (token_hash, hostname, enrolment_secret_id, organisation_id, enrolled_at) VALUES (?, ?, ?, ?, ?)',
    a.tokenHash, a.hostname, a.enrolmentSecretId, a.organisationId, a.now,
  );
}

export interface AgentCredential {
  id: number;
  revokedAt: string | null;
  /** The trust this agent reports for. */
  organisationId: number;
}

/** The agent holding this token, revoked or not, so a revoked agent can be told why it is refused. */
export function findAgentByTokenHash(db: Db, tokenHash: string): AgentCredential | undefined {
  return stmt(db, 'SELECT id, revoked_at AS revokedAt, organisation_id AS organisationId FROM agents WHERE token_hash = ?').get(tokenHash) as AgentCredential | undefined;
}

/** An enrolled agent as admins see it; never its token hash. */
export interface AgentSummary {
  id: number;
  /** The ODS code of the trust it reports for. */
  organisation: string;
  hostname: string;
  enrolledAt: string;
  lastReportAt: string | null;
  revokedAt: string | null;
}

const SUMMARY = `SELECT a.id, o.code AS organisation, a.hostname, a.enrolled_at AS enrolledAt, a.last_report_at AS lastReportAt, a.revoked_at AS revokedAt
  FROM agents a JOIN organisations o ON o.id = a.organisation_id`;

/** The agents of the trusts in scope. */
export function listAgents(db: Db, org: OrgScope): AgentSummary[] {
  return stmt(db, `${SUMMARY} WHERE ${inScope('a.organisation_id')} ORDER BY a.id`).all({ org }) as AgentSummary[];
}

export function findAgent(db: Db, agentId: number, org: OrgScope): AgentSummary | undefined {
  return stmt(db, `${SUMMARY} WHERE a.id = @agentId AND ${inScope('a.organisation_id')}`).get({ agentId, org }) as AgentSummary | undefined;
}

export function revokeAgent(db: Db, agentId: number, now: string): boolean {
  return stmt(db, 'UPDATE agents SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, agentId).changes === 1;
}

export function touchAgent(db: Db, agentId: number, now: string): void {
  stmt(db, 'UPDATE agents SET last_report_at = ? WHERE id = ?').run(now, agentId);
}

/** Whether the agent exists and has not been revoked. */
export function isLiveAgent(db: Db, agentId: number): boolean {
  return stmt(db, 'SELECT 1 FROM agents WHERE id = ? AND revoked_at IS NULL').get(agentId) !== undefined;
}

/** Asked on every agent report: by the assets_agent index (exported so a test can read its plan). */
export const MACHINE_OF_AGENT_SQL = 'SELECT id FROM assets WHERE agent_id = @agentId ORDER BY id LIMIT 1';

/** The asset an agent reports (the first machine it reported), if any. */
export function machineOfAgent(db: Db, agentId: number): number | undefined {
  return (stmt(db, MACHINE_OF_AGENT_SQL).get({ agentId }) as { id: number } | undefined)?.id;
}
