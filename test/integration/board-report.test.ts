/**
 * The board report over three months on a seeded estate, with the hub's clock
 * moved by hand: daily snapshots taken by the real job, the report generated
 * by the real monthly job, every figure recomputed here by independent means
 * (plain SQL and the per-asset verdict code the asset pages use), trends from
 * the stored snapshots, and a past month regenerated to identical JSON.
 */
import { insertUser } from '../../src/store/users.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAlert } from '../../src/alerts/triage.js';
import { createAction, setActionStatus } from '../../src/cso/action-list.js';
import { ActionCreateSchema } from '../../src/cso/action-schemas.js';
import { exceptionRequestSchema, requestException, signOffException } from '../../src/cso/exceptions.js';
import { demoReports } from '../../src/demo/demo-estate.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { NewDeviceSchema } from '../../src/devices/device-schema.js';
import { addDevice } from '../../src/devices/register.js';
import { assetItems } from '../../src/estate/asset-items.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { boardReportJob } from '../../src/jobs/board-report.js';
import { JOBS } from '../../src/jobs/index.js';
import { snapshotPostureJob } from '../../src/jobs/snapshot-posture.js';
import type { BoardReport } from '../../src/report/board-report.js';
import { generateBoardReport } from '../../src/report/generate-board-report.js';
import type { FrozenEvidence } from '../../src/report/frozen-evidence.js';
import { EVIDENCE_LISTS } from '../../src/report/posture-evidence.js';
import { computeFigures } from '../../src/report/posture-figures.js';
import { readEvidence } from '../../src/report/read-evidence.js';
import { estateSummary } from '../../src/store/estate-queries.js';
import { selectEvidence } from '../../src/report/stored-report.js';
import { getAsset, listAssetInstalls } from '../../src/store/asset-queries.js';
import { getBoardReport } from '../../src/store/board-reports.js';
import { getSnapshot, snapshotEvidenceList } from '../../src/store/posture-snapshots.js';
import { assetIdOf } from '../helpers/insert-test-alert.js';
import { createTestHub, type TestHub } from '../helpers/test-hub.js';
import { FIRST_TRUST } from '../helpers/trusts.js';

let clock = new Date('2026-08-10T09:00:00Z');
let hub: TestHub;
const at = (iso: string) => (clock = new Date(iso));
const db = () => hub.deps.db;
const n = (sql: string, ...params: unknown[]) => (db().prepare(sql).get(...params) as { n: number }).n;
const reportOf = (month: string) => JSON.parse(getBoardReport(db(), 1, month)!.json) as BoardReport;
const admin = () => ({ db: db(), username: 'admin', role: 'admin' as const, now: clock, organisationId: null });
const cso = () => ({ db: db(), username: 'dr.cso', role: 'cso' as const, now: clock, organisationId: null });

