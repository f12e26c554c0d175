/**
 * An alert run's writes, set-based (issue 24). The alerts one evaluation
 * raises, refreshes or clears go to the database as rows bound in one JSON
 * array per chunk, and each of its raising and its clearing is audited once,
 * as "system", in one entry for the run (entity "alert-run") that each alert
 * it touched links to (alerts.raised_audit_id, resolved_audit_id; migration
 * 0038). One INSERT and one hash-chained entry per alert made a first run over
 * 100,000 assets (2 million alerts) take ten minutes on SQLite; on PostgreSQL
 * each of those statements is a round trip.
 */
import { createHash } from 'node:crypto';
import type { AssetScope } from './alert-findings.js';
import { findingKey, type Finding, type LiveAlert } from './alerts.js';
import { appendAudit, runOf } from './audit-log.js';
import type { Db } from './db.js';
import { dialectOf, inJsonList, jsonArrayRows, perDialect } from './dialect.js';
import { stmt } from './statements.js';

/** Rows per statement: one bound JSON text of a few MB, not one of hundreds. */
const CHUNK = 5000;

export const ALERT_RUN = runOf('alert');

type Keyed = Parameters<typeof findingKey>[0];

/**
 * What a run's entry says of the alerts it covers: how many, how many of each
 * rule, and the SHA-256 of their keys (rule × asset or trust × subject, as
 * findingKey spells them, sorted, one a line), against which the alerts linked
 * to the entry can be checked (alertRunDigest).
 */
function runSummary(alerts: readonly (Keyed & { ruleId: string })[]): { count: number; rules: Record<string, number>; keys: string } {
  const rules: Record<string, number> = {};
  for (const a of alerts) rules[a.ruleId] = (rules[a.ruleId] ?? 0) + 1;
  return { count: alerts.length, rules, keys: keysDigest(alerts.map(findingKey)) };
}

const keysDigest = (keys: string[]) => createHash('sha256').update(keys.sort().join('\n')).digest('hex');

/** "estate", or the one asset an ingest's run was over. */
const runScope = (scope: AssetScope) => (scope === null ? 'estate' : `asset ${scope}`);

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += CHUNK) yield items.slice(i, i + CHUNK);
}

// Each row: [ruleId, assetId, organisationId, subject, severity, title, detail]. An asset's alert is its asset's trust's.
const RAISE = (returning: string) => perDialect((d) => `INSERT INTO alerts (rule_id, asset_id, organisation_id, subject, severity, title, detail, status, raised_at, last_seen_at, raised_audit_id)
    SELECT f.value ->> 0, CAST(f.value ->> 1 AS bigint), coalesce(CAST(f.value ->> 2 AS bigint), a.organisation_id), f.value ->> 3, f.value ->> 4, f.value ->> 5, f.value ->> 6,
      'open', @now, @now, @audit
    FROM ${jsonArrayRows(d, '@rows', 'f')} LEFT JOIN assets a ON a.id = CAST(f.value ->> 1 AS bigint)${returning}`);
const RAISE_ALL = RAISE('');
const RAISE_ONE = RAISE(' RETURNING id');

const raiseRow = (f: Finding) => [f.ruleId, f.assetId, f.organisationId ?? null, f.subject, f.severity, f.title, f.detail];

/**
 * Raises these findings (none of them live) as open alerts, audited in one
 * entry for the run, and returns the ids of those whose finding names who must
 * hear of it (`notify`), with their findings. In the caller's transaction.
 */
export function raiseAlerts(db: Db, findings: readonly Finding[], now: string, scope: AssetScope): { finding: Finding; id: number }[] {
  if (!findings.length) return [];
  const d = dialectOf(db);
  const audit = appendAudit(db, { at: now, actor: 'system', action: 'raise', entity: ALERT_RUN, entityId: runScope(scope), after: { status: 'open', ...runSummary(findings) } });
  // The few that notify are raised one by one, for their ids; the rest in chunks.
  const notified = findings.filter((f) => f.notify).map((finding) => ({
    finding, id: (stmt(db, RAISE_ONE[d]).get({ rows: JSON.stringify([raiseRow(finding)]), now, audit }) as { id: number }).id,
  }));
  const trustOf = scope === null ? assetTrusts(db) : undefined;
  for (const rows of chunks(inIndexOrder(findings.filter((f) => !f.notify), trustOf))) stmt(db, RAISE_ALL[d]).run({ rows: JSON.stringify(rows.map(raiseRow)), now, audit });
  return notified;
}

/** Each machine's trust, by id. */
function assetTrusts(db: Db): Map<number, number> {
  return new Map((stmt(db, 'SELECT id, organisation_id AS org FROM assets').all() as { id: number; org: number }[]).map((a) => [Number(a.id), Number(a.org)]));
}

