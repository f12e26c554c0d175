/**
 * The cyber alert pages on a real hub over HTTP (issue 23): adding an alert by
 * paste and by form (a broken one refused at its line, nothing stored), a
 * trust's response through the page forms, each audited, another trust's
 * security lead refused, the printable national summary, and a hazard raised
 * from the alert showing it on the hazard's page through its machines.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.js';
import type { Report } from '../../src/contract/report.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { insertUser, type Role } from '../../src/store/users.js';
import { formTokenOf } from '../helpers/post-form.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';
import { addTrust, FIRST_TRUST } from '../helpers/trusts.js';

const PASSWORD = 'a long enough passphrase';
const PASTED = 'LOCAL-2026-010';
const FILLED = 'LOCAL-2026-011';

let hub: ListeningTestHub;
const cookies: Record<string, string> = {};
let code: string;

/** A Windows PC of the first trust carrying one Firefox. */
function pcWith(hostname: string, version: string): Report {
  const base = sampleReport();
  return { ...base, host: { ...base.host, hostname, serial: hostname }, collectedAt: '2026-11-23T09:00:00Z', software: [...base.software, { name: 'Mozilla Firefox (x64 en-GB)', version, vendor: 'Mozilla', source: 'registry' }] };
}

const alertText = (reference: string, severity = 'high') => [
  `reference: ${reference}`,
  'title: Firefox flaw for the page test',
  'published: 2026-11-22',
  `severity: ${severity}`,
  'cves: [CVE-2024-9680]',
  'affected:',
  '  - product: firefox',
  '    versions: ["before 131.0.2"]',
  'remedy: Update Firefox to 131.0.2 or later.',
  'link: https://www.cve.org/CVERecord?id=CVE-2024-9680',
  '',
].join('\n');

async function addUser(username: string, role: Role, organisationId: number | null): Promise<void> {
  insertUser(hub.deps.db, { username, passwordHash: await hashPassword(PASSWORD), role, mustChangePassword: false, organisationId, now: TEST_NOW.toISOString() });
  cookies[username] = await signInCookie(hub.url, username, PASSWORD);
}

