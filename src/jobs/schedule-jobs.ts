import cron from 'node-cron';
import type { HubDeps } from '../hub/deps.js';
import { log } from '../log.js';
import type { Job } from './job.js';

/** Starts every job on its schedule; a failing run is logged and the schedule goes on. */
export function scheduleJobs(jobs: readonly Job[], deps: HubDeps): { stop(): void } {
  const tasks = jobs.map((job) =>
    cron.schedule(typeof job.cron === 'string' ? job.cron : job.cron(deps.config), async () => {
      try {
        log('info', 'job finished', { job: job.name, result: await job.run(deps) });
      } catch (err) {
        log('error', 'job failed', { job: job.name, error: (err as Error).stack ?? String(err) });
      }
    }, { name: job.name, noOverlap: true, timezone: deps.config.timeZone }),
  );
  return { stop: () => tasks.forEach((t) => t.stop()) };
}
