/**
 * Walks the audit log in id order and recomputes each entry's hash from the one
 * before, as appendAudit wrote it. An edited row, a removed row or a re-hashed
 * row all show at the first entry that no longer fits. Removing the newest rows
 * leaves a shorter chain that still verifies, so the head hash is returned for
 * keeping elsewhere (e.g. in the DSPT evidence) and comparing next time.
 *
 * Machine-raised alerts have no entry of their own: an alert run's one entry
 * names how many alerts it raised or cleared and the digest of their keys
 * (alert-runs.ts), and each alert links to it. So the chain proves those
 * alerts too, the links are checked against the entries: an alert row removed,
 * added or re-linked shows at the run entry it no longer matches.
 */
import { ALERT_RUN, alertsLinkedToRuns, type LinkedAlerts, type RunLink } from './alert-runs.js';
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

/** What an alert run's entry says of the alerts linking to it, and how they link. */
interface RunClaim extends LinkedAlerts {
  id: number;
  link: RunLink;
}

const LINK_OF: Record<string, RunLink> = { raise: 'raised', 'auto-resolve': 'resolved' };

/** What an alert run's entry (already verified) claims; undefined for an action that links no alerts. */
function runClaim(r: AuditRow, after: unknown): RunClaim | undefined {
  const link = LINK_OF[r.action];
  const said = after as { count?: unknown; keys?: unknown } | undefined;
  return link && said ? { id: r.id, link, count: Number(said.count), keys: String(said.keys) } : undefined;
}

/** The first run entry whose linked alerts are not those it names, or an alert linked to an entry that is no run's, with why. */
function brokenRunLink(db: Db, claims: readonly RunClaim[]): { entryId: number; reason: string } | undefined {
  const linked = alertsLinkedToRuns(db);
  for (const claim of claims) {
    const found = linked[claim.link].get(claim.id) ?? { count: 0, keys: '' };
    linked[claim.link].delete(claim.id);
    if (found.count !== claim.count || found.keys !== claim.keys) {
      return { entryId: claim.id, reason: `the alerts linked to this alert run as ${claim.link} are not the ones it names: ${found.count} linked, ${claim.count} named (an alert row removed, added or re-linked)` };
    }
  }
  const stray = [...linked.raised, ...linked.resolved].map(([id]) => id).sort((a, b) => a - b)[0];
  return stray === undefined ? undefined : { entryId: stray, reason: 'alerts link to this entry as their raising or clearing run, but it is no alert run' };
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
  const claims: RunClaim[] = [];
  for (const r of rows) {
    const reason = checkEntry(r, prev, count + 1);
    if (reason) {
      rows.return?.();
      return { ok: false, entryId: r.id, reason, checked: count };
    }
    const claim = r.entity === ALERT_RUN ? runClaim(r, parseStored(r.after)?.value) : undefined;
    if (claim) claims.push(claim);
    prev = r.hash;
    count += 1;
  }
  const broken = brokenRunLink(db, claims);
  // Every entry before the one named verified (the ids have no gap).
  if (broken) return { ok: false, ...broken, checked: broken.entryId - 1 };
  return { ok: true, count, head: prev };
}
