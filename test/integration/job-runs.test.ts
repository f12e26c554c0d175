/**
 * Scheduled jobs when several hubs share one database: two connections to the
 * test hub's real database (SQLite or PostgreSQL) stand for two hub processes,
 * each firing every job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardReportJob } from '../../src/jobs/board-report.js';
import { snapshotContext } from '../../src/report/generate-board-report.js';
import { takeSnapshot } from '../../src/report/take-snapshot.js';
import type { Job } from '../../src/jobs/job.js';
import { runOnce } from '../../src/jobs/schedule-jobs.js';
import type { HubDeps } from '../../src/hub/deps.js';
import { openStore } from '../../src/store/open-store.js';
import { claimJobRun, findJobRun, finishJobRun } from '../../src/store/job-runs.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

const HOUR = 3_600_000;
let hub: TestHub;
/** The second hub: its own connection to the same file. */
let other: HubDeps;

beforeAll(async () => {
  hub = await createTestHub();
  other = { ...hub.deps, db: openStore(hub.deps.config) };
});
afterAll(async () => {
  other.db.close();
  await hub.close();
});

const claim = (job: string, slot: string, who: string, now = TEST_NOW) => ({ job, slot, hub: who, now, leaseMs: HOUR });

describe('claiming a job occasion', () => {
  it('lets one hub hold an occasion; the other, on its own connection, is refused', () => {
    expect(claimJobRun(hub.deps.db, claim('nightly', '2026-11-23T03:20:00', 'hub-a'))).toBe(true);
    expect(claimJobRun(other.db, claim('nightly', '2026-11-23T03:20:00', 'hub-b'))).toBe(false);
    expect(findJobRun(other.db, 'nightly', '2026-11-23T03:20:00')?.hub).toBe('hub-a');
    // Another occasion, or another job, is free.
    expect(claimJobRun(other.db, claim('nightly', '2026-11-24T03:20:00', 'hub-b'))).toBe(true);
    expect(claimJobRun(other.db, claim('hourly', '2026-11-23T03:20:00', 'hub-b'))).toBe(true);
  });

  it('never runs a finished occasion again, however late another hub fires', () => {
    expect(claimJobRun(hub.deps.db, claim('done', 's1', 'hub-a'))).toBe(true);
    finishJobRun(hub.deps.db, { job: 'done', slot: 's1', hub: 'hub-a', now: TEST_NOW }, 'ok');
    expect(claimJobRun(other.db, claim('done', 's1', 'hub-b', new Date(TEST_NOW.getTime() + 48 * HOUR)))).toBe(false);
    expect(findJobRun(other.db, 'done', 's1')).toMatchObject({ hub: 'hub-a', outcome: 'ok' });
  });

  it("takes over an unfinished occasion once its holder's lease has run out, not before", () => {
    expect(claimJobRun(hub.deps.db, claim('crashed', 's1', 'hub-a'))).toBe(true);
    expect(claimJobRun(other.db, claim('crashed', 's1', 'hub-b', new Date(TEST_NOW.getTime() + HOUR - 1000)))).toBe(false);
    expect(claimJobRun(other.db, claim('crashed', 's1', 'hub-b', new Date(TEST_NOW.getTime() + HOUR + 1000)))).toBe(true);
    // The first holder, back from a long pause, cannot mark as its own a run it no longer holds.
    finishJobRun(hub.deps.db, { job: 'crashed', slot: 's1', hub: 'hub-a', now: TEST_NOW }, 'ok');
    expect(findJobRun(other.db, 'crashed', 's1')).toMatchObject({ hub: 'hub-b', finishedAt: null });
  });

  it('lets the next hub to fire retry an occasion whose run failed', () => {
    expect(claimJobRun(hub.deps.db, claim('flaky', 's1', 'hub-a'))).toBe(true);
    finishJobRun(hub.deps.db, { job: 'flaky', slot: 's1', hub: 'hub-a', now: TEST_NOW }, 'failed');
    expect(claimJobRun(other.db, claim('flaky', 's1', 'hub-b'))).toBe(true);
  });
});

describe('runOnce: what the scheduler does when a job fires', () => {
  function countingJob(name: string, fail = false): Job & { runs: number } {
    const job = {
      name, cron: '* * * * *', runs: 0,
      run: () => {
        job.runs += 1;
        if (fail) throw new Error('boom');
        return { ok: true };
      },
    };
    return job;
  }

  it('runs an occasion on one hub only when both fire for the same due time', async () => {
    const job = countingJob('both-fire');
    const due = new Date('2026-11-23T05:00:00.000Z');
    await Promise.all([runOnce(job, hub.deps, 'hub-a', due), runOnce(job, other, 'hub-b', due)]);
    expect(job.runs).toBe(1);
    expect(findJobRun(hub.deps.db, 'both-fire', '2026-11-23T05:00:00')).toMatchObject({ hub: 'hub-a', outcome: 'ok' });
    await runOnce(job, other, 'hub-b', new Date('2026-11-23T06:00:00.000Z'));
    expect(job.runs).toBe(2);
  });

  it('records a failed run as failed, and the next hub to fire runs it again', async () => {
    const job = countingJob('fails', true);
    const due = new Date('2026-11-23T07:00:00.000Z');
    await runOnce(job, hub.deps, 'hub-a', due);
    expect(findJobRun(hub.deps.db, 'fails', '2026-11-23T07:00:00')?.outcome).toBe('failed');
    await runOnce(job, other, 'hub-b', due);
    expect(job.runs).toBe(2);
  });

  it('makes the board report once a month, even when the hubs fire at different times', async () => {
    const generated = () => hub.deps.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'board-report' AND action = 'generate'").pluck().get();
    takeSnapshot(snapshotContext(hub.deps), 1);
    const before = generated();
    const at = (iso: string) => () => new Date(iso);
    await runOnce(boardReportJob, { ...hub.deps, now: at('2026-12-01T06:00:00Z') }, 'hub-a', new Date('2026-12-01T06:00:00Z'));
    await runOnce(boardReportJob, { ...other, now: at('2026-12-01T07:30:00Z') }, 'hub-b', new Date('2026-12-01T07:30:00Z'));
    expect(generated()).toBe(Number(before) + 1);
    expect(findJobRun(other.db, 'board-report', '2026-11')).toMatchObject({ hub: 'hub-a', outcome: 'ok' });
  });
});
