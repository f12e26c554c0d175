/**
 * The board report's cyber-alert section (issue 23 point 5) on a real store,
 * the hub's clock moved by hand: a month with no cyber alert says so; in the
 * next, an alert published in the month reaches two trusts, one acknowledges
 * within 48 hours and one late, one machine is fixed and one is still
 * affected, and an older alert reaches the hub. Every figure, and the rows
 * each links to, is exact, for the whole hub and for one trust; the page and
 * an evidence page show them; a report stored before the section still opens.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CyberAlert } from '../../src/cyber/cyber-alert-schema.js';
import { createApp } from '../../src/hub/app.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import type { BoardReport } from '../../src/report/board-report.js';
import { generateBoardReport } from '../../src/report/generate-board-report.js';
import type { Figure } from '../../src/report/posture-figures.js';
import { selectEvidence } from '../../src/report/stored-report.js';
import { insertCyberAcknowledgement } from '../../src/store/cyber-alert-responses.js';
import { markCyberMachineAffected, markCyberMachineRemediated, settleCyberAlertRemediation, upsertCyberAlert } from '../../src/store/cyber-alerts.js';
import { saveBoardReport } from '../../src/store/board-reports.js';
import { WHOLE_HUB, type ReportOwner } from '../../src/store/organisations.js';
import { sampleReport } from '../helpers/reports.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createTestHub, type TestHub } from '../helpers/test-hub.js';
import { addTrust, FIRST_TRUST } from '../helpers/trusts.js';

// The hub starts in September, so the shipped alert it loads (published 2024) reached it before the months reported on.
let clock = new Date('2026-09-30T12:00:00Z');
let hub: TestHub;
let ryy: number;
let trustOne: string;
const db = () => hub.deps.db;

const alert = (reference: string, published: string, title: string): CyberAlert => ({
  reference, title, published, severity: 'high', cves: [], affected: [{ title: 'Example Viewer', versions: ['before 2.0'] }], remedy: 'Upgrade to 2.0.', link: 'https://example.org/alert',
});

function ingest(hostname: string, organisationId: number): number {
  const report = { ...sampleReport(), host: { ...sampleReport().host, hostname, serial: hostname }, collectedAt: clock.toISOString() };
  ingestReport(hub.deps, report, { agentId: null, organisationId, idempotencyKey: randomUUID() });
  return (db().prepare('SELECT id FROM assets WHERE hostname = ?').get(hostname) as { id: number }).id;
}

/** The machine's row for the alert, on one of its installs (which install does not matter to the report). */
function affect(cyberAlertId: number, assetId: number, since: string) {
  const { softwareId } = db().prepare('SELECT software_id AS "softwareId" FROM installs WHERE asset_id = ? ORDER BY software_id LIMIT 1').get(assetId) as { softwareId: number };
  markCyberMachineAffected(db(), { cyberAlertId, assetId, softwareId: Number(softwareId), why: 'Example Viewer 1.9 is before 2.0', since });
  return { cyberAlertId, assetId, softwareId: Number(softwareId) };
}

const generate = (owner: ReportOwner, month: string) => generateBoardReport(hub.deps, owner, month, 'admin').report;
const rowsOf = (owner: ReportOwner, report: BoardReport, f: Figure) => selectEvidence(db(), owner, report, f.list, f.filter);

let october: { hub: BoardReport; trust: BoardReport };
let november: { hub: BoardReport; trust: BoardReport };

beforeAll(async () => {
  hub = await createTestHub({}, () => clock);
  ryy = addTrust(db(), 'RYY');
  trustOne = (db().prepare('SELECT code FROM organisations WHERE id = ?').get(FIRST_TRUST) as { code: string }).code;

  clock = new Date('2026-10-15T09:00:00Z');
  const fixed = ingest('T1-PC1', FIRST_TRUST);
  ingest('T1-PC2', FIRST_TRUST);
  const open = ingest('T2-PC1', ryy);
  clock = new Date('2026-10-31T20:00:00Z');
  october = { hub: generate(WHOLE_HUB, '2026-10'), trust: generate(FIRST_TRUST, '2026-10') };

  clock = new Date('2026-11-02T09:00:00Z');
  const id = upsertCyberAlert(db(), alert('CC-9001', '2026-11-02', 'Example Viewer remote code execution'), clock.toISOString());
  const since = '2026-11-02T10:00:00.000Z';
  const fixedRow = affect(id, fixed, since);
  affect(id, open, since);
  // Due 48 hours from the start of 2 November (UTC): 2026-11-04T00:00Z.
  insertCyberAcknowledgement(db(), { cyberAlertId: id, organisationId: FIRST_TRUST }, 'lead.one', '2026-11-03T09:00:00.000Z', '2026-11-06T09:00:00.000Z');
  insertCyberAcknowledgement(db(), { cyberAlertId: id, organisationId: ryy }, 'lead.two', '2026-11-05T09:00:00.000Z', '2026-11-08T09:00:00.000Z');
  upsertCyberAlert(db(), alert('CC-8999', '2026-10-20', 'Example Viewer information disclosure'), '2026-11-05T08:00:00.000Z');
  markCyberMachineRemediated(db(), fixedRow, '2026-11-10T12:00:00.000Z');
  settleCyberAlertRemediation(db(), id, '2026-11-10T12:00:00.000Z');

  clock = new Date('2026-11-20T12:00:00Z');
  november = { hub: generate(WHOLE_HUB, '2026-11'), trust: generate(FIRST_TRUST, '2026-11') };
});
afterAll(() => hub?.close());

