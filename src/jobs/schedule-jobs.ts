import os from 'node:os';
import cron from 'node-cron';
import type { HubDeps } from '../hub/deps.js';
import { log } from '../log.js';
import { claimJobRun, finishJobRun } from '../store/job-runs.js';
import type { Job } from './job.js';

/** Longer than any job has taken (the first alert run at 100,000 assets: about 10 minutes), so a live run is never taken over. */
const JOB_LEASE_MS = 60 * 60_000;

/** This process among the hubs sharing a database. */
const HUB_NAME = `${os.hostname()}/${process.pid}`;

/**
 * Starts every job on its schedule. Each hub sharing the database fires too;
 * only the one that claims the occasion runs it. A failing run is logged and
 * the schedule goes on.
 */
export function scheduleJobs(jobs: readonly Job[], deps: HubDeps): { stop(): void } {
  const tasks = jobs.map((job) =>
    cron.schedule(typeof job.cron === 'string' ? job.cron : job.cron(deps.config), (context) => (job.everyHub ? runHere(job, deps) : runOnce(job, deps, HUB_NAME, context.date)), {
      name: job.name, noOverlap: true, timezone: deps.config.timeZone,
    }),
  );
  return { stop: () => tasks.forEach((t) => t.stop()) };
}

/** A job every hub runs for itself: no claim; a result worth a line is logged, a failure too. */
async function runHere(job: Job, deps: HubDeps): Promise<void> {
  try {
    const result = await job.run(deps);
    if (result) log('info', 'job finished', { job: job.name, result });
  } catch (err) {
    log('error', 'job failed', { job: job.name, error: (err as Error).message });
  }
}

/** Runs the job's occasion `due` unless another hub has claimed it. */
export async function runOnce(job: Job, deps: HubDeps, hub: string, due: Date): Promise<void> {
  const slot = job.slot ? job.slot(deps, due) : due.toISOString().slice(0, 19);
  const claim = { job: job.name, slot, hub, now: deps.now(), leaseMs: JOB_LEASE_MS };
  if (!claimJobRun(deps.db, claim)) {
    log('info', 'job skipped: another hub holds it', { job: job.name, slot });
    return;
  }
  try {
    log('info', 'job finished', { job: job.name, slot, result: await job.run(deps) });
    finishJobRun(deps.db, { ...claim, now: deps.now() }, 'ok');
  } catch (err) {
    log('error', 'job failed', { job: job.name, slot, error: (err as Error).stack ?? String(err) });
    finishJobRun(deps.db, { ...claim, now: deps.now() }, 'failed');
  }
}
