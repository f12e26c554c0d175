import { snapshotContext } from '../report/generate-board-report.js';
import { takeSnapshots } from '../report/take-snapshot.js';
import type { Job } from './job.js';

/** Freezes the day's board figures and their evidence late each evening (each trust's, and an ICS hub's whole), so trends survive later changes. */
export const snapshotPostureJob: Job = {
  name: 'snapshot-posture',
  cron: (config) => config.snapshotCron,
  run: (deps) => takeSnapshots(snapshotContext(deps)),
};