/** A page form's POST as a browser sends it, over HTTP, not following the redirect. */
function post(path: string, fields: Record<string, string>, user = 'lead') {
  const cookie = cookies[user] as string;
  const body = new URLSearchParams({ csrf: formTokenOf(hub.deps.db, cookie), ...fields });
  return fetch(`${hub.url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: hub.url, 'content-type': 'application/x-www-form-urlencoded' }, body });
}

async function page(path: string, user = 'lead'): Promise<{ status: number; html: string }> {
  const res = await fetch(`${hub.url}${path}`, { headers: { cookie: cookies[user] as string } });
  return { status: res.status, html: await res.text() };
}

const count = (sql: string) => (hub.deps.db.prepare(sql).get() as { n: number }).n;
const auditOf = (reference: string) => hub.deps.db.prepare("SELECT actor, action, entity_id AS \"entityId\" FROM audit_log WHERE entity = 'cyber-alert-response' AND entity_id LIKE ? ORDER BY id").all(`${reference}/%`);

beforeAll(async () => {
  hub = await startTestHub();
  code = (hub.deps.db.prepare('SELECT code FROM organisations WHERE id = ?').get(FIRST_TRUST) as { code: string }).code;
  const second = addTrust(hub.deps.db, 'RYY');
  cookies.admin = await signInCookie(hub.url, 'admin', hub.adminPassword);
  await addUser('lead', 'security-lead', FIRST_TRUST);
  await addUser('ryy-lead', 'security-lead', second);
  await addUser('cso', 'cso', FIRST_TRUST);
  await addUser('board', 'board', null);
  ingestReport(hub.deps, pcWith('WARD1-PC001', '131.0.1'), { agentId: null, organisationId: FIRST_TRUST, idempotencyKey: randomUUID() });
  ingestReport(hub.deps, pcWith('WARD1-PC002', '131.0.2'), { agentId: null, organisationId: FIRST_TRUST, idempotencyKey: randomUUID() });
});
afterAll(() => hub.close());

describe('adding a cyber alert on the page', () => {
  it('adds a pasted alert, puts it in force and lists its affected machine', async () => {
    const res = await post('/cyber-alerts/new/paste', { text: alertText(PASTED) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/cyber-alerts/${PASTED}`);
    expect(hub.deps.cyberAlerts?.map((a) => a.alert.reference)).toContain(PASTED);
    const { html } = await page(`/cyber-alerts/${PASTED}`);
    expect(html).toContain('added on the hub by lead');
    expect(html).toMatch(/<tr data-hostname="WARD1-PC001" data-remediated="no">/);
    expect(html).not.toContain('data-hostname="WARD1-PC002"');
    expect(html).toContain('rel="noopener noreferrer"');
    const list = await page('/cyber-alerts');
    // Published yesterday: within its 48 hours, so not flagged.
    expect(list.html).toMatch(new RegExp(`<tr data-reference="${PASTED}">`));
    expect(list.html).toMatch(/<td class="num affected">1<\/td>/);
  });

  it('refuses a broken paste with its line, keeps the text and stores nothing', async () => {
    const before = count('SELECT count(*) AS n FROM cyber_alerts');
    const audit = count('SELECT count(*) AS n FROM audit_log');
    const text = alertText('LOCAL-2026-012', 'dire');
    const res = await post('/cyber-alerts/new/paste', { text });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="paste-error">line 4: [^<]*critical/);
    expect(html).toContain('Firefox flaw for the page test');
    expect(count('SELECT count(*) AS n FROM cyber_alerts')).toBe(before);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(audit);
  });

  it('adds an alert filled in as a form, checked as the same text', async () => {
    const fields = {
      reference: FILLED, title: 'Old Firefox on Windows', published: '2026-11-20', severity: 'medium', cves: 'CVE-2024-9680', match: 'product', name: 'firefox',
      versions: 'before 131.0.2', platform: 'windows', remedy: 'Update Firefox.', link: 'https://www.mozilla.org/security/advisories/mfsa2024-51/',
    };
    const refused = await post('/cyber-alerts/new/form', { ...fields, link: 'http://insecure.example' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toMatch(/id="form-error">line \d+: link: expected an https:\/\/ URL/);
    expect(html).toContain(`value="${FILLED}"`);
    const res = await post('/cyber-alerts/new/form', fields);
    expect(res.status).toBe(303);
    const stored = hub.deps.db.prepare('SELECT origin, added_by AS "addedBy", definition FROM cyber_alerts WHERE reference = ?').get(FILLED) as { origin: string; addedBy: string; definition: string };
    expect(stored).toMatchObject({ origin: 'hub', addedBy: 'lead' });
    expect(JSON.parse(stored.definition)).toMatchObject({ affected: [{ product: 'firefox', versions: ['before 131.0.2'], platform: 'windows' }], cves: ['CVE-2024-9680'] });
  });
});

