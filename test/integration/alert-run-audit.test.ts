/**
 * An alert run is audited per run, not per alert (issue 24): a first run over
 * an estate raises its alerts with one "system" entry that each of them links
 * to, clearing is audited the same way, people's actions stay one entry each,
 * an alert's trail shows its raising and clearing, the board report's count of
 * changes still counts alerts, and `estatewatch audit verify` proves the chain.
 * Real hub, real database (SQLite or PostgreSQL), real requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../src/alerts/evaluate-alerts.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createApp } from '../../src/hub/app.js';
import type { AlertDetail } from '../../src/store/alert-queries.js';
import { ALERT_RUN, alertsLinkedToRuns } from '../../src/store/alert-runs.js';
import { appendAudit, countAuditSince } from '../../src/store/audit-log.js';
import { verifyAuditChain } from '../../src/store/verify-audit-chain.js';
import { runCli } from '../helpers/cli.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createTestHub, storeEnv, TEST_NOW, type TestHub } from '../helpers/test-hub.js';
import { addTrust } from '../helpers/trusts.js';
import { isSqlite } from '../../src/store/db.js';

let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookies: Record<string, string>;

interface RunEntry {
  id: number;
  action: string;
  actor: string;
  entity_id: string;
  before: string | null;
  after: string;
}

const db = () => hub.deps.db;
const runEntries = () => db().prepare('SELECT id, action, actor, entity_id, before, after FROM audit_log WHERE entity = ? ORDER BY id').all(ALERT_RUN) as RunEntry[];
const count = (sql: string, ...params: unknown[]) => (db().prepare(sql).get(...params) as { n: number }).n;
const alertOf = async (id: number) => (await (await app.request(`/api/v1/alerts/${id}`, { headers: { cookie: cookies.admin ?? '' } })).json()) as AlertDetail;

beforeAll(async () => {
  hub = await createTestHub();
  // The estate arrives with no rule in force: the first run below raises everything.
  seedDemoEstate({ ...hub.deps, alertRules: [] });
  // Half the machines in a second trust, so the run's alerts span trusts as an ICS's do.
  db().prepare('UPDATE assets SET organisation_id = ? WHERE id % 2 = 0').run(addTrust(db(), 'RYY'));
  app = createApp(hub.deps);
  cookies = await signInUsers(app, hub, []);
});
afterAll(() => hub.close());

describe('an alert run', () => {
  it('raises every alert of a first run over the estate with one audit entry, linked from each', () => {
    expect(count('SELECT count(*) AS n FROM alerts')).toBe(0);
    const run = evaluateAlerts(db(), hub.deps.alertRules, TEST_NOW);
    expect(run.raised).toBeGreaterThan(20);
    const [entry, ...others] = runEntries();
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ action: 'raise', actor: 'system', entity_id: 'estate', before: null });
    const after = JSON.parse(entry!.after) as { status: string; count: number; rules: Record<string, number>; keys: string };
    expect(after).toMatchObject({ status: 'open', count: run.raised });
    expect(Object.values(after.rules).reduce((a, b) => a + b, 0)).toBe(run.raised);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE entity = 'alert'")).toBe(0);
    expect(count('SELECT count(*) AS n FROM alerts WHERE raised_audit_id = ?', entry!.id)).toBe(run.raised);
    expect(count('SELECT count(*) AS n FROM alerts WHERE raised_audit_id IS NULL')).toBe(0);
    // The entry names the set of alerts it raised: those linked to it.
    expect(alertsLinkedToRuns(db()).raised.get(entry!.id)).toEqual({ count: run.raised, keys: after.keys });
    // The board report's "changes since" counts each alert raised, as before.
    expect(countAuditSince(db(), null, ['alert'])).toBe(run.raised);
    // Raised in the order of their unique index (alerts_one_live: rule, trust, machine, subject; compared as bytes, as the
    // run sorts them), so that index is written at its end: by rule and machine alone it was left half empty. (An overdue
    // cyber response notifies the security lead: raised alone beforehand, for its id.)
    const byte = isSqlite(db()) ? '' : ' COLLATE "C"';
    const inIndexOrder = db().prepare(`SELECT id FROM alerts WHERE rule_id <> 'cyber-response-overdue'
        ORDER BY rule_id${byte}, organisation_id, coalesce(asset_id, 0), subject${byte}`).pluck().all() as number[];
    expect(new Set(db().prepare('SELECT organisation_id FROM alerts').pluck().all()).size).toBe(2);
    expect(inIndexOrder.map(Number)).toEqual([...inIndexOrder].map(Number).sort((a, b) => a - b));
  });

  it("shows an alert's raising by the run on its trail, with people's actions each audited alone", async () => {
    const id = (db().prepare("SELECT id FROM alerts WHERE status = 'open' ORDER BY id LIMIT 1").get() as { id: number }).id;
    const [entry] = runEntries();
    expect((await app.request(`/api/v1/alerts/${id}/acknowledge`, { method: 'POST', headers: { cookie: cookies.admin ?? '', 'content-type': 'application/json' } })).status).toBe(200);
    const alert = await alertOf(id);
    expect(alert.audit.map((e) => [e.actor, e.action])).toEqual([['system', 'raise'], ['admin', 'acknowledge']]);
    expect(alert.audit[0]).toMatchObject({ id: entry!.id, at: TEST_NOW.toISOString(), after: { status: 'open', run: expect.stringContaining(`audit entry #${entry!.id}`) } });
    const page = await (await app.request(`/alerts/${id}`, { headers: { cookie: cookies.admin ?? '' } })).text();
    expect(page).toMatch(/<tr data-action="raise"><td>23 Nov 2026, 12:00 UTC<\/td><td>system<\/td><td>raised<\/td>/);
  });

  it('raises nothing and audits nothing on a second run over an unchanged estate', () => {
    const before = runEntries().length;
    expect(evaluateAlerts(db(), hub.deps.alertRules, TEST_NOW)).toMatchObject({ raised: 0, resolved: 0 });
    expect(runEntries()).toHaveLength(before);
  });

  it('clears the alerts of a removed rule with one entry, each linked, giving each its reason on its trail', async () => {
    const [rule] = hub.deps.alertRules.filter((r) => count("SELECT count(*) AS n FROM alerts WHERE rule_id = ? AND status <> 'resolved'", r.id) > 1);
    const live = db().prepare("SELECT id FROM alerts WHERE rule_id = ? AND status <> 'resolved' ORDER BY id").all(rule!.id) as { id: number }[];
    const run = evaluateAlerts(db(), hub.deps.alertRules.filter((r) => r.id !== rule!.id), new Date('2026-11-23T13:00:00Z'));
    expect(run.resolved).toBe(live.length);
    const entry = runEntries().at(-1)!;
    const after = JSON.parse(entry.after) as { count: number; rules: Record<string, number>; why: Record<string, string>; keys: string };
    expect(entry).toMatchObject({ action: 'auto-resolve', actor: 'system', entity_id: 'estate' });
    expect(after).toMatchObject({ status: 'resolved', resolution: 'cleared', count: live.length, rules: { [rule!.id]: live.length }, why: { [rule!.id]: 'rule removed or disabled' } });
    expect(count("SELECT count(*) AS n FROM alerts WHERE resolved_audit_id = ? AND status = 'resolved' AND resolution = 'cleared'", entry.id)).toBe(live.length);
    expect(alertsLinkedToRuns(db()).resolved.get(entry.id)).toEqual({ count: live.length, keys: after.keys });
    const trail = (await alertOf(live[0]!.id)).audit;
    expect(trail.at(-1)).toMatchObject({ id: entry.id, actor: 'system', action: 'auto-resolve', after: { status: 'resolved', resolution: 'cleared', why: 'rule removed or disabled' } });
  });

  it('passes `estatewatch audit verify` afterwards, run beside the hub', () => {
    const entries = count('SELECT count(*) AS n FROM audit_log');
    const r = runCli(['audit', 'verify', '--data-dir', hub.dir], { env: storeEnv(hub) });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(new RegExp(`^audit chain ok: ${entries} entries, head [0-9a-f]{64}\\n$`));
  });
});

describe('audit verify, on the alerts a run links to', () => {
  let other: TestHub;
  const odb = () => other.deps.db;
  const first = (sql: string) => odb().prepare(sql).get() as { id: number; raised_audit_id: number };

  beforeAll(async () => {
    other = await createTestHub();
    seedDemoEstate({ ...other.deps, alertRules: [] });
    evaluateAlerts(odb(), other.deps.alertRules, TEST_NOW);
    const cleared = other.deps.alertRules.find((r) => (odb().prepare("SELECT count(*) AS n FROM alerts WHERE rule_id = ? AND status <> 'resolved'").get(r.id) as { n: number }).n > 1);
    evaluateAlerts(odb(), other.deps.alertRules.filter((r) => r !== cleared), new Date('2026-11-23T13:00:00Z'));
  });
  afterAll(() => other.close());

  it('proves the links while they are as the runs left them', () => {
    expect(verifyAuditChain(odb())).toMatchObject({ ok: true });
  });

  it('names the run a cleared alert was moved away from', () => {
    const alert = first('SELECT id, raised_audit_id FROM alerts WHERE resolved_audit_id IS NOT NULL ORDER BY id LIMIT 1');
    const resolvedBy = (odb().prepare('SELECT resolved_audit_id AS id FROM alerts WHERE id = ?').get(alert.id) as { id: number }).id;
    odb().prepare('UPDATE alerts SET resolved_audit_id = ? WHERE id = ?').run(alert.raised_audit_id, alert.id);
    expect(verifyAuditChain(odb())).toMatchObject({ ok: false, entryId: resolvedBy, reason: expect.stringContaining('as resolved are not the ones it names') });
    odb().prepare('UPDATE alerts SET resolved_audit_id = ? WHERE id = ?').run(resolvedBy, alert.id);
    expect(verifyAuditChain(odb())).toMatchObject({ ok: true });
  });

  it('names an entry that is no run when an added alert row claims it raised it', () => {
    const notARun = appendAudit(odb(), { at: TEST_NOW.toISOString(), actor: 'admin', action: 'note', entity: 'alert', entityId: '1', after: { note: 'checked' } });
    odb().prepare(`INSERT INTO alerts (rule_id, asset_id, subject, severity, title, detail, status, raised_at, last_seen_at, resolved_at, resolution, raised_audit_id)
      SELECT rule_id, asset_id, subject, severity, title, detail, 'resolved', raised_at, last_seen_at, raised_at, 'manual', ? FROM alerts WHERE id = (SELECT min(id) FROM alerts)`).run(notARun);
    expect(verifyAuditChain(odb())).toEqual({ ok: false, entryId: notARun, checked: notARun - 1, reason: 'alerts link to this entry as their raising or clearing run, but it is no alert run' });
    odb().prepare('DELETE FROM alerts WHERE raised_audit_id = ?').run(notARun);
    expect(verifyAuditChain(odb())).toMatchObject({ ok: true });
  });

  // Last: it leaves the database as tampered.
  it('names the run an alert row was removed from, though every entry still hashes', () => {
    const alert = first('SELECT id, raised_audit_id FROM alerts WHERE resolved_audit_id IS NULL ORDER BY id DESC LIMIT 1');
    odb().prepare('DELETE FROM alerts WHERE id = ?').run(alert.id);
    expect(verifyAuditChain(odb())).toEqual({ ok: false, entryId: alert.raised_audit_id, checked: alert.raised_audit_id - 1, reason: expect.stringMatching(/^the alerts linked to this alert run as raised are not the ones it names: \d+ linked, \d+ named/) });
  });
});
