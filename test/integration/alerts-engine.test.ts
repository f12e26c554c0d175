/** The alert engine on a real SQLite hub: raise, de-duplicate, auto-resolve, scope, time, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertRuleSchema, type AlertRule } from '../../src/alerts/alert-rule-schema.js';
import { evaluateAlerts } from '../../src/alerts/evaluate-alerts.js';
import { findRuleMatches } from '../../src/alerts/find-rule-matches.js';
import { previewAlertRule } from '../../src/alerts/preview-alert-rule.js';
import { DEMO_ESTATE } from '../../src/demo/demo-estate.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { evaluateAlertsJob } from '../../src/jobs/evaluate-alerts.js';
import { listSoftwareVersionsForAlerts } from '../../src/store/alert-findings.js';
import { findAlert } from '../../src/store/alert-queries.js';
import { AUDIT_GENESIS, auditHash } from '../../src/store/audit-log.js';
import { createTestHub, type TestHub } from '../helpers/test-hub.js';

const rule = (r: Partial<AlertRule> & Pick<AlertRule, 'id' | 'condition'>): AlertRule =>
  AlertRuleSchema.parse({ title: r.id, severity: 'high', description: 'd', remediation: 'r', ...r });

const RULES: AlertRule[] = [
  rule({ id: 'unsupported-os', severity: 'critical', title: 'Unsupported OS', condition: { kind: 'os-status', statuses: ['unsupported'] } }),
  rule({ id: 'unsupported-software', condition: { kind: 'software-status', statuses: ['unsupported'] } }),
  rule({ id: 'fax', condition: { kind: 'device-present', kinds: ['fax'] } }),
  rule({ id: 'silent', condition: { kind: 'asset-silent', days: 14 } }),
  rule({ id: 'java-8', condition: { kind: 'software-version', product: 'oracle-jdk', cycles: ['8'] } }),
  rule({ id: 'old-chrome', condition: { kind: 'software-version', name: '^Google Chrome$', range: '<120' } }),
  rule({ id: 'unknown-spread', severity: 'low', condition: { kind: 'unknown-software-spread', minAssets: 3 } }),
  rule({ id: 'ward-unsupported-os', scope: { hostname: '^WARD' }, condition: { kind: 'os-status', statuses: ['unsupported'] } }),
];

let hub: TestHub;
let today = new Date('2026-11-23T12:00:00Z');
const ctx = () => ({ ...hub.deps, alertRules: RULES });
const live = (ruleId: string) =>
  hub.deps.db.prepare(`SELECT a.hostname, al.subject, al.status FROM alerts al LEFT JOIN assets a ON a.id = al.asset_id WHERE al.rule_id = ? AND al.status <> 'resolved' ORDER BY 1, 2`).all(ruleId) as { hostname: string | null; subject: string; status: string }[];
const report = (hostname: string) => {
  const r = DEMO_ESTATE.find((d) => d.host.hostname === hostname);
  if (!r) throw new Error(hostname);
  return { ...r, collectedAt: today.toISOString() };
};

beforeAll(async () => {
  hub = await createTestHub({}, () => today);
  seedDemoEstate(ctx());
});
afterAll(() => hub.close());

describe('evaluateAlerts', () => {
  it('raises one alert per rule × asset × subject as each report is ingested', () => {
    expect(live('unsupported-os').map((a) => a.hostname)).toEqual(['CT-CONSOLE01', 'IFACE-ENG01', 'LAB-PC03', 'MED-LT0342', 'PACS-SRV01', 'WARD7-PC014']);
    expect(live('fax').map((a) => a.hostname)).toEqual(['PHARM-PC02', 'WARD12-PC021', 'WARD7-PC014']);
    expect(live('java-8').length).toBeGreaterThan(2);
    expect(live('old-chrome').map((a) => `${a.hostname} ${a.subject}`)).toEqual(['WARD7-PC014 software:Google Chrome@109.0.5414.120']);
    expect(live('ward-unsupported-os').map((a) => a.hostname)).toEqual(['WARD7-PC014']);
    expect(live('unknown-spread')).toEqual([]);
  });

  it('raises estate-wide rules only over the whole estate, and does not duplicate on a second run', () => {
    const first = evaluateAlerts(hub.deps.db, RULES, today);
    expect(live('unknown-spread').every((a) => a.hostname === null)).toBe(true);
    expect(live('unknown-spread').length).toBeGreaterThan(0);
    const second = evaluateAlerts(hub.deps.db, RULES, today);
    expect(second).toMatchObject({ raised: 0, resolved: 0, findings: first.findings });
  });

  it('resolves an alert by itself when its condition clears, with the time it cleared', () => {
    today = new Date('2026-11-24T09:00:00Z');
    const upgraded = { ...report('WARD7-PC014'), os: { family: 'windows' as const, name: 'Microsoft Windows 11 Enterprise', version: '10.0.26100', edition: 'Enterprise' }, devices: [] };
    ingestReport(ctx(), upgraded, { agentId: null, organisationId: 1, idempotencyKey: 'ward7-upgraded' });
    expect(live('unsupported-os').map((a) => a.hostname)).not.toContain('WARD7-PC014');
    expect(live('fax').map((a) => a.hostname)).not.toContain('WARD7-PC014');
    const cleared = hub.deps.db.prepare("SELECT resolution, resolved_at FROM alerts WHERE rule_id = 'unsupported-os' AND status = 'resolved'").all();
    expect(cleared).toEqual([{ resolution: 'cleared', resolved_at: '2026-11-24T09:00:00.000Z' }]);
  });

  it('raises "silent" for assets that stopped reporting, and clears it when they report again', () => {
    today = new Date('2026-12-20T09:00:00Z');
    evaluateAlerts(hub.deps.db, RULES, today);
    expect(live('silent').length).toBe(DEMO_ESTATE.length);
    const osAlertSeen = () => hub.deps.db.prepare("SELECT al.last_seen_at AS at FROM alerts al JOIN assets a ON a.id = al.asset_id WHERE al.rule_id = 'unsupported-os' AND a.hostname = 'LAB-PC03'").get();
    const before = osAlertSeen();
    today = new Date('2026-12-20T10:00:00Z');
    ingestReport(ctx(), report('LAB-PC03'), { agentId: null, organisationId: 1, idempotencyKey: 'lab-back' });
    expect(live('silent').map((a) => a.hostname)).not.toContain('LAB-PC03');
    // The inventory did not change, so only the arrival rule ran: inventory alerts are left as they were.
    expect(osAlertSeen()).toEqual(before);
  });

  it('leaves an alert whose evidence is unchanged as it is, and reports it seen at the last estate-wide run', () => {
    const id = (hub.deps.db.prepare("SELECT id FROM alerts WHERE rule_id = 'unsupported-os' AND status <> 'resolved' LIMIT 1").get() as { id: number }).id;
    const stored = () => hub.deps.db.prepare('SELECT last_seen_at FROM alerts WHERE id = ?').get(id);
    const before = stored();
    const run = new Date('2026-12-21T09:00:00Z');
    evaluateAlerts(hub.deps.db, RULES, run);
    expect(stored()).toEqual(before);
    expect(findAlert(hub.deps.db, id, run, null)?.lastSeenAt).toBe(run.toISOString());
  });

  it('previews a rule without storing anything', () => {
    const before = hub.deps.db.prepare('SELECT count(*) AS n FROM alerts').get();
    const preview = previewAlertRule(hub.deps.db, rule({ id: 'unsupported-os', condition: { kind: 'os-status', statuses: ['unsupported'] } }), today);
    expect(preview).toMatchObject({ assets: 5, findings: 5, alreadyOpen: 5 });
    const wider = previewAlertRule(hub.deps.db, rule({ id: 'os-not-supported', condition: { kind: 'os-status', statuses: ['unsupported', 'extended-support'] } }), today);
    expect(wider.assets).toBeGreaterThan(preview.assets);
    expect(wider.alreadyOpen).toBe(0);
    expect(hub.deps.db.prepare('SELECT count(*) AS n FROM alerts').get()).toEqual(before);
  });

  it('re-opens a suppressed alert when its suppression expires', () => {
    const alert = hub.deps.db.prepare("SELECT id FROM alerts WHERE rule_id = 'fax' AND status = 'open' LIMIT 1").get() as { id: number };
    hub.deps.db.prepare("UPDATE alerts SET status = 'suppressed', suppressed_until = '2026-12-01', suppress_reason = 'replacement ordered' WHERE id = ?").run(alert.id);
    const result = evaluateAlertsJob.run({ ...hub.deps, alertRules: RULES }) as { reopened: number };
    expect(result.reopened).toBe(1);
    expect(hub.deps.db.prepare('SELECT status FROM alerts WHERE id = ?').get(alert.id)).toEqual({ status: 'open' });
  });

  it('audits every raise and auto-resolve as "system" in an unbroken hash chain', () => {
    const rows = hub.deps.db.prepare('SELECT at, actor, action, entity, entity_id, before, after, prev_hash, hash FROM audit_log ORDER BY id').all() as Record<string, string | null>[];
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['raise', 'auto-resolve', 'suppression-expired']));
    expect(rows.every((r) => r.actor === 'system')).toBe(true);
    let prev = AUDIT_GENESIS;
    for (const r of rows) {
      expect(r.prev_hash).toBe(prev);
      const entry = { at: r.at as string, actor: r.actor as string, action: r.action as string, entity: r.entity as string, entityId: r.entity_id as string, before: r.before ? JSON.parse(r.before) : undefined, after: r.after ? JSON.parse(r.after) : undefined };
      expect(r.hash).toBe(auditHash(prev, entry));
      prev = r.hash as string;
    }
    expect(() => hub.deps.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('software-version sources', () => {
  it('leaves out distribution packages when the rule names other sources', () => {
    const all = previewAlertRule(hub.deps.db, rule({ id: 'old-openssl', condition: { kind: 'software-version', product: 'openssl', range: '<3' } }), today);
    const vendorOnly = previewAlertRule(hub.deps.db, rule({ id: 'old-openssl', condition: { kind: 'software-version', product: 'openssl', range: '<3', sources: ['registry', 'other'] } }), today);
    expect(all.findings).toBeGreaterThan(0);
    expect(all.sample.some((s) => s.hostname === 'LIMS-DB01')).toBe(true);
    expect(vendorOnly.sample.some((s) => s.hostname === 'LIMS-DB01')).toBe(false);
  });
});

describe('software-status followingOs', () => {
  it('leaves out the packages whose status is their OS’s, and only those, when the rule says exclude', () => {
    const matches = (followingOs?: 'include' | 'exclude') =>
      findRuleMatches(hub.deps.db, [rule({ id: 'unsupported-software', condition: { kind: 'software-status', statuses: ['unsupported'], ...(followingOs && { followingOs }) } })], null, today)
        .map((f) => `${f.assetId} ${f.subject}`).sort();
    const osLink = hub.deps.db.prepare("SELECT s.os_link AS osLink FROM software s WHERE 'software:' || s.name || '@' || s.version = ?");
    const follows = (key: string) => (osLink.all(key.slice(key.indexOf(' ') + 1)) as { osLink: string }[]).every((r) => r.osLink === 'follows');
    const all = matches();
    const excluded = matches('exclude');
    expect(matches('include')).toEqual(all);
    expect(all.filter(follows).length).toBeGreaterThan(0);
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded).toEqual(all.filter((k) => !follows(k)));
  });

  it("finds on one machine, from one read for every rule, what each rule finds there over the estate", () => {
    const rules = [
      rule({ id: 'unsupported-own', condition: { kind: 'software-status', statuses: ['unsupported'], followingOs: 'exclude' } }),
      rule({ id: 'unsupported-or-ending', condition: { kind: 'software-status', statuses: ['unsupported', 'ending-soon'] } }),
      rule({ id: 'unsupported-registry', condition: { kind: 'software-status', statuses: ['unsupported'], sources: ['registry'] } }),
      rule({ id: 'unknown-own', condition: { kind: 'software-status', statuses: ['unknown'], followingOs: 'exclude' } }),
    ];
    const key = (f: { ruleId: string; subject: string; detail: string }) => `${f.ruleId} ${f.subject} ${f.detail}`;
    const estate = findRuleMatches(hub.deps.db, rules, null, today);
    // Each rule's own tests matter: over the estate, each finds something the others do not.
    for (const r of rules) expect(estate.filter((f) => f.ruleId === r.id).length, r.id).toBeGreaterThan(0);
    expect(new Set(rules.map((r) => estate.filter((f) => f.ruleId === r.id).map((f) => f.subject).sort().join()))).toHaveProperty('size', rules.length);
    for (const asset of [...new Set(estate.map((f) => f.assetId))]) {
      expect(findRuleMatches(hub.deps.db, rules, asset, today).map(key).sort(), `asset ${asset}`).toEqual(estate.filter((f) => f.assetId === asset).map(key).sort());
    }
  });
});

describe('prohibited-software versions read', () => {
  const versionsOf = (asset: number | null, products: string[] | null) =>
    listSoftwareVersionsForAlerts(hub.deps.db, asset, products).map((v) => `${v.product ?? '-'} ${v.name} ${v.version}`).sort();
  const assetOf = (hostname: string) => (hub.deps.db.prepare('SELECT id FROM assets WHERE hostname = ?').get(hostname) as { id: number }).id;

  it("reads only the named products' versions, over a machine or the estate, and all of them when no product is named", () => {
    const pc = assetOf('WARD7-PC014');
    const all = versionsOf(pc, null);
    const java = versionsOf(pc, ['oracle-jdk']);
    expect(java.length).toBeGreaterThan(0);
    expect(java.length).toBeLessThan(all.length);
    expect(java).toEqual(all.filter((v) => v.startsWith('oracle-jdk ')));
    expect(versionsOf(pc, [])).toEqual([]);
    expect(versionsOf(null, ['oracle-jdk', 'openssl'])).toEqual(versionsOf(null, null).filter((v) => /^(oracle-jdk|openssl) /.test(v)));
  });

  it('finds on one machine what the estate-wide run finds there, whether every rule names a product or one matches by name', () => {
    const productRules = RULES.filter((r) => r.id === 'java-8');
    const mixed = RULES.filter((r) => r.id === 'java-8' || r.id === 'old-chrome');
    for (const rules of [productRules, mixed]) {
      const estate = findRuleMatches(hub.deps.db, rules, null, today);
      const hosts = [...new Set(estate.map((f) => f.assetId))];
      expect(hosts.length).toBeGreaterThan(0);
      for (const asset of hosts) {
        const key = (f: { ruleId: string; subject: string }) => `${f.ruleId} ${f.subject}`;
        expect(findRuleMatches(hub.deps.db, rules, asset, today).map(key).sort()).toEqual(estate.filter((f) => f.assetId === asset).map(key).sort());
      }
    }
  });
});
