/**
 * A cyber alert's audit trail as its page shows it: the alert's own entries
 * (added on the hub, a hazard raised from it) and the responses of the trusts
 * the reader sees, oldest first. Responses are audited per trust as
 * "REFERENCE/ODS" (respond-to-cyber-alert.ts), so another trust's never shows.
 */
import type { AuditTrailEntry } from './audit-log.js';
import type { Db } from './db.js';
import { dialectOf, jsonValues, perDialect } from './dialect.js';
import { stmt } from './statements.js';

const TRAIL = perDialect((d) => `SELECT id, at, actor, action, before, after FROM audit_log
  WHERE (entity = 'cyber-alert' AND entity_id = @reference) OR (entity = 'cyber-alert-response' AND entity_id IN ${jsonValues(d, '@responses')})
  ORDER BY id`);

const parseFields = (json: string | null): Record<string, unknown> | null => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

/** `organisations`: the ODS codes of the trusts in the reader's scope. */
export function listCyberAlertAudit(db: Db, reference: string, organisations: readonly string[]): AuditTrailEntry[] {
  const responses = JSON.stringify(organisations.map((o) => `${reference}/${o}`));
  const rows = stmt(db, TRAIL[dialectOf(db)]).all({ reference, responses }) as (Omit<AuditTrailEntry, 'before' | 'after'> & { before: string | null; after: string | null })[];
  return rows.map((e) => ({ ...e, id: Number(e.id), before: parseFields(e.before), after: parseFields(e.after) }));
}
