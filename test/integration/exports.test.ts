/**
 * Every list's CSV export on a real hub holding the demo estate and register:
 * the same rows as its JSON list under the same filter (all of them, not one
 * page), RFC 4180 and formula-safe, and only the reader's trust's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/import/csv.js';
import { createApp } from '../../src/hub/app.js';
import { seedDemoRegister } from '../../src/demo/demo-devices.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { insertTestAlert, hoursBefore } from '../helpers/insert-test-alert.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';
import { addTrust } from '../helpers/trusts.js';
import { signInUsers } from '../helpers/sign-in-users.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookies: Record<string, string>;

beforeAll(async () => {
  hub = await createTestHub();
  app = createApp(hub.deps);
  seedDemoEstate(hub.deps);
  seedDemoRegister(hub.deps);
  const second = addTrust(hub.deps.db, 'RYY');
  cookies = await signInUsers(app, hub, [['chair', 'board'], ['lead-two', 'security-lead', second]]);
  // A hostile title an agent or rule could carry: it must reach the spreadsheet as text.
  insertTestAlert(hub.deps.db, { hostname: 'WARD7-PC014', severity: 'high', raisedAt: hoursBefore(TEST_NOW, 2), title: '=HYPERLINK("http://evil.example","open me")' });
});
afterAll(() => hub.close());

const get = (path: string, user = 'admin') => app.request(path, { headers: { cookie: cookies[user] as string } });

async function csvOf(path: string, user = 'admin'): Promise<string[][]> {
  const res = await get(path, user);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z]+-2026-11-23\.csv"$/);
  const parsed = parseCsv(await res.text());
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.records.map((r) => r.fields);
}

const totalOf = async (path: string, user = 'admin') => ((await (await get(path, user)).json()) as { total: number }).total;

describe('CSV exports', () => {
  it.each([
    ['alerts', '/api/v1/alerts.csv?severity=critical,high', '/api/v1/alerts?severity=critical,high&pageSize=1'],
    ['alerts', '/api/v1/alerts.csv', '/api/v1/alerts?pageSize=1'],
    ['hazards', '/api/v1/hazards.csv', '/api/v1/hazards?pageSize=1'],
    ['exceptions', '/api/v1/exceptions.csv', '/api/v1/exceptions?pageSize=1'],
    ['devices', '/api/v1/devices.csv?kind=fax', '/api/v1/devices?kind=fax&pageSize=1'],
    ['unmatched', '/api/v1/estate/unmatched.csv', '/api/v1/estate/unmatched?pageSize=1'],
    ['actions', '/api/v1/actions.csv', '/api/v1/actions?pageSize=1'],
    ['assets', '/api/v1/estate/assets.csv?osStatus=unsupported', '/api/v1/estate/assets?osStatus=unsupported&pageSize=1'],
    ['software', '/api/v1/estate/software.csv?status=unsupported', '/api/v1/estate/software?status=unsupported&pageSize=1'],
  ])('exports every %s row the JSON list counts under the same filter (%s)', async (_name, csv, json) => {
    const rows = await csvOf(csv);
    expect(rows.length - 1).toBe(await totalOf(json));
  });

  it('holds several pages, not the first one only', async () => {
    const total = await totalOf('/api/v1/alerts?pageSize=1');
    expect(total).toBeGreaterThan(50);
    expect((await csvOf('/api/v1/alerts.csv')).length - 1).toBe(total);
  });

  it('writes a cell that would start a formula as text', async () => {
    const rows = await csvOf('/api/v1/alerts.csv?q=HYPERLINK');
    const title = rows[0]?.indexOf('title') ?? -1;
    expect(rows[1]?.[title]).toBe(`'=HYPERLINK("http://evil.example","open me")`);
  });

  it('gives every DCB0160 field of the hazard log', async () => {
    const [header] = await csvOf('/api/v1/hazards.csv');
    expect(header).toEqual(expect.arrayContaining(['causes', 'effect', 'potential_harm', 'existing_controls', 'initial_risk', 'additional_controls', 'residual_risk', 'owner']));
  });

  it("gives a trust's person their trust's rows only, and every role may export what it may read", async () => {
    expect(await csvOf('/api/v1/alerts.csv', 'lead-two')).toHaveLength(1);
    expect((await csvOf('/api/v1/devices.csv', 'chair')).length).toBeGreaterThan(1);
    expect((await app.request('/api/v1/alerts.csv')).status).toBe(401);
  });

  it.each([
    ['/alerts?severity=critical&severity=high&status=open', '/api/v1/alerts.csv?severity=critical%2Chigh&amp;status=open&amp;pageSize=50'],
    ['/hazards', '/api/v1/hazards.csv'],
    ['/exceptions?status=pending', '/api/v1/exceptions.csv?status=pending&amp;pageSize=50'],
    ['/devices?kind=fax', '/api/v1/devices.csv?kind=fax&amp;pageSize=50'],
    ['/unmatched', '/api/v1/estate/unmatched.csv'],
    ['/assets?osStatus=unsupported', '/api/v1/estate/assets.csv?osStatus=unsupported'],
    ['/software?status=unsupported', '/api/v1/estate/software.csv?status=unsupported'],
  ])('links %s to its export under the same filters', async (page, href) => {
    expect(await (await get(page)).text()).toContain(`id="download-csv" href="${href}"`);
  });

  it('refuses a bad filter with 400 naming it, as the list does', async () => {
    const res = await get('/api/v1/alerts.csv?severity=dreadful');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('severity');
  });
});
