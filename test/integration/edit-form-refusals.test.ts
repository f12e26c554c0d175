/**
 * A refused edit of a hazard, an action or a registered device comes back on
 * its own page with a 400, the reason in the edit form and every value typed
 * kept, and stores nothing: no dead-end error page, no lost work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRegister } from '../../src/demo/demo-devices.js';
import { demoHubAsAdmin, type DemoHubAsAdmin } from '../helpers/demo-hub-as-admin.js';
import { postForm } from '../helpers/post-form.js';

let { hub, app, cookie, csrf } = {} as DemoHubAsAdmin;

beforeAll(async () => {
  ({ hub, app, cookie, csrf } = await demoHubAsAdmin());
  seedDemoRegister(hub.deps);
});
afterAll(() => hub.close());

const post = (path: string, fields: Record<string, string>) => postForm(app, path, cookie, { csrf, ...fields });
/** The new record's id, from where its form sent the browser. */
const createdId = (res: Response) => {
  expect(res.status).toBe(303);
  return Number(res.headers.get('location')?.split('/').pop());
};

/** Which record a form edits: its table, its audit entity and its id. */
type Edited = [table: string, entity: string, id: number];

/** The record's row and audit entries, to prove a refusal changed neither. */
const stored = ([table, entity, id]: Edited) => ({
  row: hub.deps.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id),
  audit: hub.deps.db.prepare('SELECT count(*) AS n FROM audit_log WHERE entity = ? AND entity_id = ?').get(entity, String(id)),
});

/** Sends a form the hub must refuse: a 400, and the record as it was. The page it came back on. */
async function refused(record: Edited, path: string, fields: Record<string, string>): Promise<string> {
  const before = stored(record);
  const res = await post(path, fields);
  expect(res.status).toBe(400);
  expect(stored(record)).toEqual(before);
  return res.text();
}

const LONG = 'x'.repeat(201);

describe('editing a hazard', () => {
  let hazard: Edited;
  const edit = (fields: Record<string, string>) => refused(hazard, `/hazards/${hazard[2]}/edit`, fields);
  const typed = {
    title: 'Faxed referrals lost on ward 7', description: 'Referrals faxed to ward 7 go unread overnight', causes: 'Nobody checks the fax tray after 18:00',
    effect: 'Referral missed', potentialHarm: 'Delayed treatment', existingControls: 'Daytime checks', additionalControls: 'Move to NHSmail',
    initialSeverity: '4', initialLikelihood: '2', owner: 'nobody-here',
  };

  beforeAll(async () => {
    hazard = ['hazards', 'hazard', createdId(await post('/hazards', { title: 'Ward 7 fax', description: 'Referrals may be lost', initialSeverity: '3', initialLikelihood: '3', organisation: 'TRUST' }))];
  });

  it('refuses an unknown owner in the edit form, open, with every field as typed, and stores nothing', async () => {
    const html = await edit(typed);
    expect(html).toContain('<details class="panel" id="edit-hazard" open="">');
    expect(html).toContain('<p class="error" role="alert" id="edit-error">owner: no user &quot;nobody-here&quot; you can give this to</p>');
    expect(html).toContain('<input id="edit-title" name="title" value="Faxed referrals lost on ward 7"');
    expect(html).toMatch(/<textarea id="edit-causes"[^>]*>Nobody checks the fax tray after 18:00<\/textarea>/);
    expect(html).toMatch(/<textarea id="edit-additionalControls"[^>]*>Move to NHSmail<\/textarea>/);
    expect(html).toMatch(/<select id="edit-severity"[^>]*>.*?<option value="4" selected="">/);
    expect(html).toContain('<input id="edit-owner" name="owner" value="nobody-here"');
  });

  it('refuses an over-long title naming the field and its limit, the text kept', async () => {
    const html = await edit({ ...typed, owner: 'admin', title: LONG });
    expect(html).toContain('id="edit-error">title: at most 200 characters</p>');
    expect(html).toContain(`value="${LONG}"`);
  });
});

