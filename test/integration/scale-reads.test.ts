/**
 * The reads that must stay fast at 100,000 assets (migration 0009) give the
 * same answers as counting every row, and are planned on their indexes:
 * alert counts kept by triggers through raising, triage and cascaded deletes;
 * the alert list's order read off alerts_live_order; "assets carrying" a status
 * from the assets_carries index (migration 0012).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../src/alerts/evaluate-alerts.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createEvaluator } from '../../src/estate/evaluator.js';
import { reevaluateEstate } from '../../src/estate/reevaluate-estate.js';
import { alertCounts, alertPageSql, listAlertRuleIds, listAlerts, updateAlertTriage, type AlertFilter } from '../../src/store/alert-queries.js';
import { assetPageSql, assetRowsSql, listAssets } from '../../src/store/asset-queries.js';
import { CARRIED_BIT, EFFECTIVE_STATUS, estateSummary } from '../../src/store/estate-queries.js';
import { SUPPORT_STATUSES } from '../../src/lifecycle/verdict.js';
import { createTestHub, TEST_NOW, type TestHub } from '../helpers/test-hub.js';
import { MACHINE_OF_AGENT_SQL } from '../../src/store/agents.js';

let hub: TestHub;

beforeAll(async () => {
  hub = await createTestHub();
  seedDemoEstate(hub.deps);
});
afterAll(() => hub.close());

const db = () => hub.deps.db;

/** The kept counts, and the same counted over every alert. */
function alertCountsBothWays() {
  return {
    kept: db().prepare('SELECT rule_id, severity, status, alerts FROM alert_counts WHERE alerts > 0 ORDER BY 1, 2, 3').all(),
    counted: db().prepare('SELECT rule_id, severity, status, count(*) AS alerts FROM alerts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3').all(),
  };
}

