/**
 * Alerts as people triage them: the filtered list, one alert with its notes and
 * audit trail, counts by severity × status, and the triage writes (the engine's
 * own writes live in alerts.ts). Callers wrap writes in one transaction with
 * their audit entry.
 */
import { listAuditTrail, type AuditTrailEntry } from './audit-log.js';
import { SEVERITIES, type Severity } from '../alerts/alert-rule-schema.js';
import type { Db } from './db.js';
import { forAsset } from './alert-findings.js';
import { ALERTS_CHECKED_AT } from './alerts.js';
import { stmt } from './statements.js';

export const ALERT_STATUSES = ['open', 'acknowledged', 'suppressed', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const LIVE_STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'suppressed'];

/**
 * NHS England's cyber security operations centre expects a high-severity alert
 * to be acknowledged within 48 hours (docs: ../shared/DOMAIN.md, "NHS cyber alerts").
 * Critical is held to the same deadline: it is never less urgent than high.
 */
export const ACK_WITHIN_HOURS = 48;
export const ACK_SEVERITIES: readonly Severity[] = ['critical', 'high'];

const DAY_MS = 86_400_000;

export interface AlertFilter {
  severity?: readonly Severity[];
  /** Absent: every status but resolved (the live alerts). */
  status?: readonly AlertStatus[];
  ruleId?: string;
  assetId?: number;
  /** Raised at least this many days before `now`. */
  olderThanDays?: number;
  /** Raised less than this many days before `now`. */
  newerThanDays?: number;
  /** Part of the title or the hostname, case-insensitive. */
  q?: string;
  /** Only alerts covered by an in-effect exception, or only those not covered. */
  acceptedRisk?: 'only' | 'exclude';
  now: Date;
  limit: number;
  offset: number;
}

export interface AlertRow {
  id: number;
  ruleId: string;
  assetId: number | null;
  hostname: string | null;
  subject: string;
  severity: Severity;
  title: string;
  detail: string;
  status: AlertStatus;
  assignee: string | null;
  raisedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  resolution: 'cleared' | 'manual' | null;
  suppressedUntil: string | null;
  suppressReason: string | null;
  /** Open, high or critical, and raised more than ACK_WITHIN_HOURS ago. */
  overdue: boolean;
  /**
   * The in-effect exception covering this alert's asset and rule (the latest
   * expiring, if several), or null. The alert stays listed: the board must see
   * accepted risk, not lose it.
   */
  acceptedRisk: AcceptedRisk | null;
}

export interface AcceptedRisk {
  exceptionId: number;
  /** YYYY-MM-DD; the exception no longer covers the alert from this day. */
  expiresOn: string;
}

const COLUMNS = `a.id, a.rule_id AS ruleId, a.asset_id AS assetId, s.hostname, a.subject, a.severity, a.title, a.detail, a.status, a.assignee,
  a.raised_at AS raisedAt,
  CASE WHEN a.status = 'resolved' THEN a.last_seen_at ELSE max(a.last_seen_at, coalesce((SELECT value FROM hub_state WHERE key = '${ALERTS_CHECKED_AT}'), '')) END AS lastSeenAt, a.acknowledged_at AS acknowledgedAt, a.resolved_at AS resolvedAt, a.resolution,
  a.suppressed_until AS suppressedUntil, a.suppress_reason AS suppressReason,
  (a.status = 'open' AND a.severity IN (SELECT value FROM json_each(@ackSeverities)) AND a.raised_at <= @ackDueBefore) AS overdue,
  x.exceptionId AS acceptedExceptionId, x.expiresOn AS acceptedExpiresOn`;

/**
 * Alerts with the in-effect exceptions covering their (asset, rule). An exception
 * stops covering at the start of its expiry day even before the hourly job marks
 * it expired. With max(), SQLite takes the bare column (e.id) from the row holding
 * the maximum, so each pair gets its latest-expiring exception.
 */
const FROM = `FROM alerts a LEFT JOIN assets s ON s.id = a.asset_id
  LEFT JOIN (SELECT ea.asset_id, er.rule_id, e.id AS exceptionId, max(e.expires_on) AS expiresOn
    FROM exceptions e JOIN exception_assets ea ON ea.exception_id = e.id JOIN exception_rules er ON er.exception_id = e.id
    WHERE e.status = 'in-effect' AND e.expires_on > @today GROUP BY ea.asset_id, er.rule_id) x ON x.asset_id = a.asset_id AND x.rule_id = a.rule_id`;

