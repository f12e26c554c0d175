import type { Job } from './job.js';
import { pruneHistoryJob } from './prune-history.js';
import { reevaluateJob } from './reevaluate.js';

/** Every scheduled job the hub runs; one line each. */
export const JOBS: readonly Job[] = [reevaluateJob, pruneHistoryJob];