function planOf(sql: string, params: Record<string, unknown>): string {
  return (db().prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

/** The asset list's order of OS statuses, worst first. */
const SUPPORT_ORDER = ['unsupported', 'unknown', 'extended-support', 'ending-soon', 'supported'];

const LIST: AlertFilter = { org: null, now: TEST_NOW, limit: 50, offset: 0 };

describe('alert counts kept by triggers', () => {
  it('match a count of every alert after the rules raise them', () => {
    const { kept, counted } = alertCountsBothWays();
    expect(counted.length).toBeGreaterThan(3);
    expect(kept).toEqual(counted);
  });

  it('follow triage, re-raising at a new severity, and alerts deleted with their asset', () => {
    const [first, second] = listAlerts(db(), LIST).rows;
    updateAlertTriage(db(), first!.id, { ...first!, status: 'resolved', resolvedAt: TEST_NOW.toISOString(), resolution: 'manual' });
    updateAlertTriage(db(), second!.id, { ...second!, status: 'acknowledged', acknowledgedAt: TEST_NOW.toISOString() });
    db().prepare("UPDATE alerts SET severity = 'low' WHERE id = (SELECT max(id) FROM alerts WHERE severity <> 'low')").run();
    db().prepare('DELETE FROM assets WHERE id = (SELECT asset_id FROM alerts WHERE asset_id IS NOT NULL ORDER BY id DESC LIMIT 1)').run();
    expect(alertCountsBothWays().kept).toEqual(alertCountsBothWays().counted);
    // A later date judges more items unsupported; the rules raise and clear alerts to match.
    reevaluateEstate(db(), createEvaluator(hub.deps.evaluator.rules, () => new Date('2031-06-01T00:00:00Z'), hub.deps.config.endingSoonDays));
    evaluateAlerts(db(), hub.deps.alertRules, new Date('2031-06-01T00:00:00Z'));
    const { kept, counted } = alertCountsBothWays();
    expect(kept).toEqual(counted);
  });

  it('answer the severity × status table, the rule filter and an unsearched list total', () => {
    const counts = alertCounts(db(), { org: null });
    for (const [severity, byStatus] of Object.entries(counts)) {
      for (const [status, n] of Object.entries(byStatus)) {
        expect(n, `${severity} ${status}`).toBe((db().prepare('SELECT count(*) AS n FROM alerts WHERE severity = ? AND status = ?').get(severity, status) as { n: number }).n);
      }
    }
    expect(listAlertRuleIds(db(), null)).toEqual((db().prepare('SELECT DISTINCT rule_id AS id FROM alerts ORDER BY 1').all() as { id: string }[]).map((r) => r.id));
    const high = listAlerts(db(), { ...LIST, severity: ['critical', 'high'] });
    // acceptedRisk 'exclude' matches the same alerts here (no exceptions), but is counted row by row.
    expect(high.total).toBe(listAlerts(db(), { ...LIST, severity: ['critical', 'high'], acceptedRisk: 'exclude' }).total);
    expect(high.total).toBe((db().prepare("SELECT count(*) AS n FROM alerts WHERE severity IN ('critical', 'high') AND status <> 'resolved'").get() as { n: number }).n);
  });
});

describe('plans that stay on their indexes', () => {
  it('reads a page of live alerts in order off alerts_live_order, without sorting every alert', () => {
    const params = { severityRanks: '[1]', statuses: '["open"]', ruleId: null, assetId: null, q: null, acceptedRisk: null, assignee: null, today: '2026-11-23', olderThan: null, newerThan: null,
      ackSeverities: '[]', ackDueBefore: '', limit: 50, offset: 50 };
    const plan = planOf(alertPageSql({ ...LIST, severity: ['high'], status: ['open'] }), params);
    expect(plan).toContain('alerts_live_order');
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("reads one asset's alerts by the asset's index, not the estate's list order", () => {
    const params = { severityRanks: '[0,1,2,3,4]', statuses: '["open","acknowledged","suppressed"]', ruleId: null, assetId: 1, q: null, acceptedRisk: null, assignee: null, today: '2026-11-23',
      olderThan: null, newerThan: null, ackSeverities: '[]', ackDueBefore: '', limit: 100, offset: 0 };
    const plan = planOf(alertPageSql({ ...LIST, assetId: 1, limit: 100 }), params);
    expect(plan).toContain('alerts_asset');
    expect(plan).not.toContain('alerts_live_order');
  });

  it('reads a search of the estate from the alerts of the titles and machines found, by alerts_title and alerts_asset, not the list order', () => {
    const params = { severityRanks: '[1]', statuses: '["open","acknowledged","suppressed"]', ruleId: null, assetId: null, hosts: '[1, 2]', titles: '["t"]', acceptedRisk: null, assignee: null,
      today: '2026-11-23', olderThan: null, newerThan: null, ackSeverities: '[]', ackDueBefore: '', limit: 50, offset: 0 };
    const plan = planOf(alertPageSql({ ...LIST, q: 'ward' }, 'index'), params);
    expect(plan).toMatch(/alerts_asset \(asset_id=\? AND severity_rank=\?\)/);
    expect(plan).toMatch(/alerts_title \(title=\? AND severity_rank=\?\)/);
    expect(plan).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/);
    expect(plan).not.toContain('alerts_live_order');
  });

  it("reads a trust's search narrowed to a rule set the same way, testing the trust and rules on the rows found rather than walking their indexes", () => {
    const params = { severityRanks: '[1]', statuses: '["open","acknowledged","suppressed"]', ruleId: null, ruleSet: '["unsupported-os"]', org: 1, assetId: null, hosts: '[1, 2]', titles: '["t"]',
      acceptedRisk: null, assignee: null, today: '2026-11-23', olderThan: null, newerThan: null, ackSeverities: '[]', ackDueBefore: '', limit: 50, offset: 0 };
    const plan = planOf(alertPageSql({ ...LIST, org: 1, q: 'ward', ruleSet: { ids: ['unsupported-os'], except: false } }, 'index'), params);
    expect(plan).toMatch(/alerts_asset \(asset_id=\? AND severity_rank=\?\)/);
    expect(plan).toMatch(/alerts_title \(title=\? AND severity_rank=\?\)/);
    expect(plan).not.toMatch(/alerts_organisation|alerts_rule|alerts_live_order/);
  });

  it("finds the machine an agent is bound to by index, on every agent report", () => {
    expect(planOf(MACHINE_OF_AGENT_SQL, { agentId: 1 })).toMatch(/USING (COVERING )?INDEX assets_agent/);
  });

  it('finds the assets carrying a status by index, and agrees with checking each asset', () => {
    const plan = planOf('SELECT count(*) FROM assets WHERE carries & @bit', { bit: CARRIED_BIT.unsupported });
    expect(plan).toContain('COVERING INDEX assets_carries');
    for (const status of SUPPORT_STATUSES) {
      const oneByOne = (db().prepare(`SELECT count(*) AS n FROM assets a JOIN os_versions o ON o.id = a.os_id WHERE o.status = @status
          OR EXISTS (SELECT 1 FROM installs i JOIN software s ON s.id = i.software_id WHERE i.asset_id = a.id AND ${EFFECTIVE_STATUS} = @status)`).get({ status }) as { n: number }).n;
      expect(listAssets(db(), { org: null, anyStatus: status, limit: 1000, offset: 0 }).total, status).toBe(oneByOne);
      if (status === 'unsupported') expect(estateSummary(db(), null).assetsWithUnsupported).toBe(oneByOne);
      if (status === 'unknown') expect(estateSummary(db(), null).assetsWithUnknown).toBe(oneByOne);
    }
  });

  it('reads a page of the asset list in order off assets_list_order, without sorting every asset', () => {
    for (const filter of [{}, { osStatus: 'unsupported' as const }, { anyStatus: 'unsupported' as const }, { osStatus: 'supported' as const, anyStatus: 'unknown' as const }]) {
      const f = { ...filter, org: null, limit: 50, offset: 200 };
      const params = { ...('osStatus' in filter ? { osRank: filter.osStatus === 'unsupported' ? 0 : 4 } : {}), ...('anyStatus' in filter ? { anyBit: 8 } : {}), limit: 50, offset: 200 };
      const plan = planOf(assetPageSql(f), params);
      expect(plan, JSON.stringify(filter)).toContain('assets_list_order');
      expect(plan, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      // The page's fifty rows drive the lookups of their counts, not a walk of every asset.
      const rows = planOf(assetRowsSql(f), params).split('\n');
      expect(rows, JSON.stringify(filter)).toContain('SCAN page');
      expect(rows.filter((r) => r.startsWith('SCAN a')).length, JSON.stringify(filter)).toBeLessThanOrEqual(1);
    }
  });

  it('reads a page of the risk-ordered asset list off assets_risk_order (migration 0044), worst first as the rows count them', () => {
    const f = { org: null, sort: { key: 'risk' as const, desc: false }, limit: 50, offset: 200 };
    const plan = planOf(assetPageSql(f), { limit: 50, offset: 200 });
    expect(plan).toContain('assets_risk_order');
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    const rows = listAssets(db(), { ...f, limit: 1000, offset: 0 }).rows;
    expect(rows.length).toBeGreaterThan(1);
    const key = (r: (typeof rows)[number]) => [r.osStatus === 'unsupported' ? 0 : 1, -r.unsupported, -r.legacyDevices, -r.endingSoon];
    const keys = rows.map(key);
    const inOrder = keys.every((k, i) => i === 0 || compareKeys(keys[i - 1]!, k) <= 0);
    expect(inOrder, JSON.stringify(keys.slice(0, 20))).toBe(true);
  });

  it('lists the assets with an OS status as counting them one by one does, worst OS first', () => {
    for (const status of SUPPORT_STATUSES) {
      const listed = listAssets(db(), { org: null, osStatus: status, limit: 1000, offset: 0 });
      const counted = (db().prepare('SELECT count(*) AS n FROM assets a JOIN os_versions o ON o.id = a.os_id WHERE o.status = ?').get(status) as { n: number }).n;
      expect(listed.total, status).toBe(counted);
      expect(listed.rows.every((r) => r.osStatus === status)).toBe(true);
    }
    const ranks = listAssets(db(), { org: null, limit: 1000, offset: 0 }).rows.map((r) => SUPPORT_ORDER.indexOf(r.osStatus));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('pages the asset list in the same order as listing it whole', () => {
    const whole = listAssets(db(), { org: null, limit: 1000, offset: 0 }).rows;
    const paged = [0, 4, 8, 12].flatMap((offset) => listAssets(db(), { org: null, limit: 4, offset }).rows);
    expect(paged).toEqual(whole.slice(0, paged.length));
    expect(whole.some((r) => r.unsupported > 0)).toBe(true);
  });
});

/** Lexicographic order of two equal-length number lists. */
function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
