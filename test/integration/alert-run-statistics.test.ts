/**
 * An alert run that raises a burst of alerts refreshes PostgreSQL's statistics
 * of the table at once (store/planner-statistics.ts), rather than leaving the
 * alert list planned for the table's old size until autovacuum comes round.
 * SQLite gathers none: its statements are written not to need them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlerts, STATISTICS_AFTER } from '../../src/alerts/evaluate-alerts.js';
import { demoReports } from '../../src/demo/demo-estate.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { isSqlite } from '../../src/store/db.js';
import { inTransaction } from '../../src/store/statements.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
const COPIES = 12;

beforeAll(async () => {
  hub = await createTestHub();
  const quiet = { ...hub.deps, alertRules: undefined };
  inTransaction(hub.deps.db, () => {
    for (let copy = 0; copy < COPIES; copy++) {
      for (const r of demoReports(TEST_NOW)) {
        ingestReport(quiet, { ...r, host: { ...r.host, hostname: `${r.host.hostname}-${copy}`, fqdn: undefined } }, { agentId: null, organisationId: 1, idempotencyKey: `burst-${copy}-${r.host.hostname}` });
      }
    }
  });
});
afterAll(() => hub.close());

describe('an alert run raising a burst of alerts', () => {
  it(`refreshes PostgreSQL's statistics of the alerts table once it raises ${STATISTICS_AFTER} or more; SQLite gathers none`, () => {
    const { db } = hub.deps;
    const plannerRows = () => Number((db.prepare("SELECT reltuples AS n FROM pg_class WHERE relname = 'alerts'").get() as { n: number }).n);
    if (!isSqlite(db)) expect(plannerRows()).toBe(-1); // never analysed: a new table
    const run = evaluateAlerts(db, hub.deps.alertRules, TEST_NOW);
    expect(run.raised).toBeGreaterThanOrEqual(STATISTICS_AFTER);
    const stored = Number((db.prepare('SELECT count(*) AS n FROM alerts').get() as { n: number }).n);
    if (isSqlite(db)) expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").all()).toEqual([]);
    else expect(plannerRows()).toBe(stored);
  });
});
