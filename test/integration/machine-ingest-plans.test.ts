/**
 * Storing one machine's report costs that machine's rows, not the catalogue's
 * (issue 24): every statement a report runs that reads software versions
 * (looking up its versions, its current installs, its item counts, its alert
 * rules' findings) seeks each version by its key, never reading the whole
 * catalogue. PostgreSQL's planner, guessing 100 values for a list bound as
 * JSON and its statistics behind a growing catalogue, hashed every version for
 * one machine's 300 (5-8 ms a statement at 7,500 versions, growing with them);
 * the statements now leave it no such choice (store/dialect.ts
 * installedVersions). The catalogue here holds 20,000 versions, and the plans
 * are the planner's own choices: nothing is priced out. The alert rules that
 * ask of the machine's OS or its devices share one read of each, a
 * report's receipt is sought by its key among 20,000 others, and the alerts
 * it clears by their ids among 5,000 others.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { isSqlite, type Db } from '../../src/store/db.js';
import { inTransaction } from '../../src/store/statements.js';
import { findReceipt } from '../../src/store/receipts.js';
import { clearAlerts } from '../../src/store/alert-runs.js';
import { listLiveAlerts } from '../../src/store/alerts.js';
import type { Report } from '../../src/contract/report.js';
import { captureStatements, type Captured } from '../helpers/captured-statements.js';
import { sampleReport } from '../helpers/reports.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

const CATALOGUE = 20_000;
let hub: TestHub;
const db = () => hub.deps.db;

beforeAll(async () => {
  hub = await createTestHub();
  // Versions of other machines, as a hub serving an estate holds them: the catalogue a report's lookups must not read whole.
  db().exec(`WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${CATALOGUE})
    INSERT INTO software (name, version, vendor, source, os_link, status, reason) SELECT 'Vendor component ' || (x % 400), '1.' || x, 'Supplier', 'registry', 'none', 'unknown', 'no rule' FROM n`);
  ingestReport(hub.deps, machine(0), { agentId: null, organisationId: 1, idempotencyKey: 'plans-0' });
});
afterAll(() => hub.close());

/** The sample machine with a week of patching at `revision`: every fifth item at a new version. */
function machine(revision: number): Report {
  const report = sampleReport();
  return { ...report, software: report.software.map((s, i) => (revision && i % 5 === 0 ? { ...s, version: `${s.version}.${revision}` } : s)) };
}

