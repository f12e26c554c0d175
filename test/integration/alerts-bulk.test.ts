/**
 * Bulk triage on a real hub database: acknowledge, assign and note many alerts
 * at once (API and the alerts page), each audited as if done alone, the ones
 * that cannot move listed with why; request an exception for many.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/hub/app.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { hashToken } from '../../src/auth/tokens.js';
import { findSession } from '../../src/store/sessions.js';
import { hoursBefore, insertTestAlert } from '../helpers/insert-test-alert.js';
import { postForm } from '../helpers/post-form.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookies: Record<string, string>;

beforeAll(async () => {
  hub = await createTestHub();
  app = createApp(hub.deps);
  // The estate without its engine alerts: these tests own every alert there is.
  seedDemoEstate({ ...hub.deps, alertRules: [] });
  cookies = await signInUsers(app, hub, [['lead', 'security-lead'], ['cso', 'cso'], ['chair', 'board']]);
});
afterAll(() => hub.close());

const post = (path: string, body: unknown, user = 'lead') =>
  app.request(path, { method: 'POST', headers: { cookie: cookies[user] as string, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const alerts = (n: number, hostname = 'WARD7-PC014', ruleId = 'unsupported-software') =>
  Array.from({ length: n }, () => insertTestAlert(hub.deps.db, { hostname, ruleId, severity: 'high', raisedAt: hoursBefore(TEST_NOW, 50) }));
const statusOf = (id: number) => (hub.deps.db.prepare('SELECT status, assignee FROM alerts WHERE id = ?').get(id) as { status: string; assignee: string | null });
const auditOf = (id: number) => hub.deps.db.prepare("SELECT actor, action FROM audit_log WHERE entity = 'alert' AND entity_id = ?").all(String(id));
const csrfOf = (user: string) => findSession(hub.deps.db, hashToken((cookies[user] as string).split('=')[1] ?? ''), TEST_NOW.toISOString())?.csrfToken ?? '';

describe('bulk triage', () => {
  it('acknowledges fifty alerts in one request, each audited alone, and lists the ones that could not be', async () => {
    const ids = alerts(50);
    const already = alerts(1)[0] as number;
    await post(`/api/v1/alerts/${already}/acknowledge`, {});
    const res = await post('/api/v1/alerts/bulk', { action: 'acknowledge', ids: [...ids, already, 999_999] });
    expect(res.status).toBe(200);
    const outcome = (await res.json()) as { done: number[]; refused: { id: number; code: string }[] };
    expect(outcome.done).toEqual(ids);
    expect(outcome.refused).toEqual([expect.objectContaining({ id: already, code: 'invalid-transition' }), expect.objectContaining({ id: 999_999, code: 'not-found' })]);
    for (const id of ids) {
      expect(statusOf(id).status).toBe('acknowledged');
      expect(auditOf(id)).toEqual([{ actor: 'lead', action: 'acknowledge' }]);
    }
  });

  it('assigns and notes in bulk; an assignee who cannot see the alerts is refused on each, nothing changed', async () => {
    const ids = alerts(3);
    expect(((await (await post('/api/v1/alerts/bulk', { action: 'assign', ids, assignee: 'lead' })).json()) as { done: number[] }).done).toEqual(ids);
    expect(ids.map((id) => statusOf(id).assignee)).toEqual(['lead', 'lead', 'lead']);
    const nobody = (await (await post('/api/v1/alerts/bulk', { action: 'assign', ids, assignee: 'nobody-here' })).json()) as { done: number[]; refused: unknown[] };
    expect([nobody.done, nobody.refused.length]).toEqual([[], 3]);
    expect(ids.map((id) => statusOf(id).assignee)).toEqual(['lead', 'lead', 'lead']);
    const noted = await post('/api/v1/alerts/bulk', { action: 'note', ids, text: 'Ward 7 PCs go in the January refresh' }, 'cso');
    expect(((await noted.json()) as { done: number[] }).done).toEqual(ids);
  });

  it('lets a CSO note but not acknowledge, the board nothing, and refuses an empty or oversized selection', async () => {
    const ids = alerts(2);
    expect((await post('/api/v1/alerts/bulk', { action: 'acknowledge', ids }, 'cso')).status).toBe(403);
    expect((await post('/api/v1/alerts/bulk', { action: 'note', ids, text: 'x' }, 'chair')).status).toBe(403);
    expect((await post('/api/v1/alerts/bulk', { action: 'acknowledge', ids: [] })).status).toBe(400);
    expect((await post('/api/v1/alerts/bulk', { action: 'acknowledge', ids: Array.from({ length: 501 }, (_, i) => i + 1) })).status).toBe(400);
    expect((await post('/api/v1/alerts/bulk', { action: 'resolve', ids })).status).toBe(400);
    expect(ids.map((id) => statusOf(id).status)).toEqual(['open', 'open']);
  });
});

describe('the bulk form on the alerts page', () => {
  const page = (user = 'lead') => app.request('/alerts?status=open', { headers: { cookie: cookies[user] as string } });

  it('offers a box per alert to those who may act, and each move they may make', async () => {
    const html = await (await page()).text();
    expect(html).toContain('<form class="panel bulk" id="bulk" method="post" action="/alerts/bulk">');
    expect(html).toMatch(/<input type="checkbox" name="ids" value="\d+" form="bulk"/);
    expect(html).toContain('<option value="acknowledge">Acknowledge</option>');
    const cso = await (await page('cso')).text();
    expect(cso).not.toContain('<option value="acknowledge">');
    expect(cso).toContain('<option value="note">');
    expect(await (await page('chair')).text()).not.toContain('id="bulk"');
  });

  it('acknowledges the ticked alerts and says so at the top of the list it returns to, filters kept', async () => {
    const ids = alerts(4);
    const form = new URLSearchParams({ csrf: csrfOf('lead'), back: 'status=open&severity=high', scope: 'selected', action: 'acknowledge' });
    for (const id of ids.slice(0, 3)) form.append('ids', String(id));
    const res = await app.request('http://localhost/alerts/bulk', { method: 'POST', headers: { cookie: cookies.lead as string, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }, body: form.toString() });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/id="bulk-outcome"><p>Acknowledged 3 alerts\.<\/p>/);
    expect(html).toContain('value="high" checked=""');
    expect(ids.map((id) => statusOf(id).status)).toEqual(['acknowledged', 'acknowledged', 'acknowledged', 'open']);
  });

  it('acts on every alert the filter lists when asked, and re-shows the list with the reason when nothing is ticked', async () => {
    const ids = alerts(3, 'FIN-DT0231', 'oracle-java-8');
    const filtered = await postForm(app, '/alerts/bulk', cookies.lead as string, { csrf: csrfOf('lead'), back: 'q=FIN-DT0231&status=open', scope: 'filter', action: 'acknowledge' });
    expect(await filtered.text()).toContain('Acknowledged 3 alerts.');
    expect(ids.map((id) => statusOf(id).status)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
    const none = await postForm(app, '/alerts/bulk', cookies.lead as string, { csrf: csrfOf('lead'), back: 'status=open', scope: 'selected', action: 'acknowledge' });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('ids: select at least one alert');
  });

  it('opens the exception request with the ticked alerts’ machines and rules', async () => {
    const [a] = alerts(1, 'PACS-SRV01', 'unsupported-os');
    const [b] = alerts(1, 'LIMS-DB01', 'unsupported-software');
    const form = new URLSearchParams({ csrf: csrfOf('lead'), back: '', scope: 'selected', action: 'exception' });
    form.append('ids', String(a));
    form.append('ids', String(b));
    const res = await app.request('http://localhost/alerts/bulk', { method: 'POST', headers: { cookie: cookies.lead as string, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }, body: form.toString() });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/exceptions?hostname=PACS-SRV01%2CLIMS-DB01&rule=unsupported-os%2Cunsupported-software#request');
    const html = await (await app.request(res.headers.get('location') as string, { headers: { cookie: cookies.lead as string } })).text();
    expect(html).toMatch(/name="hostnames" rows="2">PACS-SRV01\nLIMS-DB01<\/textarea>/);
    expect(html).toContain('<option value="unsupported-software" selected="">');
  });
});

describe('the alerts list for a stretched team', () => {
  const html = async (path: string, user = 'lead') => (await app.request(path, { headers: { cookie: cookies[user] as string } })).text();
  const api = async (path: string, user = 'lead') => (await app.request(path, { headers: { cookie: cookies[user] as string } })).json() as Promise<{ total: number; rows: { id: number; assignee: string | null }[] }>;

  it('lists the alerts assigned to me (API and page), with an assignee column', async () => {
    const ids = alerts(2, 'DW-SQL01', 'oracle-java-8');
    await post('/api/v1/alerts/bulk', { action: 'assign', ids: [ids[0]], assignee: 'lead' });
    const mine = await api('/api/v1/alerts?mine=1&pageSize=500');
    expect(mine.rows.every((r) => r.assignee === 'lead')).toBe(true);
    expect(mine.rows.map((r) => r.id)).toContain(ids[0]);
    expect(mine.rows.map((r) => r.id)).not.toContain(ids[1]);
    expect((await api('/api/v1/alerts?assignee=lead&pageSize=500')).total).toBe(mine.total);
    const page = await html('/alerts?mine=1');
    expect(page).toContain('<a href="/alerts?mine=1" id="assigned-to-me" aria-current="page">');
    expect(page).toMatch(new RegExp(`data-id="${ids[0]}".*?<td class="assignee">lead</td>`));
  });

  it('names each rule in words in the filter, and the severity cards count under the filters', async () => {
    alerts(2, 'DW-SQL01', 'unsupported-os');
    const page = await html('/alerts?ruleId=unsupported-os');
    expect(page).toContain('<option value="unsupported-os" selected="">Unsupported operating system</option>');
    const high = (await api('/api/v1/alerts?ruleId=unsupported-os&severity=high&pageSize=1')).total;
    expect(page).toContain('data-filtered="yes"');
    expect(page).toMatch(new RegExp(`<a class="card sev-card-high" href="/alerts\\?ruleId=unsupported-os&amp;pageSize=50&amp;severity=high" data-severity="high"><span class="n">${high}</span>`));
    expect(await html('/alerts')).toContain('data-filtered="no"');
  });

  it('refuses a page past the last one with 400 naming the page', async () => {
    const res = await app.request('/alerts?page=99&q=DW-SQL01', { headers: { cookie: cookies.lead as string } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/page 99 is past the last page \(1\)/);
  });
});

describe('sorting the alerts list by its columns', () => {
  const api = async (path: string) => (await app.request(path, { headers: { cookie: cookies.lead as string } })).json() as Promise<{ rows: { raisedAt: string; hostname: string | null; id: number }[] }>;

  it('sorts by a column either way, ties broken by id, and refuses a column it does not have', async () => {
    const oldest = insertTestAlert(hub.deps.db, { hostname: 'WARD7-PC014', severity: 'low', raisedAt: '2026-01-01T00:00:00Z' });
    const newest = insertTestAlert(hub.deps.db, { hostname: 'WARD7-PC014', severity: 'low', raisedAt: '2026-11-23T11:59:00Z' });
    const byRaised = (await api('/api/v1/alerts?sort=raised&pageSize=500')).rows;
    expect(byRaised[0]?.id).toBe(oldest);
    expect(byRaised.map((r) => r.raisedAt)).toEqual([...byRaised.map((r) => r.raisedAt)].sort());
    expect((await api('/api/v1/alerts?sort=-raised&pageSize=1')).rows[0]?.id).toBe(newest);
    const hosts = (await api('/api/v1/alerts?sort=host&pageSize=500')).rows.map((r) => r.hostname ?? '');
    expect(hosts).toEqual([...hosts].sort());
    const bad = await app.request('/api/v1/alerts?sort=colour', { headers: { cookie: cookies.lead as string } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('sort by one of severity, title, host, status, assignee, raised, last-seen');
  });

  it('makes each heading a link to sort by it, the other way when it is already the order, filters kept', async () => {
    const page = await (await app.request('/alerts?status=open&sort=raised', { headers: { cookie: cookies.lead as string } })).text();
    expect(page).toContain('<th scope="col" aria-sort="ascending"><a href="/alerts?status=open&amp;pageSize=50&amp;sort=-raised" data-sort="raised">Raised');
    expect(page).toContain('<a href="/alerts?status=open&amp;pageSize=50&amp;sort=host" data-sort="host">Host</a>');
  });
});
