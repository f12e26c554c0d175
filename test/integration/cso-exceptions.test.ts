/** Risk-accepted exceptions in-process (createApp(...).request): request, four-eyes sign-off, accepted risk on alerts, expiry, revoke, notifications. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createApp } from '../../src/hub/app.js';
import { expireExceptionsJob } from '../../src/jobs/expire-exceptions.js';
import { listAlerts, type AlertDetail, type AlertRow } from '../../src/store/alert-queries.js';
import type { ExceptionDetail } from '../../src/store/exceptions.js';
import type { Notification } from '../../src/store/notifications.js';
import type { Role } from '../../src/store/users.js';
import { assetIdOf, hoursBefore, insertTestAlert } from '../helpers/insert-test-alert.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';
import { SIGN_OFF } from '../helpers/sign-off.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
const cookies: Record<string, string> = {};
const USERS: [string, Role][] = [['lead', 'security-lead'], ['cso', 'cso'], ['cso2', 'cso'], ['chair', 'board']];

beforeAll(async () => {
  hub = await createTestHub();
  app = createApp(hub.deps);
  // Engine rules stay out of the seed: these tests own every alert in the database.
  seedDemoEstate({ ...hub.deps, alertRules: [] });
  Object.assign(cookies, await signInUsers(app, hub, USERS));
});
afterAll(() => hub.close());

const get = (path: string, user = 'admin') => app.request(path, { headers: { cookie: cookies[user] as string } });
const post = (path: string, body?: unknown, user = 'admin') =>
  app.request(path, { method: 'POST', headers: { cookie: cookies[user] as string, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const json = async <T,>(res: Response, status = 200) => {
  expect(res.status).toBe(status);
  return (await res.json()) as T;
};
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; details?: { path: string; message: string }[] } }).error;
const alertAt = (hostname: string, ruleId: string) => insertTestAlert(hub.deps.db, { hostname, ruleId, severity: 'critical', raisedAt: hoursBefore(TEST_NOW, 6) });
const alertRow = async (id: number, query = '') => (await json<{ rows: AlertRow[] }>(await get(`/api/v1/alerts?pageSize=500${query}`))).rows.find((r) => r.id === id);

/** A valid request for the CT scanner console's kind of exception, on the given hosts and rules. */
const requestBody = (hostnames: string[], ruleIds = ['unsupported-os'], expiresOn = '2027-06-30') => ({
  title: 'CT scanner console on Windows XP',
  justification: 'Supplier will not certify the scanner on a newer OS; replacement scanner is in the 2027 capital plan.',
  compensatingControls: 'isolated VLAN, no internet, USB disabled',
  expiresOn,
  assetIds: hostnames.map((h) => assetIdOf(hub.deps.db, h)),
  ruleIds,
});
const requestAs = async (user: string, hostnames: string[], ruleIds?: string[], expiresOn?: string) =>
  json<ExceptionDetail>(await post('/api/v1/exceptions', requestBody(hostnames, ruleIds, expiresOn), user), 201);
const notificationsOf = async (user: string) => json<{ unread: number; rows: Notification[] }>(await get('/api/v1/notifications', user));

