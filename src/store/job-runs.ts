/**
 * Who runs a scheduled job's occasion when several hubs share the database:
 * the first to claim it. A claim is one statement, so two hubs claiming at
 * once cannot both win; a claim whose hub died unfinished is taken over once
 * its lease has run out.
 */
import type { Db } from './db.js';
import { stmt } from './statements.js';

export interface JobClaim {
  job: string;
  slot: string;
  /** This hub process, as the logs and the table name it. */
  hub: string;
  now: Date;
  /** How long the claim holds before another hub may assume this one died mid-run. */
  leaseMs: number;
}

export interface JobRun {
  job: string;
  slot: string;
  hub: string;
  startedAt: string;
  leaseUntil: string;
  finishedAt: string | null;
  outcome: 'ok' | 'failed' | null;
}

/** True when this hub now holds the occasion: nobody had it, its run failed, or its holder's lease ran out unfinished. */
export function claimJobRun(db: Db, c: JobClaim): boolean {
  const row = { job: c.job, slot: c.slot, hub: c.hub, now: c.now.toISOString(), leaseUntil: new Date(c.now.getTime() + c.leaseMs).toISOString() };
  const taken = stmt(db, `INSERT INTO job_runs (job, slot, hub, started_at, lease_until) VALUES (@job, @slot, @hub, @now, @leaseUntil)
      ON CONFLICT (job, slot) DO UPDATE SET hub = excluded.hub, started_at = excluded.started_at, lease_until = excluded.lease_until
      WHERE job_runs.outcome = 'failed' OR (job_runs.finished_at IS NULL AND job_runs.lease_until < excluded.started_at)`).run(row);
  return taken.changes === 1;
}

/** Records how the holder's run ended; a hub that lost its claim to a takeover records nothing. */
export function finishJobRun(db: Db, c: Pick<JobClaim, 'job' | 'slot' | 'hub' | 'now'>, outcome: 'ok' | 'failed'): void {
  stmt(db, 'UPDATE job_runs SET finished_at = @now, outcome = @outcome WHERE job = @job AND slot = @slot AND hub = @hub AND finished_at IS NULL').run({
    job: c.job, slot: c.slot, hub: c.hub, now: c.now.toISOString(), outcome,
  });
}

export function findJobRun(db: Db, job: string, slot: string): JobRun | undefined {
  return stmt(db, `SELECT job, slot, hub, started_at AS startedAt, lease_until AS leaseUntil, finished_at AS finishedAt, outcome
      FROM job_runs WHERE job = ? AND slot = ?`).get(job, slot) as JobRun | undefined;
}

/** Forgets occasions that finished before `before`: they are in the logs, and no scheduler fires for them again. */
export function pruneJobRuns(db: Db, before: string): number {
  return stmt(db, 'DELETE FROM job_runs WHERE finished_at < ?').run(before).changes;
}
