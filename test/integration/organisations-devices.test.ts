/**
 * Trusts on an ICS hub (issue 10) and the device register: each trust imports
 * and keeps its own faxes and pagers, its people see and change only those
 * (another trust's device is absent: 404), and an ICS-wide person sees every
 * trust's and names the trust a new device is for. Real hub, real database
 * (SQLite or PostgreSQL), real requests.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceImportSummary } from '../../src/devices/import-devices-csv.js';
import type { DeviceDetail } from '../../src/devices/register.js';
import { createApp } from '../../src/hub/app.js';
import type { DeviceCounts, RegisteredDevice } from '../../src/store/registered-devices.js';
import { type TestHub } from '../helpers/test-hub.js';
import { FIRST_TRUST, twoTrustHub } from '../helpers/trusts.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookies: Record<string, string>;
let second: number;

const GOOD = fs.readFileSync(new URL('../fixtures/devices/good.csv', import.meta.url), 'utf8');
// Trust two's register: a fax with the same serial as trust one's Ward 7 fax (a leased model both trusts hold), and a crash bleep.
const TWO_CSV = `kind,name,serial,site,status,pager_type
fax,Ryland ward fax,E73512K9N123456,Ryland General,in-use,
pager,Ryland crash bleep,RY-0001,Ryland General,in-use,emergency
`;

const ask = (path: string, user: string, init: { method?: string; body?: unknown } = {}) =>
  app.request(path, {
    method: init.method ?? 'GET',
    headers: { cookie: cookies[user] as string, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
const importCsv = (csv: string, user: string, query = '') =>
  app.request(`/api/v1/devices/import${query}`, { method: 'POST', headers: { cookie: cookies[user] as string, 'content-type': 'text/csv' }, body: csv });
const json = async <T>(res: Response, status = 200) => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
type DeviceList = { total: number; rows: RegisteredDevice[]; counts: DeviceCounts };
const list = async (user: string, query = '') => json<DeviceList>(await ask(`/api/v1/devices?pageSize=500${query}`, user));
const names = async (user: string, query = '') => (await list(user, query)).rows.map((d) => d.name).sort();

const db = () => hub.deps.db;
const idOf = (name: string) => (db().prepare('SELECT id FROM registered_devices WHERE name = ?').get(name) as { id: number }).id;
const stored = () => (db().prepare('SELECT count(*) AS n FROM registered_devices').get() as { n: number }).n;
/** Everything the database holds about one device: its row, its status history and its audit trail. */
const everything = (id: number) => ({
  row: db().prepare('SELECT * FROM registered_devices WHERE id = ?').get(id),
  history: db().prepare('SELECT status, at FROM device_status_history WHERE device_id = ? ORDER BY id').all(id),
  audit: db().prepare("SELECT action, actor FROM audit_log WHERE entity = 'device' AND entity_id = ? ORDER BY id").all(String(id)),
});

beforeAll(async () => {
  ({ hub, app, second, cookies } = await twoTrustHub({
    first: [['lead-one', 'security-lead']],
    second: [['lead-two', 'security-lead'], ['cso-two', 'cso']],
    icsWide: [['ics-lead', 'security-lead']],
  }));
});
afterAll(() => hub.close());

describe('importing a register into a trust', () => {
  it("stores a trust person's file in their trust, and another trust's device with the same serial as that trust's own", async () => {
    expect(await json<DeviceImportSummary>(await importCsv(GOOD, 'lead-one'))).toMatchObject({ created: 8, updated: 0 });
    const ward7Before = everything(idOf('Ward 7 fax'));

    expect(await json<DeviceImportSummary>(await importCsv(TWO_CSV, 'lead-two'))).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const bySerial = db().prepare("SELECT name, organisation_id AS org FROM registered_devices WHERE serial = 'E73512K9N123456' ORDER BY id").all();
    expect(bySerial).toEqual([{ name: 'Ward 7 fax', org: FIRST_TRUST }, { name: 'Ryland ward fax', org: second }]);
    expect(everything(idOf('Ward 7 fax'))).toEqual(ward7Before);

    // A re-import finds each trust's own device again; trust one's file still changes nothing of trust two's.
    expect(await json<DeviceImportSummary>(await importCsv(TWO_CSV, 'lead-two'))).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await json<DeviceImportSummary>(await importCsv(GOOD, 'lead-one'))).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
    expect(stored()).toBe(10);
  });

  it('makes an ICS-wide person name the trust; a trust person naming another is refused; neither stores anything', async () => {
    const noTrust = await importCsv(TWO_CSV, 'ics-lead');
    expect(noTrust.status).toBe(400);
    expect(await errorCode(noTrust)).toBe('organisation-required');
    const elsewhere = await importCsv(TWO_CSV, 'lead-one', '?organisation=RYY');
    expect(elsewhere.status).toBe(403);
    expect(stored()).toBe(10);
    // Named, the file is previewed against that trust's register: trust two already holds both devices.
    expect(await json<DeviceImportSummary>(await importCsv(TWO_CSV, 'ics-lead', '?organisation=RYY&dryRun=1'))).toMatchObject({ dryRun: true, created: 0, unchanged: 2 });
    expect(await json<DeviceImportSummary>(await importCsv(TWO_CSV, 'ics-lead', '?organisation=TRUST&dryRun=1'))).toMatchObject({ dryRun: true, created: 1, unchanged: 0 });
  });
});

