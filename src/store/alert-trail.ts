/**
 * One alert's audit trail: what people did to it (its own entries), and its
 * raising and clearing by the hub, which since migration 0038 are audited once
 * per alert run (issue 24) in an entry the alert links to.
 */
import { ALERT_RUN } from './alert-runs.js';
import type { AuditTrailEntry } from './audit-log.js';
import type { Db } from './db.js';
import { stmt } from './statements.js';

type Row = Omit<AuditTrailEntry, 'before' | 'after'> & { entity: string; before: string | null; after: string | null };

const parse = (v: string | null) => (v === null ? null : (JSON.parse(v) as Record<string, unknown>));

/** Oldest first. A run's entry reads as this alert's part in it; the stored entry, its `id`, says the whole run. */
export function listAlertTrail(db: Db, alertId: number, ruleId: string): AuditTrailEntry[] {
  const rows = stmt(db, `SELECT id, at, actor, action, entity, before, after FROM audit_log WHERE entity = 'alert' AND entity_id = @key
      UNION ALL SELECT l.id, l.at, l.actor, l.action, l.entity, l.before, l.after FROM alerts a JOIN audit_log l ON l.id IN (a.raised_audit_id, a.resolved_audit_id)
      WHERE a.id = @id ORDER BY id`).all({ key: String(alertId), id: alertId }) as Row[];
  return rows.map(({ entity, ...e }) => (entity === ALERT_RUN ? runPart(e, ruleId) : { ...e, before: parse(e.before), after: parse(e.after) }));
}

/** A run's entry as one alert's raising or clearing: its status, its rule's reason to clear, and how many the run took with it. */
function runPart(e: Omit<Row, 'entity'>, ruleId: string): AuditTrailEntry {
  const run = parse(e.after) ?? {};
  const together = `one of ${String(run.count)} ${e.action === 'raise' ? 'raised' : 'cleared'} in one run (audit entry #${e.id})`;
  const after = e.action === 'raise'
    ? { status: 'open', run: together }
    : { status: 'resolved', resolution: 'cleared', why: (run.why as Record<string, string> | undefined)?.[ruleId] ?? null, run: together };
  return { id: e.id, at: e.at, actor: e.actor, action: e.action, before: null, after };
}