const values = (c: NonNullable<BoardReport['figures']['cyber']>) => ({
  published: c.received.published.value, addedLater: c.received.addedLater.value,
  due: c.acknowledgement.due.value, withinTarget: c.acknowledgement.withinTarget.value, late: c.acknowledgement.late.value, notYet: c.acknowledgement.notYet.value,
  remediatedResponses: c.remediated.responses.value, remediatedMachines: c.remediated.machines.value,
  openAlerts: c.open.alerts.value, openResponses: c.open.responses.value, openMachines: c.open.machines.value,
});
const ZERO = { published: 0, addedLater: 0, due: 0, withinTarget: 0, late: 0, notYet: 0, remediatedResponses: 0, remediatedMachines: 0, openAlerts: 0, openResponses: 0, openMachines: 0 };

describe('a month with no cyber alert', () => {
  it('keeps the section, every figure zero, and says so in the summary', () => {
    for (const report of [october.hub, october.trust]) {
      expect(values(report.figures.cyber!)).toEqual(ZERO);
      expect(report.figures.cyber!.stillOpen).toEqual([]);
      expect(report.summary).toContain('No NHS cyber alert was received in October 2026, and none is open on any machine.');
    }
    expect(rowsOf(WHOLE_HUB, october.hub, october.hub.figures.cyber!.received.published).rows).toEqual([]);
  });
});

describe('a month with cyber alerts, whole hub', () => {
  it('counts received, acknowledged within 48 hours (x of y), remediated and still open exactly', () => {
    expect(values(november.hub.figures.cyber!)).toEqual({
      published: 1, addedLater: 1, due: 2, withinTarget: 1, late: 1, notYet: 0, remediatedResponses: 1, remediatedMachines: 1, openAlerts: 1, openResponses: 1, openMachines: 1,
    });
    expect(november.hub.summary).toContain(
      'Cyber alerts: 1 alert published in November 2026 (and 1 alert published earlier reached the hub); 1 of 2 responses acknowledged within 48 hours; 1 remediated this month (1 machine fixed); 1 alert still open on 1 machine.',
    );
  });

  it('lists the alert still open with its trust, machines, ages and stage', () => {
    const [row, ...rest] = november.hub.figures.cyber!.stillOpen;
    expect(rest).toEqual([]);
    expect(row).toEqual({
      reference: 'CC-9001', title: 'Example Viewer remote code execution', severity: 'high', knownExploited: 'no', organisation: 'RYY', published: '2026-11-02',
      machines: { value: 1, list: 'cyberMachines', filter: { reference: 'CC-9001', organisation: 'RYY', state: 'affected' } },
      affectedSince: '2026-11-02T10:00:00.000Z', ageDays: 18, daysSincePublished: 18, stage: 'acknowledged',
    });
  });

  it('links each figure to exactly the rows it counts', () => {
    const c = november.hub.figures.cyber!;
    const of = (f: Figure) => rowsOf(WHOLE_HUB, november.hub, f);
    expect(of(c.received.published).rows).toMatchObject([{ reference: 'CC-9001', received: 'published this month', addedAt: '2026-11-02T09:00:00.000Z', affectedMachines: 1, open: 'yes' }]);
    expect(of(c.received.addedLater).rows).toMatchObject([{ reference: 'CC-8999', published: '2026-10-20', received: 'added this month', affectedMachines: 0, open: 'no' }]);
    const due = of(c.acknowledgement.due).rows as Record<string, unknown>[];
    expect(due.map((r) => [r.reference, r.organisation, r.acknowledgedAt, r.acknowledged, r.acknowledgementDue])).toEqual([
      ['CC-9001', trustOne, '2026-11-03T09:00:00.000Z', 'within 48 hours', '2026-11-04T00:00:00.000Z'],
      ['CC-9001', 'RYY', '2026-11-05T09:00:00.000Z', 'late', '2026-11-04T00:00:00.000Z'],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))));
    expect(of(c.acknowledgement.withinTarget).rows).toMatchObject([{ organisation: trustOne, acknowledged: 'within 48 hours' }]);
    expect(of(c.acknowledgement.late).rows).toMatchObject([{ organisation: 'RYY', acknowledged: 'late' }]);
    expect(of(c.remediated.responses).rows).toMatchObject([{ reference: 'CC-9001', organisation: trustOne, stage: 'remediated', remediatedAt: '2026-11-10T12:00:00.000Z', affectedMachines: 0, open: 'no' }]);
    expect(of(c.remediated.machines).rows).toEqual([
      { reference: 'CC-9001', organisation: trustOne, assetId: expect.any(Number), hostname: 'T1-PC1', state: 'remediated this month', affectedSince: '', remediatedAt: '2026-11-10T12:00:00.000Z' },
    ]);
    expect(of(c.open.machines).rows).toEqual([
      { reference: 'CC-9001', organisation: 'RYY', assetId: expect.any(Number), hostname: 'T2-PC1', state: 'affected', affectedSince: '2026-11-02T10:00:00.000Z', remediatedAt: '' },
    ]);
    expect(of(c.stillOpen[0]!.machines).rows).toEqual(of(c.open.machines).rows);
    for (const f of [...Object.values(c.received), ...Object.values(c.acknowledgement), ...Object.values(c.remediated), ...Object.values(c.open)]) {
      const s = of(f);
      expect([s.total, s.rows.length], `${f.list} ${JSON.stringify(f.filter)}`).toEqual([f.value, f.value]);
    }
  });

  it('leaves out alerts that bear on neither month nor machine (the shipped one, published 2024)', () => {
    const all = rowsOf(WHOLE_HUB, november.hub, { value: 0, list: 'cyberAlerts', filter: {} }).rows as { reference: string }[];
    expect(all.map((r) => r.reference)).toEqual(['CC-8999', 'CC-9001']);
  });
});

