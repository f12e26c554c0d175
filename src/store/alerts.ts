/** What the alert engine finds and keeps live, and the expiry of suppressions (a run's bulk writes are in alert-runs.ts). */
import { appendAudit } from './audit-log.js';
import type { Db } from './db.js';
import type { Role } from './users.js';
import { bind, forAsset } from './alert-findings.js';
import { stmt } from './statements.js';

export interface Finding {
  ruleId: string;
  assetId: number | null;
  /** An estate-wide finding's trust (whose estate it is about); an asset's finding is its asset's trust's. */
  organisationId?: number;
  subject: string;
  severity: string;
  title: string;
  detail: string;
  /** Who must hear of it when it is raised, beyond the alerts list: an in-app notification to that role in the finding's trust, linking to `link`. */
  notify?: { role: Role; link: string };
}

export interface LiveAlert {
  id: number;
  ruleId: string;
  assetId: number | null;
  organisationId: number;
  subject: string;
  status: string;
  severity: string;
  title: string;
  detail: string;
}

/**
 * hub_state key: when the alert rules last ran over the whole estate. A live
 * alert was last seen then (or when its evidence last changed, if later):
 * stamping every live alert each hour would rewrite millions of rows.
 */
export const ALERTS_CHECKED_AT = 'alerts-checked-at';

/** One live alert per rule × asset × subject; an estate-wide one per rule × trust × subject. */
export const findingKey = (f: { ruleId: string; assetId: number | null; organisationId?: number; subject: string }) =>
  `${f.ruleId}\u0000${f.assetId ?? `trust ${f.organisationId}`}\u0000${f.subject}`;

/** Alerts not yet resolved, for one asset (estate-wide ones excluded) or for the whole estate (null). */
export function listLiveAlerts(db: Db, asset: number | null): LiveAlert[] {
  return stmt(db, `SELECT id, rule_id AS ruleId, asset_id AS assetId, organisation_id AS organisationId, subject, status, severity, title, detail FROM alerts
      WHERE status <> 'resolved' AND ${forAsset(asset, 'asset_id')}`).all(bind(asset)) as LiveAlert[];
}

/** Suppressions whose date has passed: the alert is open again, for a person to look at. */
export function reopenExpiredSuppressions(db: Db, now: string): number {
  const expired = stmt(db, "SELECT id, suppressed_until AS until FROM alerts WHERE status = 'suppressed' AND suppressed_until <= ?").all(now) as { id: number; until: string }[];
  for (const a of expired) {
    stmt(db, "UPDATE alerts SET status = 'open', suppressed_until = NULL, suppress_reason = NULL WHERE id = ?").run(a.id);
    appendAudit(db, { at: now, actor: 'system', action: 'suppression-expired', entity: 'alert', entityId: String(a.id), before: { status: 'suppressed', suppressedUntil: a.until }, after: { status: 'open' } });
  }
  return expired.length;
}
