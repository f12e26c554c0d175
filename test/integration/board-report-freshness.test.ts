/**
 * A month-to-date report knows it is going stale (issue 21): it counts the
 * audited changes to what it reports on since it was generated, says when its
 * month has ended, and offers whoever may generate it a Regenerate that starts
 * the count again. The generate form suggests a month with figures, not an
 * empty one; a board member's home is their latest report. Real hub, real
 * database (SQLite or PostgreSQL), real requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createApp } from '../../src/hub/app.js';
import { generateBoardReport, snapshotContext } from '../../src/report/generate-board-report.js';
import { takeSnapshots } from '../../src/report/take-snapshot.js';
import { postForm } from '../helpers/post-form.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

const MONTH = '2026-11';
let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookies: Record<string, string>;

const get = (path: string, who: string) => app.request(`http://localhost${path}`, { headers: { cookie: cookies[who] ?? '' } });
const html = async (path: string, who: string) => {
  const res = await get(path, who);
  expect(res.status, path).toBe(200);
  return res.text();
};
/** The freshness notice's sentence in a report page. */
const noticeOf = (page: string) => /id="freshness"><p>([^<]*)<\/p>/.exec(page)?.[1]?.replaceAll('&#39;', "'");
const freshness = async (who = 'chair') => noticeOf(await html(`/board-reports/${MONTH}`, who));
const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
const acknowledge = async (id: number) =>
  expect((await app.request(`/api/v1/alerts/${id}/acknowledge`, { method: 'POST', headers: { cookie: cookies.admin ?? '', 'content-type': 'application/json' } })).status).toBe(200);
const openAlerts = () => (hub.deps.db.prepare("SELECT id FROM alerts WHERE status = 'open' ORDER BY id LIMIT 3").all() as { id: number }[]).map((r) => r.id);

beforeAll(async () => {
  hub = await createTestHub();
  seedDemoEstate(hub.deps);
  app = createApp(hub.deps);
  cookies = await signInUsers(app, hub, [['chair', 'board'], ['lead', 'security-lead']]);
});
afterAll(() => hub.close());

describe('generating and landing', () => {
  it('suggests this month to date on a new hub, whose last month has no snapshot, and offers only months with figures', async () => {
    const page = await html('/board-reports', 'lead');
    expect(page).toMatch(/name="month" value="2026-11" min="2026-11" max="2026-11"/);
  });

  it('sends a board member from / to the reports list while there is no report, then to the latest one', async () => {
    expect((await get('/', 'chair')).headers.get('location')).toBe('/board-reports');
    generateBoardReport(hub.deps, 1, MONTH, 'admin');
    const res = await get('/', 'chair');
    expect([res.status, res.headers.get('location')]).toEqual([302, `/board-reports/${MONTH}`]);
  });

  it('keeps / the estate summary for everyone else, and the sign-in page for a visitor', async () => {
    expect(await html('/', 'lead')).toContain('<h1>Estate summary</h1>');
    expect((await app.request('/')).headers.get('location')).toBe('/login?next=%2F');
  });
});

describe('a month-to-date report', () => {
  it('says no audited change has happened since it was generated', async () => {
    expect(await freshness()).toBe('Month to date, generated 23 Nov 2026, 12:00 GMT: no audited change to alerts, actions, exceptions, devices or assets since then.');
  });

  it('counts the audited changes since, and not a sign-in or another month’s generation', async () => {
    const [a, b] = openAlerts();
    await acknowledge(a!);
    await acknowledge(b!);
    await signInUsers(app, hub, [['another', 'board']]);
    expect(await freshness()).toBe('Month to date, generated 23 Nov 2026, 12:00 GMT: 2 audited changes to alerts, actions, exceptions, devices or assets since then, which it does not show yet.');
  });

  it('regenerates from its notice for a board member, who may generate, and counts from zero again', async () => {
    const page = await html(`/board-reports/${MONTH}`, 'chair');
    expect(page).toMatch(/<form method="post" action="\/board-reports"><input type="hidden" name="csrf" value="[^"]+"\/?><input type="hidden" name="month" value="2026-11"\/?><button type="submit">Regenerate<\/button>/);
    const res = await postForm(app, '/board-reports', cookies.chair ?? '', { csrf: csrfOf(page), month: MONTH });
    expect([res.status, res.headers.get('location')]).toEqual([303, `/board-reports/${MONTH}`]);
    const generatedBy = hub.deps.db.prepare('SELECT generated_by AS by FROM board_reports WHERE month = ?').get(MONTH) as { by: string };
    expect(generatedBy.by).toBe('chair');
    expect(await freshness()).toContain('no audited change');
  });

  it('says when its month has ended, so only a regeneration gives the final figures', async () => {
    // Read on 2 December, by someone signed in then (a November session has long expired).
    const later = createApp({ ...hub.deps, now: () => new Date('2026-12-02T09:00:00Z') });
    const signIn = await later.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: hub.adminPassword }) });
    const res = await later.request(`/board-reports/${MONTH}`, { headers: { cookie: signIn.headers.get('set-cookie')?.split(';')[0] ?? '' } });
    expect(noticeOf(await res.text())).toBe(
      "November 2026 has ended since this report was generated 23 Nov 2026, 12:00 GMT: regenerate it for the month's final figures.",
    );
  });

  it('says nothing of the kind on a closed month’s report, and suggests that month once it has a snapshot', async () => {
    takeSnapshots({ ...snapshotContext(hub.deps), now: new Date('2026-10-31T20:00:00Z') });
    generateBoardReport({ ...hub.deps, now: () => TEST_NOW }, 1, '2026-10', 'admin');
    expect(await html('/board-reports/2026-10', 'chair')).not.toContain('id="freshness"');
    expect(await html('/board-reports', 'lead')).toMatch(/name="month" value="2026-10" min="2026-10" max="2026-11"/);
  });
});
