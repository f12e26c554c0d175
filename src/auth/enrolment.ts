/**
 * Agent enrolment: an admin makes a short-lived secret for an IT team; each
 * agent trades it once for its own token. Only hashes are stored.
 */
import type { Db } from '../store/db.js';
import { findUsableEnrolmentSecret, insertAgent, insertEnrolmentSecret } from '../store/agents.js';
import { generateToken, hashToken } from './tokens.js';

/** A secret whose agents report for `organisationId`'s trust. */
export function createEnrolmentSecret(db: Db, o: { label: string; createdBy: number | null; organisationId: number; now: Date; days: number }): { secret: string; expiresAt: string } {
  const secret = generateToken('ewe');
  const expiresAt = new Date(o.now.getTime() + o.days * 86_400_000).toISOString();
  insertEnrolmentSecret(db, { secretHash: hashToken(secret), label: o.label, createdBy: o.createdBy, organisationId: o.organisationId, now: o.now.toISOString(), expiresAt });
  return { secret, expiresAt };
}

/** A new agent and its token, or undefined when the secret is unknown, expired or revoked. */
export function enrolAgent(db: Db, secret: string, hostname: string, now: Date): { agentId: number; token: string } | undefined {
  const usable = findUsableEnrolmentSecret(db, hashToken(secret), now.toISOString());
  if (usable === undefined) return undefined;
  const token = generateToken('ewa');
  const agentId = insertAgent(db, { tokenHash: hashToken(token), hostname, enrolmentSecretId: usable.id, organisationId: usable.organisationId, now: now.toISOString() });
  return { agentId, token };
}
