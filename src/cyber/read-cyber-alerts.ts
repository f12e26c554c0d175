/**
 * The cyber alerts as a reader sees them, for the API and the pages alike:
 * the list (known exploited first), and one alert with its machines and each
 * trust's updates, all within the reader's trust(s).
 */
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import { findCyberAlert, listCyberAlertMachines, listCyberAlerts, type CyberAlertMachine, type CyberAlertRow } from '../store/cyber-alerts.js';
import { listAllCyberResponses, listCyberResponses, listCyberUpdates, type CyberResponseRow, type CyberUpdateRecord } from '../store/cyber-alert-responses.js';
import { cyberAlertView, knownExploitedFirst, type CyberAlertView } from './cyber-alert-view.js';
import type { KevCatalogue } from './read-kev.js';

export function readCyberAlertList(db: Db, org: OrgScope, now: Date, kev: KevCatalogue | null | undefined): CyberAlertView[] {
  const responses = new Map<number, CyberResponseRow[]>();
  for (const r of listAllCyberResponses(db, org)) {
    const held = responses.get(r.cyberAlertId);
    if (held) held.push(r);
    else responses.set(r.cyberAlertId, [r]);
  }
  return knownExploitedFirst(listCyberAlerts(db, org).map((a) => cyberAlertView(a, responses.get(a.id) ?? [], now, kev)));
}

export interface CyberAlertDetail {
  row: CyberAlertRow;
  view: CyberAlertView;
  machines: CyberAlertMachine[];
  /** Each trust's remediation updates (ODS code → updates, oldest first), for the trusts in scope. */
  updates: Record<string, CyberUpdateRecord[]>;
  responses: CyberResponseRow[];
}

export function readCyberAlert(db: Db, reference: string, org: OrgScope, now: Date, kev: KevCatalogue | null | undefined): CyberAlertDetail | undefined {
  const row = findCyberAlert(db, reference, org);
  if (!row) return undefined;
  const responses = listCyberResponses(db, row.id, org);
  return {
    row,
    view: cyberAlertView(row, responses, now, kev),
    machines: listCyberAlertMachines(db, row.id, org),
    updates: Object.fromEntries(responses.map((r) => [r.organisation, listCyberUpdates(db, r)])),
    responses,
  };
}
