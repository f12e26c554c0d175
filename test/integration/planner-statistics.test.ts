/**
 * A burst of writes refreshes PostgreSQL's statistics of what it changed at
 * once (store/planner-statistics.ts), rather than leaving pages planned for
 * the tables' old sizes until autovacuum comes round: an alert run raising
 * many alerts, an import of many machines, agents bringing new machines one
 * report at a time. SQLite gathers none: its statements are written not to
 * need them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../src/alerts/evaluate-alerts.js';
import { demoReports } from '../../src/demo/demo-estate.js';
import { importFile } from '../../src/import/import-file.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { isSqlite } from '../../src/store/db.js';
import { noteNewMachines, STATISTICS_AFTER } from '../../src/store/planner-statistics.js';
import { createEnrolmentSecret, enrolAgent } from '../../src/auth/enrolment.js';
import { sampleReport } from '../helpers/reports.js';
import { inTransaction } from '../../src/store/statements.js';
import { createTestHub, startTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
const COPIES = 12;
const copyOf = (r: ReturnType<typeof demoReports>[number], copy: number | string) => ({ ...r, host: { ...r.host, hostname: `${r.host.hostname}-${copy}`, fqdn: undefined } });
/** PostgreSQL's idea of a table's rows: -1 until it is first analysed. */
const plannerRows = (table: string, on = hub) => Number((on.deps.db.prepare('SELECT reltuples AS n FROM pg_class WHERE relname = ?').get(table) as { n: number }).n);
const rowsOf = (table: string, on = hub) => Number((on.deps.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
const noStatistics = (on = hub) => expect(on.deps.db.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").all()).toEqual([]);

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

describe("agents' reports of new machines", () => {
  it(`refresh PostgreSQL's statistics once a new hub has stored ${STATISTICS_AFTER.growth} new machines, and not for machines it held; SQLite gathers none`, async () => {
    const fresh = await startTestHub();
    try {
      const { db } = fresh.deps;
      const { secret } = createEnrolmentSecret(db, { label: 'growth', createdBy: null, by: 'cli', uses: STATISTICS_AFTER.growth, organisationId: 1, now: TEST_NOW, days: 1 });
      const hostname = (n: number) => `GROWTH-PC${String(n).padStart(3, '0')}`;
      const tokens = Array.from({ length: STATISTICS_AFTER.growth }, (_, n) => enrolAgent(db, { secret, hostname: hostname(n), now: TEST_NOW, approvalRequired: false })!.token);
      const report = (n: number) =>
        fetch(`${fresh.url}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[n]}`, 'idempotency-key': `growth-${n}-${randomUUID()}` },
          body: JSON.stringify(sampleReport({ host: { hostname: hostname(n) } })),
        });
      for (let n = 0; n < STATISTICS_AFTER.growth - 1; n++) expect((await report(n)).status).toBe(202);
      if (!isSqlite(db)) expect(plannerRows('installs', fresh)).toBe(-1); // never analysed yet
      expect((await report(STATISTICS_AFTER.growth - 1)).status).toBe(202);
      if (isSqlite(db)) return noStatistics(fresh);
      for (const table of ['installs', 'software', 'assets', 'report_receipts']) expect(plannerRows(table, fresh), table).toBe(rowsOf(table, fresh));
      // The same machines again: a receipt each, no new machine, so nothing refreshed.
      for (let n = 0; n < 10; n++) expect((await report(n)).status).toBe(202);
      expect(rowsOf('report_receipts', fresh)).toBe(STATISTICS_AFTER.growth + 10);
      expect(plannerRows('report_receipts', fresh)).toBe(STATISTICS_AFTER.growth);
    } finally {
      await fresh.close();
    }
  });

  it('on a hub holding an estate, wait for half as many again as it held at the last refresh', () => {
    const { db } = hub.deps;
    const held = rowsOf('assets');
    expect(held / 2).toBeGreaterThan(STATISTICS_AFTER.growth);
    // The receipts are analysed by this refresh, not the import's: pruning a few leaves PostgreSQL's count behind.
    db.prepare('DELETE FROM report_receipts WHERE id IN (SELECT id FROM report_receipts ORDER BY id LIMIT 10)').run();
    const stale = isSqlite(db) ? 0 : plannerRows('report_receipts');
    if (!isSqlite(db)) expect(stale).not.toBe(rowsOf('report_receipts'));
    // Its first note counts the machines held before the one just stored: the growth is measured from them.
    noteNewMachines(db, 1);
    const needed = Math.ceil((held - 1) / 2);
    noteNewMachines(db, needed - 2);
    if (!isSqlite(db)) expect(plannerRows('report_receipts')).toBe(stale);
    noteNewMachines(db, 1);
    if (isSqlite(db)) noStatistics();
    else expect(plannerRows('report_receipts')).toBe(rowsOf('report_receipts'));
  });
});
