/**
 * Cyber alerts on a real hub (issue 23, point 2): the shipped LOCAL-2026-001
 * (Firefox before 131.0.2, ESR 128 before 128.3.1) against machines reported
 * over real HTTP and by ingest, an upgrade that remediates, acknowledgement
 * and its audit, and a broken alert file that leaves the shipped one in force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEnrolmentSecret } from '../../src/auth/enrolment.js';
import { hashPassword } from '../../src/auth/password.js';
import type { Report } from '../../src/contract/report.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { insertUser } from '../../src/store/users.js';
import { addTrust } from '../helpers/trusts.js';
import { sampleReport } from '../helpers/reports.js';
import { ROOT, runCliInBackground } from '../helpers/cli.js';
import { signInCookie, startTestHub, storeEnv, tempDir, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

const REFERENCE = 'LOCAL-2026-001';
// Within the sessions' 12 hours.
const KEV_FILE = fileURLToPath(new URL('../../../shared/data/kev/known_exploited_vulnerabilities.json', import.meta.url));

const LATER = new Date('2026-11-23T18:00:00Z');

let hub: ListeningTestHub;
let clock = TEST_NOW;
let admin: string;
let board: string;

/** A Windows PC carrying one Firefox; the rest of the sample report's software stays. */
function pcWith(hostname: string, firefox: { name: string; version: string }, collectedAt = '2026-11-23T09:00:00Z'): Report {
  const base = sampleReport();
  return { ...base, host: { ...base.host, hostname, serial: hostname }, collectedAt, software: [...base.software, { ...firefox, vendor: 'Mozilla', source: 'registry' }] };
}

const ingest = (report: Report) => ingestReport(hub.deps, report, { agentId: null, organisationId: 1, idempotencyKey: randomUUID() });