describe('requesting and signing off', () => {
  it('files a request as pending, audited, with the CSO told; its alerts are not yet accepted', async () => {
    const covered = alertAt('CT-CONSOLE01', 'unsupported-os');
    const e = await requestAs('lead', ['CT-CONSOLE01']);
    expect(e).toMatchObject({ status: 'pending', requestedBy: 'lead', signedOffBy: null, expiresOn: '2027-06-30', assets: [{ hostname: 'CT-CONSOLE01' }], ruleIds: ['unsupported-os'] });
    expect(e.audit).toEqual([expect.objectContaining({ actor: 'lead', action: 'request', before: null, after: expect.objectContaining({ status: 'pending', expiresOn: '2027-06-30' }) })]);
    expect((await alertRow(covered))?.acceptedRisk).toBeNull();
    expect((await notificationsOf('cso')).rows.map((n) => n.text)).toContain(`Exception #${e.id} 'CT scanner console on Windows XP' requested by lead awaits sign-off`);
  });

  it('lets only a CSO sign off, and never the CSO who requested it (four-eyes)', async () => {
    const e = await requestAs('cso', ['DW-SQL01']);
    for (const user of ['admin', 'lead', 'chair']) expect((await post(`/api/v1/exceptions/${e.id}/sign-off`, SIGN_OFF, user)).status, user).toBe(403);
    const own = await post(`/api/v1/exceptions/${e.id}/sign-off`, SIGN_OFF, 'cso');
    expect(own.status).toBe(403);
    expect((await errorOf(own)).code).toBe('four-eyes');
    const signed = await json<ExceptionDetail>(await post(`/api/v1/exceptions/${e.id}/sign-off`, SIGN_OFF, 'cso2'));
    expect(signed).toMatchObject({ status: 'in-effect', signedOffBy: 'cso2', signedOffAt: TEST_NOW.toISOString() });
    expect(signed.audit[1]).toMatchObject({ actor: 'cso2', action: 'sign-off', before: { status: 'pending', signedOffBy: null, signedOffAt: null }, after: { status: 'in-effect', signedOffBy: 'cso2' } });
    expect((await post(`/api/v1/exceptions/${e.id}/sign-off`, SIGN_OFF, 'cso2')).status).toBe(409);
    expect((await notificationsOf('cso')).rows[0]?.text).toBe(`Exception #${e.id} 'CT scanner console on Windows XP' was signed off by cso2; in effect until 2027-06-30`);
  });

  it('asks a statement and a confirmation to sign off, and keeps the statement in the audit', async () => {
    const e = await requestAs('lead', ['DW-SQL01']);
    for (const bad of [undefined, {}, { statement: 'ok', confirm: true }, { statement: SIGN_OFF.statement }, { statement: SIGN_OFF.statement, confirm: false }]) {
      const res = await post(`/api/v1/exceptions/${e.id}/sign-off`, bad, 'cso2');
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await json<ExceptionDetail>(await get(`/api/v1/exceptions/${e.id}`))).status).toBe('pending');
    const signed = await json<ExceptionDetail>(await post(`/api/v1/exceptions/${e.id}/sign-off`, SIGN_OFF, 'cso2'));
    expect(signed.audit[1]).toMatchObject({ action: 'sign-off', after: { status: 'in-effect', statement: SIGN_OFF.statement } });
  });

  it('tells no one of their own request, lets each CSO mark a notice read for themselves, and closes it for all once decided', async () => {
    const awaits = (id: number) => (n: Notification) => n.link === `/exceptions/${id}` && n.text.includes('awaits sign-off');
    const own = await requestAs('cso', ['DW-SQL01']);
    expect((await notificationsOf('cso')).rows.some(awaits(own.id))).toBe(false);
    expect((await notificationsOf('cso2')).rows.find(awaits(own.id))?.readAt).toBeNull();

    const e = await requestAs('lead', ['DW-SQL01']);
    const notice = (await notificationsOf('cso')).rows.find(awaits(e.id));
    expect((await post(`/api/v1/notifications/${notice?.id}/read`, undefined, 'cso')).status).toBe(200);
    expect((await notificationsOf('cso')).rows.find(awaits(e.id))?.readAt).not.toBeNull();
    const before = await notificationsOf('cso2');
    expect(before.rows.find(awaits(e.id))?.readAt).toBeNull();

    await json(await post(`/api/v1/exceptions/${e.id}/sign-off`, SIGN_OFF, 'cso2'));
    const after = await notificationsOf('cso2');
    expect(after.rows.find(awaits(e.id))?.readAt).toBe(TEST_NOW.toISOString());
    expect(after.unread).toBe(before.unread - 1);
  });

  it('rejects with a reason (400 without one), and rejected exceptions accept nothing', async () => {
    const covered = alertAt('FIN-DT0231', 'unsupported-os');
    const e = await requestAs('lead', ['FIN-DT0231']);
    expect((await post(`/api/v1/exceptions/${e.id}/reject`, {}, 'cso')).status).toBe(400);
    const rejected = await json<ExceptionDetail>(await post(`/api/v1/exceptions/${e.id}/reject`, { reason: 'the PC can be replaced this quarter' }, 'cso'));
    expect(rejected.status).toBe('rejected');
    expect(rejected.audit[1]).toMatchObject({ actor: 'cso', action: 'reject', before: { status: 'pending' }, after: { status: 'rejected', reason: 'the PC can be replaced this quarter' } });
    expect((await post(`/api/v1/exceptions/${e.id}/sign-off`, SIGN_OFF, 'cso2')).status).toBe(409);
    expect((await alertRow(covered))?.acceptedRisk).toBeNull();
  });
});

