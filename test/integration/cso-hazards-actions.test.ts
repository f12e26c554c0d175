/** The hazard log and action list in-process (createApp(...).request): ratings, raising from an alert, roles, re-rating, filters, CSV, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.js';
import type { ActionDetail } from '../../src/cso/action-list.js';
import type { HazardDetail, HazardView } from '../../src/cso/hazard-log.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createApp } from '../../src/hub/app.js';
import type { ActionRow } from '../../src/store/actions.js';
import { insertUser, type Role } from '../../src/store/users.js';
import { assetIdOf, hoursBefore, insertTestAlert } from '../helpers/insert-test-alert.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
/** The hub's clock: actions are made on time and looked at once they are late. */
let clock = TEST_NOW;
let app: ReturnType<typeof createApp>;
const cookies: Partial<Record<Role, string>> = {};
const USERS = [['security-lead', 'lead'], ['cso', 'cso'], ['board', 'chair']] as const;
const AT = TEST_NOW.toISOString();

beforeAll(async () => {
  hub = await createTestHub({}, () => clock);
  app = createApp(hub.deps);
  seedDemoEstate({ ...hub.deps, alertRules: [] });
  const passwordHash = await hashPassword('a test password 123');
  for (const [role, username] of USERS) insertUser(hub.deps.db, { username, passwordHash, role, mustChangePassword: false, organisationId: null, now: AT });
  const logins: [Role, string, string][] = [['admin', 'admin', hub.adminPassword], ...USERS.map(([role, u]): [Role, string, string] => [role, u, 'a test password 123'])];
  for (const [role, username, password] of logins) {
    const res = await app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    cookies[role] = res.headers.get('set-cookie')?.split(';')[0];
  }
});
afterAll(() => hub.close());

