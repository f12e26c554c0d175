import { pruneJobRuns } from '../store/job-runs.js';
import { pruneHistory } from '../store/receipts.js';
import { deleteExpiredSessions } from '../store/sessions.js';
import type { Job } from './job.js';

/** Keeps the database bounded: receipts, change history and job runs past the retention period, and dead sessions. */
export const pruneHistoryJob: Job = {
  name: 'prune-history',
  cron: '20 3 * * *',
  run: (deps) => {
    const now = deps.now();
    const before = new Date(now.getTime() - deps.config.retentionDays * 86_400_000).toISOString();
    return { ...pruneHistory(deps.db, before), jobRuns: pruneJobRuns(deps.db, before), sessions: deleteExpiredSessions(deps.db, now.toISOString()) };
  },
};