describe('reading the register', () => {
  it("lists and counts only the reader's trust; an ICS-wide person sees both, or the one they name", async () => {
    const one = await list('lead-one');
    expect(one.total).toBe(8);
    expect(new Set(one.rows.map((d) => d.organisation))).toEqual(new Set(['TRUST']));
    expect(one.counts.byKind).toEqual({ fax: 3, mfd: 1, pager: 4 });
    expect(one.counts.overdue).toBe(3);

    const two = await list('lead-two');
    expect(two.rows.map((d) => [d.name, d.organisation])).toEqual([['Ryland ward fax', 'RYY'], ['Ryland crash bleep', 'RYY']]);
    expect(two.counts).toEqual({ byKind: { fax: 1, pager: 1 }, bySite: { 'Ryland General': 2 }, byStatus: { 'in-use': 2 }, overdue: 0 });
    expect(await names('lead-two', '&kind=fax')).toEqual(['Ryland ward fax']);
    expect((await list('lead-two', "&site=St%20Mary's%20Hospital")).total).toBe(0);

    const ics = await list('ics-lead');
    expect(ics.total).toBe(10);
    expect(ics.counts.byKind).toEqual({ fax: 4, mfd: 1, pager: 5 });
    expect(await names('ics-lead', '&organisation=RYY')).toEqual(['Ryland crash bleep', 'Ryland ward fax']);
    expect((await ask('/api/v1/devices?organisation=RYY', 'lead-one')).status).toBe(403);
  });

  it("reads a device of the reader's trust by id, and answers 404 for another trust's", async () => {
    const ward7 = idOf('Ward 7 fax');
    expect((await json<DeviceDetail>(await ask(`/api/v1/devices/${ward7}`, 'lead-one'))).organisation).toBe('TRUST');
    expect((await json<DeviceDetail>(await ask(`/api/v1/devices/${ward7}`, 'ics-lead'))).name).toBe('Ward 7 fax');
    expect((await ask(`/api/v1/devices/${ward7}`, 'lead-two')).status).toBe(404);
    expect((await ask(`/api/v1/devices/${idOf('Ryland ward fax')}`, 'lead-one')).status).toBe(404);
  });
});

