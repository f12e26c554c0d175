import { reevaluateEstate } from '../estate/reevaluate-estate.js';
import type { Job } from './job.js';

/** Dates pass: an item supported yesterday may be ending soon today. Re-judges once a day, just after midnight. */
export const reevaluateJob: Job = {
  name: 'reevaluate-estate',
  cron: '5 0 * * *',
  run: (deps) => reevaluateEstate(deps.db, deps.evaluator),
};
