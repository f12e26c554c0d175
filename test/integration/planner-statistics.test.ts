/**
 * A burst of writes refreshes PostgreSQL's statistics of what it changed at
 * once (store/planner-statistics.ts), rather than leaving pages planned for
 * the tables' old sizes until autovacuum comes round: an alert run raising
 * many alerts, an import of many machines. SQLite gathers none: its
 * statements are written not to need them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../src/alerts/evaluate-alerts.js';
import { demoReports } from '../../src/demo/demo-estate.js';
import { importFile } from '../../src/import/import-file.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { isSqlite } from '../../src/store/db.js';
import { STATISTICS_AFTER } from '../../src/store/planner-statistics.js';
import { inTransaction } from '../../src/store/statements.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
const COPIES = 12;
const copyOf = (r: ReturnType<typeof demoReports>[number], copy: number | string) => ({ ...r, host: { ...r.host, hostname: `${r.host.hostname}-${copy}`, fqdn: undefined } });
/** PostgreSQL's idea of a table's rows: -1 until it is first analysed. */
const plannerRows = (table: string) => Number((hub.deps.db.prepare('SELECT reltuples AS n FROM pg_class WHERE relname = ?').get(table) as { n: number }).n);
const rowsOf = (table: string) => Number((hub.deps.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
const noStatistics = () => expect(hub.deps.db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").all()).toEqual([]);

beforeAll(async () => {
  hub = await createTestHub();
  const quiet = { ...hub.deps, alertRules: undefined };
  inTransaction(hub.deps.db, () => {
    for (let copy = 0; copy < COPIES; copy++) {
      for (const r of demoReports(TEST_NOW)) {
        ingestReport(quiet, copyOf(r, copy), { agentId: null, organisationId: 1, idempotencyKey: `burst-${copy}-${r.host.hostname}` });
      }
    }
  });
});
afterAll(() => hub.close());

describe('an alert run raising a burst of alerts', () => {
  it(`refreshes PostgreSQL's statistics of the alerts table once it raises ${STATISTICS_AFTER.alerts} or more; SQLite gathers none`, () => {
    const { db } = hub.deps;
    if (!isSqlite(db)) expect(plannerRows('alerts')).toBe(-1); // never analysed: a new table
    const run = evaluateAlerts(db, hub.deps.alertRules, TEST_NOW);
    expect(run.raised).toBeGreaterThanOrEqual(STATISTICS_AFTER.alerts);
    if (isSqlite(db)) noStatistics();
    else expect(plannerRows('alerts')).toBe(rowsOf('alerts'));
  });
});

describe('an import of many machines', () => {
  it(`refreshes PostgreSQL's statistics of the machines' tables once it holds ${STATISTICS_AFTER.machines} or more; SQLite gathers none`, () => {
    const { db } = hub.deps;
    const reports = demoReports(TEST_NOW);
    const lines = Array.from({ length: STATISTICS_AFTER.machines }, (_, n) => JSON.stringify(copyOf(reports[n % reports.length]!, `IMPORTED-${n}`)));
    const before = isSqlite(db) ? 0 : plannerRows('installs');
    const result = importFile(hub.deps, { format: 'report', bytes: new TextEncoder().encode(lines.join('\n')), fileName: 'air-gapped.ndjson', organisationId: 1 });
    expect(result).toMatchObject({ ok: true, summary: { created: STATISTICS_AFTER.machines } });
    expect(rowsOf('installs')).toBeGreaterThan(before);
    if (isSqlite(db)) noStatistics();
    else for (const table of ['installs', 'software_trust_installs', 'assets']) expect(plannerRows(table), table).toBe(rowsOf(table));
    // Vacuumed too: the installs' pages are marked all-visible, so a read of many machines' installs can come from an index alone.
    if (!isSqlite(db)) expect(Number(db.prepare("SELECT relallvisible AS n FROM pg_class WHERE relname = 'installs'").pluck().get())).toBeGreaterThan(0);
  });
});
