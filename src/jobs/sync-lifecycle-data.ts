import { syncKevInForce } from '../cyber/update-kev.js';
import { syncRulesInForce } from '../estate/update-lifecycle-data.js';
import type { Job } from './job.js';

/**
 * `estatewatch data update --apply` runs in its own process, and an ICS runs
 * several hubs on one database: each hub checks every minute for an update it
 * does not use yet, lifecycle data (loaded, the estate re-judged once) or a
 * newer KEV catalogue (loaded; marks are worked out as lists are read).
 * Quiet when nothing changed.
 */
export const syncLifecycleDataJob: Job = {
  name: 'sync-lifecycle-data',
  cron: '* * * * *',
  everyHub: true,
  run: (deps) => {
    const rules = syncRulesInForce(deps);
    const kev = syncKevInForce(deps);
    if (!rules && !kev) return undefined;
    return { ...(rules && { rules: 'reloaded', update: deps.evaluator.dataUpdateId }), ...(kev && { kev: deps.kev?.version ?? null, kevUpdate: deps.kev?.updateId ?? null }) };
  },
};
