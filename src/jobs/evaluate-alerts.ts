import { evaluateAlerts } from '../alerts/evaluate-alerts.js';
import { reopenExpiredSuppressions } from '../store/alerts.js';
import { inTransaction } from '../store/statements.js';
import type { Job } from './job.js';

/**
 * Hourly over the whole estate: conditions that depend on time (an agent gone
 * silent), estate-wide rules (unknown software spreading) and verdicts that
 * changed with the day. Expired suppressions re-open first, so a re-opened
 * alert whose condition has cleared is resolved in the same run.
 */
export const evaluateAlertsJob: Job = {
  name: 'evaluate-alerts',
  cron: '15 * * * *',
  run: (deps) => {
    const now = deps.now();
    const reopened = inTransaction(deps.db, () => reopenExpiredSuppressions(deps.db, now.toISOString()));
    return { reopened, ...evaluateAlerts(deps.db, deps.alertRules, now) };
  },
};
