import type { AlertRule } from '../alerts/alert-rule-schema.js';
import type { OneAtATime } from '../auth/one-at-a-time.js';
import type { Config } from '../config.js';
import type { CompiledKnownDevice } from '../devices/load-known-devices.js';
import type { Evaluator } from '../estate/evaluator.js';
import type { KevCatalogue } from '../cyber/read-kev.js';
import type { StoredCyberAlert } from '../store/cyber-alerts.js';
import type { Db } from '../store/db.js';
import type { Session } from '../store/sessions.js';
import type { HubMetrics } from './metrics.js';

/** Everything the hub's routes need, passed in so tests build their own. */
export interface HubDeps {
  db: Db;
  evaluator: Evaluator;
  config: Config;
  now: () => Date;
  /** The alert rules in force (rules/alerts/), run after each ingest and by the jobs. */
  alertRules: readonly AlertRule[];
  /** Known fax/pager/modem hardware (rules/devices/), which classifies devices at ingest. */
  knownDevices: readonly CompiledKnownDevice[];
  /** The cyber alerts in force (rules/cyber-alerts/, stored at start), whose affected installs each ingest refreshes; none until prepareHub loads them. */
  cyberAlerts?: readonly StoredCyberAlert[];
  /**
   * CISA's KEV catalogue in force: the newer of ESTATEWATCH_KEV_FILE and the one stored by
   * `data update`, chosen at start; replaced while running when another process stores a
   * newer one (jobs/sync-lifecycle-data.ts), so read it per request. Null or absent: none configured.
   */
  kev?: KevCatalogue | null;
}

/** Values middleware puts on the request context. */
export interface HubEnv {
  Variables: {
    deps: HubDeps;
    /** This app's counters for GET /metrics. */
    metrics: HubMetrics;
    /** This app's board-report PDFs, printed one at a time (web/board-report-routes.tsx). */
    pdfQueue: OneAtATime;
    session?: Session;
    agentId?: number;
    /** The trust the authenticated agent reports for. */
    agentOrganisationId?: number;
  };
}
