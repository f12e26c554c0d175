import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReport } from '../../../src/ingest/ingest-report.js';
import { pruneHistoryJob } from '../../../src/jobs/prune-history.js';
import { claimJobRun, findJobRun, finishJobRun } from '../../../src/store/job-runs.js';
import { sampleReport } from '../../helpers/reports.js';
import { createTestHub, type TestHub } from '../../helpers/test-hub.js';

let hub: TestHub;
let today = new Date('2025-01-10T12:00:00Z');
const count = (table: string) => (hub.deps.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  hub = await createTestHub({ retentionDays: 30 }, () => today);
  const report = sampleReport({ collectedAt: '2025-01-10T09:00:00Z' });
  ingestReport(hub.deps, report, { agentId: null, organisationId: 1, idempotencyKey: 'old-1' });
  ingestReport(hub.deps, { ...report, collectedAt: '2025-01-10T10:00:00Z', software: report.software.slice(1) }, { agentId: null, organisationId: 1, idempotencyKey: 'old-2' });
  today = new Date('2025-03-01T12:00:00Z');
  ingestReport(hub.deps, { ...report, collectedAt: '2025-03-01T09:00:00Z' }, { agentId: null, organisationId: 1, idempotencyKey: 'new-1' });
});
afterAll(() => hub.close());

describe('prune-history job', () => {
  it('drops receipts and history past the retention period and keeps the current inventory', () => {
    expect(count('report_receipts')).toBe(3);
    expect(count('install_history')).toBe(2);
    const result = pruneHistoryJob.run(hub.deps);
    expect(result).toMatchObject({ receipts: 2, history: 1 });
    expect(hub.deps.db.prepare('SELECT idempotency_key FROM report_receipts').all()).toEqual([{ idempotency_key: 'new-1' }]);
    expect(count('installs')).toBe(4);
    expect(count('assets')).toBe(1);
  });

  it('forgets finished job runs past the retention period, and keeps recent ones', () => {
    for (const [slot, at] of [['old', '2025-01-10T03:20:00Z'], ['recent', '2025-02-28T03:20:00Z']] as const) {
      const run = { job: 'nightly', slot, hub: 'hub-a', now: new Date(at) };
      claimJobRun(hub.deps.db, { ...run, leaseMs: 60_000 });
      finishJobRun(hub.deps.db, run, 'ok');
    }
    expect(pruneHistoryJob.run(hub.deps)).toMatchObject({ jobRuns: 1 });
    expect(findJobRun(hub.deps.db, 'nightly', 'old')).toBeUndefined();
    expect(findJobRun(hub.deps.db, 'nightly', 'recent')).toBeDefined();
  });
});
