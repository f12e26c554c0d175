/**
 * Searching alerts (`q`) over the estate reads alert_search (migration 0013):
 * it finds the same alerts, in the same order, as testing every alert's title
 * and hostname, with the list's other filters, and stays in step through
 * triage, new hostnames and deleted assets. A search broader than
 * SEARCH_COUNT_LIMIT is listed in order and counted no further.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../src/alerts/evaluate-alerts.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createApp } from '../../src/hub/app.js';
import { listAlerts, SEARCH_COUNT_LIMIT, updateAlertTriage, type AlertFilter, type AlertStatus } from '../../src/store/alert-queries.js';
import { SEVERITIES, type Severity } from '../../src/alerts/alert-rule-schema.js';
import { inTransaction } from '../../src/store/statements.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await createTestHub();
  seedDemoEstate(hub.deps);
  evaluateAlerts(hub.deps.db, hub.deps.alertRules, TEST_NOW);
});
afterAll(() => hub.close());

const db = () => hub.deps.db;
const LIST: AlertFilter = { org: null, now: TEST_NOW, limit: 100_000, offset: 0 };

/** The alerts a search must find: every alert tested one by one, in list order. */
function testedOneByOne(q: string, f: { severity?: Severity[]; status?: AlertStatus[]; ruleId?: string } = {}): number[] {
  const statuses = f.status ?? ['open', 'acknowledged', 'suppressed'];
  const rows = db().prepare(`SELECT a.id, a.severity, a.status, a.rule_id AS ruleId, a.title, s.hostname FROM alerts a LEFT JOIN assets s ON s.id = a.asset_id
      ORDER BY a.severity_rank, a.raised_at, a.id`).all() as { id: number; severity: Severity; status: AlertStatus; ruleId: string; title: string; hostname: string | null }[];
  const contains = (text: string | null) => text !== null && text.toLowerCase().includes(q.toLowerCase());
  return rows
    .filter((r) => (contains(r.title) || contains(r.hostname)) && statuses.includes(r.status) && (!f.severity || f.severity.includes(r.severity)) && (!f.ruleId || r.ruleId === f.ruleId))
    .map((r) => r.id);
}

function expectSameAsTestingEach(q: string, f: { severity?: Severity[]; status?: AlertStatus[]; ruleId?: string } = {}): number {
  const found = listAlerts(db(), { ...LIST, q, ...f });
  const expected = testedOneByOne(q, f);
  expect(found.rows.map((r) => r.id), `${q} ${JSON.stringify(f)}`).toEqual(expected);
  expect(found.total).toBe(expected.length);
  expect(found.more).toBe(false);
  return expected.length;
}

