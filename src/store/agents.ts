import type { Db } from './db.js';
import { insertReturningId, stmt } from './statements.js';

export function insertEnrolmentSecret(db: Db, s: { secretHash: string; label: string; createdBy: number | null; now: string; expiresAt: string }): number {
  return insertReturningId(db, 'INSERT INTO enrolment_secrets (secret_hash, label, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    s.secretHash, s.label, s.createdBy, s.now, s.expiresAt,
  );
}

/** The id of an enrolment secret that is neither expired nor revoked. */
export function findUsableEnrolmentSecret(db: Db, secretHash: string, now: string): number | undefined {
  const r = stmt(db, 'SELECT id FROM enrolment_secrets WHERE secret_hash = ? AND expires_at > ? AND revoked_at IS NULL').get(secretHash, now) as
    | { id: number }
    | undefined;
  return r?.id;
}

export function insertAgent(db: Db, a: { tokenHash: string; hostname: string; enrolmentSecretId: number; now: string }): number {
  return insertReturningId(db, 'INSERT INTO agents (token_hash, hostname, enrolment_secret_id, enrolled_at) VALUES (?, ?, ?, ?)',
    a.tokenHash, a.hostname, a.enrolmentSecretId, a.now,
  );
}

/** The agent holding this token, revoked or not, so a revoked agent can be told why it is refused. */
export function findAgentByTokenHash(db: Db, tokenHash: string): { id: number; revokedAt: string | null } | undefined {
  return stmt(db, 'SELECT id, revoked_at AS revokedAt FROM agents WHERE token_hash = ?').get(tokenHash) as { id: number; revokedAt: string | null } | undefined;
}

/** An enrolled agent as admins see it; never its token hash. */
export interface AgentSummary {
  id: number;
  hostname: string;
  enrolledAt: string;
  lastReportAt: string | null;
  revokedAt: string | null;
}

const SUMMARY_COLUMNS = 'id, hostname, enrolled_at AS enrolledAt, last_report_at AS lastReportAt, revoked_at AS revokedAt';

export function listAgents(db: Db): AgentSummary[] {
  return stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM agents ORDER BY id`).all() as AgentSummary[];
}

export function findAgent(db: Db, agentId: number): AgentSummary | undefined {
  return stmt(db, `SELECT ${SUMMARY_COLUMNS} FROM agents WHERE id = ?`).get(agentId) as AgentSummary | undefined;
}

export function revokeAgent(db: Db, agentId: number, now: string): boolean {
  return stmt(db, 'UPDATE agents SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, agentId).changes === 1;
}

export function touchAgent(db: Db, agentId: number, now: string): void {
  stmt(db, 'UPDATE agents SET last_report_at = ? WHERE id = ?').run(now, agentId);
}