const get = (path: string, role: Role = 'cso') => app.request(path, { headers: { cookie: cookies[role] as string } });
const send = (method: string, path: string, body: unknown, role: Role = 'cso') =>
  app.request(path, { method, headers: { cookie: cookies[role] as string, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const post = (path: string, body: unknown, role: Role = 'cso') => send('POST', path, body, role);
const json = async <T>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};
const errorPaths = async (res: Response) => ((await res.json()) as { error: { details?: { path: string }[] } }).error.details?.map((d) => d.path);
type RawAudit = { actor: string; action: string; before: string | null; after: string | null };
const auditOf = (entity: string, id: number) =>
  (hub.deps.db.prepare('SELECT actor, action, before, after FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, String(id)) as RawAudit[])
    .map((e) => ({ ...e, before: e.before && (JSON.parse(e.before) as unknown), after: e.after && (JSON.parse(e.after) as unknown) }));

const HAZARD = { title: 'Unsupported OS on ward PCs', description: 'Windows 7 PCs on Ward 7 used for e-prescribing.', initialSeverity: 4, initialLikelihood: 4 };
const newHazard = async (body: Record<string, unknown> = {}, role: Role = 'cso') => json<HazardDetail>(await post('/api/v1/hazards', { ...HAZARD, ...body }, role), 201);
const newAction = async (body: Record<string, unknown>, role: Role = 'cso') => json<ActionDetail>(await post('/api/v1/actions', { title: 'Patch', dueDate: '2026-12-01', ...body }, role), 201);

describe('the hazard log', () => {
  it('records a hazard with its initial risk from the matrix (a look-up, not a product) and no residual risk yet', async () => {
    const h = await newHazard({ initialSeverity: 5, initialLikelihood: 1, causes: 'No security updates since 2020.' });
    expect(h).toMatchObject({ status: 'open', owner: 'cso', createdBy: 'cso', reratingDue: false, residualRisk: null, causes: 'No security updates since 2020.', effect: '' });
    expect(h.initialRisk).toEqual({ severity: 5, likelihood: 1, severityLevel: 'Catastrophic', likelihoodLevel: 'Very low', rating: 3, acceptability: 'Undesirable: acceptable only if further reduction is impractical' });
    expect((await newHazard({ initialSeverity: 4, initialLikelihood: 4 })).initialRisk).toMatchObject({ rating: 4, severityLevel: 'Major', likelihoodLevel: 'High' });
    const list = await json<{ total: number; rows: HazardView[] }>(await get('/api/v1/hazards?status=open', 'board'));
    expect(list.rows.find((r) => r.id === h.id)?.initialRisk.rating).toBe(3);
  });

  it('edits fields, auditing only what changed, before and after, with the actor', async () => {
    const h = await newHazard({}, 'security-lead');
    const edited = await json<HazardDetail>(await send('PATCH', `/api/v1/hazards/${h.id}`, { initialLikelihood: 2, additionalControls: 'Isolate on a VLAN.', title: HAZARD.title }, 'admin'));
    expect(edited).toMatchObject({ initialLikelihood: 2, additionalControls: 'Isolate on a VLAN.', initialRisk: { rating: 3 } });
    expect(auditOf('hazard', h.id)).toEqual([
      { actor: 'lead', action: 'create', before: null, after: expect.objectContaining({ title: HAZARD.title, initialSeverity: 4, owner: 'lead', status: 'open' }) },
      { actor: 'admin', action: 'update', before: { initialLikelihood: 4, additionalControls: '' }, after: { initialLikelihood: 2, additionalControls: 'Isolate on a VLAN.' } },
    ]);
    expect(edited.audit.map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('rejects bad input with 400 naming each field, and changes nothing', async () => {
    expect(await errorPaths(await post('/api/v1/hazards', { description: 'x', initialSeverity: 6, initialLikelihood: 'often' }))).toEqual(['title', 'initialSeverity', 'initialLikelihood']);
    expect(await errorPaths(await post('/api/v1/hazards', { ...HAZARD, owner: 'nobody' }))).toEqual(['owner']);
    expect(await errorPaths(await post('/api/v1/hazards', { ...HAZARD, colour: 'red' }))).toEqual(['(root)']);
    const h = await newHazard();
    expect(await errorPaths(await send('PATCH', `/api/v1/hazards/${h.id}`, { title: '  ' }))).toEqual(['title']);
    expect(await errorPaths(await post(`/api/v1/hazards/${h.id}/status`, { status: 'deleted' }))).toEqual(['status']);
    expect(await errorPaths(await post(`/api/v1/hazards/${h.id}/links`, { kind: 'asset', targetId: 99999 }))).toEqual(['targetId']);
    expect(await errorPaths(await post(`/api/v1/hazards/${h.id}/residual-risk`, { severity: 0, likelihood: 3 }))).toEqual(['severity']);
    expect(auditOf('hazard', h.id).map((e) => e.action)).toEqual(['create']);
  });

  it('links and unlinks assets, alerts and devices, each audited; a repeat changes nothing', async () => {
    const h = await newHazard();
    const assetId = assetIdOf(hub.deps.db, 'PACS-SRV01');
    const linked = await json<HazardDetail>(await post(`/api/v1/hazards/${h.id}/links`, { kind: 'asset', targetId: assetId }, 'security-lead'));
    expect(linked.links).toEqual([{ kind: 'asset', targetId: assetId, label: 'PACS-SRV01', detail: null }]);
    await post(`/api/v1/hazards/${h.id}/links`, { kind: 'asset', targetId: assetId });
    const unlinked = await json<HazardDetail>(await post(`/api/v1/hazards/${h.id}/links`, { kind: 'asset', targetId: assetId, op: 'remove' }));
    expect(unlinked.links).toEqual([]);
    expect(auditOf('hazard', h.id).slice(1)).toEqual([
      { actor: 'lead', action: 'link', before: null, after: { kind: 'asset', targetId: assetId } },
      { actor: 'cso', action: 'unlink', before: { kind: 'asset', targetId: assetId }, after: null },
    ]);
  });

  it('is never deleted: there is no DELETE route; it is closed (after the residual rating) and may be reopened', async () => {
    const h = await newHazard();
    expect(app.routes.filter((r) => r.method === 'DELETE' && /hazard|action/.test(r.path))).toEqual([]);
    expect((await send('DELETE', `/api/v1/hazards/${h.id}`, {}, 'admin')).status).toBe(404);
    const early = await post(`/api/v1/hazards/${h.id}/status`, { status: 'closed' });
    expect(early.status).toBe(409);
    await post(`/api/v1/hazards/${h.id}/residual-risk`, { severity: 2, likelihood: 2 });
    expect((await json<HazardDetail>(await post(`/api/v1/hazards/${h.id}/status`, { status: 'closed' }, 'security-lead'))).status).toBe('closed');
    expect((await post(`/api/v1/hazards/${h.id}/status`, { status: 'transferred' })).status).toBe(409);
    expect((await send('PATCH', `/api/v1/hazards/${h.id}`, { title: 'Changed after closing' })).status).toBe(409);
    expect((await json<HazardDetail>(await post(`/api/v1/hazards/${h.id}/status`, { status: 'open' }))).status).toBe('open');
    expect(auditOf('hazard', h.id).filter((e) => e.action === 'status').map((e) => [e.actor, e.before, e.after])).toEqual([
      ['lead', { status: 'open' }, { status: 'closed' }],
      ['cso', { status: 'closed' }, { status: 'open' }],
    ]);
    expect(hub.deps.db.prepare('SELECT count(*) AS n FROM hazards WHERE id = ?').get(h.id)).toEqual({ n: 1 });
  });
});

describe('raising a hazard from an alert', () => {
  it('writes the hazard in plain English from the rule, keeps the evidence on the linked alert, and notes it on the alert', async () => {
    const alertId = insertTestAlert(hub.deps.db, { hostname: 'WARD7-PC014', severity: 'critical', raisedAt: hoursBefore(TEST_NOW, 5), ruleId: 'unsupported-os', subject: 'os', title: 'Windows 7 is unsupported' });
    const h = await json<HazardDetail>(await post(`/api/v1/alerts/${alertId}/raise-hazard`, { initialSeverity: 4, initialLikelihood: 3, potentialHarm: 'Delayed medication.' }, 'security-lead'), 201);
    expect(h).toMatchObject({ title: 'Windows 7 is unsupported', owner: 'lead', potentialHarm: 'Delayed medication.', initialRisk: { rating: 3 } });
    expect(h.description).toMatch(/^Windows 7 is unsupported, on WARD7-PC014\. The operating system gets no security fixes of any kind/);
    expect(h.causes).toBe(`The estate monitor found this on WARD7-PC014 on 2026-11-23 (alert #${alertId}, critical); the alert shows what was found and how it was matched.`);
    // No matcher text (rule ids, patterns, evidence) in what a safety case quotes.
    expect(`${h.description} ${h.causes}`).not.toMatch(/evidence for test alert|unsupported-os|\/.*\//);
    expect(h.links).toEqual([
      { kind: 'alert', targetId: alertId, label: 'Windows 7 is unsupported', detail: expect.stringContaining('evidence for test alert') },
      { kind: 'asset', targetId: assetIdOf(hub.deps.db, 'WARD7-PC014'), label: 'WARD7-PC014', detail: null },
    ]);
    expect(h.audit[0]).toMatchObject({ actor: 'lead', action: 'raise-from-alert', after: { links: h.links.map(({ kind, targetId }) => ({ kind, targetId })) } });
    expect(auditOf('alert', alertId)).toEqual([{ actor: 'lead', action: 'raise-hazard', before: null, after: { hazardId: h.id } }]);
  });

  it('needs the clinical rating (400 naming it) and an alert that exists (404)', async () => {
    const alertId = insertTestAlert(hub.deps.db, { hostname: null, severity: 'high', raisedAt: AT });
    expect(await errorPaths(await post(`/api/v1/alerts/${alertId}/raise-hazard`, { initialSeverity: 3 }))).toEqual(['initialLikelihood']);
    expect((await post('/api/v1/alerts/99999/raise-hazard', { initialSeverity: 3, initialLikelihood: 3 })).status).toBe(404);
  });
});

describe('residual risk', () => {
  it('is rated by the CSO only, with who and when, audited; security lead, admin and board get 403', async () => {
    const h = await newHazard();
    for (const role of ['security-lead', 'admin', 'board'] as const) expect((await post(`/api/v1/hazards/${h.id}/residual-risk`, { severity: 2, likelihood: 1 }, role)).status, role).toBe(403);
    const rated = await json<HazardDetail>(await post(`/api/v1/hazards/${h.id}/residual-risk`, { severity: 2, likelihood: 1 }));
    expect(rated).toMatchObject({ residualRatedBy: 'cso', residualRatedAt: AT, residualRisk: { rating: 1, severityLevel: 'Significant', likelihoodLevel: 'Very low', acceptability: 'Acceptable' } });
    expect(auditOf('hazard', h.id)[1]).toEqual({
      actor: 'cso', action: 'residual-risk',
      before: { residualSeverity: null, residualLikelihood: null, residualRatedBy: null, residualRatedAt: null },
      after: { residualSeverity: 2, residualLikelihood: 1, residualRatedBy: 'cso', residualRatedAt: AT },
    });
  });
});

describe('the action list', () => {
  it('prompts a re-rating when a control is done, and the CSO rating clears it', async () => {
    const h = await newHazard();
    const a = await newAction({ title: 'Replace Ward 7 PCs', owner: 'lead', hazardId: h.id, controlsHazard: true }, 'security-lead');
    expect(a).toMatchObject({ status: 'open', owner: 'lead', hazardTitle: HAZARD.title, controlsHazard: true, prompt: null });
    await json(await post(`/api/v1/actions/${a.id}/status`, { status: 'in-progress' }, 'security-lead'));
    const done = await json<ActionDetail>(await post(`/api/v1/actions/${a.id}/status`, { status: 'done', note: 'All six replaced.' }, 'security-lead'));
    expect(done).toMatchObject({ status: 'done', completedAt: AT, prompt: `Re-rate the residual risk of hazard #${h.id}`, notes: [{ text: 'All six replaced.' }] });
    const flagged = await json<HazardDetail>(await get(`/api/v1/hazards/${h.id}`));
    expect(flagged.reratingDue).toBe(true);
    expect(flagged.audit.at(-1)).toMatchObject({ actor: 'lead', action: 'rerating-due', before: { reratingDue: false }, after: { reratingDue: true } });
    expect((await json<{ rows: HazardView[] }>(await get('/api/v1/hazards?reratingDue=1'))).rows.map((r) => r.id)).toContain(h.id);
    await post(`/api/v1/hazards/${h.id}/residual-risk`, { severity: 4, likelihood: 1 });
    expect((await json<HazardDetail>(await get(`/api/v1/hazards/${h.id}`))).reratingDue).toBe(false);
    expect((await json<ActionDetail>(await get(`/api/v1/actions/${a.id}`))).prompt).toBeNull();
  });

  it('moves only along allowed transitions, needs a reason to cancel, and freezes edits once finished', async () => {
    const a = await newAction({});
    expect((await post(`/api/v1/actions/${a.id}/status`, { status: 'open' })).status).toBe(409);
    expect(await errorPaths(await post(`/api/v1/actions/${a.id}/status`, { status: 'cancelled' }))).toEqual(['note']);
    await json(await post(`/api/v1/actions/${a.id}/status`, { status: 'cancelled', note: 'Superseded by #2.' }));
    expect((await post(`/api/v1/actions/${a.id}/status`, { status: 'done' })).status).toBe(409);
    expect((await send('PATCH', `/api/v1/actions/${a.id}`, { title: 'Late edit' })).status).toBe(409);
    expect((await json<ActionDetail>(await post(`/api/v1/actions/${a.id}/status`, { status: 'open' }))).status).toBe('open');
    expect(auditOf('action', a.id).map((e) => [e.action, e.before, e.after])).toEqual([
      ['create', null, expect.objectContaining({ title: 'Patch', status: 'open', owner: 'cso' })],
      ['status', { status: 'open' }, { status: 'cancelled' }],
      ['note', null, expect.objectContaining({ text: 'Superseded by #2.' })],
      ['status', { status: 'cancelled' }, { status: 'open' }],
    ]);
  });

  it('edits and takes notes, audited; 400s name the field', async () => {
    const a = await newAction({});
    const edited = await json<ActionDetail>(await send('PATCH', `/api/v1/actions/${a.id}`, { owner: 'lead', dueDate: '2026-12-24' }, 'admin'));
    expect(edited.audit.at(-1)).toMatchObject({ actor: 'admin', action: 'update', before: { owner: 'cso', dueDate: '2026-12-01' }, after: { owner: 'lead', dueDate: '2026-12-24' } });
    expect((await json<ActionDetail>(await post(`/api/v1/actions/${a.id}/notes`, { text: 'Supplier called.' }), 201)).notes[0]).toMatchObject({ author: 'cso', text: 'Supplier called.' });
    expect(await errorPaths(await post('/api/v1/actions', { title: 'x', dueDate: '2026-02-30' }))).toEqual(['dueDate']);
    expect(await errorPaths(await post('/api/v1/actions', { dueDate: '2026-12-01', owner: 'ghost' }))).toEqual(['title']);
    expect(await errorPaths(await post('/api/v1/actions', { title: 'x', dueDate: '2026-12-01', owner: 'ghost' }))).toEqual(['owner']);
    expect(await errorPaths(await post('/api/v1/actions', { title: 'x', dueDate: '2026-12-01', controlsHazard: true }))).toEqual(['controlsHazard']);
    expect(await errorPaths(await post('/api/v1/actions', { title: 'x', dueDate: '2026-12-01', hazardId: 99999 }))).toEqual(['hazardId']);
    expect(await errorPaths(await post(`/api/v1/actions/${a.id}/notes`, { text: ' ' }))).toEqual(['text']);
  });

  it('filters by mine, owner, overdue (due before today and not finished), status and hazard', async () => {
    const h = await newHazard();
    // Set up on 1 November, when none was due yet; a new action due in the past is refused (below).
    clock = new Date('2026-11-01T09:00:00Z');
    const late = await newAction({ title: 'Late one', owner: 'chair', dueDate: '2026-11-22', hazardId: h.id });
    const dueToday = await newAction({ title: 'Due today', owner: 'chair', dueDate: '2026-11-23', hazardId: h.id });
    const lateDone = await newAction({ title: 'Late but done', owner: 'chair', dueDate: '2026-11-01', hazardId: h.id });
    clock = TEST_NOW;
    await post(`/api/v1/actions/${lateDone.id}/status`, { status: 'done' });
    const bornLate = await post('/api/v1/actions', { title: 'Born late', dueDate: '2026-11-22', hazardId: h.id }, 'cso');
    expect(bornLate.status).toBe(400);
    expect(await errorPaths(bornLate)).toEqual(['dueDate']);
    const ids = async (q: string, role: Role = 'cso') => (await json<{ rows: ActionRow[] }>(await get(`/api/v1/actions${q}`, role))).rows.map((r) => r.id);
    expect(await ids('?mine=1', 'board')).toEqual([late.id, dueToday.id]);
    expect(await ids('?owner=chair&status=open,done')).toEqual([lateDone.id, late.id, dueToday.id]);
    expect(await ids(`?hazardId=${h.id}&overdue=1`)).toEqual([late.id]);
    expect((await json<{ rows: ActionRow[] }>(await get(`/api/v1/actions?hazardId=${h.id}`))).rows.map((r) => r.overdue)).toEqual([true, false]);
    expect(await errorPaths(await get('/api/v1/actions?status=later&overdue=maybe'))).toEqual(['status[0]', 'overdue']);
  });

  it('exports CSV: header row, RFC 4180 quoting, formula cells defused', async () => {
    const h = await newHazard({ title: 'Fax, "legacy"' });
    await newAction({ title: '=HYPERLINK("http://evil")', hazardId: h.id });
    await newAction({ title: 'Two\nlines, one "quote"', hazardId: h.id });
    await newAction({ title: '@SUM(A1)', hazardId: h.id });
    const res = await get(`/api/v1/actions.csv?hazardId=${h.id}`, 'board');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="actions-2026-11-23.csv"');
    const text = await res.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('id,organisation,title,status,owner,due_date,overdue,hazard_id,hazard_title,controls_hazard,alert_id,asset_id,hostname,created_by,created_at,completed_at');
    expect(text).toContain(`,"'=HYPERLINK(""http://evil"")",open,cso,2026-12-01,no,${h.id},"Fax, ""legacy""",no,,,,cso,${AT},\r\n`);
    expect(text).toContain(',"Two\nlines, one ""quote""",open,');
    expect(text).toContain(",'@SUM(A1),open,");
    expect(text.endsWith('\r\n')).toBe(true);
  });
});

describe('who may write', () => {
  it('refuses the board every write with 403 and records nothing', async () => {
    const h = await newHazard();
    const a = await newAction({ hazardId: h.id });
    const alertId = insertTestAlert(hub.deps.db, { hostname: null, severity: 'low', raisedAt: AT });
    const before = (hub.deps.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const writes: [string, string, unknown][] = [
      ['POST', '/api/v1/hazards', HAZARD],
      ['PATCH', `/api/v1/hazards/${h.id}`, { title: 'x' }],
      ['POST', `/api/v1/hazards/${h.id}/status`, { status: 'transferred' }],
      ['POST', `/api/v1/hazards/${h.id}/links`, { kind: 'alert', targetId: alertId }],
      ['POST', `/api/v1/hazards/${h.id}/residual-risk`, { severity: 1, likelihood: 1 }],
      ['POST', `/api/v1/alerts/${alertId}/raise-hazard`, { initialSeverity: 1, initialLikelihood: 1 }],
      ['POST', '/api/v1/actions', { title: 'x', dueDate: '2026-12-01' }],
      ['PATCH', `/api/v1/actions/${a.id}`, { title: 'x' }],
      ['POST', `/api/v1/actions/${a.id}/status`, { status: 'done' }],
      ['POST', `/api/v1/actions/${a.id}/notes`, { text: 'x' }],
    ];
    for (const [method, path, body] of writes) expect((await send(method, path, body, 'board')).status, `${method} ${path}`).toBe(403);
    expect((hub.deps.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
    expect((await get(`/api/v1/hazards/${h.id}`, 'board')).status).toBe(200);
    expect((await app.request('/api/v1/hazards')).status).toBe(401);
  });
});

describe('the pages', () => {
  const form = (path: string, fields: Record<string, string>, role: Role = 'cso') =>
    app.request(`http://localhost${path}`, {
      method: 'POST',
      headers: { cookie: cookies[role] as string, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams(fields).toString(),
    });
  const csrfOf = async (role: Role) => (await (await get('/hazards', role)).text()).match(/name="csrf" value="([^"]+)"/)?.[1] ?? '';

  it('draws the hazard with the matrix, its cells numbered and marked in words, and forms by role', async () => {
    const h = await newHazard({ initialSeverity: 4, initialLikelihood: 5 });
    await post(`/api/v1/hazards/${h.id}/residual-risk`, { severity: 2, likelihood: 2 });
    const html = await (await get(`/hazards/${h.id}`)).text();
    expect(html).toMatch(/<td class="risk-5 initial" data-severity="4" data-likelihood="5"><span class="rating">5<\/span><span class="marker marker-initial">Initial<\/span><\/td>/);
    expect(html).toMatch(/<td class="risk-2 residual" data-severity="2" data-likelihood="2"><span class="rating">2<\/span><span class="marker marker-residual">Residual<\/span>/);
    expect(html).toContain('id="residual"');
    expect(await (await get(`/hazards/${h.id}`, 'security-lead')).text()).not.toContain('id="residual"');
    expect(await (await get(`/hazards/${h.id}`, 'board')).text()).not.toContain('<form class="action panel"');
  });

  it('adds an action by form, re-shows the page with a message on a bad field, and flags overdue in words', async () => {
    const h = await newHazard();
    const csrf = await csrfOf('cso');
    const bad = await form(`/hazards/${h.id}/actions`, { csrf, title: 'Check', owner: 'cso', dueDate: 'soon' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('dueDate: a date as YYYY-MM-DD');
    clock = new Date('2026-11-10T09:00:00Z');
    const ok = await form(`/hazards/${h.id}/actions`, { csrf, title: 'Check the fax line', owner: 'cso', dueDate: '2026-11-20', controlsHazard: 'on' });
    clock = TEST_NOW;
    expect(ok.status).toBe(303);
    const html = await (await get('/actions?mine=1')).text();
    expect(html).toMatch(/<tr class="overdue" data-id="\d+" data-status="open">[\s\S]*?Check the fax line[\s\S]*?Overdue/);
    expect(html).toContain('href="/api/v1/actions.csv?mine=1"');
  });
});
