/**
 * Host and link-target fields offer choices from what the reader may see:
 * the exception request form the machines of the reader's trust (every
 * trust's to an ICS-wide reader), a hazard's link forms its trust's machines,
 * live alerts and found devices, a bounded few each. A name or number no such
 * record has is refused beside its field with what was typed kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHOICE_LIMIT } from '../../src/web/components/choice-list.js';
import { demoHubAsAdmin, type DemoHubAsAdmin } from '../helpers/demo-hub-as-admin.js';
import { formTokenOf, postForm } from '../helpers/post-form.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { TEST_NOW } from '../helpers/test-hub.js';
import { FIRST_TRUST, splitDemoEstate } from '../helpers/trusts.js';

let { hub, app } = {} as DemoHubAsAdmin;
let cookies: Record<string, string>;
let ids: ReturnType<typeof splitDemoEstate> & { hazardOne: number };

const db = () => hub.deps.db;
const one = <T>(sql: string, ...params: unknown[]) => db().prepare(sql).get(...params) as T;
const csrfOf = (user: string) => formTokenOf(db(), cookies[user] as string);
const page = async (path: string, user: string) => (await app.request(path, { headers: { cookie: cookies[user] as string } })).text();
const post = (path: string, user: string, fields: Record<string, string>) => postForm(app, path, cookies[user] as string, { csrf: csrfOf(user), ...fields });
/** The values a page's <datalist id=…> offers. */
const offered = (html: string, id: string) => [...(html.match(new RegExp(`<datalist id="${id}">(.*?)</datalist>`))?.[1] ?? '').matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);

beforeAll(async () => {
  ({ hub, app } = await demoHubAsAdmin());
  const split = splitDemoEstate(db());
  cookies = await signInUsers(app, hub, [
    ['lead-one', 'security-lead', FIRST_TRUST],
    ['ics-cso', 'cso'],
  ]);
  const hazard = await post('/hazards', 'lead-one', { title: 'Data warehouse on SQL Server 2012', description: 'Unsupported database behind the clinical dashboards', initialSeverity: '3', initialLikelihood: '3' });
  ids = { ...split, hazardOne: Number(hazard.headers.get('location')?.split('/').pop()) };
});
afterAll(() => hub.close());

