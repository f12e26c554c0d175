/**
 * Alerts beyond what a snapshot keeps row by row: every count stays exact, the
 * evidence keeps each cell's oldest rows and says "showing N of M" (page and
 * API) with a link to the live list, and the frozen sample neither changes
 * with the estate nor stops the report rebuilding byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { ALERT_ROWS_PER_CELL } from '../../src/report/alert-sample.js';
import { buildBoardReport, type BoardReport } from '../../src/report/board-report.js';
import { generateBoardReport } from '../../src/report/generate-board-report.js';
import type { Figure } from '../../src/report/posture-figures.js';
import { getBoardReport } from '../../src/store/board-reports.js';
import { hoursBefore, insertTestAlert } from '../helpers/insert-test-alert.js';
import { signInCookie, startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

const MONTH = '2026-11';
const OVER_30_DAYS = 24 * 40;
let hub: ListeningTestHub;
let cookie: string;
let report: BoardReport;
const db = () => hub.deps.db;
const n = (sql: string, ...params: unknown[]) => (db().prepare(sql).get(...params) as { n: number }).n;

interface EvidenceJson {
  count: number | null;
  complete: boolean;
  rowsPerCell: number | null;
  note: string | null;
  live: string | null;
  rows: { alertId: number; raisedAt: string; state: string }[];
}

const evidence = async (figure: Pick<Figure, 'list' | 'filter'>) =>
  (await (await fetch(`${hub.url}/api/v1/board-reports/${MONTH}/evidence/${figure.list}?${new URLSearchParams(figure.filter)}`, { headers: { cookie } })).json()) as EvidenceJson;

beforeAll(async () => {
  hub = await startTestHub();
  seedDemoEstate(hub.deps);
  // One cell far over the bound: 230 open and 20 acknowledged high alerts raised over 30 days ago, a minute apart.
  for (let i = 0; i < 250; i++) {
    insertTestAlert(db(), {
      hostname: 'WARD7-PC014', severity: 'high', raisedAt: hoursBefore(TEST_NOW, OVER_30_DAYS + i / 60), ruleId: 'bulk-rule',
      subject: `bulk:${i}`, status: i % 25 === 0 ? 'acknowledged' : 'open',
    });
  }
  // And 130 resolved this month, each after (i % 10) + 1 hours.
  for (let i = 0; i < 130; i++) {
    const id = insertTestAlert(db(), { hostname: 'MED-LT0117', severity: 'medium', raisedAt: hoursBefore(TEST_NOW, 48 + i), subject: `fixed:${i}`, status: 'resolved' });
    db().prepare('UPDATE alerts SET resolved_at = ? WHERE id = ?').run(hoursBefore(TEST_NOW, 48 + i - ((i % 10) + 1)), id);
  }
  report = generateBoardReport(hub.deps, 1, MONTH, 'admin').report;
  cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
});
afterAll(async () => {
  await hub?.close();
});

const bigCell = () => report.figures.alerts.bySeverity.high.byAge['over 30 days'];
const OLD_HIGH = `FROM alerts WHERE status IN ('open', 'acknowledged') AND severity = 'high' AND raised_at <= ?`;
const thirtyOneDaysAgo = () => hoursBefore(TEST_NOW, 31 * 24);

describe('alerts beyond the rows a snapshot keeps', () => {
  it('counts every alert exactly, whatever it keeps', () => {
    expect(bigCell().value).toBe(n(`SELECT count(*) AS n ${OLD_HIGH}`, thirtyOneDaysAgo()));
    expect(bigCell().value).toBeGreaterThanOrEqual(250);
    expect(report.figures.alerts.open.value).toBe(n("SELECT count(*) AS n FROM alerts WHERE status IN ('open', 'acknowledged')"));
  });

  it("keeps each cell's oldest rows, open and acknowledged together, and says it shows N of M", async () => {
    const body = await evidence(bigCell());
    expect(body.count).toBe(bigCell().value);
    expect(body.complete).toBe(false);
    expect(body.rowsPerCell).toBe(ALERT_ROWS_PER_CELL);
    expect(body.rows).toHaveLength(ALERT_ROWS_PER_CELL);
    const oldest = (db().prepare(`SELECT id ${OLD_HIGH} ORDER BY raised_at, id LIMIT ?`).all(thirtyOneDaysAgo(), ALERT_ROWS_PER_CELL) as { id: number }[]).map((r) => r.id);
    expect(body.rows.map((r) => r.alertId)).toEqual(oldest.sort((a, b) => a - b));
    expect(body.note).toBe(`Showing 100 of ${bigCell().value} rows: the snapshot of 23 November 2026 kept every count exact but only the oldest 100 rows of each state, severity and age.`);
    expect(body.live).toBe('/alerts?severity=high&status=open%2Cacknowledged&olderThanDays=31');
  });

  it('says so on the evidence page, above the rows it kept, with a link to the live list', async () => {
    const html = await (await fetch(`${hub.url}/board-reports/${MONTH}/evidence/alerts?state=open&severity=high&age=over+30+days`, { headers: { cookie } })).text();
    expect(html).toContain(`<strong id="evidence-count">${bigCell().value}</strong>`);
    expect(html).toMatch(/id="evidence-sample">Showing 100 of \d+ rows: /);
    expect(html).toContain('href="/alerts?severity=high&amp;status=open%2Cacknowledged&amp;olderThanDays=31"');
    expect(html.match(/<tr><td>/g)).toHaveLength(ALERT_ROWS_PER_CELL);
  });

  it('refuses to guess a count no cell kept, and says why', async () => {
    const body = await evidence({ list: 'alerts', filter: { state: 'open', rule: 'bulk-rule' } });
    expect(body.count).toBeNull();
    expect(body.complete).toBe(false);
    expect(body.note).toMatch(/^The snapshot counted alerts by state, severity and age only, so it cannot say how many matched this filter: shown are the 100 matching rows among those it kept/);
  });

  it('lists a cell within the bound in full, and says nothing more', async () => {
    const critical = report.figures.alerts.bySeverity.critical.open;
    expect(critical.value).toBeGreaterThan(0);
    expect(critical.value).toBeLessThanOrEqual(ALERT_ROWS_PER_CELL);
    const body = await evidence(critical);
    expect([body.count, body.rows.length, body.complete, body.note, body.live]).toEqual([critical.value, critical.value, true, null, null]);
  });

  it('takes the mean time to resolve over every alert resolved this month, not only those kept', async () => {
    const resolved = db().prepare("SELECT raised_at AS raised, resolved_at AS resolved FROM alerts WHERE status = 'resolved' AND resolved_at >= '2026-11-01' ORDER BY id").all() as { raised: string; resolved: string }[];
    const hours = resolved.map((r) => Math.round((Date.parse(r.resolved) - Date.parse(r.raised)) / 360_000) / 10);
    expect(report.figures.alerts.resolvedThisMonth.value).toBe(resolved.length);
    expect(report.figures.alerts.meanHoursToResolve).toBe(Math.round((hours.reduce((a, b) => a + b, 0) / hours.length) * 10) / 10);
    expect((await evidence(report.figures.alerts.resolvedThisMonth)).rows.length).toBe(ALERT_ROWS_PER_CELL);
  });

  it('keeps the frozen sample and rebuilds the report byte for byte after the estate changes', async () => {
    const before = await evidence(bigCell());
    const oldest = before.rows[0]!.alertId;
    db().prepare("UPDATE alerts SET status = 'resolved', resolved_at = ? WHERE id = ?").run(TEST_NOW.toISOString(), oldest);
    insertTestAlert(db(), { hostname: 'WARD7-PC014', severity: 'high', raisedAt: hoursBefore(TEST_NOW, OVER_30_DAYS * 2), subject: 'older-still' });
    expect(await evidence(bigCell())).toEqual(before);
    expect(JSON.stringify(buildBoardReport(db(), 1, MONTH, '2026-11-23', hub.deps.config.timeZone))).toBe(getBoardReport(db(), 1, MONTH)!.json);
  });
});