describe('accepted risk on alerts', () => {
  let exceptionId: number;
  let covered: number;
  let otherRule: number;
  let otherAsset: number;

  beforeAll(async () => {
    covered = alertAt('PACS-SRV01', 'unsupported-os');
    otherRule = alertAt('PACS-SRV01', 'unsupported-software');
    otherAsset = alertAt('LIMS-DB01', 'unsupported-os');
    exceptionId = (await requestAs('lead', ['PACS-SRV01'], ['unsupported-os'], '2027-03-31')).id;
    await json(await post(`/api/v1/exceptions/${exceptionId}/sign-off`, SIGN_OFF, 'cso'));
  });

  it('marks only the covered (asset, rule) alert, in the list and the detail, without hiding it', async () => {
    expect((await alertRow(covered))?.acceptedRisk).toEqual({ exceptionId, expiresOn: '2027-03-31' });
    expect((await alertRow(otherRule))?.acceptedRisk).toBeNull();
    expect((await alertRow(otherAsset))?.acceptedRisk).toBeNull();
    expect((await json<AlertDetail>(await get(`/api/v1/alerts/${covered}`))).acceptedRisk).toEqual({ exceptionId, expiresOn: '2027-03-31' });
  });

  it('filters on accepted risk: only, or left out', async () => {
    const ids = async (q: string) => (await json<{ rows: AlertRow[] }>(await get(`/api/v1/alerts?pageSize=500&acceptedRisk=${q}`))).rows.map((r) => r.id);
    expect(await ids('only')).toContain(covered);
    expect(await ids('only')).not.toContain(otherRule);
    expect(await ids('exclude')).not.toContain(covered);
    expect(await ids('exclude')).toEqual(expect.arrayContaining([otherRule, otherAsset]));
    expect((await get('/api/v1/alerts?acceptedRisk=maybe')).status).toBe(400);
  });

  it('shows "accepted risk" with the exception and expiry on the list and detail pages', async () => {
    const list = await (await get('/alerts?acceptedRisk=only&pageSize=500')).text();
    expect(list).toContain(`Accepted risk: <a href="/exceptions/${exceptionId}">exception #${exceptionId}</a> until 2027-03-31`);
    expect(list).toContain(`data-id="${covered}"`);
    expect(list).not.toContain(`data-id="${otherRule}"`);
    expect(await (await get(`/alerts/${covered}`)).text()).toContain('id="accepted-risk"');
    expect(await (await get(`/alerts/${otherRule}`)).text()).not.toContain('id="accepted-risk"');
  });

  it('stops covering at the start of the expiry day, before the job has run', () => {
    const at = (now: string) => listAlerts(hub.deps.db, { org: null, now: new Date(now), limit: 500, offset: 0 }).rows.find((r) => r.id === covered)?.acceptedRisk;
    expect(at('2027-03-30T23:59:00Z')).not.toBeNull();
    expect(at('2027-03-31T00:00:00Z')).toBeNull();
  });
});