describe('the exception request form', () => {
  const fields = {
    title: 'Data warehouse stays on SQL Server 2012', justification: 'The dashboards vendor certifies nothing newer until 2027.',
    compensatingControls: 'isolated VLAN, no internet, USB disabled', expiresOn: '2027-06-30', ruleIds: 'unsupported-os',
  };

  it("offers the reader's trust's machines only, and an ICS-wide reader every trust's", async () => {
    const mine = offered(await page('/exceptions', 'lead-one'), 'hosts');
    expect(mine).toContain('DW-SQL01');
    expect(mine).toContain('WARD7-PC014');
    expect(mine).not.toContain('PACS-SRV01');
    expect(mine).not.toContain('PHARM-PC02');
    expect(offered(await page('/exceptions', 'ics-cso'), 'hosts')).toEqual(expect.arrayContaining(['DW-SQL01', 'PACS-SRV01', 'PHARM-PC02']));
  });

  it("refuses another trust's machine beside the hostname fields, everything typed kept, nothing stored", async () => {
    const before = one('SELECT count(*) AS n FROM exceptions');
    const res = await post('/exceptions', 'lead-one', { ...fields, hostnames: 'DW-SQL01', hostname: 'PACS-SRV01' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<label for="ex-hostnames">[^<]*<\/label><p class="error" role="alert" id="ex-hostnames-error">hostnames: no asset &quot;PACS-SRV01&quot;<\/p>/);
    expect(html).toMatch(/<textarea id="ex-hostnames" name="hostnames" rows="2">DW-SQL01<\/textarea>/);
    expect(html).toContain('<input id="ex-hostname" name="hostname" list="hosts" maxlength="255" autocomplete="off" value="PACS-SRV01"/>');
    expect(html).toContain('value="Data warehouse stays on SQL Server 2012"');
    expect(one('SELECT count(*) AS n FROM exceptions')).toEqual(before);
  });

  it('takes a machine chosen in the one-host field alone', async () => {
    const res = await post('/exceptions', 'lead-one', { ...fields, hostnames: '', hostname: 'dw-sql01' });
    expect(res.status).toBe(303);
    const created = Number(res.headers.get('location')?.split('/').pop());
    expect(one('SELECT a.hostname FROM exception_assets e JOIN assets a ON a.id = e.asset_id WHERE e.exception_id = ?', created)).toEqual({ hostname: 'DW-SQL01' });
  });
});

describe("a hazard's link forms", () => {
  it("offer the hazard's trust's machines, live alerts and found devices only", async () => {
    const html = await page(`/hazards/${ids.hazardOne}`, 'lead-one');
    const hosts = offered(html, 'link-asset-choices');
    expect(hosts).toContain('DW-SQL01');
    expect(hosts).not.toContain('PACS-SRV01');
    const alerts = offered(html, 'link-alert-choices');
    expect(alerts).toContain(String(ids.alertOne));
    expect(alerts).not.toContain(String(ids.alertTwo));
    expect(html).toContain(`<option value="${ids.alertOne}">DW-SQL01 runs SQL Server 2012 (DW-SQL01)</option>`);
    const devices = offered(html, 'link-device-choices');
    expect(devices.length).toBeGreaterThan(0);
    expect(devices).not.toContain(String(ids.faxTwo));
    expect(await page(`/hazards/${ids.hazardOne}`, 'ics-cso')).not.toContain('PACS-SRV01');
  });

  it("refuses another trust's machine beside the hostname field, what was typed kept, and links nothing", async () => {
    const res = await post(`/hazards/${ids.hazardOne}/links`, 'lead-one', { op: 'add', kind: 'asset', hostname: 'PACS-SRV01' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<p class="error" role="alert" id="link-asset-error">hostname: no machine &quot;PACS-SRV01&quot; in this hazard&#39;s trust</p>');
    expect(html).toContain('<input id="link-asset-target" name="hostname" list="link-asset-choices" required="" maxlength="255" autocomplete="off" value="PACS-SRV01"/>');
    expect(html).not.toContain('id="link-alert-error"');
    expect(one('SELECT count(*) AS n FROM hazard_links WHERE hazard_id = ?', ids.hazardOne)).toEqual({ n: 0 });
  });

  it("refuses an alert number the trust has not, in the alert's form, the number kept", async () => {
    const res = await post(`/hazards/${ids.hazardOne}/links`, 'lead-one', { op: 'add', kind: 'alert', targetId: String(ids.alertTwo) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(`id="link-alert-error">targetId: no alert ${ids.alertTwo}</p>`);
    expect(html).toContain(`value="${ids.alertTwo}" inputmode="numeric"/>`);
    expect(one('SELECT count(*) AS n FROM hazard_links WHERE hazard_id = ?', ids.hazardOne)).toEqual({ n: 0 });
  });

  it('links a machine named by hostname, in any case', async () => {
    expect((await post(`/hazards/${ids.hazardOne}/links`, 'lead-one', { op: 'add', kind: 'asset', hostname: 'dw-sql01' })).status).toBe(303);
    expect(one("SELECT l.kind, a.hostname FROM hazard_links l JOIN assets a ON a.id = l.target_id WHERE l.hazard_id = ? AND l.kind = 'asset'", ids.hazardOne)).toEqual({ kind: 'asset', hostname: 'DW-SQL01' });
  });
});

describe('a big estate', () => {
  it(`offers only the ${CHOICE_LIMIT} machines most recently seen`, async () => {
    const template = one<{ id: number }>("SELECT id FROM assets WHERE hostname = 'DW-SQL01'").id;
    const columns = Object.keys(one<Record<string, unknown>>('SELECT * FROM assets WHERE id = ?', template));
    const copied = columns.filter((c) => !['id', 'identity', 'hostname', 'last_received_at'].includes(c)).join(', ');
    const insert = db().prepare(`INSERT INTO assets (identity, hostname, last_received_at, ${copied}) SELECT ?, ?, ?, ${copied} FROM assets WHERE id = ?`);
    for (let i = 0; i < CHOICE_LIMIT + 5; i++) insert.run(`bulk-${i}`, `BULK-${String(i).padStart(3, '0')}`, new Date(TEST_NOW.getTime() + i * 1000).toISOString(), template);
    const hosts = offered(await page('/exceptions', 'lead-one'), 'hosts');
    expect(hosts).toHaveLength(CHOICE_LIMIT);
    expect(hosts[0]).toBe(`BULK-${CHOICE_LIMIT + 4}`);
    expect(hosts).not.toContain('BULK-004');
    expect(hosts).not.toContain('DW-SQL01');
  });
});
