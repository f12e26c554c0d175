import { evaluateAlerts } from '../alerts/evaluate-alerts.js';
import { reevaluateEstate } from '../estate/reevaluate-estate.js';
import type { Job } from './job.js';

/**
 * Dates pass: an item supported yesterday may be ending soon today. Re-judges
 * once a day, just after midnight, and re-runs the alert rules on the new verdicts.
 */
export const reevaluateJob: Job = {
  name: 'reevaluate-estate',
  cron: '5 0 * * *',
  run: (deps) => {
    const verdicts = reevaluateEstate(deps.db, deps.evaluator);
    return { verdicts, alerts: verdicts.skipped ? undefined : evaluateAlerts(deps.db, deps.alertRules, deps.now()) };
  },
};