async function agentToken(hostname: string): Promise<string> {
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: hostname, createdBy: null, by: 'cli', uses: 1, organisationId: 1, now: TEST_NOW, days: 1 });
  const res = await fetch(`${hub.url}/api/v1/agents/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret, hostname }) });
  return ((await res.json()) as { token: string }).token;
}

async function postReport(token: string, report: Report): Promise<void> {
  const res = await fetch(`${hub.url}/api/v1/reports`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(report) });
  expect(res.status).toBeLessThan(300);
}

const get = async (p: string, cookie = admin) => {
  const res = await fetch(`${hub.url}${p}`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const acknowledge = (cookie: string) => fetch(`${hub.url}/api/v1/cyber-alerts/${REFERENCE}/acknowledge`, { method: 'POST', headers: { cookie, origin: hub.url, 'content-type': 'application/json' }, body: '{}' });

interface Machine { hostname: string; item: { name: string; version: string }; why: string; since: string; remediatedAt: string | null }

beforeAll(async () => {
  hub = await startTestHub({}, () => clock);
  admin = await signInCookie(hub.url, 'admin', hub.adminPassword);
  insertUser(hub.deps.db, { username: 'board-user', passwordHash: await hashPassword('a long enough passphrase'), role: 'board', mustChangePassword: false, organisationId: null, now: TEST_NOW.toISOString() });
  board = await signInCookie(hub.url, 'board-user', 'a long enough passphrase');
});
afterAll(() => hub.close());

/** The ODS code of the hub's first trust, as the preview names it. */
const trustCode = () => (hub.deps.db.prepare('SELECT code FROM organisations WHERE id = 1').get() as { code: string }).code;

describe('cyber alerts on a real hub', () => {
  let token: string;

  it('marks exactly the machines carrying an affected Firefox, boundaries included', async () => {
    token = await agentToken('WARD1-PC001');
    await postReport(token, pcWith('WARD1-PC001', { name: 'Mozilla Firefox (x64 en-GB)', version: '131.0.1' }));
    ingest(pcWith('WARD1-PC002', { name: 'Mozilla Firefox (x64 en-GB)', version: '131.0.2' }));
    ingest(pcWith('WARD1-PC003', { name: 'Mozilla Firefox ESR (x64 en-GB)', version: '128.3.1' }));
    ingest(pcWith('WARD1-PC004', { name: 'Mozilla Firefox ESR (x64 en-GB)', version: '128.3.0' }));

    const one = await get(`/api/v1/cyber-alerts/${REFERENCE}`);
    expect(one.status).toBe(200);
    const machines = one.body.machines as Machine[];
    expect(machines.map((m) => [m.hostname, m.item.version, m.remediatedAt])).toEqual([['WARD1-PC001', '131.0.1', null], ['WARD1-PC004', '128.3.0', null]]);
    expect(machines[0]?.why).toContain('>= 129, < 131.0.2');
    expect(machines[1]?.why).toContain('>= 116, < 128.3.1');
    expect(machines.every((m) => m.since === TEST_NOW.toISOString())).toBe(true);

    const list = await get('/api/v1/cyber-alerts');
    const alert = (list.body.alerts as Array<Record<string, unknown>>).find((a) => a.reference === REFERENCE);
    expect(alert).toMatchObject({ severity: 'critical', published: '2024-10-09', cves: ['CVE-2024-9680'], affectedMachines: 2, remediatedAt: null, knownExploited: null });
    // Published 2024-10-09: due 48 hours from the start of that day, long past and not acknowledged.
    expect(alert?.acknowledgement).toEqual({ due: '2024-10-11T00:00:00.000Z', trusts: 1, acknowledged: 0, overdue: 1, late: 0 });
    expect((alert?.responses as Array<Record<string, unknown>>)[0]).toMatchObject({ organisation: trustCode(), stage: 'awaiting-acknowledgement', acknowledgement: { at: null, by: null, overdue: true }, nextUpdate: null, affectedMachines: 2 });
    expect(list.body.knownExploitedCatalogue).toMatchObject({ configured: false, version: null });
  });

  it('previews an alert file with rules test on the hub\'s database, storing nothing', async () => {
    const rows = () => hub.deps.db.prepare('SELECT count(*) AS n FROM cyber_alert_machines').get() as { n: number };
    const before = rows();
    const r = await runCliInBackground(['rules', 'test', path.join(ROOT, 'rules/cyber-alerts', `${REFERENCE}.yaml`), '--data-dir', hub.dir], { env: storeEnv(hub) });
    expect(r.code, r.stderr).toBe(0);
    const [summary, ...samples] = r.stdout.trim().split('\n');
    expect(summary).toBe(`${REFERENCE} would affect 2 machines (2 installs): 2 in ${trustCode()}`);
    expect(samples).toEqual([expect.stringMatching(/^ {2}WARD1-PC001: Mozilla Firefox \(x64 en-GB\) 131\.0\.1 \(product firefox\) is in >= 129, < 131\.0\.2/), expect.stringMatching(/^ {2}WARD1-PC004: .*128\.3\.0/)]);
    expect(rows()).toEqual(before);
  });

  it('remediates a machine whose next report carries the fixed version, with the time, and then the alert', async () => {
    clock = LATER;
    await postReport(token, pcWith('WARD1-PC001', { name: 'Mozilla Firefox (x64 en-GB)', version: '131.0.2' }, '2026-11-23T17:55:00Z'));
    let machines = (await get(`/api/v1/cyber-alerts/${REFERENCE}`)).body.machines as Machine[];
    expect(machines.find((m) => m.hostname === 'WARD1-PC001')?.remediatedAt).toBe(LATER.toISOString());
    expect((await get(`/api/v1/cyber-alerts/${REFERENCE}`)).body).toMatchObject({ affectedMachines: 1, remediatedMachines: 1, remediatedAt: null });

    // The ESR machine removes Firefox: the last affected install leaves, so the alert is remediated.
    const base = sampleReport();
    ingest({ ...base, host: { ...base.host, hostname: 'WARD1-PC004', serial: 'WARD1-PC004' }, collectedAt: '2026-11-23T17:56:00Z' });
    const done = await get(`/api/v1/cyber-alerts/${REFERENCE}`);
    expect(done.body).toMatchObject({ affectedMachines: 0, remediatedMachines: 2, remediatedAt: LATER.toISOString() });
    machines = done.body.machines as Machine[];
    expect(machines.every((m) => m.remediatedAt === LATER.toISOString())).toBe(true);

    // A machine affected again (downgraded) reopens the alert.
    clock = new Date('2026-11-23T19:00:00Z');
    ingest(pcWith('WARD1-PC002', { name: 'Mozilla Firefox (x64 en-GB)', version: '130.0' }, '2026-11-23T18:30:00Z'));
    expect((await get(`/api/v1/cyber-alerts/${REFERENCE}`)).body).toMatchObject({ affectedMachines: 1, remediatedAt: null });
  });

  it('refuses acknowledgement to the board role and audits a security lead or admin acknowledging', async () => {
    expect((await acknowledge(board)).status).toBe(403);
    const res = await acknowledge(admin);
    expect(res.status).toBe(200);
    const view = (await res.json()) as { acknowledgement: unknown; responses: Array<{ acknowledgement: unknown; stage: string }> };
    expect(view.acknowledgement).toMatchObject({ trusts: 1, acknowledged: 1, overdue: 0, late: 1 });
    expect(view.responses[0]).toMatchObject({ stage: 'acknowledged', acknowledgement: { by: 'admin', at: clock.toISOString(), overdue: false, late: true } });
    const audit = hub.deps.db.prepare("SELECT actor, action, entity_id AS \"entityId\" FROM audit_log WHERE entity = 'cyber-alert-response'").all();
    expect(audit).toEqual([{ actor: 'admin', action: 'acknowledge', entityId: `${REFERENCE}/${trustCode()}` }]);
    expect((await acknowledge(admin)).status).toBe(409);
    expect((await get(`/api/v1/cyber-alerts/NOPE-1`)).status).toBe(404);
  });
});

describe('a broken cyber alert file', () => {
  it('is logged with its file and line while the shipped alert stays in force', async () => {
    const rulesDir = path.join(tempDir('estatewatch-rules-'), 'rules');
    fs.cpSync(path.resolve(import.meta.dirname, '../../rules'), rulesDir, { recursive: true });
    fs.writeFileSync(path.join(rulesDir, 'cyber-alerts', 'LOCAL-2026-002.yaml'), 'reference: LOCAL-2026-002\ntitle: A broken one\npublished: 2026-12-01\nseverity: dire\n');
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    let other: ListeningTestHub | undefined;
    try {
      other = await startTestHub({ rulesDir });
    } finally {
      spy.mockRestore();
    }
    try {
      const line = written.map((w) => JSON.parse(w) as { msg: string; file?: string; line?: number }).find((e) => e.file === path.join('cyber-alerts', 'LOCAL-2026-002.yaml') && e.line === 4);
      expect(line?.msg).toMatch(/cyber-alerts\/LOCAL-2026-002\.yaml:4: /);
      expect(other.deps.cyberAlerts?.map((a) => a.alert.reference)).toEqual([REFERENCE]);
      const cookie = await signInCookie(other.url, 'admin', other.adminPassword);
      const res = await fetch(`${other.url}/api/v1/cyber-alerts`, { headers: { cookie } });
      expect(((await res.json()) as { alerts: Array<{ reference: string }> }).alerts.map((a) => a.reference)).toEqual([REFERENCE]);
    } finally {
      await other.close();
      fs.rmSync(path.dirname(rulesDir), { recursive: true, force: true });
    }
  });
});

describe('with a KEV catalogue configured, and a second trust', () => {
  it('marks the alert known exploited and counts only the reader\'s trust\'s machines', async () => {
    const other = await startTestHub({ kevFile: KEV_FILE });
    try {
      const second = addTrust(other.deps.db, 'RYY');
      insertUser(other.deps.db, { username: 'ryy-lead', passwordHash: await hashPassword('a long enough passphrase'), role: 'security-lead', mustChangePassword: false, organisationId: second, now: TEST_NOW.toISOString() });
      ingestReport(other.deps, pcWith('WARD9-PC001', { name: 'Mozilla Firefox (x64 en-GB)', version: '131.0' }), { agentId: null, organisationId: 1, idempotencyKey: randomUUID() });
      const cookie = await signInCookie(other.url, 'admin', other.adminPassword);
      const res = await fetch(`${other.url}/api/v1/cyber-alerts`, { headers: { cookie } });
      const body = (await res.json()) as { knownExploitedCatalogue: { configured: boolean; version: string }; alerts: Array<Record<string, unknown>> };
      expect(body.knownExploitedCatalogue).toMatchObject({ configured: true, version: '2025.08.25' });
      expect(body.alerts[0]).toMatchObject({ reference: REFERENCE, affectedMachines: 1, knownExploited: { catalogueVersion: '2025.08.25', cves: [{ cve: 'CVE-2024-9680', dateAdded: '2024-10-15', dueDate: '2024-11-05' }] } });

      // Another trust's security lead sees the alert but none of the first trust's machines.
      const ryy = await signInCookie(other.url, 'ryy-lead', 'a long enough passphrase');
      const theirs = (await (await fetch(`${other.url}/api/v1/cyber-alerts/${REFERENCE}`, { headers: { cookie: ryy } })).json()) as { affectedMachines: number; machines: unknown[] };
      expect(theirs).toMatchObject({ affectedMachines: 0, machines: [] });
    } finally {
      await other.close();
    }
  });
});