/** The independent expectations, from the live store at the moment of the snapshot. */
function expectedNow() {
  const ids = (db().prepare('SELECT id FROM assets').all() as { id: number }[]).map((r) => r.id);
  const supportedOnly = ids.filter((id) => {
    const asset = getAsset(db(), id, null)!;
    const statuses = [asset.os.verdict.status, ...assetItems(asset, listAssetInstalls(db(), id)).map((i) => i.verdict.status)];
    return statuses.every((s) => s === 'supported' || s === 'ending-soon');
  }).length;
  const monthStart = '2026-11-01T00:00:00.000Z'; // London is on GMT in November
  const resolved = db().prepare("SELECT raised_at, resolved_at FROM alerts WHERE status = 'resolved' AND resolved_at >= ?").all(monthStart) as { raised_at: string; resolved_at: string }[];
  const hours = resolved.map((r) => (Date.parse(r.resolved_at) - Date.parse(r.raised_at)) / 3_600_000);
  return {
    assets: ids.length,
    supportedOnly,
    unsupportedOs: n("SELECT count(*) AS n FROM assets a JOIN os_versions o ON o.id = a.os_id WHERE o.status = 'unsupported'"),
    openAlerts: n("SELECT count(*) AS n FROM alerts WHERE status IN ('open', 'acknowledged')"),
    openHigh: n("SELECT count(*) AS n FROM alerts WHERE status IN ('open', 'acknowledged') AND severity = 'high'"),
    resolved: resolved.length,
    meanHours: hours.length ? Math.round((hours.reduce((a, b) => a + b, 0) / hours.length) * 10) / 10 : null,
    overdueActions: n("SELECT count(*) AS n FROM actions WHERE status IN ('open', 'in-progress') AND due_date < ?", clock.toISOString().slice(0, 10)),
    doneActions: n("SELECT count(*) AS n FROM actions WHERE status = 'done' AND completed_at >= ?", monthStart),
    faxes: n("SELECT count(*) AS n FROM registered_devices WHERE kind = 'fax' AND status <> 'decommissioned'"),
    pagers: n("SELECT count(*) AS n FROM registered_devices WHERE kind = 'pager' AND status <> 'decommissioned'"),
    exceptions: n("SELECT count(*) AS n FROM exceptions WHERE status = 'in-effect' AND expires_on >= ?", clock.toISOString().slice(0, 10)),
    reporting: n('SELECT count(*) AS n FROM assets WHERE last_seen_at >= ?', new Date(clock.getTime() - 7 * 86_400_000).toISOString()),
  };
}
let expected: ReturnType<typeof expectedNow>;
let octoberAsFirstGenerated: string;

