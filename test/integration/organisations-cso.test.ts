/**
 * Trusts on an ICS hub (issue 10) for clinical safety: each hazard, action and
 * exception is one trust's, linked only to that trust's assets, alerts and
 * devices; a trust's people see and change only their trust's (another's is
 * absent: 404) and get only its notifications; an ICS-wide person sees every
 * trust's and names the trust of what they create. Real hub, real database
 * (SQLite or PostgreSQL), real requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionDetail } from '../../src/cso/action-list.js';
import type { HazardDetail, HazardView } from '../../src/cso/hazard-log.js';
import { demoReports } from '../../src/demo/demo-estate.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createApp } from '../../src/hub/app.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { expireExceptionsJob } from '../../src/jobs/expire-exceptions.js';
import type { ActionRow } from '../../src/store/actions.js';
import type { ExceptionDetail, ExceptionRow } from '../../src/store/exceptions.js';
import { insertNotification, type Notification } from '../../src/store/notifications.js';
import { postForm } from '../helpers/post-form.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';
import { SIGN_OFF } from '../helpers/sign-off.js';
import { FIRST_TRUST, splitDemoEstate } from '../helpers/trusts.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookies: Record<string, string>;
let two: number;
/** Trust one's and trust two's assets and alerts, and a fax found on a trust two PC. */
const ids = { assetOne: 0, assetTwo: 0, alertOne: 0, alertTwo: 0, faxTwo: 0, ward7One: 0, ward7Two: 0 };

const db = () => hub.deps.db;
const ask = (path: string, user: string, init: { method?: string; body?: unknown } = {}) =>
  app.request(path, {
    method: init.method ?? 'GET',
    headers: { cookie: cookies[user] as string, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
const post = (path: string, user: string, body: unknown = {}) => ask(path, user, { method: 'POST', body });
const json = async <T>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; details?: { path: string }[] } }).error;
const one = <T>(sql: string, ...params: unknown[]) => db().prepare(sql).get(...params) as T;
const auditCount = () => one<{ n: number }>('SELECT count(*) AS n FROM audit_log').n;
const idOf = (hostname: string, trust: number) => one<{ id: number }>('SELECT id FROM assets WHERE hostname = ? AND organisation_id = ?', hostname, trust).id;

const HAZARD = { description: 'Unsupported kit used in patient care.', initialSeverity: 4, initialLikelihood: 3 };
const newHazard = async (user: string, title: string, extra: Record<string, unknown> = {}) =>
  json<HazardDetail>(await post('/api/v1/hazards', user, { ...HAZARD, title, ...extra }), 201);
const newAction = async (user: string, title: string, extra: Record<string, unknown> = {}) =>
  json<ActionDetail>(await post('/api/v1/actions', user, { title, dueDate: '2026-12-01', ...extra }), 201);
const EXCEPTION = {
  justification: 'The supplier will not certify the console on a newer OS.',
  compensatingControls: 'isolated VLAN, no internet, USB disabled',
  expiresOn: '2027-06-30',
  ruleIds: ['unsupported-os'],
};
const requestException = async (user: string, title: string, assetIds: number[], extra: Record<string, unknown> = {}) =>
  json<ExceptionDetail>(await post('/api/v1/exceptions', user, { ...EXCEPTION, title, assetIds, ...extra }), 201);
const notificationTexts = async (user: string) => (await json<{ rows: Notification[] }>(await ask('/api/v1/notifications', user))).rows.map((n) => n.text);