describe('searching the estate’s alerts', () => {
  it('finds by part of a title or a hostname, in any case, with the severity, status and rule filters', () => {
    const hostname = (db().prepare('SELECT hostname FROM assets a WHERE EXISTS (SELECT 1 FROM alerts WHERE asset_id = a.id) ORDER BY id LIMIT 1').get() as { hostname: string }).hostname;
    expect(expectSameAsTestingEach(hostname)).toBeGreaterThan(0);
    expect(expectSameAsTestingEach(hostname.slice(1, 5).toLowerCase())).toBeGreaterThan(0);
    expect(expectSameAsTestingEach('windows')).toBeGreaterThan(1);
    expect(expectSameAsTestingEach('WINDOWS', { severity: ['critical'] })).toBeGreaterThan(0);
    const ruleId = (db().prepare('SELECT rule_id FROM alerts GROUP BY rule_id ORDER BY count(*) DESC LIMIT 1').get() as { rule_id: string }).rule_id;
    expect(() => listAlerts(db(), { ...LIST, q: 'ws' })).toThrow(/at least 3 characters/);
    expectSameAsTestingEach('ward', { ruleId, status: ['open', 'resolved'] });
    expect(expectSameAsTestingEach('no such text anywhere')).toBe(0);
    expect(expectSameAsTestingEach('say "hi"')).toBe(0);
  });

  it('counts a search narrowed to a trust or to a set of rules as testing each alert does', () => {
    const all = listAlerts(db(), { ...LIST, q: 'windows' });
    expect(all.total).toBeGreaterThan(1);
    const org = all.rows[0]!.organisationId;
    const ofTrust = listAlerts(db(), { ...LIST, q: 'windows', org });
    expect(ofTrust.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => r.organisationId === org).map((r) => r.id));
    expect(ofTrust.total).toBe(ofTrust.rows.length);
    expect(listAlerts(db(), { ...LIST, q: 'windows', org: 99_999 })).toMatchObject({ total: 0, more: false, rows: [] });
    const ids = [all.rows[0]!.ruleId];
    const first = listAlerts(db(), { ...LIST, q: 'windows', ruleSet: { ids, except: false } });
    const rest = listAlerts(db(), { ...LIST, q: 'windows', ruleSet: { ids, except: true } });
    expect(first.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => ids.includes(r.ruleId)).map((r) => r.id));
    expect(rest.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => !ids.includes(r.ruleId)).map((r) => r.id));
    expect([first.total, rest.total]).toEqual([first.rows.length, rest.rows.length]);
    expect(first.total + rest.total).toBe(all.total);
    expect(rest.total).toBeGreaterThan(0);
  });

  it('gives each severity’s total, as listing that severity alone counts it, known-exploited rules first or not', () => {
    const ruleIds = db().prepare('SELECT DISTINCT rule_id FROM alerts ORDER BY 1 LIMIT 2').pluck().all() as string[];
    for (const f of [{ q: 'windows' }, { q: 'ward', firstRuleIds: ruleIds }, { q: 'WINDOWS', severity: ['critical', 'low'] as Severity[], firstRuleIds: ruleIds }]) {
      const { bySeverity, total } = listAlerts(db(), { ...LIST, ...f, limit: 5 });
      const alone = Object.fromEntries((f.severity ?? SEVERITIES).map((s) => [s, listAlerts(db(), { ...LIST, ...f, severity: [s], limit: 0 }).total]));
      expect(bySeverity, JSON.stringify(f)).toEqual(alone);
      expect(Object.values(alone).reduce((a, b) => a + b, 0)).toBe(total);
      expect(total).toBeGreaterThan(0);
    }
  });

  it('matches % and _ as the characters they are, not as wildcards', () => {
    expectSameAsTestingEach('%%%');
    expectSameAsTestingEach('w_r');
    const assetId = (db().prepare('SELECT asset_id FROM alerts WHERE asset_id IS NOT NULL ORDER BY id LIMIT 1').get() as { asset_id: number }).asset_id;
    expect(listAlerts(db(), { ...LIST, assetId, q: '%' }).total).toBe(0);
    expect(listAlerts(db(), { ...LIST, assetId, q: '_' }).total).toBe(0);
  });

  it('stays in step through triage, a new hostname and a deleted asset', () => {
    const [first, second] = listAlerts(db(), { ...LIST, q: 'windows' }).rows;
    updateAlertTriage(db(), first!.id, { ...first!, status: 'resolved', resolvedAt: TEST_NOW.toISOString(), resolution: 'manual' });
    updateAlertTriage(db(), second!.id, { ...second!, status: 'acknowledged', acknowledgedAt: TEST_NOW.toISOString() });
    expectSameAsTestingEach('windows');
    expectSameAsTestingEach('windows', { status: ['resolved'] });
    expectSameAsTestingEach('windows', { status: ['acknowledged'] });
    const asset = db().prepare('SELECT a.id, a.hostname FROM assets a WHERE EXISTS (SELECT 1 FROM alerts WHERE asset_id = a.id) ORDER BY id DESC LIMIT 1').get() as { id: number; hostname: string };
    db().prepare('UPDATE assets SET hostname = ? WHERE id = ?').run('RENAMED-HOST-77', asset.id);
    expect(expectSameAsTestingEach('renamed-host')).toBeGreaterThan(0);
    expect(expectSameAsTestingEach(asset.hostname)).toBe(0);
    db().prepare('DELETE FROM assets WHERE id = ?').run(asset.id);
    expect(expectSameAsTestingEach('renamed-host')).toBe(0);
  });

  it('lists a search broader than the count limit in order, says there are more, and stops paging there', () => {
    const assetId = (db().prepare('SELECT id FROM assets ORDER BY id LIMIT 1').get() as { id: number }).id;
    const insert = db().prepare(`INSERT INTO alerts (rule_id, asset_id, subject, severity, title, detail, status, raised_at, last_seen_at)
        VALUES ('bulk-test', @assetId, @subject, @severity, @title, 'test', 'open', @raisedAt, '2026-11-01T00:00:00.000Z')`);
    // One a minute from 2026-01-01, oldest first.
    const bulk = (count: number, severity: Severity) =>
      inTransaction(db(), () => {
        for (let i = 1; i <= count; i++) {
          insert.run({ assetId, subject: `${severity}:${i}`, severity, title: `Bulk search test: item ${i}`, raisedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() });
        }
      });
    bulk(30, 'high');
    bulk(SEARCH_COUNT_LIMIT + 50, 'low');
    const all = testedOneByOne('bulk search');
    const total = 30 + SEARCH_COUNT_LIMIT;
    for (const offset of [0, 20, 100]) {
      const page = listAlerts(db(), { ...LIST, q: 'bulk search', limit: 50, offset });
      expect(page).toMatchObject({ total, more: true });
      expect(page.rows.map((r) => r.id), `offset ${offset}`).toEqual(all.slice(offset, offset + 50));
    }
    expect(listAlerts(db(), { ...LIST, q: 'bulk search', limit: 50, offset: total }).rows).toEqual([]);
    // The severity within the limit is counted exactly.
    expect(expectSameAsTestingEach('bulk search', { severity: ['high'] })).toBe(30);
    // The age filter is outside the index: counted row by row, up to the limit.
    expect(listAlerts(db(), { ...LIST, q: 'bulk search', newerThanDays: 3650, limit: 50, offset: 0 })).toMatchObject({ total, more: true });
    expect(listAlerts(db(), { ...LIST, q: 'bulk search', olderThanDays: 3650, limit: 50, offset: 0 })).toMatchObject({ total: 0, more: false });
  });
});