/**
 * The findings in the order of the alerts' unique index (rule, trust, asset,
 * subject; alerts_one_live), so that it is written at one place that moves
 * forward rather than at random: raising 2.8 million alerts over 100,000
 * assets in the order the rules found them (rule, then software version) took
 * 94 s, by rule and asset 49 s (issue 24). The trust comes second: by rule and
 * asset alone each rule's alerts went to every trust's part of the index in
 * turn, and PostgreSQL splits a full page that is not the index's last in
 * half, which left that index half empty (52% at 5,000 assets). An estate
 * run reads each machine's trust (`trustOf`); one machine's alerts are all of
 * its trust.
 */
function inIndexOrder(findings: Finding[], trustOf: ReadonlyMap<number, number> | undefined): Finding[] {
  const trust = (f: Finding) => f.organisationId ?? (f.assetId === null ? 0 : (trustOf?.get(f.assetId) ?? 0));
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return findings.sort((a, b) => byText(a.ruleId, b.ruleId) || trust(a) - trust(b) || (a.assetId ?? 0) - (b.assetId ?? 0) || byText(a.subject, b.subject));
}

// Each row: [id, severity, title, detail].
const REFRESH = perDialect((d) => `UPDATE alerts SET last_seen_at = @now, severity = r.value ->> 1, title = r.value ->> 2, detail = r.value ->> 3
    FROM ${jsonArrayRows(d, '@rows', 'r')} WHERE alerts.id = CAST(r.value ->> 0 AS bigint)`);

/** The conditions still hold with new evidence: keep these alerts current. Not audited: nothing a person decided changed. */
export function refreshAlerts(db: Db, changed: readonly { id: number; finding: Finding }[], now: string): void {
  for (const rows of chunks(changed)) {
    stmt(db, REFRESH[dialectOf(db)]).run({ now, rows: JSON.stringify(rows.map(({ id, finding: f }) => [id, f.severity, f.title, f.detail])) });
  }
}

// On PostgreSQL the ids as an array sought one by one (dialect.ts inJsonList): as a subquery, guessed at 100 ids, clearing
// one report's two alerts read every alert of an estate of a few thousand (2.2 ms at 4,049 alerts).
const CLEAR = perDialect((d) => `UPDATE alerts SET status = 'resolved', resolution = 'cleared', resolved_at = @now, resolved_audit_id = @audit
    WHERE ${inJsonList(d, 'id', '@ids', 'integer')}`);

/**
 * Resolves these alerts as cleared (their conditions went away by themselves,
 * or their rules were removed or disabled: `why` gives each its reason),
 * audited in one entry for the run. In the caller's transaction.
 */
export function clearAlerts(db: Db, alerts: readonly LiveAlert[], why: (a: LiveAlert) => string, now: string, scope: AssetScope): void {
  if (!alerts.length) return;
  const statuses: Record<string, number> = {};
  const reasons: Record<string, string> = {};
  for (const a of alerts) {
    statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    reasons[a.ruleId] ??= why(a);
  }
  const audit = appendAudit(db, {
    at: now, actor: 'system', action: 'auto-resolve', entity: ALERT_RUN, entityId: runScope(scope),
    before: { statuses }, after: { status: 'resolved', resolution: 'cleared', why: reasons, ...runSummary(alerts) },
  });
  for (const rows of chunks(alerts)) stmt(db, CLEAR[dialectOf(db)]).run({ now, audit, ids: JSON.stringify(rows.map((a) => a.id)) });
}

export type RunLink = 'raised' | 'resolved';

/** How many alerts link to a run entry (as raised, or as cleared) and the digest of their keys. */
export interface LinkedAlerts {
  count: number;
  keys: string;
}

/**
 * For every audit entry some alert links to, as raised and as cleared, the
 * alerts linked to it: while the links are intact, each run entry's `count`
 * and `keys` (verify-audit-chain.ts). One ordered read of the alerts per link,
 * a run's alerts at a time, not one read per run.
 */
export function alertsLinkedToRuns(db: Db): Record<RunLink, Map<number, LinkedAlerts>> {
  return { raised: linkedBy(db, 'raised'), resolved: linkedBy(db, 'resolved') };
}

function linkedBy(db: Db, link: RunLink): Map<number, LinkedAlerts> {
  const runs = new Map<number, LinkedAlerts>();
  let run: number | undefined;
  let keys: string[] = [];
  const close = () => run !== undefined && runs.set(run, { count: keys.length, keys: keysDigest(keys) });
  for (const row of stmt(db, RUN_ALERTS[link]).iterate() as Iterable<Keyed & { run: number | string }>) {
    const id = Number(row.run);
    if (id !== run) {
      close();
      [run, keys] = [id, []];
    }
    keys.push(findingKey(row));
  }
  close();
  return runs;
}

const RUN_KEYS = 'rule_id AS ruleId, asset_id AS assetId, organisation_id AS organisationId, subject FROM alerts';
const RUN_ALERTS = {
  raised: `SELECT raised_audit_id AS run, ${RUN_KEYS} WHERE raised_audit_id IS NOT NULL ORDER BY raised_audit_id`,
  resolved: `SELECT resolved_audit_id AS run, ${RUN_KEYS} WHERE resolved_audit_id IS NOT NULL ORDER BY resolved_audit_id`,
} as const;
