/**
 * The snapshot's alerts: live ones counted exactly by status, severity and age
 * from the alerts_status index, with each cell's oldest rows read by the same
 * index; those resolved this month read whole (a month's resolutions, not the
 * estate's backlog) for the mean time to resolve.
 */
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import { countAlertsRaisedBetween, listAlertsResolvedSince, oldestAlertsRaisedBetween, type AlertRow } from '../store/posture-capture.js';
import { ageBands, alertAge } from './alert-age.js';
import { ALERT_ROWS_PER_CELL, alertSampleOf, oldestPerCell, type AlertCell, type AlertSample } from './alert-sample.js';
import { SEVERITIES } from './posture-figures.js';
import type { AlertEvidence } from './posture-evidence.js';

/** The live states and the statuses each gathers: an acknowledged alert is still open. */
const LIVE_STATES = [['open', ['open', 'acknowledged']], ['suppressed', ['suppressed']]] as const;

export function captureAlerts(db: Db, org: OrgScope, now: Date, monthStart: string): AlertSample {
  const cells: AlertCell[] = [];
  const rows: AlertEvidence[] = [];
  for (const [state, statuses] of LIVE_STATES) {
    for (const severity of SEVERITIES) {
      for (const { age, after, upTo } of ageBands(now)) {
        const count = statuses.reduce((n, status) => n + countAlertsRaisedBetween(db, org, status, severity, after, upTo), 0);
        if (!count) continue;
        cells.push({ state, severity, age, count });
        for (const status of statuses) {
          for (const r of oldestAlertsRaisedBetween(db, org, status, severity, after, upTo, ALERT_ROWS_PER_CELL)) rows.push(toAlert(r, now));
        }
      }
    }
  }
  const resolved = alertSampleOf(listAlertsResolvedSince(db, org, monthStart).map((r) => toAlert(r, now)), ALERT_ROWS_PER_CELL);
  return {
    cells: [...cells, ...resolved.cells],
    // Open and acknowledged each gave a cell's oldest: keep the oldest of both.
    rows: oldestPerCell([...rows, ...resolved.rows], ALERT_ROWS_PER_CELL),
    perCell: ALERT_ROWS_PER_CELL,
    hoursToResolve: resolved.hoursToResolve,
  };
}

/** A resolved alert's age is how long it was open; a live one's, how long it has been. */
function toAlert(r: AlertRow, now: Date): AlertEvidence {
  const end = r.resolvedAt ? Date.parse(r.resolvedAt) : now.getTime();
  return {
    alertId: r.alertId, rule: r.rule, severity: r.severity, title: r.title, hostname: r.hostname ?? '(estate-wide)',
    state: r.status === 'resolved' ? 'resolved-this-month' : r.status === 'suppressed' ? 'suppressed' : 'open',
    status: r.status, raisedAt: r.raisedAt, age: alertAge(Date.parse(r.raisedAt), end), acknowledgedAt: r.acknowledgedAt ?? '', resolvedAt: r.resolvedAt ?? '',
    hoursToResolve: r.resolvedAt ? Math.round((end - Date.parse(r.raisedAt)) / 360_000) / 10 : null,
  };
}
