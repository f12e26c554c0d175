/**
 * Revoking an enrolment secret, from the Enrol agents page, the API or the
 * CLI: no agent may enrol with it again. Agents it already enrolled keep
 * their tokens; each is revoked on its own.
 */
import { appendAudit } from '../store/audit-log.js';
import { findEnrolmentSecret, revokeEnrolmentSecret, type EnrolmentSecretSummary } from '../store/agents.js';
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import { inTransaction } from '../store/statements.js';

export type SecretRevocation = { outcome: 'revoked'; secret: EnrolmentSecretSummary } | { outcome: 'already-revoked'; secret: EnrolmentSecretSummary } | { outcome: 'unknown' };

/** Revokes and audits in one transaction; a secret outside `org` is `unknown`. */
export function revokeEnrolmentSecretById(db: Db, id: number, org: OrgScope, by: string, now: Date): SecretRevocation {
  return inTransaction(db, () => {
    const secret = findEnrolmentSecret(db, id, org);
    if (!secret) return { outcome: 'unknown' };
    const at = now.toISOString();
    if (!revokeEnrolmentSecret(db, id, at)) return { outcome: 'already-revoked', secret };
    appendAudit(db, { at, actor: by, action: 'revoke', entity: 'enrolment-secret', entityId: String(id), before: { revokedAt: null }, after: { revokedAt: at, label: secret.label, uses: secret.uses } });
    return { outcome: 'revoked', secret: { ...secret, revokedAt: at } };
  });
}