describe('a trust responding on the page', () => {
  it('acknowledges, decides, updates and closes by the forms, each audited', async () => {
    expect((await post(`/cyber-alerts/${PASTED}/acknowledge`, { organisation: code })).status).toBe(303);
    expect((await post(`/cyber-alerts/${PASTED}/decision`, { organisation: code, decision: 'affected', reason: 'WARD1-PC001 runs 131.0.1', expectedCompletion: '2026-11-30' })).status).toBe(303);
    expect((await post(`/cyber-alerts/${PASTED}/updates`, { organisation: code, note: 'Update pushed by SCCM', expectedCompletion: '' })).status).toBe(303);

    // The machine still carries the flaw: closing is refused beside the close form, the note kept.
    const refused = await post(`/cyber-alerts/${PASTED}/close`, { organisation: code, note: 'all done' });
    expect(refused.status).toBe(409);
    const html = await refused.text();
    expect(html).toMatch(new RegExp(`id="close-${code}-error">cannot close: 1 of`));
    expect(html).toMatch(/name="note"[^>]*>all done<\/textarea>/);

    expect((await post(`/cyber-alerts/${PASTED}/decision`, { organisation: code, decision: 'not-affected', reason: 'Firefox removed from clinical builds' })).status).toBe(303);
    expect((await post(`/cyber-alerts/${PASTED}/close`, { organisation: code, note: 'Not affected' })).status).toBe(303);
    expect(auditOf(PASTED)).toEqual(['acknowledge', 'decide', 'update', 'decide', 'close'].map((action) => ({ actor: 'lead', action, entityId: `${PASTED}/${code}` })));

    const { html: after } = await page(`/cyber-alerts/${PASTED}`);
    expect(after).toMatch(new RegExp(`id="trust-${code}" data-stage="closed"`));
    expect(after).toContain('Update pushed by SCCM');
    expect(after).toMatch(/<tr data-action="close">/);
    expect(after).not.toContain(`id="acknowledge-${code}"`);
  });

  it("refuses another trust's security lead acting for the first trust (403), storing nothing", async () => {
    const res = await post(`/cyber-alerts/${FILLED}/acknowledge`, { organisation: code }, 'ryy-lead');
    expect(res.status).toBe(403);
    expect(auditOf(FILLED)).toEqual([]);
    expect((await post(`/cyber-alerts/${FILLED}/acknowledge`, { organisation: code }, 'board')).status).toBe(403);
    // Their own page shows only their trust's response.
    const { html } = await page(`/cyber-alerts/${FILLED}`, 'ryy-lead');
    expect(html).toContain('id="trust-RYY"');
    expect(html).not.toContain(`id="trust-${code}"`);
    expect(html).not.toContain('WARD1-PC001');
  });

  it('lets an ICS-wide admin act for the trust the form names', async () => {
    expect((await post(`/cyber-alerts/${FILLED}/acknowledge`, { organisation: 'RYY' }, 'admin')).status).toBe(303);
    expect(auditOf(FILLED)).toEqual([{ actor: 'admin', action: 'acknowledge', entityId: `${FILLED}/RYY` }]);
  });
});

describe('the national response summary page', () => {
  it("gives one trust's answers as the national form asks them", async () => {
    const { status, html } = await page(`/cyber-alerts/${PASTED}/summary`);
    expect(status).toBe(200);
    const field = (key: string) => new RegExp(`<dd data-field="${key}">([^<]*)</dd>`).exec(html)?.[1];
    expect(field('reference')).toBe(PASTED);
    expect(field('organisation')).toContain(`ODS code ${code}`);
    expect(field('acknowledged')).toMatch(/by lead, within 48 hours of publication$/);
    expect(field('applicability')).toBe('not affected: Firefox removed from clinical builds');
    expect(field('affected')).toBe('1');
    expect(field('remediated')).toBe('0');
    expect(field('cannot-tell')).toBe('0');
    expect(field('status')).toBe('not applicable');
    expect(field('latest-update')).toContain('Update pushed by SCCM');
    expect(field('closure')).toContain('by lead: Not affected');
  });

  it('asks an ICS-wide person with several trusts which trust, then gives it', async () => {
    const choose = await page(`/cyber-alerts/${FILLED}/summary`, 'admin');
    expect(choose.html).toContain(`href="/cyber-alerts/${FILLED}/summary?organisation=RYY"`);
    const ryy = await page(`/cyber-alerts/${FILLED}/summary?organisation=RYY`, 'admin');
    expect(ryy.html).toMatch(/<dd data-field="acknowledged">[^<]*by admin/);
  });
});

describe('a hazard raised from a cyber alert', () => {
  it("links the trust's affected machines and shows the alert on the hazard's page", async () => {
    const res = await post(`/cyber-alerts/${FILLED}/raise-hazard`, { title: '', initialSeverity: '3', initialLikelihood: '2', potentialHarm: 'Ward PCs compromised' }, 'cso');
    expect(res.status).toBe(303);
    const hazardPath = res.headers.get('location') as string;
    expect(hazardPath).toMatch(/^\/hazards\/\d+$/);
    const { html } = await page(hazardPath, 'cso');
    expect(html).toContain(`${FILLED}: Old Firefox on Windows`);
    expect(html).toMatch(new RegExp(`<li data-reference="${FILLED}"><a href="/cyber-alerts/${FILLED}">${FILLED}</a>: Old Firefox on Windows — still affecting <a href="/assets/\\d+">WARD1-PC001</a>`));
    // The cyber alert's trail says a hazard was raised from it.
    const { html: alertPage } = await page(`/cyber-alerts/${FILLED}`, 'cso');
    expect(alertPage).toMatch(/<tr data-action="raise-hazard">/);
  });
});