describe.runIf(process.env.ESTATEWATCH_TEST_STORE === 'postgres')('PostgreSQL plans a search with the machines it found', () => {
  it('runs the statements reading alerts by the machines found unprepared, however often it searches, with the same answers', () => {
    const first = listAlerts(db(), { ...LIST, q: 'ward', limit: 20 });
    // PostgreSQL may turn a prepared statement's plan generic, blind to the list of machines, from its sixth run.
    for (let run = 0; run < 7; run++) expect(listAlerts(db(), { ...LIST, q: 'ward', limit: 20 })).toEqual(first);
    const prepared = db().prepare('SELECT statement FROM pg_prepared_statements').pluck().all() as string[];
    expect(prepared.filter((text) => text.includes('FROM alerts WHERE asset_id = ANY'))).toEqual([]);
    expect(prepared.some((text) => text.includes('FROM alert_title_search'))).toBe(true);
    expect(first.total).toBeGreaterThan(0);
  });
});

describe('the search over HTTP', () => {
  it('refuses an estate-wide search shorter than three characters, saying so', async () => {
    const app = createApp(hub.deps);
    const res = await app.request('/api/v1/alerts?q=ab', { headers: { cookie: await cookie(app) } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('at least 3 characters');
    const oneAsset = await app.request('/api/v1/alerts?q=ab&assetId=1', { headers: { cookie: await cookie(app) } });
    expect(oneAsset.status).toBe(200);
  });

  it('refuses a search with a NUL or another control character with 400 naming q, not a 500', async () => {
    const app = createApp(hub.deps);
    for (const path of ['/api/v1/alerts?q=a%00b', '/api/v1/estate/assets?q=ward%00', '/api/v1/hazards?q=x%07y']) {
      const res = await app.request(path, { headers: { cookie: await cookie(app) } });
      expect(res.status, path).toBe(400);
      expect(JSON.stringify(await res.json()), path).toMatch(/"path":"q".*control characters/);
    }
  });

  it('tells the reader of the alerts page that a broad search has more matches than it lists', async () => {
    const app = createApp(hub.deps);
    const html = await (await app.request('/alerts?q=bulk+search', { headers: { cookie: await cookie(app) } })).text();
    expect(html).toContain(`More than ${(SEARCH_COUNT_LIMIT + 30).toLocaleString('en-GB')} alerts match “bulk search”`);
    const api = (await (await app.request('/api/v1/alerts?q=bulk+search', { headers: { cookie: await cookie(app) } })).json()) as { total: number; more: boolean };
    expect(api).toMatchObject({ total: SEARCH_COUNT_LIMIT + 30, more: true });
  });
});

let signedIn: string | undefined;
async function cookie(app: ReturnType<typeof createApp>): Promise<string> {
  if (signedIn) return signedIn;
  const res = await app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: hub.adminPassword }) });
  return (signedIn = res.headers.get('set-cookie')!.split(';')[0]!);
}
