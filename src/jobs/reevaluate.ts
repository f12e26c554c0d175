import { evaluateAlerts } from '../alerts/evaluate-alerts.js';
import { reevaluateEstate } from '../estate/reevaluate-estate.js';
import { syncRulesInForce } from '../estate/update-lifecycle-data.js';
import type { Job } from './job.js';

/**
 * Dates pass: an item supported yesterday may be ending soon today. Re-judges
 * once a day, just after midnight, and re-runs the alert rules on the new verdicts.
 * It first takes up any lifecycle-data update this hub has not loaded yet, so
 * the day's verdicts never come from older data than another process applied.
 */
export const reevaluateJob: Job = {
  name: 'reevaluate-estate',
  cron: '5 0 * * *',
  run: (deps) => {
    syncRulesInForce(deps);
    const verdicts = reevaluateEstate(deps.db, deps.evaluator);
    return { verdicts, alerts: verdicts.skipped ? undefined : evaluateAlerts(deps.db, deps.alertRules, deps.now()) };
  },
};
