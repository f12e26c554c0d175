/**
 * The cyber alerts a hazard is exposed to: those still affecting a machine the
 * hazard links to (issue 23, point 5). Read through the machines, not stored on
 * the hazard, so the list changes by itself as machines are fixed or fall
 * affected again.
 */
import type { Db } from './db.js';
import { stmt } from './statements.js';

/** One still-affected machine the hazard links to, and the alert it carries. */
export interface HazardCyberAlertRow {
  reference: string;
  title: string;
  assetId: number;
  hostname: string;
}

/** By alert reference, then hostname; a machine with two affected installs of one alert is listed once. */
export function listHazardCyberAlerts(db: Db, hazardId: number): HazardCyberAlertRow[] {
  const rows = stmt(db, `SELECT DISTINCT c.reference, c.title, a.id AS "assetId", a.hostname
    FROM hazard_links l JOIN cyber_alert_machines m ON m.asset_id = l.target_id AND m.remediated_at IS NULL
    JOIN cyber_alerts c ON c.id = m.cyber_alert_id JOIN assets a ON a.id = m.asset_id
    WHERE l.hazard_id = ? AND l.kind = 'asset'
    ORDER BY c.reference, a.hostname, a.id`).all(hazardId) as HazardCyberAlertRow[];
  return rows.map((r) => ({ ...r, assetId: Number(r.assetId) }));
}
