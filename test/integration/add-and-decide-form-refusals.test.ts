/**
 * A refused "Add a device", exception request, sign-off, reject or revoke
 * form comes back on its own page with a 400 (409 for a rule), the reason in
 * that form naming the field and every value typed kept, and stores nothing:
 * no row, no audit entry, no notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRegister } from '../../src/demo/demo-devices.js';
import type { ExceptionDetail } from '../../src/store/exceptions.js';
import { demoHubAsAdmin, type DemoHubAsAdmin } from '../helpers/demo-hub-as-admin.js';
import { formValues } from '../helpers/form-values.js';
import { assetIdOf } from '../helpers/insert-test-alert.js';
import { formTokenOf } from '../helpers/post-form.js';
import { SIGN_OFF } from '../helpers/sign-off.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { addTrust, FIRST_TRUST } from '../helpers/trusts.js';

let { hub, app } = {} as DemoHubAsAdmin;
let cookies: Record<string, string>;

beforeAll(async () => {
  ({ hub, app } = await demoHubAsAdmin());
  seedDemoRegister(hub.deps);
  // A second trust: admin, ICS-wide, must now say which trust a new record is for.
  addTrust(hub.deps.db, 'RYY');
  cookies = await signInUsers(app, hub, [['cso', 'cso', FIRST_TRUST], ['cso2', 'cso', FIRST_TRUST]]);
});
afterAll(() => hub.close());

type Fields = Record<string, string | string[]>;

/** A page form's POST as a browser sends it, a multiple select as repeated fields. */
function post(path: string, fields: Fields, user = 'admin') {
  const cookie = cookies[user] as string;
  const body = new URLSearchParams({ csrf: formTokenOf(hub.deps.db, cookie) });
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return app.request(`http://localhost${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }, body: body.toString() });
}

/** What a refused form must leave alone: the table's rows, the audit log and the notices. */
const stored = (table: string) => ({
  rows: hub.deps.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all(),
  audit: hub.deps.db.prepare('SELECT count(*) AS n FROM audit_log').get(),
  notices: hub.deps.db.prepare('SELECT count(*) AS n FROM notifications').get(),
});

/** Sends a form the hub must refuse with `status`, stores nothing; the page it came back on. */
async function refused(table: string, path: string, fields: Fields, { user = 'admin', status = 400 } = {}): Promise<string> {
  const before = stored(table);
  const res = await post(path, fields, user);
  expect(res.status).toBe(status);
  expect(stored(table)).toEqual(before);
  return res.text();
}

describe('adding a device', () => {
  const add = (fields: Fields, status?: number) => refused('registered_devices', '/devices', fields, { status });
  const typed = {
    organisation: 'TRUST', kind: 'pager', name: 'Estates on-call pager', site: 'Anytown General', location: 'Estates office', plannedRemovalOn: '2027-02-30',
    replacement: 'clinical messaging app', number: '4501', pagerType: 'one-way',
  };
  /** The add-device form's controls, by the field each sends. */
  const FIELDS = {
    organisation: 'new-organisation', kind: 'new-kind', name: 'new-name', site: 'new-site', location: 'new-location', plannedRemovalOn: 'new-removal',
    replacement: 'new-replacement', number: 'new-number', pagerType: 'new-pager-type',
  };

  it('refuses a date that does not exist at the top of the open form, every field as typed', async () => {
    const html = await add(typed);
    expect(html).toContain('<details class="panel" id="add-device" open="">');
    expect(html).toContain('<p class="error" role="alert" id="new-device-error">plannedRemovalOn: a real date as YYYY-MM-DD</p>');
    expect(formValues(html, FIELDS)).toEqual(typed);
  });

  it('refuses a missing trust from an ICS-wide person, naming the field, the rest kept', async () => {
    const sent = { ...typed, organisation: '', plannedRemovalOn: '2027-02-28' };
    const html = await add(sent);
    expect(html).toContain('id="new-device-error">organisation: required for an ICS-wide person</p>');
    expect(formValues(html, FIELDS)).toEqual(sent);
  });

  it('refuses a device already registered with a 409, the form kept', async () => {
    const sent = { ...typed, kind: 'pager', name: 'On-call surgery pager', plannedRemovalOn: '' };
    const html = await add(sent, 409);
    expect(html).toMatch(/id="new-device-error">device \d+ is already registered with this kind, name and site<\/p>/);
    expect(formValues(html, FIELDS)).toEqual(sent);
  });

  it('registers a good device and goes to it', async () => {
    const res = await post('/devices', { ...typed, plannedRemovalOn: '2027-02-28' });
    expect(res.status).toBe(303);
    expect(hub.deps.db.prepare('SELECT number, planned_removal_on AS removal FROM registered_devices WHERE name = ?').get(typed.name)).toEqual({ number: '4501', removal: '2027-02-28' });
  });
});

describe('requesting an exception', () => {
  const request = (fields: Fields) => refused('exceptions', '/exceptions', fields);
  const typed = {
    organisation: 'TRUST', title: 'Lab PC on Windows 7', justification: 'Analyser software runs only on Windows 7; vendor upgrade due.',
    compensatingControls: 'isolated VLAN, no internet, USB disabled', expiresOn: '2027-05-01', hostnames: 'LAB-PC03', hostname: 'CT-CONSOLE01',
    ruleIds: ['unsupported-os', 'unsupported-software'], hazardId: '99999',
  };
  /** The request form's controls, by the field each sends. */
  const FIELDS = {
    organisation: 'ex-organisation', title: 'ex-title', justification: 'ex-justification', compensatingControls: 'ex-controls', expiresOn: 'ex-expires',
    hostnames: 'ex-hostnames', hostname: 'ex-hostname', ruleIds: 'ex-rules', hazardId: 'ex-hazard',
  };
  /** What the form holds when every value sent came back: the chosen rules as the page lists them. */
  const kept = (sent: typeof typed) => ({ ...sent, ruleIds: sent.ruleIds.join(',') });

  it('refuses a hazard number no hazard has at the top of the form (once a dead end), every field as typed', async () => {
    const html = await request(typed);
    expect(html).toContain('<p class="error" role="alert" id="request-error">hazardId: no hazard 99999</p>');
    expect(formValues(html, FIELDS)).toEqual(kept(typed));
  });

  it('refuses a missing trust from an ICS-wide person (once a dead end), naming the field, the rest kept', async () => {
    const sent = { ...typed, organisation: '' };
    const html = await request(sent);
    expect(html).toContain('id="request-error">organisation: required for an ICS-wide person</p>');
    expect(formValues(html, FIELDS)).toEqual(kept(sent));
  });

  it('still says an unknown machine beside the hostname fields and the other bad fields at the top', async () => {
    const html = await request({ ...typed, hostnames: 'LAB-PC03, NOPE-01', expiresOn: '2030-01-01', hazardId: '' });
    expect(html).toContain('<p class="error" role="alert" id="ex-hostnames-error">hostnames: no asset &quot;NOPE-01&quot;</p>');
    expect(html).toContain('id="request-error">expiresOn: must be at most one year ahead');
    expect(html).not.toMatch(/id="request-error">[^<]*NOPE-01/);
    expect(formValues(html, FIELDS).hostnames).toBe('LAB-PC03, NOPE-01');
  });
});

describe('deciding an exception', () => {
  let pending: number;
  const decide = (action: string, fields: Fields, status?: number) => refused('exceptions', `/exceptions/${pending}/${action}`, fields, { user: 'cso2', status });
  const statement = 'Accepted: the lab PC is isolated and its analyser is replaced in March.';

  beforeAll(async () => {
    const body = {
      title: 'CT scanner console on Windows XP', justification: 'Supplier will not certify the scanner on a newer OS.', compensatingControls: 'isolated VLAN, no internet, USB disabled',
      expiresOn: '2027-06-30', assetIds: [assetIdOf(hub.deps.db, 'CT-CONSOLE01')], ruleIds: ['unsupported-os'],
    };
    const res = await app.request('/api/v1/exceptions', { method: 'POST', headers: { cookie: cookies.cso as string, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    pending = ((await res.json()) as ExceptionDetail).id;
  });

  it('refuses a sign-off statement too short in the sign-off form, the statement and tick kept', async () => {
    const html = await decide('sign-off', { statement: 'Fine by me', confirm: 'on' });
    expect(html).toContain('<p class="error" role="alert" id="sign-off-error">statement: write what you accept and why it is tolerable (at least 20 characters)</p>');
    expect(formValues(html, { statement: 'sign-off-statement' })).toEqual({ statement: 'Fine by me' });
    expect(html).toContain('<input type="checkbox" name="confirm" required="" checked=""/>');
  });

  it('refuses a sign-off without the confirmation, naming it, the statement kept and the box unticked', async () => {
    const html = await decide('sign-off', { statement });
    expect(html).toContain('id="sign-off-error">confirm: confirm that you accept this risk on behalf of the trust</p>');
    expect(formValues(html, { statement: 'sign-off-statement' })).toEqual({ statement });
    expect(html).toContain('<input type="checkbox" name="confirm" required=""/>');
  });

  it('refuses a reject or revoke without a reason in that form alone, the short reason kept', async () => {
    for (const action of ['reject', 'revoke']) {
      const html = await decide(action, { reason: 'no' });
      expect(html, action).toContain(`<p class="error" role="alert" id="${action}-error">reason: give a reason of at least 10 characters</p>`);
      expect(formValues(html, { reason: `${action}-reason` }), action).toEqual({ reason: 'no' });
      expect(html.match(/class="error"/g), action).toHaveLength(1);
    }
  });

  it('refuses a sign-off past the expiry day with a 409 in the sign-off form, the statement kept', async () => {
    hub.deps.db.prepare("UPDATE exceptions SET expires_on = '2020-01-01' WHERE id = ?").run(pending);
    const html = await decide('sign-off', { statement, confirm: 'on' }, 409);
    expect(html).toContain(`id="sign-off-error">exception ${pending} expired on 2020-01-01; request a new one</p>`);
    expect(formValues(html, { statement: 'sign-off-statement' })).toEqual({ statement });
  });

  it('says a refusal of a form no longer on the page above the forms', async () => {
    expect((await post(`/exceptions/${pending}/reject`, { reason: 'the PC can be replaced this quarter' }, 'cso2')).status).toBe(303);
    const html = await decide('sign-off', { statement: SIGN_OFF.statement, confirm: 'on' }, 409);
    expect(html).toContain(`<p class="error" role="alert">cannot sign-off exception ${pending}: it is rejected (allowed from pending)</p>`);
  });
});