beforeAll(async () => {
  hub = await createTestHub({}, () => clock);
  seedDemoEstate(hub.deps);

  // September ends: the evening job takes the month's last snapshot (23:55 BST is 22:55 UTC).
  at('2026-09-30T22:55:00Z');
  snapshotPostureJob.run(hub.deps);

  // October: faxes and pagers registered, an exception signed off, an action set.
  at('2026-10-05T10:00:00Z');
  const device = (fields: Record<string, unknown>) => addDevice({ ...admin(), org: null }, NewDeviceSchema.parse(fields), FIRST_TRUST);
  device({ kind: 'fax', name: 'Ward 7 fax', site: 'Main', plannedRemovalOn: '2026-10-20' });
  device({ kind: 'fax', name: 'Pharmacy fax', site: 'Main', plannedRemovalOn: '2027-03-31' });
  device({ kind: 'pager', name: 'Crash bleep 1', site: 'Main', pagerType: 'emergency' });
  device({ kind: 'pager', name: 'F1 pager', site: 'Main', pagerType: 'one-way' });
  const ct = assetIdOf(db(), 'CT-CONSOLE01');
  const req = exceptionRequestSchema(clock, hub.deps.alertRules.map((r) => r.id)).parse({
    title: 'CT console on Windows XP', justification: 'The supplier will not upgrade the console software.', compensatingControls: 'Isolated VLAN, no internet, USB disabled.',
    expiresOn: '2027-06-30', assetIds: [ct], ruleIds: [hub.deps.alertRules[0]!.id],
  });
  // The CSO is a person with a name and a title: the board reads who accepted the risk by them.
  insertUser(db(), { username: 'dr.cso', passwordHash: 'scrypt$unused', role: 'cso', mustChangePassword: false, organisationId: null, now: clock.toISOString(), displayName: 'Dr Rosalind Hale', jobTitle: 'Clinical Safety Officer' });
  signOffException(cso(), requestException(admin(), req).id, { statement: 'Accepted until the PACS vendor certifies a newer OS', confirm: true });
  createAction({ db: db(), username: 'admin', now: clock, organisationId: null }, ActionCreateSchema.parse({ title: 'Replace ward 7 PC', dueDate: '2026-10-15' }));
  const done = createAction({ db: db(), username: 'admin', now: clock, organisationId: null }, ActionCreateSchema.parse({ title: 'Remove Reader XI', dueDate: '2026-12-01' }));
  at('2026-10-10T21:00:00Z'); // a mid-month snapshot, whose evidence outlives no report
  snapshotPostureJob.run(hub.deps);
  at('2026-10-31T23:55:00Z'); // GMT again after 25 October
  snapshotPostureJob.run(hub.deps);

  // 1 November, 06:00: the monthly job reports on October.
  at('2026-11-01T06:00:00Z');
  boardReportJob.run(hub.deps);
  octoberAsFirstGenerated = getBoardReport(db(), 1, '2026-10')!.json;

  // November: a Windows 7 PC is rebuilt on Windows 11, an alert resolved, an action done.
  at('2026-11-10T09:00:00Z');
  const ward7 = demoReports(clock).find((r) => r.host.hostname === 'WARD7-PC014')!;
  const win11 = demoReports(clock).find((r) => r.os.name.includes('Windows 11 Enterprise'))!;
  ingestReport(hub.deps, { ...ward7, os: win11.os, software: [] }, { agentId: null, organisationId: 1, idempotencyKey: 'rebuild:ward7' });
  const alertId = (db().prepare("SELECT id FROM alerts WHERE status = 'open' ORDER BY id LIMIT 1").get() as { id: number }).id;
  resolveAlert({ db: db(), username: 'admin', now: clock, org: null, suppression: { rules: hub.deps.alertRules, capDays: 30 } }, alertId, 'patched');
  setActionStatus({ db: db(), username: 'admin', now: clock, organisationId: null }, done.id, { status: 'done', note: undefined });
  // Late November every host reports again, but two: they drop out of coverage.
  at('2026-11-25T09:00:00Z');
  for (const r of demoReports(clock).filter((r) => !['WARD7-PC014', 'MED-LT0117', 'PHARM-PC02'].includes(r.host.hostname))) {
    ingestReport(hub.deps, r, { agentId: null, organisationId: 1, idempotencyKey: `november:${r.host.hostname}` });
  }
  ingestReport(hub.deps, { ...ward7, collectedAt: clock.toISOString(), os: win11.os, software: [] }, { agentId: null, organisationId: 1, idempotencyKey: 'november:ward7' });
  at('2026-11-30T23:55:00Z');
  snapshotPostureJob.run(hub.deps);
  expected = expectedNow();
  at('2026-12-01T06:00:00Z');
  boardReportJob.run(hub.deps);
});
afterAll(async () => {
  await hub?.close();
});

