import type { Job } from './job.js';
import { evaluateAlertsJob } from './evaluate-alerts.js';
import { expireExceptionsJob } from './expire-exceptions.js';
import { pruneHistoryJob } from './prune-history.js';
import { reevaluateJob } from './reevaluate.js';
import { boardReportJob } from './board-report.js';
import { snapshotPostureJob } from './snapshot-posture.js';
import { importDropFolderJob } from './import-drop-folder.js';
import { syncCyberAlertsJob } from './sync-cyber-alerts.js';
import { syncLifecycleDataJob } from './sync-lifecycle-data.js';

/** Every scheduled job the hub runs; one line each. */
export const JOBS: readonly Job[] = [reevaluateJob, evaluateAlertsJob, pruneHistoryJob, expireExceptionsJob, snapshotPostureJob, boardReportJob, importDropFolderJob, syncLifecycleDataJob, syncCyberAlertsJob];