describe('expiry', () => {
  it('is mandatory, after today and at most a year ahead (DSPT is yearly): 400 naming the field', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const res = await post('/api/v1/exceptions', body, 'lead');
      expect(res.status).toBe(400);
      return (await errorOf(res)).details?.map((d) => d.path);
    };
    const { expiresOn: _e, ...noExpiry } = requestBody(['CT-CONSOLE01']);
    expect(await bad(noExpiry)).toEqual(['expiresOn']);
    for (const d of ['2026-11-01', '2026-11-23', '2027-11-24', '23/11/2027', '2027-02-30']) expect(await bad(requestBody(['CT-CONSOLE01'], undefined, d)), d).toEqual(['expiresOn']);
    expect(await bad(requestBody(['CT-CONSOLE01'], ['no-such-rule']))).toEqual(['ruleIds[0]']);
    expect(await bad({ ...requestBody(['CT-CONSOLE01']), assetIds: [] })).toEqual(['assetIds']);
    expect(await bad({ ...requestBody(['CT-CONSOLE01']), assetIds: [999_999] })).toEqual(['assetIds']);
    expect((await post('/api/v1/exceptions', requestBody(['CT-CONSOLE01'], undefined, '2027-11-23'), 'lead')).status).toBe(201);
  });

  it('the hourly job expires in-effect exceptions whose day has come, as "system", and tells the CSO; alerts are no longer accepted', async () => {
    const covered = alertAt('PORTAL-WEB01', 'unsupported-os');
    const e = await requestAs('lead', ['PORTAL-WEB01'], ['unsupported-os'], '2026-12-01');
    await json(await post(`/api/v1/exceptions/${e.id}/sign-off`, SIGN_OFF, 'cso'));
    expect((await alertRow(covered))?.acceptedRisk).not.toBeNull();
    const run = (now: string) => expireExceptionsJob.run({ ...hub.deps, now: () => new Date(now) }) as { expired: number };
    expect(run('2026-11-30T23:00:00Z').expired).toBe(0);
    expect(run('2026-12-01T00:05:00Z').expired).toBe(1);
    expect(run('2026-12-01T01:05:00Z').expired).toBe(0);
    const expired = await json<ExceptionDetail>(await get(`/api/v1/exceptions/${e.id}`));
    expect(expired.status).toBe('expired');
    expect(expired.audit.at(-1)).toMatchObject({ actor: 'system', action: 'expire', at: '2026-12-01T00:05:00.000Z', before: { status: 'in-effect' }, after: { status: 'expired' } });
    expect((await alertRow(covered))?.acceptedRisk).toBeNull();
    const alert = await json<AlertDetail>(await get(`/api/v1/alerts/${covered}`));
    expect(alert.status).toBe('open');
    const text = `Exception #${e.id} 'CT scanner console on Windows XP' expired on 2026-12-01: its alerts are open again`;
    expect((await notificationsOf('cso2')).rows.find((n) => n.text === text)).toMatchObject({ recipientRole: 'cso', link: `/exceptions/${e.id}`, readAt: null });
    expect((await notificationsOf('lead')).rows.some((n) => n.text === text)).toBe(false);
  });
});

describe('revoking', () => {
  it('lets a CSO or an admin revoke with a reason; the alerts are no longer accepted; a second revoke is a 409', async () => {
    const covered = alertAt('IFACE-ENG01', 'unsupported-os');
    const e = await requestAs('lead', ['IFACE-ENG01']);
    await json(await post(`/api/v1/exceptions/${e.id}/sign-off`, SIGN_OFF, 'cso'));
    expect((await post(`/api/v1/exceptions/${e.id}/revoke`, { reason: 'interface engine migrated to RHEL 9' }, 'lead')).status).toBe(403);
    const revoked = await json<ExceptionDetail>(await post(`/api/v1/exceptions/${e.id}/revoke`, { reason: 'interface engine migrated to RHEL 9' }));
    expect(revoked.status).toBe('revoked');
    expect(revoked.audit.map((a) => [a.actor, a.action, a.before, a.after])).toEqual([
      ['lead', 'request', null, expect.objectContaining({ status: 'pending' })],
      ['cso', 'sign-off', { status: 'pending', signedOffBy: null, signedOffAt: null }, { status: 'in-effect', signedOffBy: 'cso', signedOffAt: TEST_NOW.toISOString(), statement: SIGN_OFF.statement }],
      ['admin', 'revoke', { status: 'in-effect' }, { status: 'revoked', reason: 'interface engine migrated to RHEL 9' }],
    ]);
    expect((await alertRow(covered))?.acceptedRisk).toBeNull();
    expect((await post(`/api/v1/exceptions/${e.id}/revoke`, { reason: 'interface engine migrated to RHEL 9' })).status).toBe(409);
  });
});

