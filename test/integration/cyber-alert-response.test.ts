/**
 * A trust's response to a cyber alert on a real hub of two trusts (issue 23,
 * point 3): a security lead adds an alert over HTTP (a broken one is refused
 * with its line and stores nothing), each trust acknowledges, decides, records
 * updates and closes for itself, every step audited; the 48-hour and update
 * clocks raise the cyber-response-overdue alert at an injected time and notify
 * the security lead; an upgrade report remediates; the national response
 * summary gives the trust's figures; another hub process joins the new alert.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../src/alerts/evaluate-alerts.js';
import { hashPassword } from '../../src/auth/password.js';
import type { Report } from '../../src/contract/report.js';
import { openHubDeps } from '../../src/hub/start-hub.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { syncCyberAlertsJob } from '../../src/jobs/sync-cyber-alerts.js';
import { insertUser } from '../../src/store/users.js';
import type { Role } from '../../src/store/users.js';
import { addTrust } from '../helpers/trusts.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

const REF = 'LOCAL-2026-101';
/** 7-Zip before 24.07 (CVE-2024-11477, fixed in 24.07): a title entry, as for software no lifecycle rule knows. */
const ALERT = `reference: ${REF}
title: 7-Zip Zstandard decompression flaw
published: 2026-11-23
severity: high
cves: [CVE-2024-11477]
affected:
  - title: '^7-Zip'
    versions: [before 24.07]
    platform: windows
remedy: Install 7-Zip 24.07 or later.
link: https://www.cve.org/CVERecord?id=CVE-2024-11477
`;
const PASSWORD = 'a long enough passphrase';

let hub: ListeningTestHub;
let clock = TEST_NOW;
let ryy: number;
let trustCode: string;
const cookies: Record<string, string> = {};
const passwords: Record<string, string> = {};

/** Moves the hub's clock; sessions last 12 hours, so everyone signs in again at the new time. */
async function setClock(at: string) {
  clock = new Date(at);
  for (const [who, password] of Object.entries(passwords)) cookies[who] = await signInCookie(hub.url, who, password);
}

function pcWith(hostname: string, version: string, collectedAt = '2026-11-23T09:00:00Z'): Report {
  const base = sampleReport();
  return { ...base, host: { ...base.host, hostname, serial: hostname }, collectedAt, software: [...base.software, { name: `7-Zip ${version} (x64)`, version, vendor: 'Igor Pavlov', source: 'registry' }] };
}
const ingest = (report: Report, organisationId = 1) => ingestReport(hub.deps, report, { agentId: null, organisationId, idempotencyKey: randomUUID() });