describe('editing an action', () => {
  let action: Edited;
  const edit = (fields: Record<string, string>) => refused(action, `/actions/${action[2]}/edit`, fields);

  beforeAll(async () => {
    const hazardId = createdId(await post('/hazards', { title: 'Ward 7 fax unread', description: 'Referrals may be lost', initialSeverity: '3', initialLikelihood: '3', organisation: 'TRUST' }));
    action = ['actions', 'action', createdId(await post('/actions', { title: 'Replace the ward 7 fax', owner: 'admin', dueDate: '2026-12-15', hazardId: String(hazardId), controlsHazard: 'on' }))];
  });

  it('refuses a date that does not exist, every field as typed (the stored control box unticked as sent), and stores nothing', async () => {
    const html = await edit({ title: 'Move ward 7 referrals to NHSmail', owner: 'admin', dueDate: '2027-02-30', hazardId: '', alertId: '', assetId: '' });
    expect(html).toContain('<p class="error" role="alert" id="edit-error">dueDate: not a real date</p>');
    expect(html).toContain('<input id="edit-title" name="title" value="Move ward 7 referrals to NHSmail"');
    expect(html).toContain('<input id="edit-due" name="dueDate" type="date" value="2027-02-30"');
    expect(html).toContain('<input type="checkbox" name="controlsHazard" value="on"/> A control for the hazard');
  });

  it('refuses an unknown owner beside the form, the typed owner and links kept', async () => {
    const html = await edit({ title: 'Replace the ward 7 fax', owner: 'no-such-person', dueDate: '2027-01-10', hazardId: '', alertId: '', assetId: '99', controlsHazard: 'on' });
    expect(html).toMatch(/id="edit-error">owner: no user &quot;no-such-person&quot;/);
    expect(html).toContain('<input id="edit-owner" name="owner" value="no-such-person"');
    expect(html).toContain('<input id="edit-due" name="dueDate" type="date" value="2027-01-10"');
    expect(html).toContain('<input id="edit-asset" name="assetId" type="number" min="1" value="99"/>');
    expect(html).toContain('<input type="checkbox" name="controlsHazard" value="on" checked=""/>');
  });
});

describe('editing a registered device', () => {
  let device: Edited;
  const edit = (fields: Record<string, string>) => refused(device, `/devices/${device[2]}/edit`, fields);
  const typed = {
    kind: 'fax', name: 'Ward 7 referrals fax', model: 'Brother FAX-2840', serial: 'E73512K9N123456', site: 'Anytown General', location: 'Ward 7 office',
    plannedRemovalOn: '2027-13-01', replacement: 'NHSmail shared mailbox', ownerName: '', team: 'Ward 7 clerks', number: '', pagerType: '', provider: '', contractEnd: '',
  };

  beforeAll(() => {
    device = ['registered_devices', 'device', (hub.deps.db.prepare("SELECT id FROM registered_devices WHERE name = 'Ward 7 fax'").get() as { id: number }).id];
  });

  it('offers an edit form with the device as it stands', async () => {
    const html = await (await app.request(`/devices/${device[2]}`, { headers: { cookie } })).text();
    expect(html).toContain(`<form class="action panel" id="edit" method="post" action="/devices/${device[2]}/edit">`);
    expect(html).toContain('<input id="edit-name" name="name" value="Ward 7 fax" maxlength="200" required=""/>');
    expect(html).toContain('<input id="edit-plannedRemovalOn" name="plannedRemovalOn" value="2020-03-31" type="date"/>');
  });

  it('refuses a bad date in the edit form, open, every field as typed, and stores nothing', async () => {
    const html = await edit(typed);
    expect(html).toContain('<details class="panel" id="edit-device" open="">');
    expect(html).toContain('<p class="error" role="alert" id="edit-error">plannedRemovalOn: a real date as YYYY-MM-DD</p>');
    expect(html).toContain('<input id="edit-name" name="name" value="Ward 7 referrals fax"');
    expect(html).toContain('<input id="edit-location" name="location" value="Ward 7 office"');
    expect(html).toContain('<input id="edit-plannedRemovalOn" name="plannedRemovalOn" value="2027-13-01"');
    expect(html).toContain('<input id="edit-team" name="team" value="Ward 7 clerks"');
  });

  it('refuses an over-long name, and a pager number on an MFD, each field named, the kind chosen kept', async () => {
    const long = await edit({ ...typed, plannedRemovalOn: '2027-03-31', name: LONG });
    expect(long).toContain('id="edit-error">name: at most 200 characters</p>');
    expect(long).toContain(`value="${LONG}"`);
    const pager = await edit({ ...typed, plannedRemovalOn: '2027-03-31', kind: 'mfd', number: '2222' });
    expect(pager).toContain('id="edit-error">number: only for pagers (this device is a mfd)</p>');
    expect(pager).toContain('<option value="mfd" selected="">mfd</option>');
    expect(pager).toContain('<input id="edit-number" name="number" value="2222"');
  });

  it('keeps the status and reason typed when decommissioning is refused', async () => {
    const html = await refused(device, `/devices/${device[2]}/status`, { status: 'decommissioned', reason: 'gone' });
    expect(html).toContain('id="device-status-error">reason: give the reason for decommissioning (at least 5 characters)</p>');
    expect(html).toContain('<option value="decommissioned" selected="">decommissioned</option>');
    expect(html).toContain('<input id="reason" name="reason" maxlength="2000" value="gone"/>');
  });

  it('saves a good edit, clearing an emptied field', async () => {
    const res = await post(`/devices/${device[2]}/edit`, { ...typed, plannedRemovalOn: '2027-03-31', model: '' });
    expect(res.status).toBe(303);
    expect(hub.deps.db.prepare('SELECT name, model, planned_removal_on AS removal FROM registered_devices WHERE id = ?').get(device[2])).toEqual({ name: 'Ward 7 referrals fax', model: null, removal: '2027-03-31' });
  });
});