describe('who may act', () => {
  it('lets every role read, and refuses the board every write with 403, changing nothing', async () => {
    const e = await requestAs('admin', ['MED-LT0117']);
    for (const user of ['admin', 'lead', 'cso', 'chair']) {
      expect((await get('/api/v1/exceptions', user)).status).toBe(200);
      expect((await get(`/api/v1/exceptions/${e.id}`, user)).status).toBe(200);
    }
    expect((await app.request('/api/v1/exceptions')).status).toBe(401);
    expect((await post('/api/v1/exceptions', requestBody(['MED-LT0117']), 'chair')).status).toBe(403);
    for (const action of ['sign-off', 'reject', 'revoke']) expect((await post(`/api/v1/exceptions/${e.id}/${action}`, { reason: 'the board says no to this' }, 'chair')).status, action).toBe(403);
    expect((await json<ExceptionDetail>(await get(`/api/v1/exceptions/${e.id}`))).audit).toHaveLength(1);
    expect((await get('/api/v1/exceptions/99999')).status).toBe(404);
  });

  it('lists exceptions, filtered by status', async () => {
    const all = await json<{ total: number; rows: ExceptionDetail[] }>(await get('/api/v1/exceptions?pageSize=500'));
    expect(all.total).toBe(all.rows.length);
    const inEffect = await json<{ rows: ExceptionDetail[] }>(await get('/api/v1/exceptions?status=in-effect'));
    expect(inEffect.rows.length).toBeGreaterThan(0);
    expect(inEffect.rows.every((r) => r.status === 'in-effect')).toBe(true);
    expect((await get('/api/v1/exceptions?status=fine')).status).toBe(400);
  });
});

