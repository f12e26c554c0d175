import type { Db } from './db.js';
import { inScope, type OrgScope } from './organisations.js';
import { insertReturningId, stmt } from './statements.js';

export function insertEnrolmentSecret(db: Db, s: { secretHash: string; label: string; createdBy: number | null; organisationId: number; maxUses: number; now: string; expiresAt: string }): number {
  return insertReturningId(db, 'INSERT INTO enrolment_secrets (secret_hash, label, created_by, organisation_id, max_uses, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    s.secretHash, s.label, s.createdBy, s.organisationId, s.maxUses, s.now, s.expiresAt,
  );
}

/**
 * Spends one use of a secret that is neither expired, revoked nor used up, and
 * says which secret and trust it was. One guarded UPDATE, so two agents racing
 * for a secret's last use cannot both have it.
 */
export function spendEnrolmentUse(db: Db, secretHash: string, now: string): { id: number; organisationId: number; label: string } | undefined {
  const found = stmt(db, `SELECT id, organisation_id AS organisationId, label FROM enrolment_secrets
    WHERE secret_hash = ? AND expires_at > ? AND revoked_at IS NULL AND uses < max_uses`).get(secretHash, now) as { id: number; organisationId: number; label: string } | undefined;
  if (!found) return undefined;
  const spent = stmt(db, 'UPDATE enrolment_secrets SET uses = uses + 1 WHERE id = ? AND uses < max_uses AND revoked_at IS NULL').run(found.id).changes === 1;
  return spent ? found : undefined;
}

/** An enrolment secret as admins see it: never the secret, nor its hash. */
export interface EnrolmentSecretSummary {
  id: number;
  /** The ODS code of the trust its agents report for. */
  organisation: string;
  label: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  uses: number;
  maxUses: number;
}

const SECRET_SUMMARY = `SELECT s.id, o.code AS organisation, s.label, u.username AS createdBy, s.created_at AS createdAt, s.expires_at AS expiresAt,
    s.revoked_at AS revokedAt, s.uses, s.max_uses AS maxUses
  FROM enrolment_secrets s JOIN organisations o ON o.id = s.organisation_id LEFT JOIN users u ON u.id = s.created_by`;

/** The enrolment secrets of the trusts in scope, newest first. */
export function listEnrolmentSecrets(db: Db, org: OrgScope): EnrolmentSecretSummary[] {
  return stmt(db, `${SECRET_SUMMARY} WHERE ${inScope('s.organisation_id')} ORDER BY s.id DESC`).all({ org }) as EnrolmentSecretSummary[];
}

export function findEnrolmentSecret(db: Db, id: number, org: OrgScope): EnrolmentSecretSummary | undefined {
  return stmt(db, `${SECRET_SUMMARY} WHERE s.id = @id AND ${inScope('s.organisation_id')}`).get({ id, org }) as EnrolmentSecretSummary | undefined;
}

export function revokeEnrolmentSecret(db: Db, id: number, now: string): boolean {
  return stmt(db, 'UPDATE enrolment_secrets SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes === 1;
}

/** `approvedAt` null: the agent waits for an admin (ESTATEWATCH_APPROVE_NEW_AGENTS). */
export function insertAgent(db: Db, a: { tokenHash: string; hostname: string; enrolmentSecretId: number; organisationId: number; now: string; approvedAt: string | null }): number {
  return insertReturningId(db, 'INSERT INTO agents (token_hash, hostname, enrolment_secret_id, organisation_id, enrolled_at, approved_at) VALUES (?, ?, ?, ?, ?, ?)',
    a.tokenHash, a.hostname, a.enrolmentSecretId, a.organisationId, a.now, a.approvedAt,
  );
}

export interface AgentCredential {
  id: number;
  revokedAt: string | null;
  /** Null while the agent waits for an admin's approval. */
  approvedAt: string | null;
  /** The trust this agent reports for. */
  organisationId: number;
}

/** The agent holding this token, revoked or not, so a revoked agent can be told why it is refused. */
export function findAgentByTokenHash(db: Db, tokenHash: string): AgentCredential | undefined {
  return stmt(db, 'SELECT id, revoked_at AS revokedAt, approved_at AS approvedAt, organisation_id AS organisationId FROM agents WHERE token_hash = ?').get(tokenHash) as AgentCredential | undefined;
}

/** An enrolled agent as admins see it; never its token hash. */
export interface AgentSummary {
  id: number;
  /** The ODS code of the trust it reports for, and its id. */
  organisation: string;
  organisationId: number;
  /** The machine name it enrolled as (or an admin re-bound it to): its first report must name that machine. */
  hostname: string;
  /** The identity of the machine it reports, once it has reported one, and that asset's id. */
  machine: string | null;
  assetId: number | null;
  /** The agent version its latest report gave (migration 0029); null before its first report since. */
  version: string | null;
  enrolledAt: string;
  approvedAt: string | null;
  lastReportAt: string | null;
  revokedAt: string | null;
}

const SUMMARY = `SELECT a.id, o.code AS organisation, a.organisation_id AS organisationId, a.hostname, m.identity AS machine, m.id AS assetId, a.version,
    a.enrolled_at AS enrolledAt, a.approved_at AS approvedAt, a.last_report_at AS lastReportAt, a.revoked_at AS revokedAt
  FROM agents a JOIN organisations o ON o.id = a.organisation_id
  LEFT JOIN assets m ON m.id = (SELECT id FROM assets WHERE agent_id = a.id ORDER BY id LIMIT 1)`;

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

export function approveAgent(db: Db, agentId: number, now: string): boolean {
  return stmt(db, 'UPDATE agents SET approved_at = ? WHERE id = ? AND approved_at IS NULL AND revoked_at IS NULL').run(now, agentId).changes === 1;
}

/**
 * Re-binds an agent to the machine `hostname` names: the agent forgets the
 * machine it reported, and `assetId` (the named machine, when the hub holds
 * it) becomes its own.
 */
export function rebindAgent(db: Db, agentId: number, hostname: string, assetId: number | undefined): void {
  stmt(db, 'UPDATE agents SET hostname = ? WHERE id = ?').run(hostname, agentId);
  stmt(db, 'UPDATE assets SET agent_id = NULL WHERE agent_id = ?').run(agentId);
  if (assetId !== undefined) stmt(db, 'UPDATE assets SET agent_id = ? WHERE id = ?').run(agentId, assetId);
}

/** The machine name an agent enrolled as. */
export function enrolledNameOf(db: Db, agentId: number): string | undefined {
  return (stmt(db, 'SELECT hostname FROM agents WHERE id = ?').get(agentId) as { hostname: string } | undefined)?.hostname;
}

/**
 * Whether the security lead should be told now of a refusal of this agent's
 * (over budget, a revoked token in use): true unless told since `since`,
 * however many refusals. One guarded UPDATE, so parallel refusals agree on
 * which one tells.
 */
export function claimSecurityNotice(db: Db, agentId: number, now: string, since: string): boolean {
  return stmt(db, 'UPDATE agents SET security_told_at = ? WHERE id = ? AND (security_told_at IS NULL OR security_told_at <= ?)').run(now, agentId, since).changes === 1;
}

/** Records an accepted report: when, and the agent version it gave. */
export function touchAgent(db: Db, agentId: number, now: string, version: string): void {
  stmt(db, 'UPDATE agents SET last_report_at = ?, version = ? WHERE id = ?').run(now, version, agentId);
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
