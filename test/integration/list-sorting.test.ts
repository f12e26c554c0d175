/**
 * The hazard log, the action list, the exceptions and the device register sort
 * by their columns, either way, on both stores; an unknown column is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/hub/app.js';
import { seedDemoRegister } from '../../src/demo/demo-devices.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookie: string;

beforeAll(async () => {
  hub = await createTestHub();
  app = createApp(hub.deps);
  seedDemoEstate(hub.deps);
  seedDemoRegister(hub.deps);
  const res = await app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: hub.adminPassword }) });
  cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  for (const [title, s, l] of [['Fax on ward 7', 2, 4], ['PACS on Server 2012 R2', 5, 3], ['Pager fallback', 3, 1]] as const) {
    await post('/api/v1/hazards', { title, description: 'A hazard to patients from the estate', initialSeverity: s, initialLikelihood: l, organisation: 'TRUST' });
  }
  for (const [title, dueDate] of [['Replace the fax', '2027-03-01'], ['Isolate the PACS server', '2026-12-20'], ['Buy pagers', '2027-01-15']] as const) {
    await post('/api/v1/actions', { title, dueDate, organisation: 'TRUST' });
  }
});
afterAll(() => hub.close());

const rows = async <T,>(path: string) => ((await (await app.request(path, { headers: { cookie } })).json()) as { rows: T[] }).rows;

describe('sorting lists by their columns', () => {
  it('orders the hazard log by initial risk, highest first when descending', async () => {
    const risks = (await rows<{ initialSeverity: number; initialLikelihood: number }>('/api/v1/hazards?sort=-initial-risk')).map((h) => h.initialSeverity * h.initialLikelihood);
    expect(risks).toEqual([15, 8, 3]);
    expect((await rows<{ id: number }>('/api/v1/hazards?sort=-number')).map((h) => h.id)).toEqual([3, 2, 1]);
  });

  it('orders actions by due date, latest first when descending', async () => {
    const due = (await rows<{ dueDate: string }>('/api/v1/actions?sort=-due')).map((a) => a.dueDate);
    expect(due).toEqual(['2027-03-01', '2027-01-15', '2026-12-20']);
  });

  it('orders the register by planned removal, undated last', async () => {
    const dates = (await rows<{ plannedRemovalOn: string | null }>('/api/v1/devices?sort=removal&pageSize=500')).map((d) => d.plannedRemovalOn);
    const dated = dates.filter((d) => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
  });

  it.each(['/api/v1/hazards?sort=colour', '/api/v1/actions?sort=due,title', '/api/v1/exceptions?sort=-', '/api/v1/devices?sort=DROP'])('refuses %s with 400 naming sort', async (path) => {
    const res = await app.request(path, { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('"path":"sort"');
  });

  it('links each sortable heading on the pages, the current one marked with aria-sort', async () => {
    const page = async (path: string) => (await app.request(path, { headers: { cookie } })).text();
    expect(await page('/hazards?sort=-initial-risk')).toContain('<th scope="col" aria-sort="descending"><a href="/hazards?sort=initial-risk" data-sort="initial-risk">Initial risk');
    expect(await page('/actions')).toContain('<th scope="col" aria-sort="ascending"><a href="/actions?sort=-due" data-sort="due">Due');
    expect(await page('/exceptions')).toContain('data-sort="expires"');
    expect(await page('/devices')).toContain('<th scope="col" aria-sort="ascending"><a href="/devices?pageSize=50&amp;sort=-site" data-sort="site">Where');
  });
});
