import { syncRulesInForce } from '../estate/update-lifecycle-data.js';
import type { Job } from './job.js';

/**
 * `estatewatch data update --apply` runs in its own process, and an ICS runs
 * several hubs on one database: each hub checks every minute for an update it
 * does not judge with yet, loads it and re-judges once. Quiet when nothing changed.
 */
export const syncLifecycleDataJob: Job = {
  name: 'sync-lifecycle-data',
  cron: '* * * * *',
  everyHub: true,
  run: (deps) => (syncRulesInForce(deps) ? { rules: 'reloaded', update: deps.evaluator.dataUpdateId } : undefined),
};