async function call(method: string, path: string, who: string, body?: unknown) {
  const res = await fetch(`${hub.url}${path}`, { method, headers: { cookie: cookies[who] as string, origin: hub.url, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
const step = (name: string, who: string, body: unknown = {}) => call('POST', `/api/v1/cyber-alerts/${REF}/${name}`, who, body);
const responseOf = async (who: string, organisation: string) => ((await call('GET', `/api/v1/cyber-alerts/${REF}`, who)).body.responses as Array<Record<string, any>>).find((r) => r.organisation === organisation);

/** The live cyber-response-overdue alerts for this alert, as `ODS:step`, after evaluating at `at`. */
function overdueAt(at: string): string[] {
  evaluateAlerts(hub.deps.db, hub.deps.alertRules, new Date(at));
  const rows = hub.deps.db.prepare(`SELECT o.code, a.subject FROM alerts a JOIN organisations o ON o.id = a.organisation_id
    WHERE a.rule_id = 'cyber-response-overdue' AND a.status <> 'resolved' AND a.subject LIKE ? ORDER BY o.code, a.subject`).all(`cyber-alert:${REF}:%`) as { code: string; subject: string }[];
  return rows.map((r) => `${r.code}:${r.subject.split(':')[2]}`);
}

async function addPerson(username: string, role: Role, organisationId: number | null) {
  insertUser(hub.deps.db, { username, passwordHash: await hashPassword(PASSWORD), role, mustChangePassword: false, organisationId, now: TEST_NOW.toISOString() });
  passwords[username] = PASSWORD;
  cookies[username] = await signInCookie(hub.url, username, PASSWORD);
}

beforeAll(async () => {
  hub = await startTestHub({}, () => clock);
  ryy = addTrust(hub.deps.db, 'RYY');
  trustCode = (hub.deps.db.prepare('SELECT code FROM organisations WHERE id = 1').get() as { code: string }).code;
  passwords.admin = hub.adminPassword;
  cookies.admin = await signInCookie(hub.url, 'admin', hub.adminPassword);
  await addPerson('lead1', 'security-lead', 1);
  await addPerson('ryy-lead', 'security-lead', ryy);
  await addPerson('board1', 'board', 1);
  ingest(pcWith('WARD1-PC001', '23.01'));
  ingest(pcWith('WARD1-PC002', '24.07'));
  ingest(pcWith('RYY-PC001', '23.01'), ryy);
});
afterAll(() => hub.close());

describe('a cyber alert added on the hub and answered by two trusts', () => {
  it('refuses a broken alert with its line and stores nothing', async () => {
    const count = () => hub.deps.db.prepare('SELECT (SELECT count(*) FROM cyber_alerts) AS alerts, (SELECT count(*) FROM audit_log) AS audit').get();
    const before = count();
    const res = await call('POST', '/api/v1/cyber-alerts', 'lead1', { text: ALERT.replace('severity: high', 'severity: dire') });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'line 4', message: expect.stringMatching(/^severity: /) }]);
    expect(count()).toEqual(before);
    expect((await call('POST', '/api/v1/cyber-alerts', 'board1', { text: ALERT })).status).toBe(403);
  });

  it('adds an alert that lists exactly the machines below the fix, in force for the next ingest', async () => {
    const res = await call('POST', '/api/v1/cyber-alerts', 'lead1', { text: ALERT });
    expect(res.status).toBe(201);
    // The lead sees their own trust only: one machine, one response.
    expect(res.body).toMatchObject({ reference: REF, origin: 'hub', addedBy: 'lead1', affectedMachines: 1, acknowledgement: { due: '2026-11-25T00:00:00.000Z', trusts: 1, acknowledged: 0 } });
    expect((await call('GET', `/api/v1/cyber-alerts/${REF}`, 'admin')).body.machines.map((m: { hostname: string }) => m.hostname)).toEqual(['RYY-PC001', 'WARD1-PC001']);
    expect((await call('POST', '/api/v1/cyber-alerts', 'lead1', { text: ALERT })).status).toBe(409);

    ingest(pcWith('WARD1-PC003', '22.01'));
    expect((await call('GET', `/api/v1/cyber-alerts/${REF}`, 'lead1')).body.affectedMachines).toBe(2);
    ingest(pcWith('WARD1-PC003', '24.08', '2026-11-23T10:00:00Z'));
    // A version that cannot be read is listed as "cannot tell", never counted as safe.
    ingest(pcWith('WARD1-PC009', 'beta'));
    const detail = (await call('GET', `/api/v1/cyber-alerts/${REF}`, 'lead1')).body;
    expect(detail).toMatchObject({ affectedMachines: 1, cannotTell: [{ name: '7-Zip beta (x64)', version: 'beta', why: expect.stringContaining('cannot be read'), machines: 1 }] });
    expect((await call('GET', `/api/v1/cyber-alerts/${REF}`, 'ryy-lead')).body.cannotTell).toEqual([]);
    // The alert's page lists it apart, to check by hand; another trust's page has nothing to list.
    const page = async (who: string) => (await fetch(`${hub.url}/cyber-alerts/${REF}`, { headers: { cookie: cookies[who] as string } })).text();
    expect(await page('lead1')).toMatch(/<table id="cyber-cannot-tell">[\s\S]*7-Zip beta \(x64\) beta[\s\S]*cannot be read/);
    expect(await page('ryy-lead')).not.toContain('cyber-cannot-tell');
    const audit = hub.deps.db.prepare("SELECT actor, action FROM audit_log WHERE entity = 'cyber-alert' AND entity_id = ?").all(REF);
    expect(audit).toEqual([{ actor: 'lead1', action: 'add' }]);
  });

  it('raises the acknowledgement alert only after 48 hours from publication, and notifies the security lead', async () => {
    expect(overdueAt('2026-11-24T23:59:00Z')).toEqual([]);
    expect(overdueAt('2026-11-25T01:00:00Z')).toEqual([`RYY:acknowledgement`, `${trustCode}:acknowledgement`].sort());
    const notes = hub.deps.db.prepare("SELECT recipient_role AS role, organisation_id AS org, link FROM notifications WHERE link = ? ORDER BY organisation_id").all(`/cyber-alerts/${REF}`);
    expect(notes).toEqual([{ role: 'security-lead', org: 1, link: `/cyber-alerts/${REF}` }, { role: 'security-lead', org: ryy, link: `/cyber-alerts/${REF}` }]);
  });

  it('takes each trust\'s acknowledgement for itself: late, audited, and the alert clears for that trust only', async () => {
    await setClock('2026-11-25T02:00:00Z');
    expect((await step('acknowledge', 'admin')).body.error.code).toBe('organisation-required');
    const res = await step('acknowledge', 'lead1');
    expect(res.status).toBe(200);
    expect(res.body.responses[0]).toMatchObject({ organisation: trustCode, stage: 'acknowledged', acknowledgement: { at: clock.toISOString(), by: 'lead1', late: true, overdue: false }, nextUpdate: { due: '2026-11-28T02:00:00.000Z', overdue: false } });
    expect((await step('acknowledge', 'lead1')).status).toBe(409);
    expect(overdueAt('2026-11-25T03:00:00Z')).toEqual(['RYY:acknowledgement']);
    // A trust's lead cannot answer for another trust.
    expect((await step('acknowledge', 'ryy-lead', { organisation: trustCode })).status).toBe(403);
    expect((await step('acknowledge', 'admin', { organisation: 'RYY' })).status).toBe(200);
    expect(overdueAt('2026-11-25T03:00:00Z')).toEqual([]);
  });

  it('runs the update clock from the decision and clears it with an update', async () => {
    const decided = await step('decision', 'lead1', { decision: 'affected', reason: 'two ward PCs carry 7-Zip 22/23', expectedCompletion: '2026-12-01' });
    expect(decided.status).toBe(200);
    expect(await responseOf('lead1', trustCode)).toMatchObject({ stage: 'affected', decision: { decision: 'affected', by: 'lead1' }, expectedCompletion: '2026-12-01', nextUpdate: { due: '2026-11-28T02:00:00.000Z' } });
    expect((await step('decision', 'ryy-lead', { decision: 'not-affected', reason: '' })).body.error.details).toEqual([{ path: 'reason', message: 'required' }]);
    expect((await step('decision', 'ryy-lead', { decision: 'not-affected', reason: 'RYY-PC001 is a kiosk with no user file access' })).status).toBe(200);
    expect((await step('updates', 'ryy-lead', { note: 'n/a' })).body.error.code).toBe('not-affected');

    expect(overdueAt('2026-11-28T01:59:00Z')).toEqual([]);
    expect(overdueAt('2026-11-28T03:00:00Z')).toEqual([`${trustCode}:update`]);
    await setClock('2026-11-28T04:00:00Z');
    expect((await step('updates', 'lead1', { note: 'packaged 24.08 for SCCM', expectedCompletion: '2026-11-30' })).status).toBe(200);
    expect(await responseOf('lead1', trustCode)).toMatchObject({ expectedCompletion: '2026-11-30', nextUpdate: { due: '2026-12-01T04:00:00.000Z', overdue: false } });
    expect(overdueAt('2026-11-28T04:30:00Z')).toEqual([]);
  });

  it('closes only once the machines are fixed, and the summary gives the national form\'s answers', async () => {
    expect((await step('close', 'lead1', { note: 'done' })).body.error.code).toBe('machines-still-affected');
    await setClock('2026-11-29T09:00:00Z');
    ingest(pcWith('WARD1-PC001', '24.08', '2026-11-29T08:55:00Z'));
    expect(await responseOf('lead1', trustCode)).toMatchObject({ stage: 'remediated', affectedMachines: 0, remediatedMachines: 2, remediatedAt: clock.toISOString() });

    const summary = (await call('GET', `/api/v1/cyber-alerts/${REF}/summary`, 'lead1')).body;
    expect(summary).toMatchObject({
      reference: REF, organisation: trustCode, acknowledged: { by: 'lead1', withinTarget: false },
      applicability: { answer: 'affected', reason: 'two ward PCs carry 7-Zip 22/23' },
      affectedMachines: 0, remediatedMachines: 2, cannotTellInstalls: 1, remediationStatus: 'complete', completedAt: clock.toISOString(), expectedCompletion: '2026-11-30',
      latestUpdate: { by: 'lead1', note: 'packaged 24.08 for SCCM' }, closed: null,
    });
    expect((await call('GET', `/api/v1/cyber-alerts/${REF}/summary`, 'admin')).body.error.code).toBe('organisation-required');
    expect((await call('GET', `/api/v1/cyber-alerts/${REF}/summary?organisation=RYY`, 'admin')).body).toMatchObject({ applicability: { answer: 'not affected' }, remediationStatus: 'not applicable', affectedMachines: 1 });

    const closed = await step('close', 'lead1', { note: 'all ward PCs on 24.08' });
    expect(closed.status).toBe(200);
    expect(await responseOf('lead1', trustCode)).toMatchObject({ stage: 'closed', nextUpdate: null, closed: { by: 'lead1', note: 'all ward PCs on 24.08' } });
    expect((await step('updates', 'lead1', { note: 'late note' })).body.error.code).toBe('response-closed');
    const trail = hub.deps.db.prepare("SELECT action FROM audit_log WHERE entity = 'cyber-alert-response' AND entity_id = ? ORDER BY id").all(`${REF}/${trustCode}`);
    expect(trail.map((t) => (t as { action: string }).action)).toEqual(['acknowledge', 'decide', 'update', 'close']);
  });

  it('is joined by another hub process on the same database within its next sync', async () => {
    const other = openHubDeps(hub.deps.config, hub.deps.now);
    try {
      other.cyberAlerts = [];
      expect(syncCyberAlertsJob.run(other)).toEqual({ cyberAlerts: 'joined', references: [REF] });
      expect(syncCyberAlertsJob.run(other)).toBeUndefined();
    } finally {
      other.db.close();
    }
  });
});
