/**
 * The append-only audit log: who changed what, when, before and after. Each
 * entry's hash covers the previous entry's hash, so an edited or removed row
 * breaks the chain from that point on (triggers also refuse UPDATE and DELETE).
 */
import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import { dialectOf, jsonTextField, jsonValues, perDialect } from './dialect.js';
import { insertReturningId, stmt } from './statements.js';

export const AUDIT_GENESIS = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  /** A username, or "system" for the hub's own changes (auto-resolve, expiry). */
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export function auditHash(prevHash: string, e: AuditEntry): string {
  const body = JSON.stringify([e.at, e.actor, e.action, e.entity, e.entityId, e.before ?? null, e.after ?? null]);
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** The newest entry's id and hash: which changes a figure taken now reflects. Null on an empty log. */
export function auditHead(db: Db): { id: number; hash: string } | null {
  return (stmt(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined) ?? null;
}

/**
 * How many changes to these kinds of record were audited after entry `afterId`
 * (after none: all of them). An entry for a run of records (entity "alert-run":
 * the alerts one evaluation raised or cleared, audited together) counts as the
 * records it changed, its `after.count`, as their entries one by one did.
 */
export function countAuditSince(db: Db, afterId: number | null, entities: readonly string[]): number {
  return (stmt(db, COUNT_SINCE[dialectOf(db)]).get({ after: afterId ?? 0, entities: JSON.stringify(entities), runs: JSON.stringify(entities.map(runOf)) }) as { n: number }).n;
}

/** The entity of an entry that audits a run of `entity` records together ("alert" → "alert-run"). */
export const runOf = (entity: string) => `${entity}-run`;

const COUNT_SINCE = perDialect((d) => `SELECT coalesce(sum(CASE WHEN entity IN ${jsonValues(d, '@runs')} THEN CAST(${jsonTextField(d, 'after', 'count')} AS bigint) ELSE 1 END), 0) AS n
    FROM audit_log WHERE id > @after AND (entity IN ${jsonValues(d, '@entities')} OR entity IN ${jsonValues(d, '@runs')})`);

/** Appends one entry and returns its id; call inside the transaction that makes the change, so both land or neither. */
export function appendAudit(db: Db, e: AuditEntry): number {
  const prev = auditHead(db)?.hash ?? AUDIT_GENESIS;
  return insertReturningId(db, 'INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    e.at, e.actor, e.action, e.entity, e.entityId,
    e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after),
    prev, auditHash(prev, e));
}

/** One audit entry as people read it: who, when, what, and the changed fields before and after. */
export interface AuditTrailEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const parseFields = (v: string | null) => (v === null ? null : (JSON.parse(v) as Record<string, unknown>));

/** One record's audit trail (alert, hazard, action, exception, device), oldest first. */
export function listAuditTrail(db: Db, entity: string, entityId: number): AuditTrailEntry[] {
  const rows = stmt(db, 'SELECT id, at, actor, action, before, after FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, String(entityId)) as
    (Omit<AuditTrailEntry, 'before' | 'after'> & { before: string | null; after: string | null })[];
  return rows.map((e) => ({ ...e, before: parseFields(e.before), after: parseFields(e.after) }));
}