describe('board report figures', () => {
  it('matches figures computed independently from the store at the snapshot', () => {
    const f = reportOf('2026-11').figures;
    expect(f.assets.total.value).toBe(expected.assets);
    expect(f.assets.supportedOnly.value).toBe(expected.supportedOnly);
    expect(f.assets.supportedPct).toBe(Math.round((expected.supportedOnly / expected.assets) * 1000) / 10);
    expect(f.unsupportedOs.assets.value).toBe(expected.unsupportedOs);
    expect(f.alerts.open.value).toBe(expected.openAlerts);
    expect(f.alerts.bySeverity.high.open.value).toBe(expected.openHigh);
    expect(f.alerts.resolvedThisMonth.value).toBe(expected.resolved);
    expect(f.alerts.meanHoursToResolve).toBe(expected.meanHours);
    expect(f.actions.overdue.value).toBe(expected.overdueActions);
    expect(f.actions.doneThisMonth.value).toBe(expected.doneActions);
    expect(f.devices.fax.inRegister.value).toBe(expected.faxes);
    expect(f.devices.pager.inRegister.value).toBe(expected.pagers);
    expect(f.exceptions.inForce.value).toBe(expected.exceptions);
    expect(f.coverage.reporting.value).toBe(expected.reporting);
  });

  it('describes a seeded estate that exercises every section', () => {
    expect(expected).toMatchObject({ assets: 15, supportedOnly: 1, exceptions: 1, faxes: 2, pagers: 2, overdueActions: 1, doneActions: 1, reporting: 13 });
    expect(expected.resolved).toBeGreaterThanOrEqual(1);
    expect(expected.unsupportedOs).toBeGreaterThan(0);
    expect(expected.meanHours).not.toBeNull();
  });

  it('counts the fax past its planned removal and keeps the crash bleep in the plan', () => {
    const d = reportOf('2026-11').figures.devices;
    expect(d.fax.removalOverdue.value).toBe(1);
    expect(d.fax.plan.find((p) => p.at === '2027-03-31')?.count).toBe(1);
    expect(d.pager.plan.at(-1)?.count).toBe(2);
  });

  it('links each figure to exactly as many evidence rows as it counts', () => {
    const report = reportOf('2026-11');
    const f = report.figures;
    for (const figure of [f.assets.total, f.assets.supportedOnly, f.unsupportedOs.assets, f.alerts.open, f.actions.overdue, f.devices.fax.removalOverdue, f.exceptions.inForce]) {
      expect(selectEvidence(db(), 1, report, figure.list, figure.filter).rows).toHaveLength(figure.value);
    }
  });

  it('counts the software no rule can judge apart by why, each figure linked to its rows, matching the live summary', () => {
    const report = reportOf('2026-11');
    const u = report.figures.unknown;
    expect(u).toBeDefined();
    const live = estateSummary(db(), null).unknownInstallsByReason;
    const followingUnknownOs = (db().prepare(`SELECT count(*) AS n FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id
      JOIN os_versions o ON o.id = a.os_id WHERE s.os_link = 'follows' AND o.status = 'unknown'`).get() as { n: number }).n;
    // The board's list is software judged on its own; the summary also counts packages following an unknown OS.
    expect(Object.values(u!.installs).reduce((a, b) => a + b, 0)).toBe(Object.values(live).reduce((a, b) => a + b, 0) - followingUnknownOs);
    for (const figure of Object.values(u!.titles)) expect(selectEvidence(db(), 1, report, figure.list, figure.filter).rows).toHaveLength(figure.value);
    expect(u!.titles.unrecognised.value).toBeGreaterThan(0);
    expect(report.summary.join(' ')).toMatch(/programs? (is|are) not recognised yet/);
  });

  it('computes no unknown figures from a snapshot that predates the unknown list, and refuses its rows with 404', () => {
    const october = reportOf('2026-10');
    const where = `FROM posture_evidence WHERE organisation_id = 1 AND day = '${october.snapshot.day}' AND list = 'unknown'`;
    const kept = db().prepare(`SELECT organisation_id, day, list, body ${where}`).get() as { organisation_id: number; day: string; list: string; body: Buffer };
    db().prepare(`DELETE ${where}`).run();
    try {
      expect(() => selectEvidence(db(), 1, october, 'unknown', {})).toThrow(/predates the unknown list/);
      expect(selectEvidence(db(), 1, october, 'assets', {}).rows.length).toBe(october.figures.assets.total.value);
      expect(computeFigures(readEvidence(db(), 1, october.snapshot.day, EVIDENCE_LISTS) as FrozenEvidence, october.snapshot.day)).not.toHaveProperty('unknown');
    } finally {
      db().prepare('INSERT INTO posture_evidence (organisation_id, day, list, body) VALUES (?, ?, ?, ?)').run(kept.organisation_id, kept.day, kept.list, kept.body);
    }
  });

  it('names who accepted the risk by name and job title, not username', () => {
    const row = selectEvidence(db(), 1, reportOf('2026-11'), 'exceptions', {}).rows[0];
    expect(row).toMatchObject({ title: 'CT console on Windows XP', signedOffBy: 'Dr Rosalind Hale (Clinical Safety Officer)' });
  });

  it('covers the excepted CT console in the exception and not in the unaccepted count', () => {
    const report = reportOf('2026-11');
    const ct = selectEvidence(db(), 1, report, 'assets', { hostname: 'CT-CONSOLE01' }).rows[0];
    expect(ct).toMatchObject({ posture: 'unsupported', acceptedRisk: 'yes' });
    expect(report.figures.assets.unsupportedWithoutException.value).toBe(report.figures.assets.byPosture.unsupported.value - 1);
  });

  it('warns, not hides, when coverage is low', () => {
    const summary = reportOf('2026-11').summary;
    expect(summary.at(-1)).toMatch(/^Warning: coverage is low\. 13 of 15 registered assets \(86\.7%\) reported in the 7 days to 30 November 2026\./);
  });
});

