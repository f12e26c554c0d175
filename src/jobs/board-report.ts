import { generateBoardReport, previousMonth } from '../report/generate-board-report.js';
import type { Job } from './job.js';

/** On the 1st, the board report for the month just ended, from that month's last snapshot. */
export const boardReportJob: Job = {
  name: 'board-report',
  cron: (config) => config.boardReportCron,
  run: (deps) => {
    const { record } = generateBoardReport(deps, previousMonth(deps), 'system');
    return { month: record.month, snapshotDay: record.snapshotDay, dataHash: record.dataHash };
  },
  // One report a month however many hubs share the database, even if their schedules differ.
  slot: (deps) => previousMonth(deps),
};