// Lists travel as JSON arrays so each statement stays fixed (and cached) whatever the number of values.
// Severity is matched by its rank so the list's order can be read off alerts_live_order (migration 0009).
const FILTER = `WHERE a.severity_rank IN (SELECT value FROM json_each(@severityRanks)) AND a.status IN (SELECT value FROM json_each(@statuses))
  AND (@ruleId IS NULL OR a.rule_id = @ruleId) AND ASSET_SCOPE AND LIVE_ONLY
  AND (@olderThan IS NULL OR a.raised_at <= @olderThan) AND (@newerThan IS NULL OR a.raised_at > @newerThan)
  AND (@q IS NULL OR a.title LIKE '%' || @q || '%' OR s.hostname LIKE '%' || @q || '%')
  AND (@acceptedRisk IS NULL OR (x.exceptionId IS NOT NULL) = (@acceptedRisk = 'only'))`;

/**
 * The filter as SQL for this request. One asset's alerts are read by its index
 * (alerts_asset; see forAsset) and sorted: a few dozen rows. Over the estate,
 * when only live statuses are asked for, the literal `status <> 'resolved'` lets
 * SQLite use the partial index that holds the list's order, so a page costs its
 * own rows, not a sort of every alert. (Given both, SQLite would walk the
 * estate's live alerts in order looking for the asset's: 0.8 s at 100,000 assets.)
 */
function filterSql(f: AlertFilter): string {
  const liveOnly = f.assetId === undefined && (f.status?.length ? f.status : LIVE_STATUSES).every((st) => st !== 'resolved');
  return FILTER.replace('ASSET_SCOPE', forAsset(f.assetId ?? null, 'a.asset_id').replace('@asset', '@assetId'))
    .replace('LIVE_ONLY', liveOnly ? "a.status <> 'resolved'" : '1');
}

/** A filter the kept counts (alert_counts) can answer: by severity, status and rule only. */
const countable = (f: AlertFilter) =>
  f.assetId === undefined && f.q === undefined && f.olderThanDays === undefined && f.newerThanDays === undefined && f.acceptedRisk === undefined;

const daysBefore = (now: Date, days: number | undefined) => (days === undefined ? null : new Date(now.getTime() - days * DAY_MS).toISOString());

function ackParams(now: Date) {
  return { ackSeverities: JSON.stringify(ACK_SEVERITIES), ackDueBefore: new Date(now.getTime() - ACK_WITHIN_HOURS * 3_600_000).toISOString() };
}

const today = (now: Date) => now.toISOString().slice(0, 10);

type RawRow = Omit<AlertRow, 'overdue' | 'acceptedRisk'> & { overdue: number; acceptedExceptionId: number | null; acceptedExpiresOn: string | null };
const toRow = ({ acceptedExceptionId, acceptedExpiresOn, ...r }: RawRow): AlertRow => ({
  ...r,
  overdue: r.overdue === 1,
  acceptedRisk: acceptedExceptionId === null || acceptedExpiresOn === null ? null : { exceptionId: acceptedExceptionId, expiresOn: acceptedExpiresOn },
});

/** Most severe first, then oldest first: the order a security lead works through them. */
export function listAlerts(db: Db, f: AlertFilter): { total: number; rows: AlertRow[] } {
  const severities = f.severity?.length ? f.severity : SEVERITIES;
  const statuses = f.status?.length ? f.status : LIVE_STATUSES;
  const params = {
    severityRanks: JSON.stringify(severities.map((s) => SEVERITIES.indexOf(s))), statuses: JSON.stringify(statuses),
    ruleId: f.ruleId ?? null, assetId: f.assetId ?? null, q: f.q ?? null, acceptedRisk: f.acceptedRisk ?? null, today: today(f.now),
    olderThan: daysBefore(f.now, f.olderThanDays), newerThan: daysBefore(f.now, f.newerThanDays),
  };
  const filter = filterSql(f);
  const total = countable(f)
    ? countKept(db, severities, statuses, f.ruleId)
    : (stmt(db, `SELECT count(*) AS n ${FROM} ${filter}`).get(params) as { n: number }).n;
  const rows = stmt(db, alertPageSql(f))
    .all({ ...params, ...ackParams(f.now), limit: f.limit, offset: f.offset }) as RawRow[];
  return { total, rows: rows.map(toRow) };
}

