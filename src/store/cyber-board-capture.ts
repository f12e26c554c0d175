/**
 * The cyber-alert read behind a board report's snapshot (src/report/capture-cyber.ts):
 * each machine an alert affects or affected, in scope, as one row per alert and
 * machine. A machine may carry several affected installs; it is still affected
 * while any of them is, and remediated when its last one left the list.
 */
import type { Db } from './db.js';
import { inScope, type OrgScope } from './organisations.js';
import { stmt } from './statements.js';

export interface CyberMachineCaptureRow {
  cyberAlertId: number;
  reference: string;
  assetId: number;
  hostname: string;
  /** The trust's ODS code. */
  organisation: string;
  /** The oldest `since` of its installs still affected; null once none is. */
  affectedSince: string | null;
  /** When its last affected install left the list; null while one is still affected. */
  remediatedAt: string | null;
}

const AFFECTED = 'SUM(CASE WHEN m.remediated_at IS NULL THEN 1 ELSE 0 END)';

/** Machines still affected, and those whose last affected install left the list at or after `since` (an instant). */
export function listCyberMachinesSince(db: Db, org: OrgScope, since: string): CyberMachineCaptureRow[] {
  const rows = stmt(db, `SELECT m.cyber_alert_id AS "cyberAlertId", c.reference, m.asset_id AS "assetId", a.hostname, o.code AS organisation,
      MIN(CASE WHEN m.remediated_at IS NULL THEN m.since END) AS "affectedSince",
      CASE WHEN ${AFFECTED} = 0 THEN MAX(m.remediated_at) END AS "remediatedAt"
    FROM cyber_alert_machines m JOIN cyber_alerts c ON c.id = m.cyber_alert_id JOIN assets a ON a.id = m.asset_id JOIN organisations o ON o.id = a.organisation_id
    WHERE ${inScope('a.organisation_id')}
    GROUP BY m.cyber_alert_id, c.reference, m.asset_id, a.hostname, o.code
    HAVING ${AFFECTED} > 0 OR MAX(m.remediated_at) >= @since
    ORDER BY c.reference, o.code, a.hostname, m.asset_id`).all({ org, since }) as CyberMachineCaptureRow[];
  return rows.map((r) => ({ ...r, cyberAlertId: Number(r.cyberAlertId), assetId: Number(r.assetId) }));
}