beforeAll(async () => {
  hub = await createTestHub();
  app = createApp(hub.deps);
  seedDemoEstate({ ...hub.deps, alertRules: [] });
  // Trust two has PACS-SRV01 and PHARM-PC02 from the demo estate, and its own WARD7-PC014 too.
  const { two: second, ...found } = splitDemoEstate(db());
  two = second;
  Object.assign(ids, found);
  const ward7 = demoReports(TEST_NOW).find((r) => r.host.hostname === 'WARD7-PC014')!;
  ingestReport(hub.deps, { ...ward7, host: { ...ward7.host, fqdn: 'WARD7-PC014.ryy.nhs.uk' } }, { agentId: null, organisationId: two, idempotencyKey: 'ryy:ward7' });
  ids.assetOne = idOf('DW-SQL01', FIRST_TRUST);
  ids.assetTwo = idOf('PACS-SRV01', two);
  ids.ward7One = idOf('WARD7-PC014', FIRST_TRUST);
  ids.ward7Two = idOf('WARD7-PC014', two);
  cookies = await signInUsers(app, hub, [
    ['lead-one', 'security-lead', FIRST_TRUST],
    ['cso-one', 'cso', FIRST_TRUST],
    ['lead-two', 'security-lead', two],
    ['cso-two', 'cso', two],
    ['ics-cso', 'cso'],
  ]);
});
afterAll(() => hub.close());

describe('the hazard log', () => {
  let hazardOne: HazardDetail;
  let hazardTwo: HazardDetail;

  it("puts a trust's person's new hazard in their trust, and refuses them another trust (403)", async () => {
    hazardOne = await newHazard('lead-one', 'Trust one: SQL Server 2012 holds the data warehouse');
    hazardTwo = await newHazard('lead-two', 'Trust two: PACS on Server 2012 R2');
    expect([hazardOne.organisation, hazardTwo.organisation]).toEqual(['TRUST', 'RYY']);
    expect(one('SELECT organisation_id AS trust FROM hazards WHERE id = ?', hazardTwo.id)).toEqual({ trust: two });
    const before = one<{ n: number }>('SELECT count(*) AS n FROM hazards').n;
    const refused = await post('/api/v1/hazards', 'lead-one', { ...HAZARD, title: 'For the other trust', organisation: 'RYY' });
    expect(refused.status).toBe(403);
    expect(one('SELECT count(*) AS n FROM hazards')).toEqual({ n: before });
  });

  it('asks an ICS-wide person which trust a new hazard is for (400), then files it there', async () => {
    const res = await post('/api/v1/hazards', 'ics-cso', { ...HAZARD, title: 'No trust named' });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'organisation-required', details: [{ path: 'organisation' }] });
    const named = await newHazard('ics-cso', 'Named for trust two', { organisation: 'RYY' });
    expect(named).toMatchObject({ organisation: 'RYY', organisationId: two });
  });

  it("lists only the reader's trust's hazards; an ICS-wide person sees both, or one they name", async () => {
    const list = async (user: string, query = '') => json<{ total: number; rows: HazardView[] }>(await ask(`/api/v1/hazards?pageSize=500${query}`, user));
    const trustOne = await list('cso-one');
    expect(trustOne.rows.map((r) => r.id)).toContain(hazardOne.id);
    expect(trustOne.rows.map((r) => r.organisation)).toEqual(trustOne.rows.map(() => 'TRUST'));
    expect(trustOne.total).toBe(one<{ n: number }>('SELECT count(*) AS n FROM hazards WHERE organisation_id = ?', FIRST_TRUST).n);
    const trustTwo = await list('cso-two');
    expect(new Set(trustTwo.rows.map((r) => r.organisation))).toEqual(new Set(['RYY']));
    expect(trustTwo.total).toBe(2);
    const everyone = await list('ics-cso');
    expect(everyone.total).toBe(trustOne.total + trustTwo.total);
    expect((await list('ics-cso', '&organisation=RYY')).rows.map((r) => r.id).sort()).toEqual(trustTwo.rows.map((r) => r.id).sort());
    expect((await ask('/api/v1/hazards?organisation=RYY', 'cso-one')).status).toBe(403);
  });

  it("answers 404 to every read and write of another trust's hazard, and changes nothing", async () => {
    const row = () => db().prepare('SELECT * FROM hazards WHERE id = ?').get(hazardTwo.id);
    const before = { row: row(), audit: auditCount(), links: one<{ n: number }>('SELECT count(*) AS n FROM hazard_links').n };
    const id = hazardTwo.id;
    expect((await ask(`/api/v1/hazards/${id}`, 'cso-one')).status).toBe(404);
    const writes: [string, string, unknown][] = [
      ['PATCH', `/api/v1/hazards/${id}`, { title: 'Renamed by the other trust' }],
      ['POST', `/api/v1/hazards/${id}/status`, { status: 'transferred' }],
      ['POST', `/api/v1/hazards/${id}/links`, { kind: 'asset', targetId: ids.assetOne }],
      ['POST', `/api/v1/hazards/${id}/residual-risk`, { severity: 1, likelihood: 1 }],
    ];
    for (const [method, path, body] of writes) expect((await ask(path, 'cso-one', { method, body })).status, `${method} ${path}`).toBe(404);
    expect((await post('/api/v1/actions', 'cso-one', { title: 'For their hazard', dueDate: '2026-12-01', hazardId: id })).status).toBe(400);
    expect({ row: row(), audit: auditCount(), links: one<{ n: number }>('SELECT count(*) AS n FROM hazard_links').n }).toEqual(before);
  });

  it("links a hazard only to its own trust's assets, alerts and devices", async () => {
    const link = (user: string, kind: string, targetId: number) => post(`/api/v1/hazards/${hazardOne.id}/links`, user, { kind, targetId });
    // To a trust's person another trust's record is absent, as a missing one is (400 naming the field).
    for (const [kind, targetId] of [['asset', ids.assetTwo], ['alert', ids.alertTwo], ['device', ids.faxTwo]] as const) {
      const res = await link('cso-one', kind, targetId);
      expect(res.status, kind).toBe(400);
      expect((await errorOf(res)).details?.map((d) => d.path)).toEqual(['targetId']);
    }
    // An ICS-wide person sees both, and is told the two records are different trusts'.
    const across = await link('ics-cso', 'asset', ids.assetTwo);
    expect(across.status).toBe(409);
    expect(await errorOf(across)).toMatchObject({ code: 'other-trust', details: [{ path: 'targetId' }] });
    expect(one('SELECT count(*) AS n FROM hazard_links WHERE hazard_id = ?', hazardOne.id)).toEqual({ n: 0 });
    const linked = await json<HazardDetail>(await link('cso-one', 'alert', ids.alertOne));
    expect(linked.links).toEqual([{ kind: 'alert', targetId: ids.alertOne, label: 'DW-SQL01 runs SQL Server 2012', detail: expect.any(String) }]);
  });

  it("raises a hazard from an alert in the alert's trust; another trust's alert is absent (404)", async () => {
    const before = one<{ n: number }>('SELECT count(*) AS n FROM hazards').n;
    expect((await post(`/api/v1/alerts/${ids.alertTwo}/raise-hazard`, 'lead-one', { initialSeverity: 4, initialLikelihood: 4 })).status).toBe(404);
    expect(one('SELECT count(*) AS n FROM hazards')).toEqual({ n: before });
    const raised = await json<HazardDetail>(await post(`/api/v1/alerts/${ids.alertTwo}/raise-hazard`, 'ics-cso', { initialSeverity: 4, initialLikelihood: 4 }), 201);
    expect(raised).toMatchObject({ organisation: 'RYY', links: [{ kind: 'alert', targetId: ids.alertTwo }, { kind: 'asset', targetId: ids.assetTwo }] });
  });
});

