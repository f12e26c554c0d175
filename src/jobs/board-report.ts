import { generateBoardReport, previousMonth } from '../report/generate-board-report.js';
import type { HubDeps } from '../hub/deps.js';
import { HubError } from '../hub/errors.js';
import { reportOwners, type ReportOwner } from '../store/organisations.js';
import type { Job } from './job.js';

/** On the 1st, the board reports for the month just ended (each trust's, and an ICS hub's whole), from that month's last snapshots. */
export const boardReportJob: Job = {
  name: 'board-report',
  cron: (config) => config.boardReportCron,
  run: (deps) => reportOwners(deps.db).map((owner) => reportOn(deps, owner)),
  // One report a month however many hubs share the database, even if their schedules differ.
  slot: (deps) => previousMonth(deps),
};

/** One owner's report; a trust added after the month ended has no snapshot in it, and is skipped without failing the others. */
function reportOn(deps: HubDeps, owner: ReportOwner) {
  try {
    const { record } = generateBoardReport(deps, owner, previousMonth(deps), 'system');
    return { owner, month: record.month, snapshotDay: record.snapshotDay, dataHash: record.dataHash };
  } catch (err) {
    if (err instanceof HubError && err.code === 'no-snapshot') return { owner, skipped: err.message };
    throw err;
  }
}