/** The statement behind one page of the list (exported so a test can read its plan). */
export function alertPageSql(f: AlertFilter): string {
  return `SELECT ${COLUMNS} ${FROM} ${filterSql(f)} ORDER BY a.severity_rank, a.raised_at, a.id LIMIT @limit OFFSET @offset`;
}

function countKept(db: Db, severities: readonly Severity[], statuses: readonly AlertStatus[], ruleId: string | undefined): number {
  return (stmt(db, `SELECT coalesce(sum(alerts), 0) AS n FROM alert_counts WHERE severity IN (SELECT value FROM json_each(@severities))
      AND status IN (SELECT value FROM json_each(@statuses)) AND (@ruleId IS NULL OR rule_id = @ruleId)`)
    .get({ severities: JSON.stringify(severities), statuses: JSON.stringify(statuses), ruleId: ruleId ?? null }) as { n: number }).n;
}

export interface AlertNote {
  id: number;
  author: string;
  at: string;
  text: string;
}


export interface AlertDetail extends AlertRow {
  notes: AlertNote[];
  audit: AuditTrailEntry[];
}

export function findAlert(db: Db, id: number, now: Date): AlertRow | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} ${FROM} WHERE a.id = @id`).get({ id, today: today(now), ...ackParams(now) }) as RawRow | undefined;
  return r && toRow(r);
}

/** One alert with its notes (oldest first) and its audit trail (oldest first). */
export function getAlert(db: Db, id: number, now: Date): AlertDetail | undefined {
  const alert = findAlert(db, id, now);
  if (!alert) return undefined;
  const notes = stmt(db, 'SELECT id, author, at, text FROM alert_notes WHERE alert_id = ? ORDER BY at, id').all(id) as AlertNote[];
  return { ...alert, notes, audit: listAuditTrail(db, 'alert', id) };
}

export type AlertCounts = Record<Severity, Record<AlertStatus, number>>;

/** Alerts by severity × status, zero-filled; for one asset when given (the estate's from the kept counts). */
export function alertCounts(db: Db, assetId?: number): AlertCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, Object.fromEntries(ALERT_STATUSES.map((st) => [st, 0]))])) as AlertCounts;
  const rows = (assetId === undefined
    ? stmt(db, 'SELECT severity, status, sum(alerts) AS n FROM alert_counts GROUP BY severity, status').all()
    : stmt(db, 'SELECT severity, status, count(*) AS n FROM alerts WHERE asset_id = ? GROUP BY severity, status').all(assetId)) as { severity: Severity; status: AlertStatus; n: number }[];
  for (const r of rows) counts[r.severity][r.status] = r.n;
  return counts;
}

/** Open high and critical alerts past the acknowledgement deadline. */
export function countOverdueAlerts(db: Db, now: Date): number {
  return (stmt(db, `SELECT count(*) AS n FROM alerts a WHERE a.status = 'open' AND a.severity IN (SELECT value FROM json_each(@ackSeverities)) AND a.raised_at <= @ackDueBefore`)
    .get(ackParams(now)) as { n: number }).n;
}

/** Rule ids with at least one alert, for the list's rule filter. */
export function listAlertRuleIds(db: Db): string[] {
  return (stmt(db, 'SELECT DISTINCT rule_id AS id FROM alert_counts WHERE alerts > 0 ORDER BY rule_id').all() as { id: string }[]).map((r) => r.id);
}

/** The fields people change by triage. */
export type TriageFields = Pick<AlertRow, 'status' | 'assignee' | 'acknowledgedAt' | 'resolvedAt' | 'resolution' | 'suppressedUntil' | 'suppressReason'>;

/** Writes every triage field at once (one fixed statement); the engine's fields (last seen, evidence) are left alone. */
export function updateAlertTriage(db: Db, id: number, f: TriageFields): void {
  stmt(db, `UPDATE alerts SET status = @status, assignee = @assignee, acknowledged_at = @acknowledgedAt, resolved_at = @resolvedAt,
      resolution = @resolution, suppressed_until = @suppressedUntil, suppress_reason = @suppressReason WHERE id = @id`).run({ ...f, id });
}

export function insertAlertNote(db: Db, n: { alertId: number; author: string; at: string; text: string }): number {
  return Number(stmt(db, 'INSERT INTO alert_notes (alert_id, author, at, text) VALUES (@alertId, @author, @at, @text)').run(n).lastInsertRowid);
}