describe("changing another trust's device", () => {
  it('answers 404 to every write and changes nothing', async () => {
    const ward7 = idOf('Ward 7 fax');
    const crash = idOf('Crash team bleep 1');
    const before = [everything(ward7), everything(crash)];
    const writes: [string, string, unknown][] = [
      ['PATCH', `/api/v1/devices/${ward7}`, { replacement: 'a carrier pigeon' }],
      ['POST', `/api/v1/devices/${ward7}/status`, { status: 'decommissioned', reason: 'replaced by NHSmail' }],
      ['POST', `/api/v1/devices/${ward7}/status`, { status: 'replacement-planned' }],
    ];
    for (const [method, path, body] of writes) {
      const res = await ask(path, 'lead-two', { method, body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const retain = await ask(`/api/v1/devices/${crash}/retain`, 'cso-two', { method: 'POST', body: { retained: true } });
    expect(retain.status).toBe(404);
    expect([everything(ward7), everything(crash)]).toEqual(before);
  });

  it("still lets each trust change its own: a CSO of trust two retains trust two's crash bleep", async () => {
    const kept = await json<DeviceDetail>(await ask(`/api/v1/devices/${idOf('Ryland crash bleep')}/retain`, 'cso-two', { method: 'POST', body: { retained: true } }));
    expect(kept).toMatchObject({ organisation: 'RYY', retainedByPolicy: true, retainedSignedOffBy: 'cso-two' });
    const edited = await json<DeviceDetail>(await ask(`/api/v1/devices/${idOf('Ryland ward fax')}`, 'lead-two', { method: 'PATCH', body: { replacement: 'NHSmail' } }));
    expect(edited.replacement).toBe('NHSmail');
  });
});

describe('the pages', () => {
  const csrfOf = async (user: string) => /name="csrf" value="([^"]+)"/.exec(await (await ask('/devices', user)).text())?.[1] ?? '';
  const postForm = (path: string, user: string, fields: Record<string, string>) =>
    app.request(`http://localhost${path}`, { method: 'POST', headers: { cookie: cookies[user] as string, origin: 'http://localhost' }, body: new URLSearchParams(fields) });

  it("shows a trust's person only their devices and trajectory, with no trust column or choice", async () => {
    const page = await (await ask('/devices', 'lead-two')).text();
    expect(page).toContain('Ryland ward fax');
    expect(page).not.toContain('Ward 12 fax');
    expect(page).not.toContain('Pharmacy fax');
    expect(page).toMatch(/Faxes: <strong>1<\/strong> in use today/);
    expect(page).toMatch(/Pagers: <strong>1<\/strong> in use today/);
    expect(page).not.toContain('<th scope="col">Trust</th>');
    expect(page).not.toContain('name="organisation"');
    expect(await (await ask('/devices/import', 'lead-two')).text()).not.toContain('name="organisation"');
    expect((await ask(`/devices/${idOf('Ward 7 fax')}`, 'lead-two')).status).toBe(404);
  });

  it("answers 404 to a form on another trust's device, changing nothing", async () => {
    const ward7 = idOf('Ward 7 fax');
    const before = everything(ward7);
    const res = await postForm(`/devices/${ward7}/status`, 'lead-two', { csrf: await csrfOf('lead-two'), status: 'decommissioned', reason: 'replaced by NHSmail' });
    expect(res.status).toBe(404);
    expect(everything(ward7)).toEqual(before);
  });

  it('shows an ICS-wide person every trust, each row with its trust, and asks which trust a new device or import is for', async () => {
    const page = await (await ask('/devices', 'ics-lead')).text();
    expect(page).toContain('Ryland ward fax');
    expect(page).toContain('Ward 12 fax');
    expect(page).toMatch(/Faxes: <strong>4<\/strong> in use today/);
    expect(page).toContain('<th scope="col">Trust</th>');
    expect(page).toMatch(/<td>RYY<\/td>\s*<td>\s*<a href="\/devices\/\d+">Ryland ward fax<\/a>/);
    expect(page).toContain('<select id="new-organisation" name="organisation" required="">');
    expect(await (await ask('/devices/import', 'ics-lead')).text()).toContain('<select id="organisation" name="organisation" required="">');
    const detail = await (await ask(`/devices/${idOf('Ryland ward fax')}`, 'ics-lead')).text();
    expect(detail).toMatch(/<dt>Trust<\/dt><dd>RYY<\/dd>/);
    const narrowed = await (await ask('/devices?organisation=RYY', 'ics-lead')).text();
    expect(narrowed).not.toContain('Ward 12 fax');
    expect(narrowed).toMatch(/Faxes: <strong>1<\/strong> in use today/);
  });

  it('adds a device from the form to the trust an ICS-wide person names, and refuses the form without one', async () => {
    const csrf = await csrfOf('ics-lead');
    const fields = { csrf, kind: 'fax', name: 'Ryland theatre fax', site: 'Ryland General' };
    expect((await postForm('/devices', 'ics-lead', { ...fields, organisation: '' })).status).toBe(400);
    expect(stored()).toBe(10);
    const added = await postForm('/devices', 'ics-lead', { ...fields, organisation: 'RYY' });
    expect(added.status).toBe(303);
    expect(db().prepare('SELECT organisation_id AS org FROM registered_devices WHERE name = ?').get('Ryland theatre fax')).toEqual({ org: second });
    expect(await names('lead-two')).toContain('Ryland theatre fax');
    expect(await names('lead-one')).not.toContain('Ryland theatre fax');
  });
});

describe('adding a device through the API', () => {
  const pager = { kind: 'pager', name: 'On-call pager', serial: 'MT-0001', site: 'Ryland General', pagerType: 'one-way' };

  it("puts a trust person's device in their trust, and refuses them another trust", async () => {
    const mine = await json<DeviceDetail>(await ask('/api/v1/devices', 'lead-two', { method: 'POST', body: pager }), 201);
    // Trust one holds a pager with serial MT-0001 too: that is its own, not a duplicate.
    expect(mine).toMatchObject({ organisation: 'RYY', organisationId: second, serial: 'MT-0001' });
    expect((await ask('/api/v1/devices', 'lead-two', { method: 'POST', body: pager })).status).toBe(409);
    const before = stored();
    expect((await ask('/api/v1/devices', 'lead-one', { method: 'POST', body: { ...pager, serial: 'X-1', organisation: 'RYY' } })).status).toBe(403);
    expect(stored()).toBe(before);
  });

  it('makes an ICS-wide person name the trust (400 without it) and stores it there', async () => {
    const before = stored();
    const unnamed = await ask('/api/v1/devices', 'ics-lead', { method: 'POST', body: { ...pager, serial: 'X-2' } });
    expect(unnamed.status).toBe(400);
    expect(await errorCode(unnamed)).toBe('organisation-required');
    expect(stored()).toBe(before);
    const named = await json<DeviceDetail>(await ask('/api/v1/devices', 'ics-lead', { method: 'POST', body: { ...pager, serial: 'X-2', organisation: 'TRUST' } }), 201);
    expect(named.organisation).toBe('TRUST');
    expect(await names('lead-one', '&kind=pager')).toContain('On-call pager');
    expect((await ask(`/api/v1/devices/${named.id}`, 'lead-two')).status).toBe(404);
  });
});