function planOf({ sql, params }: Captured): string {
  if (isSqlite(db())) return (db().prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
  return (db().prepare(`EXPLAIN ${sql}`).all(...params) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
}

/** The lines of a plan that read every version: SQLite's SCAN of `software` (or its alias s), PostgreSQL's sequential scan. */
function readsCatalogue(plan: string): string[] {
  return plan.split('\n').filter((line) => (isSqlite(db()) ? /^\s*SCAN (software|s)\b/.test(line) : /Seq Scan on software\b/.test(line)));
}

it('a changed report, with its alert rules, seeks each of its versions in the catalogue', () => {
  expect(hub.deps.alertRules?.length).toBeGreaterThan(0);
  const captured = captureStatements(db(), (spy) => ingestReport({ ...hub.deps, db: spy }, machine(1), { agentId: null, organisationId: 1, idempotencyKey: 'plans-1' }));
  const reading = captured.filter((c) => /\bsoftware s\b|\bJOIN software\b|\bFROM software\b/.test(c.sql));
  // The version lookup, the machine's installs, its item counts and the software-status rules' findings at least.
  expect(reading.length).toBeGreaterThanOrEqual(4);
  for (const c of reading) {
    const plan = planOf(c);
    expect(readsCatalogue(plan), `${c.sql.replace(/\s+/g, ' ')}\n${plan}`).toEqual([]);
  }
});

it("reads the machine's OS and its devices once for all the rules that ask of them", () => {
  const os = hub.deps.alertRules!.filter((r) => r.enabled && r.condition.kind === 'os-status');
  const devices = hub.deps.alertRules!.filter((r) => r.enabled && r.condition.kind === 'device-present');
  // Several rules of each kind are shipped: read per rule, each would be its own statement (a round trip on PostgreSQL).
  expect(os.length).toBeGreaterThan(1);
  expect(devices.length).toBeGreaterThan(1);
  const captured = captureStatements(db(), (spy) => ingestReport({ ...hub.deps, db: spy }, machine(2), { agentId: null, organisationId: 1, idempotencyKey: 'plans-2' }));
  expect(captured.filter((c) => /\bFROM assets a JOIN os_versions o ON o\.id = a\.os_id\s+WHERE o\.status IN\b/.test(c.sql))).toHaveLength(1);
  expect(captured.filter((c) => /\bFROM devices\s+WHERE coalesce\(classified_kind, kind\) IN\b/.test(c.sql))).toHaveLength(1);
});

it("finds a report's earlier receipt by its key, an agent's or an import's, without reading every receipt", () => {
  // Receipts are kept for the retention period: a few reports a day from each machine.
  db().exec(`WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${CATALOGUE})
    INSERT INTO report_receipts (agent_id, idempotency_key, asset_id, received_at, collected_at, software_count, device_count, changes)
    SELECT NULL, 'earlier-' || x, (SELECT min(id) FROM assets), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 300, 0, 0 FROM n`);
  for (const [agentId, key] of [[7, 'agent-report'], [null, 'earlier-42']] as const) {
    const captured = captureStatements(db(), (spy) => findReceipt(spy, agentId, key));
    expect(captured).toHaveLength(1);
    const plan = planOf(captured[0]!);
    expect(plan, plan).not.toMatch(isSqlite(db()) ? /^\s*SCAN report_receipts\b/m : /Seq Scan on report_receipts\b/);
    expect(plan, plan).toMatch(/report_receipts_agent_id_idempotency_key|sqlite_autoindex_report_receipts/);
  }
  expect(findReceipt(db(), null, 'earlier-42')).toBeDefined();
  expect(findReceipt(db(), 7, 'earlier-42')).toBeUndefined();
});

it("reads a report's receipt and machine once when it is stored in a write transaction shared with others, and again in its own when not", () => {
  const lookups = (captured: Captured[]) => ({
    receipts: captured.filter((c) => /\bFROM report_receipts WHERE\b/.test(c.sql)).length,
    machines: captured.filter((c) => /\bFROM assets WHERE identity = \?/.test(c.sql)).length,
  });
  const store = (spy: Db, key: string) => ingestReport({ ...hub.deps, db: spy }, machine(3), { agentId: null, organisationId: 1, idempotencyKey: key });
  // As reports committed together are (store/group-commit.ts): the claim is read under the write lock the storing holds.
  const shared = captureStatements(db(), (spy) => inTransaction(spy, () => store(spy, 'plans-shared')));
  expect(lookups(shared)).toMatchObject({ receipts: 1, machines: 1 });
  // Alone, the claim is read in a snapshot of its own before the write transaction begins, and the write reads again.
  const alone = captureStatements(db(), (spy) => store(spy, 'plans-alone'));
  expect(lookups(alone)).toMatchObject({ receipts: 2, machines: 2 });
});

it("clears a machine's alerts by their ids, without reading every alert", () => {
  // Alerts of the past, resolved, as a hub of a few thousand machines holds them.
  db().exec(`WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000)
    INSERT INTO alerts (rule_id, asset_id, organisation_id, subject, severity, title, detail, status, raised_at, last_seen_at, resolved_at, resolution)
    SELECT 'old-rule', (SELECT min(id) FROM assets), 1, 'software:old@' || x, 'low', 'An old finding', 'evidence', 'resolved', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 'cleared' FROM n`);
  const live = listLiveAlerts(db(), null);
  expect(live.length).toBeGreaterThan(1);
  const gone = live.slice(0, 2);
  const captured = captureStatements(db(), (spy) => inTransaction(spy, () => clearAlerts(spy, gone, () => 'condition no longer holds', TEST_NOW.toISOString(), gone[0]!.assetId)));
  const clearing = captured.filter((c) => /^\s*UPDATE alerts SET status = 'resolved'/.test(c.sql));
  expect(clearing).toHaveLength(1);
  const plan = planOf(clearing[0]!);
  expect(plan, plan).not.toMatch(isSqlite(db()) ? /^\s*SCAN alerts\b/m : /Seq Scan on alerts\b/);
  expect(listLiveAlerts(db(), null).map((a) => a.id)).not.toContain(gone[0]!.id);
});
