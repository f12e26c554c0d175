import { setTimeout as sleepFor } from 'node:timers/promises';
import cron from 'node-cron';
import { DEFAULT_JITTER_SECONDS } from './agent-defaults.js';
import { AgentError } from './agent-error.js';
import { inQuietHours, type QuietHours } from './quiet-hours.js';

export interface ScheduleOptions {
  cron: string;
  run: () => Promise<void>;
  /** Each run waits a random 0..jitterSeconds first, so a trust's machines do not all post at 02:00:00. */
  jitterSeconds?: number;
  log?: (message: string) => void;
  random?: () => number;
  /** Runs that would start inside this daily window are skipped. */
  quietHours?: QuietHours;
  now?: () => Date;
}

export interface ScheduledAgent {
  /** Stops the schedule, cancels a pending jitter wait, and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** Starts the cron schedule. The expression is validated first; runs never overlap. */
export function schedule(options: ScheduleOptions): ScheduledAgent {
  if (!cron.validate(options.cron)) throw new AgentError('bad-arguments', `"${options.cron}" is not a valid cron expression`);
  const abort = new AbortController();
  const tick = createScheduledRun({ ...options, signal: abort.signal });
  // Stopping waits for a run already past its jitter, so a report being spooled or sent is finished, not cut off.
  let inFlight: Promise<void> = Promise.resolve();
  // (A tick skipped while one runs resolves at once, so each is chained rather than replacing the one running.)
  const task = cron.schedule(options.cron, () => (inFlight = Promise.all([inFlight, tick()]).then(() => undefined)), { noOverlap: true, name: 'estatewatch-agent' });
  return {
    async stop() {
      abort.abort();
      await task.destroy();
      await inFlight;
    },
  };
}

export interface ScheduledRunOptions extends Omit<ScheduleOptions, 'cron'> {
  signal?: AbortSignal;
}

/**
 * One scheduled tick: jitter, then run. A tick that fires while the previous
 * run (jitter included) is still going is skipped, and an error is logged so
 * the schedule stays alive.
 */
export function createScheduledRun(options: ScheduledRunOptions): () => Promise<void> {
  const { run, jitterSeconds = DEFAULT_JITTER_SECONDS, log = () => undefined, random = Math.random, signal, quietHours, now = () => new Date() } = options;
  let busy = false;
  return async () => {
    if (busy) {
      log('previous run still in progress; skipping this one');
      return;
    }
    busy = true;
    try {
      await sleepFor(Math.floor(random() * jitterSeconds * 1000), undefined, { signal });
      // Checked after the jitter: that is when the scan would actually start.
      if (quietHours && inQuietHours(now(), quietHours)) log(`quiet hours ${quietHours.text}: skipping this run`);
      else await run();
    } catch (error) {
      if (!signal?.aborted) log(`run failed: ${(error as Error).message}`);
    } finally {
      busy = false;
    }
  };
}