describe('the action list', () => {
  let hazardOne: HazardDetail;
  let hazardTwo: HazardDetail;
  let actionOne: ActionDetail;
  let actionTwo: ActionDetail;

  beforeAll(async () => {
    hazardOne = await newHazard('cso-one', 'Trust one: faxes on the wards');
    hazardTwo = await newHazard('cso-two', 'Trust two: faxes in pharmacy');
  });

  it("gives an action its hazard's, alert's or asset's trust, without the ICS-wide person naming it", async () => {
    actionOne = await newAction('lead-one', 'Trust one: replace the ward faxes', { hazardId: hazardOne.id, assetId: ids.assetOne });
    actionTwo = await newAction('ics-cso', 'Trust two: replace the pharmacy fax', { hazardId: hazardTwo.id, controlsHazard: true });
    const forAlert = await newAction('ics-cso', 'Trust two: patch PACS', { alertId: ids.alertTwo });
    expect([actionOne.organisation, actionTwo.organisation, forAlert.organisation]).toEqual(['TRUST', 'RYY', 'RYY']);
    expect(one('SELECT organisation_id AS trust FROM actions WHERE id = ?', actionTwo.id)).toEqual({ trust: two });
  });

  it('needs the trust of a free-standing action from an ICS-wide person (400), and refuses a trust its person does not work for (403)', async () => {
    const res = await post('/api/v1/actions', 'ics-cso', { title: 'Free-standing', dueDate: '2026-12-01' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('organisation-required');
    expect((await newAction('ics-cso', 'Free-standing for trust two', { organisation: 'RYY' })).organisation).toBe('RYY');
    expect((await newAction('lead-two', 'Free-standing, own trust')).organisation).toBe('RYY');
    expect((await post('/api/v1/actions', 'lead-two', { title: 'For trust one', dueDate: '2026-12-01', organisation: 'TRUST' })).status).toBe(403);
  });

  it("refuses links to another trust's records: absent to a trust's person (400), a clash to an ICS-wide one (409)", async () => {
    const before = one<{ n: number }>('SELECT count(*) AS n FROM actions').n;
    for (const [field, value] of [['hazardId', hazardTwo.id], ['alertId', ids.alertTwo], ['assetId', ids.assetTwo]] as const) {
      const res = await post('/api/v1/actions', 'lead-one', { title: 'Across', dueDate: '2026-12-01', [field]: value });
      expect(res.status, field).toBe(400);
      expect((await errorOf(res)).details?.map((d) => d.path)).toEqual([field]);
    }
    const mixed = await post('/api/v1/actions', 'ics-cso', { title: 'Across', dueDate: '2026-12-01', hazardId: hazardOne.id, assetId: ids.assetTwo });
    expect(mixed.status).toBe(409);
    expect(await errorOf(mixed)).toMatchObject({ code: 'other-trust', details: [{ path: 'assetId' }] });
    const misnamed = await post('/api/v1/actions', 'ics-cso', { title: 'Across', dueDate: '2026-12-01', hazardId: hazardTwo.id, organisation: 'TRUST' });
    expect(misnamed.status).toBe(409);
    expect(one('SELECT count(*) AS n FROM actions')).toEqual({ n: before });
    const edit = await ask(`/api/v1/actions/${actionOne.id}`, 'ics-cso', { method: 'PATCH', body: { alertId: ids.alertTwo } });
    expect(edit.status).toBe(409);
    expect(one('SELECT alert_id AS alertId FROM actions WHERE id = ?', actionOne.id)).toEqual({ alertId: null });
  });

  it("answers 404 to every read and write of another trust's action, and changes nothing", async () => {
    const row = () => db().prepare('SELECT * FROM actions WHERE id = ?').get(actionTwo.id);
    const before = { row: row(), audit: auditCount(), notes: one<{ n: number }>('SELECT count(*) AS n FROM action_notes').n };
    const id = actionTwo.id;
    expect((await ask(`/api/v1/actions/${id}`, 'lead-one')).status).toBe(404);
    expect((await ask(`/api/v1/actions/${id}`, 'lead-one', { method: 'PATCH', body: { title: 'Renamed' } })).status).toBe(404);
    expect((await post(`/api/v1/actions/${id}/status`, 'lead-one', { status: 'done' })).status).toBe(404);
    expect((await post(`/api/v1/actions/${id}/notes`, 'lead-one', { text: 'Not ours to note' })).status).toBe(404);
    expect({ row: row(), audit: auditCount(), notes: one<{ n: number }>('SELECT count(*) AS n FROM action_notes').n }).toEqual(before);
    // Its own trust may: the control done flags trust two's hazard for a re-rating.
    await json(await post(`/api/v1/actions/${id}/status`, 'cso-two', { status: 'done' }));
    expect((await json<HazardDetail>(await ask(`/api/v1/hazards/${hazardTwo.id}`, 'cso-two'))).reratingDue).toBe(true);
  });

  it("lists and exports only the reader's trust's actions", async () => {
    const titles = async (user: string) => (await json<{ rows: ActionRow[] }>(await ask('/api/v1/actions?status=open,done&pageSize=500', user))).rows.map((r) => r.title);
    const trustOne = await titles('lead-one');
    expect(trustOne).toContain(actionOne.title);
    expect(trustOne.filter((t) => t.startsWith('Trust two') || t.startsWith('Free-standing'))).toEqual([]);
    expect(await titles('lead-two')).toEqual(expect.arrayContaining([actionTwo.title, 'Trust two: patch PACS', 'Free-standing, own trust']));
    expect(await titles('lead-two')).not.toContain(actionOne.title);
    expect(await titles('ics-cso')).toEqual(expect.arrayContaining([actionOne.title, actionTwo.title]));
    const csv = await (await ask('/api/v1/actions.csv?status=open,done', 'lead-one')).text();
    expect(csv.split('\r\n')[0]).toMatch(/^id,organisation,title,/);
    expect(csv).toContain(`${actionOne.id},TRUST,Trust one: replace the ward faxes,open,`);
    expect(csv).not.toContain('Trust two');
    expect(csv).not.toContain(',RYY,');
    const everyone = await (await ask('/api/v1/actions.csv?status=open,done', 'ics-cso')).text();
    expect(everyone).toContain(`${actionTwo.id},RYY,Trust two: replace the pharmacy fax,done,`);
  });
});

describe('risk-accepted exceptions and their notifications', () => {
  let exceptionOne: ExceptionDetail;
  let exceptionTwo: ExceptionDetail;

  it("files an exception in its assets' trust and tells that trust's CSOs (and the ICS-wide ones) only", async () => {
    exceptionOne = await requestException('lead-one', 'Trust one: data warehouse on SQL Server 2012', [ids.assetOne]);
    exceptionTwo = await requestException('lead-two', 'Trust two: PACS on Server 2012 R2', [ids.assetTwo]);
    expect([exceptionOne.organisation, exceptionTwo.organisation]).toEqual(['TRUST', 'RYY']);
    const awaitsOne = `Exception #${exceptionOne.id} 'Trust one: data warehouse on SQL Server 2012' requested by lead-one awaits sign-off`;
    const awaitsTwo = `Exception #${exceptionTwo.id} 'Trust two: PACS on Server 2012 R2' requested by lead-two awaits sign-off`;
    expect(await notificationTexts('cso-one')).toContain(awaitsOne);
    expect(await notificationTexts('cso-one')).not.toContain(awaitsTwo);
    expect(await notificationTexts('cso-two')).toEqual([awaitsTwo]);
    expect(await notificationTexts('ics-cso')).toEqual(expect.arrayContaining([awaitsOne, awaitsTwo]));
    expect(one('SELECT organisation_id AS trust FROM notifications WHERE link = ?', `/exceptions/${exceptionTwo.id}`)).toEqual({ trust: two });
  });

  it("refuses another trust's assets or hazard, and assets of two trusts in one exception", async () => {
    const before = one<{ n: number }>('SELECT count(*) AS n FROM exceptions').n;
    const theirs = await post('/api/v1/exceptions', 'lead-one', { ...EXCEPTION, title: 'Their PACS', assetIds: [ids.assetTwo] });
    expect(theirs.status).toBe(400);
    expect((await errorOf(theirs)).details?.map((d) => d.path)).toEqual(['assetIds']);
    const hazardTwo = await newHazard('cso-two', 'Trust two: the PACS hazard');
    const theirHazard = await post('/api/v1/exceptions', 'lead-one', { ...EXCEPTION, title: 'Their hazard', assetIds: [ids.assetOne], hazardId: hazardTwo.id });
    expect(theirHazard.status).toBe(400);
    expect((await errorOf(theirHazard)).details?.map((d) => d.path)).toEqual(['hazardId']);
    const both = await post('/api/v1/exceptions', 'ics-cso', { ...EXCEPTION, title: 'Both trusts', assetIds: [ids.assetOne, ids.assetTwo] });
    expect(both.status).toBe(409);
    expect((await errorOf(both)).code).toBe('other-trust');
    expect((await post('/api/v1/exceptions', 'lead-one', { ...EXCEPTION, title: 'Named another', assetIds: [ids.assetOne], organisation: 'RYY' })).status).toBe(403);
    expect(one('SELECT count(*) AS n FROM exceptions')).toEqual({ n: before });
  });

  it("answers 404 to reading, signing off, rejecting or revoking another trust's exception, and changes nothing", async () => {
    const row = () => db().prepare('SELECT * FROM exceptions WHERE id = ?').get(exceptionTwo.id);
    const notifications = () => one<{ n: number }>('SELECT count(*) AS n FROM notifications').n;
    const before = { row: row(), audit: auditCount(), notifications: notifications() };
    const id = exceptionTwo.id;
    expect((await ask(`/api/v1/exceptions/${id}`, 'cso-one')).status).toBe(404);
    expect((await post(`/api/v1/exceptions/${id}/sign-off`, 'cso-one', SIGN_OFF)).status).toBe(404);
    expect((await post(`/api/v1/exceptions/${id}/reject`, 'cso-one', { reason: 'not ours to judge at all' })).status).toBe(404);
    expect((await post(`/api/v1/exceptions/${id}/revoke`, 'cso-one', { reason: 'not ours to withdraw either' })).status).toBe(404);
    expect({ row: row(), audit: auditCount(), notifications: notifications() }).toEqual(before);
    expect((await json<ExceptionDetail>(await ask(`/api/v1/exceptions/${id}`, 'cso-two'))).status).toBe('pending');
    const listed = async (user: string) => (await json<{ total: number; rows: ExceptionRow[] }>(await ask('/api/v1/exceptions?pageSize=500', user))).rows.map((e) => e.id);
    expect(await listed('cso-one')).toEqual([exceptionOne.id]);
    expect(await listed('cso-two')).toEqual([id]);
    expect((await listed('ics-cso')).sort()).toEqual([exceptionOne.id, id].sort());
  });

  it("expires every trust's exceptions in one run, telling each trust its own", async () => {
    const three = await requestException('lead-two', 'Trust two: pharmacy PC', [idOf('PHARM-PC02', two)]);
    await json(await post(`/api/v1/exceptions/${exceptionOne.id}/sign-off`, 'cso-one', SIGN_OFF));
    await json(await post(`/api/v1/exceptions/${three.id}/sign-off`, 'cso-two', SIGN_OFF));
    expect(expireExceptionsJob.run({ ...hub.deps, now: () => new Date('2027-07-01T01:00:00Z') })).toEqual({ expired: 2 });
    const expired = (e: { id: number; title: string }) => `Exception #${e.id} '${e.title}' expired on 2027-06-30: its alerts are open again`;
    expect(await notificationTexts('cso-one')).toContain(expired(exceptionOne));
    expect(await notificationTexts('cso-one')).not.toContain(expired(three));
    expect(await notificationTexts('cso-two')).toContain(expired(three));
    expect(await notificationTexts('cso-two')).not.toContain(expired(exceptionOne));
    expect(await notificationTexts('ics-cso')).toEqual(expect.arrayContaining([expired(exceptionOne), expired(three)]));
  });

  it("sees a message for every trust, but never marks another trust's read (404)", async () => {
    insertNotification(db(), { recipientRole: 'cso', at: TEST_NOW.toISOString(), text: 'Hub maintenance on Sunday' });
    expect(await notificationTexts('cso-one')).toContain('Hub maintenance on Sunday');
    expect(await notificationTexts('cso-two')).toContain('Hub maintenance on Sunday');
    const theirs = one<{ id: number }>('SELECT id FROM notifications WHERE organisation_id = ? ORDER BY id LIMIT 1', two).id;
    expect((await post(`/api/v1/notifications/${theirs}/read`, 'cso-one')).status).toBe(404);
    expect(one('SELECT count(*) AS n FROM notification_reads WHERE notification_id = ?', theirs)).toEqual({ n: 0 });
    const unread = async (user: string) => (await json<{ unread: number }>(await ask('/api/v1/notifications', user))).unread;
    const count = (user: string, trust: number) =>
      one<{ n: number }>(`SELECT count(*) AS n FROM notifications n WHERE recipient_role = 'cso' AND closed_at IS NULL AND (organisation_id IS NULL OR organisation_id = ?)
        AND (sender IS NULL OR sender <> ?) AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.username = ?)`, trust, user, user).n;
    expect(await unread('cso-two')).toBe(count('cso-two', two));
    expect(await unread('cso-one')).toBe(count('cso-one', FIRST_TRUST));
  });
});

describe('the pages', () => {
  const page = async (path: string, user: string, status = 200) => {
    const res = await ask(path, user);
    expect(res.status, path).toBe(status);
    return res.text();
  };
  const form = (path: string, user: string, fields: Record<string, string>) => postForm(app, path, cookies[user] as string, fields);
  const csrfOf = async (user: string) => (await page('/exceptions', user)).match(/name="csrf" value="([^"]+)"/)?.[1] ?? '';

  it("shows a trust's person only their trust's hazards, actions, exceptions and notifications, with no Trust column or choice", async () => {
    const hazards = await page('/hazards', 'cso-one');
    expect(hazards).toContain('Trust one: SQL Server 2012 holds the data warehouse');
    expect(hazards).not.toContain('Trust two: PACS on Server 2012 R2');
    expect(hazards).not.toContain('<th scope="col">Trust</th>');
    expect(hazards).not.toContain('name="organisation"');
    const actions = await page('/actions?status=open,done', 'cso-one');
    expect(actions).toContain('Trust one: replace the ward faxes');
    expect(actions).not.toContain('Trust two');
    expect(await page('/exceptions', 'cso-one')).not.toContain('Trust two: PACS');
    expect(await page('/notifications', 'cso-one')).not.toContain('Trust two');
    const twoId = one<{ id: number }>("SELECT id FROM hazards WHERE title = 'Trust two: PACS on Server 2012 R2'").id;
    expect(await page(`/hazards/${twoId}`, 'cso-one', 404)).not.toContain('Trust two');
  });

  it('shows an ICS-wide person every trust, each row with its ODS code, and asks which trust a new record is for', async () => {
    const hazards = await page('/hazards?pageSize=500', 'ics-cso');
    expect(hazards).toContain('<th scope="col">Trust</th>');
    expect(hazards).toMatch(/<td>RYY<\/td><td><a href="\/hazards\/\d+">Trust two: PACS on Server 2012 R2<\/a>/);
    expect(hazards).toMatch(/<td>TRUST<\/td><td><a href="\/hazards\/\d+">Trust one: SQL Server 2012/);
    expect(hazards).toContain('<select id="new-organisation" name="organisation" required="">');
    expect(await page('/actions?status=open,done', 'ics-cso')).toContain('<select id="action-organisation" name="organisation" required="">');
    expect(await page('/exceptions', 'ics-cso')).toContain('<select id="ex-organisation" name="organisation" required="">');
  });

  it('looks hostnames up in the chosen trust only when an exception is requested by form', async () => {
    const fields = { title: 'Ward 7 PC on Windows 7', justification: EXCEPTION.justification, compensatingControls: EXCEPTION.compensatingControls, expiresOn: '2027-06-30', ruleIds: 'unsupported-os' };
    const ics = await form('/exceptions', 'ics-cso', { csrf: await csrfOf('ics-cso'), ...fields, hostnames: 'WARD7-PC014', organisation: 'RYY' });
    expect(ics.status).toBe(303);
    const created = Number(ics.headers.get('location')?.split('/').at(-1));
    expect(db().prepare('SELECT asset_id AS assetId FROM exception_assets WHERE exception_id = ?').all(created)).toEqual([{ assetId: ids.ward7Two }]);
    expect(one('SELECT organisation_id AS trust FROM exceptions WHERE id = ?', created)).toEqual({ trust: two });
    const lead = await form('/exceptions', 'lead-one', { csrf: await csrfOf('lead-one'), ...fields, hostnames: 'PACS-SRV01' });
    expect(lead.status).toBe(400);
    expect(await lead.text()).toContain('hostnames: no asset &quot;PACS-SRV01&quot;');
  });
});
