/**
 * Agent enrolment: an admin makes a short-lived secret for an IT team, good for
 * as many machines as it says (one by default); each agent trades one use for
 * its own token, naming the machine it runs on. Only hashes are stored. A
 * revoked agent's holder cannot simply enrol again: the secret is spent, and
 * on a hub that approves new agents a new one waits for an admin.
 */
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { insertAgent, insertEnrolmentSecret, spendEnrolmentUse } from '../store/agents.js';
import { insertNotification } from '../store/notifications.js';
import { inTransaction } from '../store/statements.js';
import { generateToken, hashToken } from './tokens.js';

/** The most machines one secret may enrol: a trust-wide rollout, not an open door. */
export const MAX_ENROLMENT_USES = 5000;

export interface NewEnrolmentSecret {
  label: string;
  /** The admin making it (null from the CLI), and how the audit log names them. */
  createdBy: number | null;
  by: string;
  /** The trust its agents report for. */
  organisationId: number;
  /** How many agents it may enrol. */
  uses: number;
  now: Date;
  days: number;
}

/** A secret whose agents report for `organisationId`'s trust; audited, never stored in the clear. */
export function createEnrolmentSecret(db: Db, o: NewEnrolmentSecret): { id: number; secret: string; expiresAt: string; uses: number } {
  const secret = generateToken('ewe');
  const expiresAt = new Date(o.now.getTime() + o.days * 86_400_000).toISOString();
  const at = o.now.toISOString();
  const id = inTransaction(db, () => {
    const inserted = insertEnrolmentSecret(db, { secretHash: hashToken(secret), label: o.label, createdBy: o.createdBy, organisationId: o.organisationId, maxUses: o.uses, now: at, expiresAt });
    appendAudit(db, { at, actor: o.by, action: 'create', entity: 'enrolment-secret', entityId: String(inserted), after: { label: o.label, uses: o.uses, expiresAt, organisationId: o.organisationId } });
    return inserted;
  });
  return { id, secret, expiresAt, uses: o.uses };
}

export interface Enrolment {
  secret: string;
  /** The machine the agent runs on: its reports must name it. */
  hostname: string;
  now: Date;
  /** The hub holds new agents for an admin's approval (ESTATEWATCH_APPROVE_NEW_AGENTS). */
  approvalRequired: boolean;
}

/**
 * A new agent and its token, or undefined when the secret is unknown, expired,
 * revoked or used up. Spending the use, the agent and its audit entry are one
 * transaction; an agent held for approval is told to the admins.
 */
export function enrolAgent(db: Db, e: Enrolment): { agentId: number; token: string; approved: boolean } | undefined {
  const at = e.now.toISOString();
  return inTransaction(db, () => {
    const secret = spendEnrolmentUse(db, hashToken(e.secret), at);
    if (secret === undefined) return undefined;
    const token = generateToken('ewa');
    const approvedAt = e.approvalRequired ? null : at;
    const agentId = insertAgent(db, { tokenHash: hashToken(token), hostname: e.hostname, enrolmentSecretId: secret.id, organisationId: secret.organisationId, now: at, approvedAt });
    appendAudit(db, { at, actor: `enrolment secret #${secret.id}`, action: 'enrol', entity: 'agent', entityId: String(agentId), after: { hostname: e.hostname, approvedAt } });
    if (approvedAt === null) {
      insertNotification(db, {
        recipientRole: 'admin', organisationId: secret.organisationId, at, link: '/admin/agents',
        text: `Agent #${agentId} enrolled as ${e.hostname} with the secret "${secret.label}" and waits for approval; its reports are held until an admin approves it.`,
      });
    }
    return { agentId, token, approved: approvedAt !== null };
  });
}
