/** Triage in-process (createApp(...).request): the alert list, each action with its audit entry, roles, validation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createApp } from '../../src/hub/app.js';
import type { AlertDetail, AlertRow } from '../../src/store/alert-queries.js';
import { AUDIT_GENESIS, auditHash } from '../../src/store/audit-log.js';
import { insertUser, type Role } from '../../src/store/users.js';
import { hoursBefore, insertTestAlert, seedTriageAlerts } from '../helpers/insert-test-alert.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let ids: ReturnType<typeof seedTriageAlerts>;
const cookies: Partial<Record<Role, string>> = {};
const USERS = [['security-lead', 'lead'], ['cso', 'cso'], ['board', 'chair']] as const;

beforeAll(async () => {
  hub = await createTestHub();
  app = createApp(hub.deps);
  // Engine rules stay out of the seed: these tests own every alert in the database.
  seedDemoEstate({ ...hub.deps, alertRules: [] });
  ids = seedTriageAlerts(hub.deps.db, TEST_NOW);
  const passwordHash = await hashPassword('a test password 123');
  for (const [role, username] of USERS) insertUser(hub.deps.db, { username, passwordHash, role, mustChangePassword: false, organisationId: null, now: TEST_NOW.toISOString() });
  const logins: [Role, string, string][] = [['admin', 'admin', hub.adminPassword], ...USERS.map(([role, u]): [Role, string, string] => [role, u, 'a test password 123'])];
  for (const [role, username, password] of logins) {
    const res = await app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    cookies[role] = res.headers.get('set-cookie')?.split(';')[0];
  }
});
afterAll(() => hub.close());

const get = (path: string, role: Role = 'admin') => app.request(path, { headers: { cookie: cookies[role] as string } });
const post = (path: string, body?: unknown, role: Role = 'admin') =>
  app.request(path, { method: 'POST', headers: { cookie: cookies[role] as string, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const list = async (query: string) => {
  const res = await get(`/api/v1/alerts${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; rows: AlertRow[] };
};
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; details?: { path: string }[] } }).error;
const newAlert = (severity: 'high' | 'medium' = 'high') => insertTestAlert(hub.deps.db, { hostname: 'WARD12-PC021', severity, raisedAt: hoursBefore(TEST_NOW, 6) });
const auditOf = (id: number) => hub.deps.db.prepare("SELECT * FROM audit_log WHERE entity = 'alert' AND entity_id = ? ORDER BY id").all(String(id)) as Record<string, string>[];
const AT = TEST_NOW.toISOString();

describe('the alert list', () => {
  it('shows live alerts, most severe first, then oldest first, with hostnames and the 48-hour flag', async () => {
    const { total, rows } = await list('');
    expect(rows.map((r) => r.id)).toEqual([ids.win7, ids.spread, ids.reader, ids.pacs, ids.fax, ids.info]);
    expect(total).toBe(6);
    expect(rows[0]).toMatchObject({ hostname: 'WARD7-PC014', severity: 'critical', overdue: true });
    expect(rows.filter((r) => r.overdue).map((r) => r.id)).toEqual([ids.win7, ids.reader]);
    expect(rows.find((r) => r.id === ids.spread)?.hostname).toBeNull();
  });

  it('filters by one or several severities, status, rule, asset, age and text', async () => {
    const idsOf = async (q: string) => (await list(q)).rows.map((r) => r.id);
    expect(await idsOf('?severity=critical')).toEqual([ids.win7, ids.spread]);
    expect(await idsOf('?severity=high&severity=medium')).toEqual([ids.reader, ids.pacs, ids.fax]);
    expect(await idsOf('?severity=high,medium')).toEqual([ids.reader, ids.pacs, ids.fax]);
    expect(await idsOf('?status=resolved')).toEqual([ids.old]);
    expect(await idsOf('?status=open,suppressed')).toEqual([ids.win7, ids.spread, ids.reader, ids.pacs, ids.info]);
    expect(await idsOf('?ruleId=os-unsupported')).toEqual([ids.win7, ids.pacs]);
    const ward7 = (await list('?q=WARD7')).rows[0]?.assetId;
    expect(await idsOf(`?assetId=${ward7}`)).toEqual([ids.win7, ids.reader]);
    expect(await idsOf('?olderThanDays=2')).toEqual([ids.win7, ids.reader, ids.fax]);
    expect(await idsOf('?newerThanDays=2')).toEqual([ids.spread, ids.pacs, ids.info]);
    expect(await idsOf('?q=pacs')).toEqual([ids.pacs]);
    expect(await idsOf('?q=reader')).toEqual([ids.reader]);
  });

  it('pages through the list', async () => {
    const page2 = await list('?pageSize=2&page=2');
    expect(page2.total).toBe(6);
    expect(page2.rows.map((r) => r.id)).toEqual([ids.reader, ids.pacs]);
  });

  it('rejects a bad filter with 400 naming each bad parameter', async () => {
    const res = await get('/api/v1/alerts?severity=urgent&olderThanDays=-1&colour=red');
    expect(res.status).toBe(400);
    const details = JSON.stringify((await errorOf(res)).details);
    // Unknown parameters are named in the message (zod reports them at the root).
    for (const name of ['severity', 'olderThanDays', 'colour']) expect(details).toContain(name);
  });

  it('shows one alert with its notes and audit trail, and 404 for an unknown one', async () => {
    const res = await get(`/api/v1/alerts/${ids.fax}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: ids.fax, hostname: 'PHARM-PC02', subject: 'device:fax:pharmacy', notes: [], audit: [] });
    expect((await get('/api/v1/alerts/99999')).status).toBe(404);
    expect((await post('/api/v1/alerts/99999/acknowledge')).status).toBe(404);
  });
});

describe('triage actions', () => {
  it('acknowledges an open alert, auditing who and what changed; a second acknowledge is a 409', async () => {
    const id = newAlert();
    const res = await post(`/api/v1/alerts/${id}/acknowledge`);
    expect(res.status).toBe(200);
    const alert = (await res.json()) as AlertDetail;
    expect(alert).toMatchObject({ status: 'acknowledged', acknowledgedAt: AT });
    expect(alert.audit).toEqual([
      { id: expect.any(Number), at: AT, actor: 'admin', action: 'acknowledge', before: { status: 'open', acknowledgedAt: null }, after: { status: 'acknowledged', acknowledgedAt: AT } },
    ]);
    const again = await post(`/api/v1/alerts/${id}/acknowledge`);
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('invalid-transition');
    expect(auditOf(id)).toHaveLength(1);
  });

  it('assigns to a user of the hub and unassigns; an unknown user is a 400 naming assignee', async () => {
    const id = newAlert();
    expect(((await (await post(`/api/v1/alerts/${id}/assign`, { assignee: 'lead' }, 'security-lead')).json()) as AlertDetail).assignee).toBe('lead');
    const unknown = await post(`/api/v1/alerts/${id}/assign`, { assignee: 'nobody' });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).details?.[0]?.path).toBe('assignee');
    expect(((await (await post(`/api/v1/alerts/${id}/assign`, { assignee: null })).json()) as AlertDetail).assignee).toBeNull();
    expect(auditOf(id).map((e) => [e.actor, e.action, e.before, e.after])).toEqual([
      ['lead', 'assign', '{"assignee":null}', '{"assignee":"lead"}'],
      ['admin', 'assign', '{"assignee":"lead"}', '{"assignee":null}'],
    ]);
  });

  it('adds a note, audited with its author', async () => {
    const id = newAlert();
    const res = await post(`/api/v1/alerts/${id}/notes`, { text: 'Ward 12 PC is used for e-prescribing; clinical impact if removed.' }, 'cso');
    expect(res.status).toBe(201);
    const alert = (await res.json()) as AlertDetail;
    expect(alert.notes).toEqual([{ id: expect.any(Number), author: 'cso', at: AT, text: 'Ward 12 PC is used for e-prescribing; clinical impact if removed.' }]);
    expect(alert.audit[0]).toMatchObject({ actor: 'cso', action: 'note', before: null, after: { text: alert.notes[0]?.text } });
    expect((await post(`/api/v1/alerts/${id}/notes`, { text: '   ' })).status).toBe(400);
  });

  it('resolves by hand with a note; a resolved alert cannot be acknowledged, suppressed or reopened but takes notes', async () => {
    const id = newAlert();
    const alert = (await (await post(`/api/v1/alerts/${id}/resolve`, { note: 'Reader removed by the desktop team.' })).json()) as AlertDetail;
    expect(alert).toMatchObject({ status: 'resolved', resolution: 'manual', resolvedAt: AT, notes: [{ text: 'Reader removed by the desktop team.' }] });
    expect(alert.audit.map((e) => e.action)).toEqual(['resolve', 'note']);
    expect(alert.audit[0]).toMatchObject({ before: { status: 'open', resolvedAt: null, resolution: null }, after: { status: 'resolved', resolvedAt: AT, resolution: 'manual' } });
    expect((await post(`/api/v1/alerts/${id}/acknowledge`)).status).toBe(409);
    expect((await post(`/api/v1/alerts/${id}/suppress`, { reason: 'a good long reason', until: '2026-12-10' })).status).toBe(409);
    expect((await post(`/api/v1/alerts/${id}/reopen`)).status).toBe(409);
    expect((await post(`/api/v1/alerts/${id}/resolve`)).status).toBe(409);
    expect((await post(`/api/v1/alerts/${id}/notes`, { text: 'Confirmed gone at the next scan.' })).status).toBe(201);
  });

  it('suppresses only with a reason of 10+ characters and a date after today, at most a year ahead', async () => {
    const id = newAlert('medium');
    const bad = async (body: unknown) => {
      const res = await post(`/api/v1/alerts/${id}/suppress`, body);
      expect(res.status).toBe(400);
      return (await errorOf(res)).details?.map((d) => d.path);
    };
    expect(await bad({ until: '2026-12-10' })).toEqual(['reason']);
    expect(await bad({ reason: 'too short', until: '2026-12-10' })).toEqual(['reason']);
    expect(await bad({ reason: 'supplier patch due next month', until: '2026-11-20' })).toEqual(['until']);
    expect(await bad({ reason: 'supplier patch due next month', until: '2026-11-23' })).toEqual(['until']);
    expect(await bad({ reason: 'supplier patch due next month', until: '2027-11-24' })).toEqual(['until']);
    expect(await bad({ reason: 'supplier patch due next month', until: '10/12/2026' })).toEqual(['until']);
    expect(auditOf(id)).toHaveLength(0);
    const res = await post(`/api/v1/alerts/${id}/suppress`, { reason: 'supplier patch due next month', until: '2026-12-10' });
    expect(res.status).toBe(200);
    const alert = (await res.json()) as AlertDetail;
    expect(alert).toMatchObject({ status: 'suppressed', suppressedUntil: '2026-12-10T00:00:00.000Z', suppressReason: 'supplier patch due next month' });
    expect(alert.audit[0]).toMatchObject({ actor: 'admin', action: 'suppress', before: { status: 'open', suppressedUntil: null, suppressReason: null } });
  });

  it('suppresses a critical or unsupported-OS alert for 30 days at most, saying why, and offers an exception instead', async () => {
    const critical = insertTestAlert(hub.deps.db, { hostname: 'WARD12-PC021', severity: 'critical', raisedAt: hoursBefore(TEST_NOW, 6) });
    const os = insertTestAlert(hub.deps.db, { hostname: 'WARD12-PC021', ruleId: 'unsupported-os', severity: 'high', raisedAt: hoursBefore(TEST_NOW, 6) });
    const high = newAlert('high');
    for (const id of [critical, os]) {
      const long = await post(`/api/v1/alerts/${id}/suppress`, { reason: 'replacement PC ordered for January', until: '2026-12-24' });
      expect(long.status).toBe(400);
      const error = await errorOf(long);
      expect(error.details?.map((d) => d.path)).toEqual(['until']);
      expect(JSON.stringify(error)).toContain('30 days at most (until 2026-12-23): an end-of-life system that must stay is a risk to accept, so request an exception');
      expect(auditOf(id)).toHaveLength(0);
      expect((await post(`/api/v1/alerts/${id}/suppress`, { reason: 'replacement PC ordered for January', until: '2026-12-23' })).status).toBe(200);
    }
    expect((await post(`/api/v1/alerts/${high}/suppress`, { reason: 'supplier patch due in the spring', until: '2027-06-01' })).status).toBe(200);

    const page = await (await get(`/alerts/${os}`)).text();
    expect(page).toContain('href="/exceptions?hostname=WARD12-PC021&amp;rule=unsupported-os#request"');
    expect(page).toMatch(/<input id="suppress-until" name="until" type="date" required="" min="2026-11-24" max="2026-12-23"/);
    expect(page).toContain('id="suppress-cap"');
    const prefilled = await (await get('/exceptions?hostname=WARD12-PC021&rule=unsupported-os')).text();
    expect(prefilled).toContain('<option value="unsupported-os" selected="">');
    expect(prefilled).toMatch(/<textarea id="ex-hostnames" name="hostnames" rows="2">WARD12-PC021<\/textarea>/);
    expect(prefilled).toContain('value="Unsupported operating system: WARD12-PC021"');
  });

  it('reopens an acknowledged or suppressed alert, withdrawing the acknowledgement; an open one is a 409', async () => {
    const id = newAlert();
    await post(`/api/v1/alerts/${id}/acknowledge`);
    const alert = (await (await post(`/api/v1/alerts/${id}/reopen`, undefined, 'security-lead')).json()) as AlertDetail;
    expect(alert).toMatchObject({ status: 'open', acknowledgedAt: null });
    expect(alert.audit[1]).toMatchObject({ actor: 'lead', action: 'reopen', before: { status: 'acknowledged', acknowledgedAt: AT }, after: { status: 'open', acknowledgedAt: null } });
    expect((await post(`/api/v1/alerts/${id}/reopen`)).status).toBe(409);
    await post(`/api/v1/alerts/${id}/suppress`, { reason: 'isolated on the lab VLAN', until: '2027-01-31' });
    expect(((await (await post(`/api/v1/alerts/${id}/reopen`)).json()) as AlertDetail).status).toBe('open');
  });

  it('keeps the audit chain intact: each entry holds the previous hash and its own hash checks out', () => {
    const rows = hub.deps.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as { at: string; actor: string; action: string; entity: string; entity_id: string; before: string | null; after: string | null; prev_hash: string; hash: string }[];
    expect(rows.length).toBeGreaterThan(10);
    let prev = AUDIT_GENESIS;
    for (const r of rows) {
      expect(r.prev_hash).toBe(prev);
      const entry = { at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id };
      const parse = (v: string | null) => (v === null ? undefined : (JSON.parse(v) as unknown));
      expect(r.hash).toBe(auditHash(prev, { ...entry, before: parse(r.before), after: parse(r.after) }));
      prev = r.hash;
    }
  });
});

describe('who may act', () => {
  const ACTIONS: [string, unknown][] = [
    ['acknowledge', undefined],
    ['assign', { assignee: 'lead' }],
    ['notes', { text: 'a note' }],
    ['resolve', { note: 'done' }],
    ['suppress', { reason: 'a good long reason', until: '2026-12-10' }],
    ['reopen', undefined],
  ];

  it('lets every role read the list and an alert', async () => {
    for (const role of ['admin', 'security-lead', 'cso', 'board'] as const) {
      expect((await get('/api/v1/alerts', role)).status).toBe(200);
      expect((await get(`/api/v1/alerts/${ids.win7}`, role)).status).toBe(200);
    }
    expect((await app.request('/api/v1/alerts')).status).toBe(401);
  });

  it('refuses the board every action with 403, and changes nothing', async () => {
    const id = newAlert();
    for (const [action, body] of ACTIONS) expect((await post(`/api/v1/alerts/${id}/${action}`, body, 'board')).status, action).toBe(403);
    expect(auditOf(id)).toHaveLength(0);
  });

  it('lets a CSO add notes and nothing else', async () => {
    const id = newAlert();
    for (const [action, body] of ACTIONS) {
      expect((await post(`/api/v1/alerts/${id}/${action}`, body, 'cso')).status, action).toBe(action === 'notes' ? 201 : 403);
    }
    expect(auditOf(id).map((e) => e.action)).toEqual(['note']);
  });
});

describe('the triage pages', () => {
  const form = (path: string, fields: Record<string, string>, role: Role = 'admin') =>
    app.request(`http://localhost${path}`, {
      method: 'POST',
      headers: { cookie: cookies[role] as string, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams(fields).toString(),
    });
  const csrfOf = async (role: Role) => (await (await get(`/alerts/${ids.pacs}`, role)).text()).match(/name="csrf" value="([^"]+)"/)?.[1] ?? '';

  it('lists alerts with severity words and flags overdue ones', async () => {
    const html = await (await get('/alerts?severity=critical')).text();
    expect(html).toContain('Windows 7 is unsupported');
    expect(html).toContain('>Critical</span>');
    expect(html).toMatch(/<tr class="overdue"[^>]*data-id="\d+"/);
    expect(html).not.toContain('Server 2012 R2');
  });

  it('shows action forms only to roles that may use them', async () => {
    const forms = async (role: Role) => [...(await (await get(`/alerts/${ids.pacs}`, role)).text()).matchAll(/<form class="action panel" id="(\w+)"/g)].map((m) => m[1]);
    expect(await forms('admin')).toEqual(['acknowledge', 'assign', 'suppress', 'resolve', 'note']);
    expect(await forms('cso')).toEqual(['note']);
    expect(await forms('board')).toEqual([]);
  });

  it('acts through a form with the session token, and re-shows the alert with a message on a bad field', async () => {
    const id = newAlert();
    expect((await form(`/alerts/${id}/acknowledge`, {})).status).toBe(403);
    const csrf = await csrfOf('admin');
    const ok = await form(`/alerts/${id}/acknowledge`, { csrf });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/alerts/${id}`);
    const bad = await form(`/alerts/${id}/suppress`, { csrf, reason: 'short', until: '2026-12-10' });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    // Beside the form it came from, what was typed kept: not a dead end.
    expect(page).toContain('<p class="error" role="alert" id="suppress-error">reason: give a reason of at least 10 characters</p>');
    expect(page).toMatch(/<textarea id="suppress-reason"[^>]*>short<\/textarea>/);
    expect(page).toContain('value="2026-12-10"');
    const unknown = await form(`/alerts/${id}/assign`, { csrf, assignee: 'no-such-person' });
    expect(unknown.status).toBe(400);
    const assignPage = await unknown.text();
    expect(assignPage).toContain('id="assign-error">assignee: no user &quot;no-such-person&quot; who can see alert');
    expect(assignPage).toMatch(/<input id="assign-to" name="assignee" value="no-such-person"/);
    expect((await form(`/alerts/${id}/suppress`, { csrf: await csrfOf('board'), reason: 'a long enough reason', until: '2026-12-10' }, 'board')).status).toBe(403);
  });
});
