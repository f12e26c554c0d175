/** The device register in-process (createApp(...).request): CSV import all-or-nothing, re-import, decommissioning, retention by policy, roles. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceDetail } from '../../src/devices/register.js';
import type { DeviceImportSummary } from '../../src/devices/import-devices-csv.js';
import { createApp } from '../../src/hub/app.js';
import { countDevices, type DeviceCounts, type DeviceRow } from '../../src/store/registered-devices.js';
import type { Role } from '../../src/store/users.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
const cookies: Record<string, string> = {};
const USERS: [string, Role][] = [['lead', 'security-lead'], ['cso', 'cso'], ['chair', 'board']];
const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/devices/${name}`, import.meta.url), 'utf8');

beforeAll(async () => {
  hub = await createTestHub();
  app = createApp(hub.deps);
  Object.assign(cookies, await signInUsers(app, hub, USERS));
});
afterAll(() => hub.close());

const get = (path: string, user = 'admin') => app.request(path, { headers: { cookie: cookies[user] as string } });
const send = (method: string, path: string, body: unknown, user = 'admin') =>
  app.request(path, { method, headers: { cookie: cookies[user] as string, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const importCsv = (csv: string, dryRun = false, user = 'admin') =>
  app.request(`/api/v1/devices/import${dryRun ? '?dryRun=1' : ''}`, { method: 'POST', headers: { cookie: cookies[user] as string, 'content-type': 'text/csv' }, body: csv });
const json = async <T,>(res: Response, status = 200) => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};
type ErrorBody = { error: { code: string; details: { line?: number; column?: string; path?: string; message: string }[] } };
const list = async (query = '') => json<{ total: number; rows: DeviceRow[]; counts: DeviceCounts }>(await get(`/api/v1/devices?pageSize=500${query}`));
const byName = async (name: string) => (await list()).rows.find((d) => d.name === name) as DeviceRow;
const stored = () => countDevices(hub.deps.db);

describe('CSV import', () => {
  it('previews a good file without storing anything', async () => {
    const preview = await json<DeviceImportSummary>(await importCsv(fixture('good.csv'), true));
    expect(preview).toMatchObject({ dryRun: true, created: 8, updated: 0, unchanged: 0 });
    expect(preview.rows[0]).toMatchObject({ line: 2, kind: 'fax', name: 'Ward 7 fax', outcome: 'created' });
    expect(stored()).toBe(0);
  });

  it('stores a good file with quoted commas intact, and counts by kind, site and status', async () => {
    expect(await json<DeviceImportSummary>(await importCsv(fixture('good.csv')))).toMatchObject({ dryRun: false, created: 8 });
    const { total, counts } = await list();
    expect(total).toBe(8);
    expect(counts.byKind).toEqual({ fax: 3, mfd: 1, pager: 4 });
    expect(counts.byStatus).toEqual({ 'in-use': 6, 'replacement-planned': 2 });
    expect(counts.bySite).toEqual({ 'Royal Infirmary': 1, 'Royal Infirmary, North Wing': 2, "St Mary's Hospital": 5 });
    // Ward 7 fax (2020-03-31), Pharmacy fax (2019-12-31) and the surgery pager (2021-12-31) are past removal and in use.
    expect(counts.overdue).toBe(3);
    expect((await byName('Pharmacy fax')).replacement).toBe('NHSmail shared mailbox "pharmacy.orders"');
    expect(await byName('Crash team bleep 2')).toMatchObject({ team: 'Cardiac arrest team, ED', number: '2223', pagerType: 'emergency', retainedByPolicy: false });
    expect((await list('&kind=pager&site=st%20mary%27s%20hospital')).total).toBe(3);
    expect((await list('&status=replacement-planned')).rows.map((d) => d.name).sort()).toEqual(['On-call medicine pager', 'Ward 12 fax']);
  });

  it('updates on re-import (same kind + serial, or kind + name + site) rather than duplicating', async () => {
    const again = await json<DeviceImportSummary>(await importCsv(fixture('good.csv')));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    const changed = fixture('good.csv').replace('Ward 7,in-use', 'Ward 7,replacement-planned').replace('On-call surgical registrar', 'On-call surgical team');
    expect(await json<DeviceImportSummary>(await importCsv(changed))).toMatchObject({ created: 0, updated: 2, unchanged: 6 });
    expect(stored()).toBe(8);
    const ward7 = await json<DeviceDetail>(await get(`/api/v1/devices/${(await byName('Ward 7 fax')).id}`));
    expect(ward7.status).toBe('replacement-planned');
    expect(ward7.history.map((h) => h.status)).toEqual(['in-use', 'replacement-planned']);
    expect(ward7.audit.at(-1)).toMatchObject({ actor: 'admin', action: 'import', before: { status: 'in-use' }, after: { status: 'replacement-planned' } });
  });

  it('rejects a bad file with each error on its line, storing nothing', async () => {
    const before = await list();
    const err = (await json<ErrorBody>(await importCsv(fixture('bad.csv')), 400)).error;
    expect(err.code).toBe('invalid-import');
    expect(err.details.map((d) => [d.line, d.column])).toEqual([[4, 'status'], [6, 'planned_removal_on']]);
    expect(stored()).toBe(before.total);
  });

  it('rejects a partially bad file whole: its good rows are not stored either', async () => {
    const before = stored();
    const err = (await json<ErrorBody>(await importCsv(fixture('partially-bad.csv')), 400)).error;
    expect(err.details.map((d) => [d.line, d.column])).toEqual([[4, 'number'], [5, 'pager_type']]);
    expect(stored()).toBe(before);
    expect((await list()).rows.some((d) => d.name === 'Maternity fax')).toBe(false);
  });

  it('refuses unknown columns, accepts any header case, and names a row repeated in one file', async () => {
    const unknown = (await json<ErrorBody>(await importCsv('kind,name,serail\nfax,X,1\n'), 400)).error;
    expect(unknown.details).toEqual([expect.objectContaining({ line: 1, column: 'serail' })]);
    const twice = (await json<ErrorBody>(await importCsv('KIND,Name,SERIAL\nfax,A,S1\nfax,B,s1\n', true), 400)).error;
    expect(twice.details).toEqual([expect.objectContaining({ line: 3, message: 'the same device as line 2 (kind and serial)' })]);
  });
});

describe('status and retention', () => {
  it('refuses decommissioning without a reason (400 naming it); with one it is stored and audited', async () => {
    const fax = await byName('Ward 12 fax');
    const bad = await send('POST', `/api/v1/devices/${fax.id}/status`, { status: 'decommissioned' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.details.map((d) => d.path)).toEqual(['reason']);
    const done = await json<DeviceDetail>(await send('POST', `/api/v1/devices/${fax.id}/status`, { status: 'decommissioned', reason: 'replaced by NHSmail shared mailbox' }, 'lead'));
    expect(done).toMatchObject({ status: 'decommissioned', decommissionReason: 'replaced by NHSmail shared mailbox', decommissionedAt: TEST_NOW.toISOString() });
    expect(done.audit.at(-1)).toMatchObject({ actor: 'lead', action: 'decommission', before: { status: 'replacement-planned', decommissionReason: null }, after: { status: 'decommissioned' } });
    expect(done.history.at(-1)).toEqual({ status: 'decommissioned', at: TEST_NOW.toISOString() });
  });

  it('lets only a CSO retain, and only an emergency pager; the sign-off is recorded', async () => {
    const crash = await byName('Crash team bleep 1');
    const oneWay = await byName('On-call surgery pager');
    for (const user of ['admin', 'lead', 'chair']) expect((await send('POST', `/api/v1/devices/${crash.id}/retain`, { retained: true }, user)).status, user).toBe(403);
    const wrongType = await send('POST', `/api/v1/devices/${oneWay.id}/retain`, { retained: true }, 'cso');
    expect(wrongType.status).toBe(400);
    expect(((await wrongType.json()) as ErrorBody).error.details.map((d) => d.path)).toEqual(['retained']);
    const kept = await json<DeviceDetail>(await send('POST', `/api/v1/devices/${crash.id}/retain`, { retained: true }, 'cso'));
    expect(kept).toMatchObject({ retainedByPolicy: true, retainedSignedOffBy: 'cso', retainedSignedOffAt: TEST_NOW.toISOString() });
    expect(kept.audit.at(-1)).toMatchObject({ actor: 'cso', action: 'retain', after: { retainedByPolicy: true, retainedSignedOffBy: 'cso' } });
    expect((await list('&retained=1')).rows.map((d) => d.id)).toEqual([crash.id]);
    const demote = await send('PATCH', `/api/v1/devices/${crash.id}`, { pagerType: 'one-way' });
    expect(demote.status).toBe(400);
  });
});

describe('API writes and roles', () => {
  it('adds and edits a device with validation naming the field; a duplicate is a 409', async () => {
    const body = { kind: 'fax', name: 'Renal unit fax', serial: 'RU-1', site: "St Mary's Hospital", location: 'Renal', plannedRemovalOn: '2020-03-31' };
    const created = await json<DeviceDetail>(await send('POST', '/api/v1/devices', body, 'cso'), 201);
    expect(created).toMatchObject({ status: 'in-use', model: null, audit: [expect.objectContaining({ action: 'create', actor: 'cso' })] });
    expect((await send('POST', '/api/v1/devices', body)).status).toBe(409);
    const bad = await send('POST', '/api/v1/devices', { ...body, serial: 'RU-2', plannedRemovalOn: '2020-02-30', pagerType: 'one-way' });
    expect(((await bad.json()) as ErrorBody).error.details.map((d) => d.path)).toEqual(['plannedRemovalOn']);
    const pagerOnFax = await send('POST', '/api/v1/devices', { ...body, serial: 'RU-3', pagerType: 'one-way' });
    expect(pagerOnFax.status).toBe(400);
    expect(((await pagerOnFax.json()) as ErrorBody).error.details.map((d) => d.path)).toEqual(['pagerType']);
    const edited = await json<DeviceDetail>(await send('PATCH', `/api/v1/devices/${created.id}`, { replacement: 'secure email to NHSmail' }, 'lead'));
    expect(edited.audit.at(-1)).toMatchObject({ action: 'update', before: { replacement: null }, after: { replacement: 'secure email to NHSmail' } });
  });

  it('lets the board read but refuses it every write with 403, changing nothing', async () => {
    const id = (await byName('Ward 7 fax')).id;
    const before = stored();
    expect((await get('/api/v1/devices', 'chair')).status).toBe(200);
    expect((await get(`/api/v1/devices/${id}`, 'chair')).status).toBe(200);
    expect((await send('POST', '/api/v1/devices', { kind: 'fax', name: 'Board fax' }, 'chair')).status).toBe(403);
    expect((await send('PATCH', `/api/v1/devices/${id}`, { name: 'x' }, 'chair')).status).toBe(403);
    expect((await send('POST', `/api/v1/devices/${id}/status`, { status: 'decommissioned', reason: 'the board says so' }, 'chair')).status).toBe(403);
    expect((await importCsv(fixture('good.csv'), false, 'chair')).status).toBe(403);
    expect(stored()).toBe(before);
    expect((await get('/api/v1/devices/99999')).status).toBe(404);
  });

  it('shows the register page with counts, pager details and overdue in words; the import page previews with line numbers', async () => {
    const page = await (await get('/devices?kind=pager', 'chair')).text();
    expect(page).toContain('No. 2222 · Cardiac arrest team · emergency');
    expect(page).toContain('Retained by policy (crash bleep), signed off by cso');
    expect(page).toContain('Overdue: planned removal has passed and it is still in use');
    expect(page).not.toContain('href="/devices/import"');
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await get('/devices/import', 'lead')).text())?.[1] ?? '';
    const upload = (file: string, action: string, token = csrf) => {
      const form = new FormData();
      form.set('csrf', token);
      form.set('action', action);
      form.set('file', new File([fixture(file)], file, { type: 'text/csv' }));
      return app.request('http://localhost/devices/import', { method: 'POST', headers: { cookie: cookies.lead as string, origin: 'http://localhost' }, body: form });
    };
    const before = stored();
    const bad = await upload('bad.csv', 'import');
    expect(bad.status).toBe(400);
    const badText = await bad.text();
    expect(badText).toContain('Line 4, status: one of in-use, replacement-planned');
    expect(badText).toContain('Line 6, planned_removal_on: a real date as YYYY-MM-DD');
    const preview = await upload('good.csv', 'preview');
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('Preview (nothing stored)');
    expect((await upload('good.csv', 'import', 'stale')).status).toBe(403);
    expect(stored()).toBe(before);
  });
});

describe('the device-past-removal alert rule', () => {
  it('raises an alert for a device past its planned removal date, not for a retained crash bleep, and clears it on decommissioning', async () => {
    const { AlertRuleSchema } = await import('../../src/alerts/alert-rule-schema.js');
    const { evaluateAlerts } = await import('../../src/alerts/evaluate-alerts.js');
    const { createTestHub: make } = await import('../helpers/test-hub.js');
    let today = new Date('2026-11-23T12:00:00Z');
    const own = await make({}, () => today);
    try {
      const rule = AlertRuleSchema.parse({ id: 'device-past-removal', title: 'Past removal', severity: 'high', description: 'd', remediation: 'r', condition: { kind: 'device-past-removal' } });
      const insert = own.deps.db.prepare(`INSERT INTO registered_devices (kind, name, site, status, planned_removal_on, pager_type, retained_by_policy, created_at, updated_at)
          VALUES (?, ?, 'Main site', 'in-use', ?, ?, ?, '2026-01-01', '2026-01-01')`);
      insert.run('fax', 'Ward 7 fax', '2026-12-31', null, 0);
      insert.run('pager', 'Crash bleep 1', '2026-06-30', 'emergency', 1);
      const live = () => own.deps.db.prepare("SELECT title FROM alerts WHERE rule_id = 'device-past-removal' AND status <> 'resolved'").all() as { title: string }[];
      evaluateAlerts(own.deps.db, [rule], today);
      expect(live()).toEqual([]);
      today = new Date('2027-01-05T12:00:00Z');
      evaluateAlerts(own.deps.db, [rule], today);
      expect(live().map((a) => a.title)).toEqual(['Past removal: fax "Ward 7 fax" at Main site']);
      own.deps.db.prepare("UPDATE registered_devices SET status = 'decommissioned', decommissioned_at = '2027-01-06', decommission_reason = 'moved to NHSmail' WHERE name = 'Ward 7 fax'").run();
      evaluateAlerts(own.deps.db, [rule], today);
      expect(live()).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