describe('board report trends and regeneration', () => {
  it("draws the trend from each month's last snapshot, with gaps where none was taken", () => {
    const trend = reportOf('2026-11').trend;
    expect(trend).toHaveLength(12);
    expect(trend.slice(-3).map((t) => t.day)).toEqual(['2026-09-30', '2026-10-31', '2026-11-30']);
    expect(trend.slice(0, -3).every((t) => t.figures === null)).toBe(true);
    expect(trend.at(-3)!.figures!.faxesInRegister).toBe(0);
    expect(trend.at(-2)!.figures!.faxesInRegister).toBe(2);
  });

  it('states the change in the headline against the month before', () => {
    const nov = reportOf('2026-11');
    const oct = reportOf('2026-10');
    const change = Math.round((nov.figures.assets.supportedPct - oct.figures.assets.supportedPct) * 10) / 10;
    expect(change).toBeGreaterThan(0);
    expect(nov.summary[0]).toContain(`up ${change.toFixed(1)} points on October 2026`);
  });

  it('regenerates a past month to identical JSON after the estate has changed', () => {
    expect(reportOf('2026-10').provisional).toBe(false);
    const again = generateBoardReport(hub.deps, 1, '2026-10', 'auditor').record.json;
    expect(again).toBe(octoberAsFirstGenerated);
  });

  it('seals the report with its data hash and the audit chain head at the snapshot', () => {
    const r = reportOf('2026-10');
    const snap = getSnapshot(db(), 1, '2026-10-31')!;
    expect(r.snapshot.auditHead).toEqual({ id: snap.auditHeadId, hash: snap.auditHeadHash });
    expect(r.snapshot.auditHead).not.toBeNull();
    const generation = db().prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'board-report' AND entity_id = '2026-10'").get() as { n: number };
    expect(generation.n).toBe(2);
  });

  it("prunes a daily snapshot's evidence after 35 days but keeps each month's last, and every day's key figures", () => {
    const kept = (day: string) => EVIDENCE_LISTS.filter((list) => snapshotEvidenceList(db(), 1, day, list) !== undefined);
    expect(kept('2026-10-10')).toEqual([]);
    expect(JSON.parse(getSnapshot(db(), 1, '2026-10-10')!.figures)).toMatchObject({ assets: 15, faxesInRegister: 2 });
    expect(kept('2026-09-30')).toEqual(EVIDENCE_LISTS);
    expect(kept('2026-10-31')).toEqual(EVIDENCE_LISTS);
  });

  it('refuses a month with no snapshot and a month not yet begun', () => {
    expect(() => generateBoardReport(hub.deps, 1, '2026-07', 'admin')).toThrow(/no posture snapshot was taken in 2026-07: the first is from 2026-09-30/);
    expect(() => generateBoardReport(hub.deps, 1, '2027-01', 'admin')).toThrow(/has not started yet/);
  });

  it('schedules the snapshot and the report from the configuration', () => {
    const names = JOBS.map((j) => j.name);
    expect(names).toEqual(expect.arrayContaining(['snapshot-posture', 'board-report']));
    const cron = (job: typeof boardReportJob) => (typeof job.cron === 'string' ? job.cron : job.cron(hub.deps.config));
    expect(cron(boardReportJob)).toBe('0 6 1 * *');
    expect(cron(snapshotPostureJob)).toBe('55 23 * * *');
  });
});
