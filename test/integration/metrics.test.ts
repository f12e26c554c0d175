/** GET /metrics in-process on a real database: text a Prometheus scraper parses, counters that move, and who may read it. */
import { randomUUID } from 'node:crypto';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createEnrolmentSecret, enrolAgent } from '../../src/auth/enrolment.js';
import { hashPassword } from '../../src/auth/password.js';
import { createApp } from '../../src/hub/app.js';
import { evaluateAlertsJob } from '../../src/jobs/evaluate-alerts.js';
import { insertUser } from '../../src/store/users.js';
import { recordAlertEvaluation } from '../../src/store/metrics-queries.js';
import { insertOrganisation } from '../../src/store/organisations.js';
import { sampleReport } from '../helpers/reports.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

const TOKEN = 'scrape-token-0123456789abcdef0123456789abcdef';
const BOARD_PASSWORD = 'a long enough passphrase';

/** One line of the text format 0.0.4: a HELP, a TYPE, or a sample with optional labels. */
const LINE = /^(# HELP [a-z_]+ \S.*|# TYPE [a-z_]+ (counter|gauge)|[a-z_]+(\{[a-z_]+="[^"\\\n]*"(,[a-z_]+="[^"\\\n]*")*\})? -?\d+(\.\d+)?)$/;

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let agentToken: string;
let adminCookie: string;
let boardCookie: string;

beforeAll(async () => {
  hub = await createTestHub({ metricsToken: TOKEN });
  app = createApp(hub.deps);
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'metrics', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 1 });
  agentToken = enrolAgent(hub.deps.db, { secret, hostname: 'METRICS-PC1', now: TEST_NOW, approvalRequired: false })?.token ?? '';
  insertUser(hub.deps.db, { username: 'board-user', passwordHash: await hashPassword(BOARD_PASSWORD), role: 'board', mustChangePassword: false, organisationId: null, now: TEST_NOW.toISOString() });
  adminCookie = await signIn('admin', hub.adminPassword);
  boardCookie = await signIn('board-user', BOARD_PASSWORD);
});
afterAll(() => hub.close());

async function signIn(username: string, password: string): Promise<string> {
  const res = await app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')?.split(';')[0] ?? '';
}

function scrape(headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }, on = app) {
  return on.request('/metrics', { headers });
}

/** Every sample by `name{labels}`, after checking each line's form. */
async function samples(on = app): Promise<Map<string, number>> {
  const res = await scrape(undefined, on);
  expect(res.status).toBe(200);
  const lines = (await res.text()).trimEnd().split('\n');
  for (const line of lines) expect(line).toMatch(LINE);
  return new Map(lines.filter((l) => !l.startsWith('#')).map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]));
}

function postReport(key: string, body: unknown, auth = `Bearer ${agentToken}`) {
  return app.request('/api/v1/reports', { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) });
}

const delta = (before: Map<string, number>, after: Map<string, number>, key: string) => (after.get(key) ?? NaN) - (before.get(key) ?? NaN);