describe('a month with cyber alerts, one trust', () => {
  it('counts only that trust’s responses and machines', () => {
    expect(values(november.trust.figures.cyber!)).toEqual({
      published: 1, addedLater: 1, due: 1, withinTarget: 1, late: 0, notYet: 0, remediatedResponses: 1, remediatedMachines: 1, openAlerts: 0, openResponses: 0, openMachines: 0,
    });
    expect(november.trust.figures.cyber!.stillOpen).toEqual([]);
    expect(rowsOf(FIRST_TRUST, november.trust, november.trust.figures.cyber!.acknowledgement.due).rows).toMatchObject([{ organisation: trustOne, acknowledged: 'within 48 hours' }]);
    expect(november.trust.summary).toContain(
      'Cyber alerts: 1 alert published in November 2026 (and 1 alert published earlier reached the hub); 1 of 1 response acknowledged within 48 hours; 1 remediated this month (1 machine fixed); none still open.',
    );
  });
});

describe('the report pages', () => {
  let app: ReturnType<typeof createApp>;
  let admin: string;
  beforeAll(async () => {
    app = createApp(hub.deps);
    admin = (await signInUsers(app, hub, [])).admin!;
  });
  const page = async (path: string) => {
    const res = await app.request(path, { headers: { cookie: admin } });
    return { status: res.status, html: await res.text() };
  };

  it('shows the section with each figure linked to its evidence, and the evidence page its rows', async () => {
    const { status, html } = await page('/board-reports/2026-11');
    expect(status).toBe(200);
    expect(html).toContain('id="cyber-alerts"');
    expect(html).toContain('href="/board-reports/2026-11/evidence/cyberResponses?publishedThisMonth=yes&amp;acknowledged=within+48+hours"');
    expect(html).toMatch(/<tr data-reference="CC-9001"><td><a href="\/cyber-alerts\/CC-9001">CC-9001<\/a>.*RYY.*data-value="1".*Acknowledged<\/td>/s);
    const evidence = await page('/board-reports/2026-11/evidence/cyberMachines?state=affected');
    expect(evidence.status).toBe(200);
    expect(evidence.html).toContain('Machines affected by cyber alerts');
    expect(evidence.html).toMatch(/id="evidence-count">1</);
    expect(evidence.html).toContain('T2-PC1');
    expect(evidence.html).toContain('<a href="/cyber-alerts/CC-9001">CC-9001</a>');
  });

  it('says so in a month with no cyber alert', async () => {
    const { html } = await page(`/trusts/${trustOne}/board-reports/2026-10`);
    expect(html).toContain('No cyber alert has a machine still affected.');
    expect(html).toContain('No NHS cyber alert was received in October 2026');
  });

  it('still opens a report stored before the section existed, saying its snapshot did not record cyber alerts', async () => {
    const fixture = JSON.parse(fs.readFileSync(new URL('../fixtures/board-report/before-0010.json', import.meta.url), 'utf8')) as { reports: { month: string; snapshot_day: string; data_hash: string; json: string; generated_at: string }[] };
    const old = fixture.reports[0]!;
    saveBoardReport(db(), { owner: ryy, month: old.month, snapshotDay: old.snapshot_day, dataHash: old.data_hash, json: old.json, generatedAt: old.generated_at, generatedBy: 'admin', auditHeadId: null, auditHeadHash: null });
    const { status, html } = await page(`/trusts/RYY/board-reports/${old.month}`);
    expect(status).toBe(200);
    expect(html).toContain('This report&#39;s snapshot did not record cyber alerts.');
  });
});
