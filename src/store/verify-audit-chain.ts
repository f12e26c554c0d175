/**
 * Walks the audit log in id order and recomputes each entry's hash from the one
 * before, as appendAudit wrote it. An edited row, a removed row or a re-hashed
 * row all show at the first entry that no longer fits. Removing the newest rows
 * leaves a shorter chain that still verifies, so the head hash is returned for
 * keeping elsewhere (e.g. in the DSPT evidence) and comparing next time.
 */
import { AUDIT_GENESIS, auditHash } from './audit-log.js';
import type { Db } from './db.js';

export type AuditChainResult =
  | { ok: true; count: number; head: string }
  | { ok: false; entryId: number; reason: string; checked: number };

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** before/after as appendAudit was given them (null columns were `undefined`); a value that is not JSON is a break. */
function parseStored(v: string | null): { value: unknown } | undefined {
  if (v === null) return { value: undefined };
  try {
    return { value: JSON.parse(v) as unknown };
  } catch {
    return undefined;
  }
}

/** Why this row does not follow `prev` (the previous hash, `expectedId` its id + 1), or undefined if it does. */
function checkEntry(r: AuditRow, prev: string, expectedId: number): string | undefined {
  if (r.id !== expectedId) return `a gap in the ids: expected entry #${expectedId} next, found #${r.id} (entries removed)`;
  if (r.prev_hash !== prev) return `prev_hash ${r.prev_hash.slice(0, 12)}… does not match the previous entry's hash ${prev.slice(0, 12)}…`;
  const before = parseStored(r.before);
  const after = parseStored(r.after);
  if (!before || !after) return 'before/after is not valid JSON';
  const entry = { at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, before: before.value, after: after.value };
  if (auditHash(prev, entry) !== r.hash) return 'its hash does not match its contents (the entry was changed)';
  return undefined;
}

export function verifyAuditChain(db: Db): AuditChainResult {
  // iterate(): one row at a time, so a long log is never all in memory.
  const rows = db.prepare('SELECT id, at, actor, action, entity, entity_id, before, after, prev_hash, hash FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>;
  let prev = AUDIT_GENESIS;
  let count = 0;
  for (const r of rows) {
    const reason = checkEntry(r, prev, count + 1);
    if (reason) {
      rows.return?.();
      return { ok: false, entryId: r.id, reason, checked: count };
    }
    prev = r.hash;
    count += 1;
  }
  return { ok: true, count, head: prev };
}