describe('GET /metrics', () => {
  it('answers in the Prometheus text format: each family with HELP and TYPE before its samples, every line well formed', async () => {
    const res = await scrape();
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(LINE);
    const described = new Set<string>();
    for (const line of lines) {
      const [, kind, name] = /^# (HELP|TYPE) ([a-z_]+)/.exec(line) ?? [];
      if (kind === 'TYPE' && name) described.add(name);
      if (!line.startsWith('#')) expect(described).toContain(/^[a-z_]+/.exec(line)?.[0]);
    }
    expect([...described]).toEqual(['estatewatch_ingests_total', 'estatewatch_requests_in_flight', 'estatewatch_pdf_queue_waiting', 'estatewatch_pdf_renders_total', 'estatewatch_http_requests_total', 'estatewatch_assets', 'estatewatch_alerts_live', 'estatewatch_alert_evaluation_seconds']);
  });

  it('counts a stored report, its replay as a duplicate, and a bad or unauthenticated one as refused; the assets gauge follows the store', async () => {
    const before = await samples();
    const key = randomUUID();
    expect((await postReport(key, sampleReport({ host: { hostname: 'METRICS-PC1' } }))).status).toBe(202);
    expect((await postReport(key, sampleReport({ host: { hostname: 'METRICS-PC1' } }))).status).toBe(200);
    expect((await postReport(randomUUID(), { schema: 'estatewatch.report/v1' })).status).toBe(400);
    expect((await postReport(randomUUID(), sampleReport(), 'Bearer not-an-agent')).status).toBe(401);
    const after = await samples();

    expect(delta(before, after, 'estatewatch_ingests_total{result="stored"}')).toBe(1);
    expect(delta(before, after, 'estatewatch_ingests_total{result="duplicate"}')).toBe(1);
    expect(delta(before, after, 'estatewatch_ingests_total{result="refused"}')).toBe(2);
    const assets = [...after].filter(([k]) => k.startsWith('estatewatch_assets{')).reduce((n, [, v]) => n + v, 0);
    expect(assets).toBe(hub.deps.db.prepare('SELECT count(*) FROM assets').pluck().get());
  });

  it('counts every answer by status class, a 4xx included', async () => {
    const before = await samples();
    expect((await app.request('/api/v1/estate/summary')).status).toBe(401);
    const after = await samples();
    expect(delta(before, after, 'estatewatch_http_requests_total{status_class="4xx"}')).toBe(1);
    // The scrape that took `before` is counted once it has answered.
    expect(delta(before, after, 'estatewatch_http_requests_total{status_class="2xx"}')).toBe(1);
  });

  it('shows a report still arriving as one in the reports queue, and none once it is answered', async () => {
    let finish = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(sampleReport({ host: { hostname: 'METRICS-PC1' } }))));
        finish = () => controller.close();
      },
    });
    const idle = await samples();
    expect(idle.get('estatewatch_requests_in_flight{queue="reports"}')).toBe(0);
    // The scrape counts itself.
    expect(idle.get('estatewatch_requests_in_flight{queue="other"}')).toBe(1);
    const headers = { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() };
    const answer = app.request('/api/v1/reports', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    expect((await samples()).get('estatewatch_requests_in_flight{queue="reports"}')).toBe(1);
    finish();
    expect((await answer).status).toBe(202);
    expect((await samples()).get('estatewatch_requests_in_flight{queue="reports"}')).toBe(0);
  });

  it('reads live alerts by severity from the kept counts, and the last estate-wide evaluation time', async () => {
    // The hub's start-up evaluation already recorded one; a sentinel shows the hourly job replaces it.
    expect((await samples()).get('estatewatch_alert_evaluation_seconds')).toBeGreaterThanOrEqual(0);
    recordAlertEvaluation(hub.deps.db, 999_000);
    expect((await samples()).get('estatewatch_alert_evaluation_seconds')).toBe(999);
    evaluateAlertsJob.run(hub.deps);
    const after = await samples();
    expect(after.get('estatewatch_alert_evaluation_seconds')).toBeLessThan(999);
    const live = hub.deps.db.prepare("SELECT severity, count(*) AS n FROM alerts WHERE status <> 'resolved' GROUP BY severity").all() as { severity: string; n: number }[];
    expect(live.length).toBeGreaterThan(0);
    for (const { severity, n } of live) expect(after.get(`estatewatch_alerts_live{severity="${severity}"}`)).toBe(n);
  });

  it('keeps counters per app: a second app on the same database starts from zero', async () => {
    const fresh = await samples(createApp(hub.deps));
    expect(fresh.get('estatewatch_ingests_total{result="stored"}')).toBe(0);
    expect(fresh.get('estatewatch_http_requests_total{status_class="4xx"}')).toBe(0);
  });
});

describe('who may read GET /metrics', () => {
  it('refuses an anonymous request and a wrong token with 401', async () => {
    expect((await scrape({})).status).toBe(401);
    expect((await scrape({ authorization: `Bearer ${TOKEN.slice(0, -1)}x` })).status).toBe(401);
    expect((await scrape({ authorization: 'Bearer short' })).status).toBe(401);
  });

  it('lets in the token and a signed-in admin, not another role', async () => {
    expect((await scrape({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await scrape({ cookie: adminCookie })).status).toBe(200);
    expect((await scrape({ cookie: boardCookie })).status).toBe(403);
  });

  it("refuses a trust's own admin: the figures are every trust's", async () => {
    const second = insertOrganisation(hub.deps.db, { code: 'RMM', name: 'Metrics Second Trust' }).id;
    insertUser(hub.deps.db, { username: 'trust-admin', passwordHash: await hashPassword(BOARD_PASSWORD), role: 'admin', mustChangePassword: false, organisationId: second, now: TEST_NOW.toISOString() });
    const res = await scrape({ cookie: await signIn('trust-admin', BOARD_PASSWORD) });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('estatewatch_assets');
  });

  it('with no token configured, refuses every bearer token and still lets in an admin', async () => {
    const untokened = createApp({ ...hub.deps, config: { ...hub.deps.config, metricsToken: undefined } });
    expect((await scrape({ authorization: `Bearer ${TOKEN}` }, untokened)).status).toBe(401);
    expect((await scrape({ cookie: adminCookie }, untokened)).status).toBe(200);
  });
});
