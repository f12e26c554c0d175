/**
 * What GET /metrics reads from the database at each scrape: the estate
 * summary's asset counts and the kept alert_counts, never the installs or the
 * alerts themselves, so frequent scrapes cost the hub little.
 */
import { SEVERITIES, type Severity } from '../alerts/alert-rule-schema.js';
import { alertCounts, LIVE_STATUSES } from './alert-queries.js';
import type { Db } from './db.js';
import { estateSummary, type StatusCounts } from './estate-queries.js';
import { getHubState, setHubState } from './hub-state.js';
import { inSnapshot } from './statements.js';

/** hub_state key: how long the last hourly run of the alert rules over the estate took. */
const ALERT_EVALUATION_MS = 'alert-evaluation-ms';

export interface MetricGauges {
  assetsByOsStatus: StatusCounts;
  liveAlertsBySeverity: Record<Severity, number>;
  /** Undefined until the hourly evaluation has run once on this database. */
  alertEvaluationSeconds: number | undefined;
}

/**
 * Kept in the database, not in the hub's memory: the job that measures it
 * holds the hub's dependencies, not its app, and a restarted hub still has it.
 */
export function recordAlertEvaluation(db: Db, ms: number): void {
  setHubState(db, ALERT_EVALUATION_MS, String(ms));
}

/** The gauges as of one moment (one read transaction). */
export function readMetricGauges(db: Db): MetricGauges {
  return inSnapshot(db, () => {
    const alerts = alertCounts(db, { org: null });
    const ms = getHubState(db, ALERT_EVALUATION_MS);
    return {
      assetsByOsStatus: estateSummary(db, null).assetsByOsStatus,
      liveAlertsBySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, LIVE_STATUSES.reduce((n, status) => n + alerts[s][status], 0)])) as Record<Severity, number>,
      alertEvaluationSeconds: ms === undefined ? undefined : Number(ms) / 1000,
    };
  });
}
