/** Verdicts follow the calendar: the same stored inventory is re-judged when the day changes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/estate/evaluator.js';
import { reevaluateEstate } from '../../src/estate/reevaluate-estate.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { sampleReport } from '../helpers/reports.js';
import { createTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let today = new Date('2026-01-05T12:00:00Z');
const now = () => today;

const osStatus = () => (hub.deps.db.prepare('SELECT status, cycle FROM os_versions').get() as { status: string; cycle: string });

beforeAll(async () => {
  hub = await createTestHub({}, now);
  const report = sampleReport({ os: { family: 'windows', name: 'Microsoft Windows 11 Enterprise', version: '10.0.22631', edition: 'Enterprise' } });
  ingestReport(hub.deps, report, { agentId: null, organisationId: 1, idempotencyKey: 'reevaluate-test' });
});
afterAll(() => hub.close());

describe('reevaluateEstate', () => {
  it('judges Windows 11 23H2 Enterprise supported in January 2026', () => {
    expect(osStatus()).toEqual({ status: 'supported', cycle: '11-23h2-e' });
  });

  it('does nothing when neither the rules nor the day have changed', () => {
    expect(reevaluateEstate(hub.deps.db, hub.deps.evaluator).skipped).toBe(true);
  });

  it('turns it ending-soon and then unsupported as its end date (2026-11-10) comes and goes', () => {
    today = new Date('2026-08-01T00:00:00Z');
    const run = reevaluateEstate(hub.deps.db, hub.deps.evaluator);
    expect(run).toMatchObject({ skipped: false, osVersions: 1, softwareVersions: 4 });
    expect(osStatus().status).toBe('ending-soon');
    today = new Date('2026-11-23T00:00:00Z');
    reevaluateEstate(hub.deps.db, hub.deps.evaluator);
    expect(osStatus().status).toBe('unsupported');
  });

  it('writes only the verdicts that changed: a stale one is put right, the rest are left as stored', () => {
    const { db, evaluator } = hub.deps;
    const verdicts = () => db.prepare('SELECT id, status, reason, patch_state FROM software ORDER BY id').all();
    const judged = verdicts();
    expect(reevaluateEstate(db, evaluator, { force: true })).toMatchObject({ softwareVersions: 4, softwareChanged: 0 });
    db.prepare("UPDATE software SET status = 'supported', reason = 'stale', patch_state = NULL WHERE id = (SELECT min(id) FROM software)").run();
    expect(reevaluateEstate(db, evaluator, { force: true })).toMatchObject({ softwareVersions: 4, softwareChanged: 1 });
    expect(verdicts()).toEqual(judged);
  });

  it('re-judges everything when the warning window changes', () => {
    today = new Date('2026-08-01T00:00:00Z');
    reevaluateEstate(hub.deps.db, hub.deps.evaluator);
    const narrow = createEvaluator(hub.deps.evaluator.rules, now, 30);
    expect(reevaluateEstate(hub.deps.db, narrow).skipped).toBe(false);
    expect(osStatus().status).toBe('supported');
  });
});