describe('the pages', () => {
  const form = (path: string, fields: Record<string, string | string[]>, user = 'admin') => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return app.request(`http://localhost${path}`, {
      method: 'POST',
      headers: { cookie: cookies[user] as string, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', referer: 'http://localhost/alerts' },
      body: body.toString(),
    });
  };
  const csrfOf = async (user: string) => (await (await get('/exceptions', user)).text()).match(/name="csrf" value="([^"]+)"/)?.[1] ?? '';
  const fields = { title: 'Lab PC on Windows 7', justification: 'Analyser software runs only on Windows 7; vendor upgrade due.', compensatingControls: 'isolated VLAN, no internet, USB disabled', expiresOn: '2027-05-01', hostnames: 'lab-pc03', ruleIds: ['unsupported-os', 'unsupported-software'] };

  it('requests through the form by hostname, re-showing the form with each bad field named', async () => {
    const csrf = await csrfOf('lead');
    const bad = await form('/exceptions', { ...fields, csrf, hostnames: 'LAB-PC03, NOPE-01', expiresOn: '2030-01-01' }, 'lead');
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('hostnames: no asset &quot;NOPE-01&quot;');
    expect(html).toContain('expiresOn: must be at most one year ahead');
    const ok = await form('/exceptions', { ...fields, csrf }, 'lead');
    expect(ok.status).toBe(303);
    const id = Number(ok.headers.get('location')?.split('/').pop());
    const e = await json<ExceptionDetail>(await get(`/api/v1/exceptions/${id}`));
    expect(e).toMatchObject({ status: 'pending', assets: [{ hostname: 'LAB-PC03' }], ruleIds: ['unsupported-os', 'unsupported-software'] });
    expect((await form('/exceptions', { ...fields, csrf: await csrfOf('chair') }, 'chair')).status).toBe(403);
  });

  it('shows sign-off and reject only to a CSO who did not request it, revoke to CSO and admin, and lists the audit trail', async () => {
    const e = await requestAs('cso', ['MEDPHOTO-MAC02']);
    const forms = async (user: string) => [...(await (await get(`/exceptions/${e.id}`, user)).text()).matchAll(/<form class="action panel" id="([\w-]+)"/g)].map((m) => m[1]);
    expect(await forms('cso2')).toEqual(['sign-off', 'reject', 'revoke']);
    expect(await forms('cso')).toEqual(['reject', 'revoke']);
    expect(await forms('admin')).toEqual(['revoke']);
    expect(await forms('lead')).toEqual([]);
    expect(await forms('chair')).toEqual([]);
    const csrf = await csrfOf('cso2');
    // Without a statement and the confirmation the form comes back with what is missing, and nothing changes.
    const bare = await form(`/exceptions/${e.id}/sign-off`, { csrf }, 'cso2');
    expect(bare.status).toBe(400);
    expect(await bare.text()).toMatch(/statement: write what you accept.*confirm: confirm that you accept this risk/);
    const ok = await form(`/exceptions/${e.id}/sign-off`, { csrf, statement: SIGN_OFF.statement, confirm: 'on' }, 'cso2');
    expect(ok.status).toBe(303);
    const html = await (await get(`/exceptions/${e.id}`)).text();
    expect(html).toContain('data-status="in-effect"');
    expect(html).toMatch(/<tr data-action="sign-off"><td>[^<]+<\/td><td>cso2<\/td>/);
    const list = await (await get('/exceptions?status=in-effect')).text();
    expect(list).toContain(`<a href="/exceptions/${e.id}">`);
    expect(list).toContain('MEDPHOTO-MAC02');
  });
});

describe('notifications', () => {
  it('shows unread ones in a strip on every page with a count in the navigation, and marks them read by form or API', async () => {
    const before = await notificationsOf('cso');
    expect(before.unread).toBeGreaterThan(1);
    const page = await (await get('/assets', 'cso')).text();
    expect(page).toContain(`Notifications (${before.unread})`);
    expect(page).toContain('id="notifications-strip"');
    expect(await (await get('/assets', 'chair')).text()).not.toContain('id="notifications-strip"');
    const unread = before.rows.filter((n) => n.readAt === null);
    const first = unread[0];
    // One sent to the role: each CSO marks it read for themselves alone.
    const second = unread.find((n) => n !== first && n.recipientRole === 'cso');
    const csrf = (await (await get('/notifications', 'cso')).text()).match(/name="csrf" value="([^"]+)"/)?.[1] ?? '';
    const res = await form(`/notifications/${first?.id}/read`, { csrf }, 'cso');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/alerts');
    expect((await form(`/notifications/${first?.id}/read`, {}, 'cso')).status).toBe(403);
    const read = await json<Notification>(await post(`/api/v1/notifications/${second?.id}/read`, undefined, 'cso2'));
    expect(read.readAt).toBe(TEST_NOW.toISOString());
    expect((await notificationsOf('cso')).unread).toBe(before.unread - 1);
    await json<Notification>(await post(`/api/v1/notifications/${second?.id}/read`, undefined, 'cso'));
    expect((await notificationsOf('cso')).unread).toBe(before.unread - 2);
    // Someone else's notification is as good as absent.
    expect((await post(`/api/v1/notifications/${second?.id}/read`, undefined, 'chair')).status).toBe(404);
  });

  function form(path: string, fields: Record<string, string>, user: string) {
    return app.request(`http://localhost${path}`, {
      method: 'POST',
      headers: { cookie: cookies[user] as string, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', referer: 'http://localhost/alerts' },
      body: new URLSearchParams(fields).toString(),
    });
  }
});
