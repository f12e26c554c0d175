/**
 * Alerts as people triage them: the filtered list, one alert with its notes and
 * audit trail, counts by severity × status, and the triage writes (the engine's
 * own writes live in alerts.ts). Callers wrap writes in one transaction with
 * their audit entry.
 */
import { listAlertTrail } from './alert-trail.js';
import type { AuditTrailEntry } from './audit-log.js';
import { SEVERITIES, type Severity } from '../alerts/alert-rule-schema.js';
import type { Db } from './db.js';
import { orderBy, type ListSort } from './list-order.js';
import { dialectOf, greater, inJsonList, jsonIdArray, jsonValues, perDialect, plannedWithValues, type Dialect } from './dialect.js';
import { forAsset } from './alert-findings.js';
import { ALERTS_CHECKED_AT } from './alerts.js';
import { bindTrust, forTrust, inScope, type OrgScope } from './organisations.js';
import { insertReturningId, stmt } from './statements.js';
import { likeText } from './like-text.js';

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
  /**
   * Part of the title or the hostname, case-insensitive; at least
   * SEARCH_MIN_CHARS long for an estate-wide list (the search indexes hold trigrams).
   */
  q?: string;
  /** Only alerts covered by an in-effect exception, or only those not covered. */
  acceptedRisk?: 'only' | 'exclude';
  /** Only alerts assigned to this username (the list's "assigned to me"). */
  assignee?: string;
  /** A column order; absent, most severe first, then oldest (an estate-wide search keeps severity first and sorts within it). */
  sort?: ListSort<AlertSortKey>;
  /**
   * Without a column order, these rules' alerts are listed first, each part in the usual
   * order: the rules the KEV catalogue marks known exploited (alerts/known-exploited-rules.ts).
   */
  firstRuleIds?: readonly string[];
  /** Only these rules' alerts, or with `except` every other rule's: how the list reads each part. */
  ruleSet?: { ids: readonly string[]; except: boolean };
  /** Only this trust's alerts; null: every trust's (an ICS-wide reader, the hub's own reads). */
  org: OrgScope;
  now: Date;
  limit: number;
  offset: number;
}

export interface AlertRow {
  id: number;
  ruleId: string;
  assetId: number | null;
  hostname: string | null;
  /** The trust it belongs to (its asset's, for an asset's alert): its id and ODS code. */
  organisationId: number;
  organisation: string;
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

const COLUMNS = perDialect((d) => `a.id, a.rule_id AS ruleId, a.asset_id AS assetId, s.hostname,
  a.organisation_id AS organisationId, (SELECT code FROM organisations WHERE id = a.organisation_id) AS organisation, a.subject, a.severity, a.title, a.detail, a.status, a.assignee,
  a.raised_at AS raisedAt,
  CASE WHEN a.status = 'resolved' THEN a.last_seen_at ELSE ${greater(d, 'a.last_seen_at', `coalesce((SELECT value FROM hub_state WHERE key = '${ALERTS_CHECKED_AT}'), '')`)} END AS lastSeenAt, a.acknowledged_at AS acknowledgedAt, a.resolved_at AS resolvedAt, a.resolution,
  a.suppressed_until AS suppressedUntil, a.suppress_reason AS suppressReason,
  (a.status = 'open' AND a.severity IN ${jsonValues(d, '@ackSeverities')} AND a.raised_at <= @ackDueBefore) AS overdue,
  x.exceptionId AS acceptedExceptionId, x.expiresOn AS acceptedExpiresOn`);

const IN_EFFECT = `FROM exceptions e JOIN exception_assets ea ON ea.exception_id = e.id JOIN exception_rules er ON er.exception_id = e.id
    WHERE e.status = 'in-effect' AND e.expires_on > @today`;
const LATEST_EXCEPTION_SQLITE = `SELECT ea.asset_id, er.rule_id, e.id AS exceptionId, max(e.expires_on) AS expiresOn ${IN_EFFECT} GROUP BY ea.asset_id, er.rule_id`;
const LATEST_EXCEPTION_POSTGRES = `SELECT DISTINCT ON (ea.asset_id, er.rule_id) ea.asset_id, er.rule_id, e.id AS exceptionId, e.expires_on AS expiresOn ${IN_EFFECT}
    ORDER BY ea.asset_id, er.rule_id, e.expires_on DESC`;

/**
 * Alerts with the in-effect exceptions covering their (asset, rule). An exception
 * stops covering at the start of its expiry day even before the hourly job marks
 * it expired. With max(), SQLite takes the bare column (e.id) from the row holding
 * the maximum, so each pair gets its latest-expiring exception; PostgreSQL says
 * the same with DISTINCT ON.
 */
const FROM = perDialect((d) => `FROM alerts a LEFT JOIN assets s ON s.id = a.asset_id
  LEFT JOIN (${d === 'sqlite' ? LATEST_EXCEPTION_SQLITE : LATEST_EXCEPTION_POSTGRES}) x ON x.asset_id = a.asset_id AND x.rule_id = a.rule_id`);

// Lists travel as JSON arrays so each statement stays fixed (and cached) whatever the number of values.
// Severity is matched by its rank so the list's order can be read off alerts_live_order (migration 0009).
const FILTER = perDialect((d) => `WHERE ${inJsonList(d, 'a.severity_rank', '@severityRanks', 'integer')} AND ${inJsonList(d, 'a.status', '@statuses')}
  AND (@ruleId IS NULL OR a.rule_id = @ruleId) AND RULE_SET AND ASSET_SCOPE AND TRUST_SCOPE AND LIVE_ONLY
  AND (@olderThan IS NULL OR a.raised_at <= @olderThan) AND (@newerThan IS NULL OR a.raised_at > @newerThan)
  AND SEARCH
  AND (@acceptedRisk IS NULL OR (x.exceptionId IS NOT NULL) = (@acceptedRisk = 'only'))
  AND (@assignee IS NULL OR a.assignee = @assignee)`);

/**
 * How a search (`q`) is read: over one asset's few alerts, by testing each
 * ('text'); over the estate, one severity at a time (see searchEstate), from
 * the alerts whose title or hostname the search indexes find ('index'), or,
 * where a severity has more than SEARCH_COUNT_LIMIT matches, by walking the
 * list in order testing each ('text' again): matches are then many, so a page
 * is found quickly.
 */
type Search = 'none' | 'text' | 'index';

/** A severity matching more alerts than this is counted no further: the list says "more than" and pages stop there. */
export const SEARCH_COUNT_LIMIT = 10_000;
/** A severity's search matches beyond this many are paged by walking the list in order: reading and sorting 10,000 by id took 35 ms. */
const PAGE_BY_ID_LIMIT = 1000;
/** The search indexes hold runs of three characters: a shorter search cannot be looked up. */
export const SEARCH_MIN_CHARS = 3;

/**
 * The alerts of the machines and titles a search found (bound as two lists,
 * see textMatches), of the severities, statuses, rule, rule set and trust asked
 * for: one seek of alerts_asset or alerts_title each (both end with the
 * severity), the rest read from each row. Those found by title leave out the
 * machines already found, so each alert comes once without the sort a UNION
 * would make before the first row. For a trust the machines found are only
 * its own; SQLite is kept off the trust's and the rules' indexes (`+`), which
 * it would otherwise walk testing each alert against the lists (1.3 s at
 * 100,000 assets).
 */
function foundSql(d: Dialect, f: Pick<AlertFilter, 'org' | 'ruleSet'>, severityRank?: string): string {
  const column = (name: string) => (d === 'sqlite' ? `+${name}` : name);
  const severity = severityRank === undefined ? inJsonList(d, 'severity_rank', '@severityRanks', 'integer') : `severity_rank = ${severityRank}`;
  const filter = `${severity} AND ${inJsonList(d, 'status', '@statuses')} AND (@ruleId IS NULL OR rule_id = @ruleId)
    AND ${inRuleSet(d, f.ruleSet, column('rule_id'))}`;
  const inTrust = f.org === null ? '' : ` AND ${column('organisation_id')} = @org`;
  // From one machine to 20,000: a plan fitted to one would not fit the other.
  return plannedWithValues(d, `SELECT id FROM alerts WHERE ${inJsonList(d, 'asset_id', '@hosts', 'integer')} AND ${filter}
  UNION ALL SELECT id FROM alerts WHERE ${inJsonList(d, 'title', '@titles')} AND ${filter}${inTrust} AND (asset_id IS NULL OR ${NOT_FOUND_BY_HOST[d]})`);
}

/**
 * An alert's machine not among those found (for the alerts found by title).
 * PostgreSQL tests it against the machines' ids as rows, hashed: as `<> ALL`
 * of the list its planner estimated each id's share of the alerts one by one
 * (a search finding 9,331 machines at 20,000 assets: 19 ms to plan each
 * statement, 5.5 as rows).
 */
const NOT_FOUND_BY_HOST = {
  sqlite: inJsonList('sqlite', 'asset_id', '@hosts', 'integer', true),
  postgres: `asset_id NOT IN (SELECT unnest(${jsonIdArray('@hosts')}))`,
};

/** SQL: `column` (a rule id) in the rule set asked for, or outside it (`except`), bound as @ruleSet; TRUE without one. */
function inRuleSet(d: Dialect, ruleSet: AlertFilter['ruleSet'], column: string): string {
  return ruleSet ? inJsonList(d, column, '@ruleSet', 'text', ruleSet.except) : 'TRUE';
}

const SEARCH_SQL: Record<Search, (d: Dialect, f: AlertFilter) => string> = {
  none: () => 'TRUE',
  text: () => "(a.title LIKE @q ESCAPE '\\' OR s.hostname LIKE @q ESCAPE '\\')",
  // As a list of ids, the statement is read from them, not by walking the list's order testing each alert.
  index: (d, f) => `a.id IN (${foundSql(d, f)})`,
};

/**
 * The machines whose hostname and the alert titles that contain a search
 * (migration 0042: each indexed once, not once per alert): in SQLite FTS5
 * tables, matched as a phrase; in PostgreSQL tables with trigram indexes,
 * matched by ILIKE.
 */
const TEXT_MATCH = { sqlite: { hostname: 'asset_search MATCH @match', title: 'alert_title_search MATCH @match' }, postgres: { hostname: "hostname ILIKE @q ESCAPE '\\'", title: "title ILIKE @q ESCAPE '\\'" } };
const HOSTS_MATCHING = perDialect((d) => `SELECT rowid AS id FROM asset_search WHERE ${TEXT_MATCH[d].hostname}`);
const TRUST_HOSTS_MATCHING = perDialect((d) => `SELECT id FROM assets WHERE organisation_id = @org AND id IN (${HOSTS_MATCHING[d]})`);
const TITLES_MATCHING = perDialect((d) => `SELECT t.title FROM alert_titles t WHERE t.id IN (SELECT rowid FROM alert_title_search WHERE ${TEXT_MATCH[d].title})`);

/**
 * What a search finds in the text indexes, looked up once for the whole list
 * and bound to each severity's statements as two lists (the machines' ids and
 * the titles): looked up in each statement, the machines a broad search finds
 * (20,000 for "WARD" at 100,000 assets) were gathered again ten times a page.
 * For a trust, only its own machines.
 */
function textMatches(db: Db, q: string, org: OrgScope): Params {
  const d = dialectOf(db);
  const text = d === 'postgres' ? { q: likeText(q) } : { match: `"${q.replaceAll('"', '""')}"` };
  const hosts = (org === null ? stmt(db, HOSTS_MATCHING[d]).pluck().all(text) : stmt(db, TRUST_HOSTS_MATCHING[d]).pluck().all({ ...text, org })) as number[];
  const titles = stmt(db, TITLES_MATCHING[d]).pluck().all(text) as string[];
  return { hosts: JSON.stringify(hosts), titles: JSON.stringify(titles) };
}

/**
 * The alerts a list reads from. A search's are read by id from those its text
 * indexes find: NOT INDEXED leaves SQLite only that (rowid lookups stay
 * allowed), where it would otherwise walk every live alert of the severity in
 * the list's order testing each (its planner has no row counts to weigh them).
 */
const fromSql = (d: Dialect, search: Search) => (search === 'index' && d === 'sqlite' ? FROM[d].replace('FROM alerts a ', 'FROM alerts a NOT INDEXED ') : FROM[d]);

/**
 * The filter as SQL for this request. One asset's alerts are read by its index
 * (alerts_asset; see forAsset) and sorted: a few dozen rows. Over the estate,
 * when only live statuses are asked for, the literal `status <> 'resolved'` lets
 * SQLite use the partial index that holds the list's order, so a page costs its
 * own rows, not a sort of every alert. (Given both, SQLite would walk the
 * estate's live alerts in order looking for the asset's: 0.8 s at 100,000 assets.)
 * A trust's reader's list is read the same way off alerts_organisation_live_order.
 */
function filterSql(d: Dialect, f: AlertFilter, search: Search): string {
  const liveOnly = f.assetId === undefined && (f.status?.length ? f.status : LIVE_STATUSES).every((st) => st !== 'resolved');
  return FILTER[d].replace('ASSET_SCOPE', forAsset(f.assetId ?? null, 'a.asset_id').replace('@asset', '@assetId'))
    .replace('TRUST_SCOPE', forTrust(f.org, 'a.organisation_id'))
    .replace('RULE_SET', inRuleSet(d, f.ruleSet, 'a.rule_id'))
    .replace('LIVE_ONLY', liveOnly ? "a.status <> 'resolved'" : 'TRUE')
    .replace('SEARCH', SEARCH_SQL[search](d, f));
}

/** A filter the kept counts (alert_counts, per trust) can answer: by severity, status, rule and trust only. */
const countable = (f: AlertFilter) =>
  f.assetId === undefined && f.q === undefined && f.olderThanDays === undefined && f.newerThanDays === undefined && f.acceptedRisk === undefined
  && f.assignee === undefined && f.ruleSet === undefined;

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

export interface AlertList {
  /** Alerts matching the filter; a broad search counts each severity up to SEARCH_COUNT_LIMIT. */
  total: number;
  /** True when more than `total` alerts match (a broad search): only the first `total` can be paged to. */
  more: boolean;
  rows: AlertRow[];
  /** A search's total for each severity it counted (the same count a list of that severity alone gives), so the page's severity cards need not search again. */
  bySeverity?: Partial<Record<Severity, number>>;
}

type Params = Record<string, unknown>;

/** The list's statements for one filter: counts and pages with a search mode, severities and extra parameters. */
function alertStatements(db: Db, f: AlertFilter, statuses: readonly AlertStatus[]) {
  const d = dialectOf(db);
  const params = (severities: readonly Severity[], extra: Params) => ({
    severityRanks: JSON.stringify(severities.map((s) => SEVERITIES.indexOf(s))), statuses: JSON.stringify(statuses),
    ruleId: f.ruleId ?? null, ...(f.ruleSet && { ruleSet: JSON.stringify(f.ruleSet.ids) }), assetId: f.assetId ?? null, acceptedRisk: f.acceptedRisk ?? null, assignee: f.assignee ?? null, today: today(f.now),
    olderThan: daysBefore(f.now, f.olderThanDays), newerThan: daysBefore(f.now, f.newerThanDays), ...bindTrust(f.org), ...extra,
  });
  return {
    count: (search: Search, severities: readonly Severity[], extra: Params = {}, limit = Number.MAX_SAFE_INTEGER) =>
      (stmt(db, `SELECT count(*) AS n FROM (SELECT 1 ${fromSql(d, search)} ${filterSql(d, f, search)} LIMIT @countLimit) AS matching`).get({ ...params(severities, extra), countLimit: limit }) as { n: number }).n,
    page: (search: Search, severities: readonly Severity[], extra: Params, at: { limit: number; offset: number }) =>
      (stmt(db, alertPageSql(f, search, d)).all({ ...params(severities, extra), ...ackParams(f.now), ...at }) as RawRow[]).map(toRow),
    /**
     * How many alerts of each of these severities (and the statuses, rule, rule set and trust asked for) the search's
     * text indexes find, up to `limit` each, in the severities' order: one statement, planned once with the machines
     * and titles found (on PostgreSQL a broad search's five counts were planned five times, 5 ms each at 5,000 assets).
     */
    found: (severities: readonly Severity[], match: Params, limit: number) =>
      (stmt(db, foundEachSql(d, f)).all({
        severityRanks: JSON.stringify(severities.map((s) => SEVERITIES.indexOf(s))), statuses: JSON.stringify(statuses), ruleId: f.ruleId ?? null,
        ...(f.ruleSet && { ruleSet: JSON.stringify(f.ruleSet.ids) }), ...bindTrust(f.org), ...match, limit,
      }) as { n: number | string }[]).map((r) => Number(r.n)),
  };
}
type AlertStatements = ReturnType<typeof alertStatements>;

/** The severity ranks bound as @severityRanks, as rows `sr` in their order. */
const EACH_SEVERITY = {
  sqlite: { rows: 'json_each(@severityRanks) sr', rank: 'sr.value', order: 'sr.key' },
  postgres: { rows: `unnest(${jsonIdArray('@severityRanks')}) WITH ORDINALITY AS sr(rank, ord)`, rank: 'sr.rank', order: 'sr.ord' },
};

/** Each severity's count of the alerts foundSql finds, up to @limit, a row a severity in @severityRanks' order. */
function foundEachSql(d: Dialect, f: Pick<AlertFilter, 'org' | 'ruleSet'>): string {
  const each = EACH_SEVERITY[d];
  return `SELECT (SELECT count(*) FROM (${foundSql(d, f, each.rank)} LIMIT @limit) AS found) AS n FROM ${each.rows} ORDER BY ${each.order}`;
}

/** Most severe first, then oldest first: the order a security lead works through them. */
export function listAlerts(db: Db, f: AlertFilter): AlertList {
  if (f.sort === undefined && f.firstRuleIds?.length) return listFirstRulesFirst(db, f, f.firstRuleIds);
  const severities = f.severity?.length ? f.severity : SEVERITIES;
  const statuses = f.status?.length ? f.status : LIVE_STATUSES;
  const sql = alertStatements(db, f, statuses);
  const at = { limit: f.limit, offset: f.offset };
  if (f.q === undefined) return { total: countable(f) ? countKept(db, severities, statuses, f.ruleId, f.org) : sql.count('none', severities), more: false, rows: sql.page('none', severities, {}, at) };
  if (f.assetId !== undefined) return { total: sql.count('text', severities, { q: likeText(f.q) }), more: false, rows: sql.page('text', severities, { q: likeText(f.q) }, at) };
  if (f.q.length < SEARCH_MIN_CHARS) throw new RangeError(`a search of every alert needs at least ${SEARCH_MIN_CHARS} characters`);
  return searchEstate(db, sql, { ...f, q: f.q }, severities);
}

/**
 * The first rules' alerts, then the others', each part in the usual order and
 * read the usual way (the live-order indexes still serve each part), so a page
 * costs its own rows and a count per part rather than a sort of every alert.
 */
function listFirstRulesFirst(db: Db, f: AlertFilter, ids: readonly string[]): AlertList {
  const { firstRuleIds: _first, ...rest } = f;
  const head = listAlerts(db, { ...rest, ruleSet: { ids, except: false } });
  const tail = listAlerts(db, { ...rest, ruleSet: { ids, except: true }, offset: Math.max(0, f.offset - head.total), limit: f.limit - head.rows.length });
  const list = { total: head.total + tail.total, more: head.more || tail.more, rows: [...head.rows, ...tail.rows] };
  if (!head.bySeverity || !tail.bySeverity) return list;
  const severities = Object.keys(head.bySeverity) as Severity[];
  return { ...list, bySeverity: Object.fromEntries(severities.map((s) => [s, (head.bySeverity?.[s] ?? 0) + (tail.bySeverity?.[s] ?? 0)])) };
}

/**
 * An estate-wide search, one severity at a time in list order, so that no
 * page walks past thousands of alerts of a severity the search hardly
 * touches. Each severity's matches are counted up to the limit from the
 * alerts of the hostnames and titles the search indexes find, with the
 * statuses, rule, rule set and trust asked for: without an age,
 * accepted-risk or assignee filter that count is the answer. A page is then read from those alerts
 * (a severity within the limit: at most 10,000 rows sorted) or by walking that
 * severity's alerts in order (a broad one).
 */
function searchEstate(db: Db, sql: AlertStatements, f: AlertFilter & { q: string }, severities: readonly Severity[]): AlertList {
  // The trust and rule set are counted in the found alerts themselves (foundSql).
  const rowFilters = f.olderThanDays !== undefined || f.newerThanDays !== undefined || f.acceptedRisk !== undefined || f.assignee !== undefined;
  const match = textMatches(db, f.q, f.org);
  const walk: [Search, Params] = ['text', { q: likeText(f.q) }];
  const byId: [Search, Params] = ['index', match];
  let [total, more, offset, limit] = [0, false, f.offset, f.limit];
  const rows: AlertRow[] = [];
  const bySeverity: Partial<Record<Severity, number>> = {};
  const founds = sql.found(severities, match, SEARCH_COUNT_LIMIT + 1);
  for (const [i, severity] of severities.entries()) {
    const found = founds[i]!;
    // Found over the limit, the matches are many: walking the list in order testing each counts them quicker than reading them all by id.
    const [countBy, countExtra] = found > SEARCH_COUNT_LIMIT ? walk : byId;
    const counted = rowFilters ? sql.count(countBy, [severity], countExtra, SEARCH_COUNT_LIMIT + 1) : found;
    const n = Math.min(counted, SEARCH_COUNT_LIMIT);
    more ||= counted > SEARCH_COUNT_LIMIT;
    total += n;
    bySeverity[severity] = n;
    if (limit > 0 && offset < n) {
      // Likewise a page of a few thousand matches is reached sooner walking in order than by reading and sorting them all.
      const [search, extra] = found > PAGE_BY_ID_LIMIT ? walk : byId;
      const taken = sql.page(search, [severity], extra, { limit: Math.min(limit, n - offset), offset });
      rows.push(...taken);
      limit -= taken.length;
    }
    offset = Math.max(0, offset - n);
  }
  return { total, more, rows, bySeverity };
}

/** The orders the list offers by column; `severity` is the one the live-order indexes hold. */
export const ALERT_ORDERS = {
  severity: ['a.severity_rank', 'a.raised_at', 'a.id'],
  title: ['a.title', 'a.id'],
  host: ['s.hostname', 'a.id'],
  status: ['a.status', 'a.severity_rank', 'a.id'],
  assignee: ['a.assignee', 'a.severity_rank', 'a.id'],
  raised: ['a.raised_at', 'a.id'],
  'last-seen': ['a.last_seen_at', 'a.id'],
} as const satisfies Record<string, readonly string[]>;
export type AlertSortKey = keyof typeof ALERT_ORDERS;
export const ALERT_SORT_KEYS = Object.keys(ALERT_ORDERS) as [AlertSortKey, ...AlertSortKey[]];

/** The statement behind one page of the list (exported so a test can read its plan). */
export function alertPageSql(f: AlertFilter, search: Search = 'none', d: Dialect = 'sqlite'): string {
  const order = orderBy(ALERT_ORDERS, f.sort ?? { key: 'severity', desc: false });
  return `SELECT ${COLUMNS[d]} ${fromSql(d, search)} ${filterSql(d, f, search)} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
}

function countKept(db: Db, severities: readonly Severity[], statuses: readonly AlertStatus[], ruleId: string | undefined, org: OrgScope): number {
  const d = dialectOf(db);
  return (stmt(db, `SELECT coalesce(sum(alerts), 0) AS n FROM alert_counts WHERE severity IN ${jsonValues(d, '@severities')}
      AND status IN ${jsonValues(d, '@statuses')} AND (@ruleId IS NULL OR rule_id = @ruleId) AND ${forTrust(org, 'organisation_id')}`)
    .get({ severities: JSON.stringify(severities), statuses: JSON.stringify(statuses), ruleId: ruleId ?? null, ...bindTrust(org) }) as { n: number }).n;
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

/** The alert, if it is one of the trusts' in scope (null: any trust's). */
export function findAlert(db: Db, id: number, now: Date, org: OrgScope): AlertRow | undefined {
  const d = dialectOf(db);
  const r = stmt(db, `SELECT ${COLUMNS[d]} ${FROM[d]} WHERE a.id = @id AND ${inScope('a.organisation_id')}`).get({ id, org, today: today(now), ...ackParams(now) }) as RawRow | undefined;
  return r && toRow(r);
}

/** One alert of the trusts in scope, with its notes (oldest first) and its audit trail (oldest first). */
export function getAlert(db: Db, id: number, now: Date, org: OrgScope): AlertDetail | undefined {
  const alert = findAlert(db, id, now, org);
  if (!alert) return undefined;
  const notes = stmt(db, 'SELECT id, author, at, text FROM alert_notes WHERE alert_id = ? ORDER BY at, id').all(id) as AlertNote[];
  return { ...alert, notes, audit: listAlertTrail(db, id, alert.ruleId) };
}

export type AlertCounts = Record<Severity, Record<AlertStatus, number>>;

/**
 * Alerts by severity × status, zero-filled: one asset's when given (its reader
 * has checked the asset is in scope), else those of the trusts in scope, from
 * the kept counts (alert_counts, per trust: migration 0039).
 */
export function alertCounts(db: Db, of: { assetId: number } | { org: OrgScope }): AlertCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, Object.fromEntries(ALERT_STATUSES.map((st) => [st, 0]))])) as AlertCounts;
  const rows = ('assetId' in of
    ? stmt(db, 'SELECT severity, status, count(*) AS n FROM alerts WHERE asset_id = ? GROUP BY severity, status').all(of.assetId)
    : stmt(db, `SELECT severity, status, sum(alerts) AS n FROM alert_counts WHERE ${forTrust(of.org, 'organisation_id')} GROUP BY severity, status`).all(bindTrust(of.org))) as { severity: Severity; status: AlertStatus; n: number | string }[];
  for (const r of rows) counts[r.severity][r.status] = Number(r.n);
  return counts;
}

/** Open high and critical alerts of the trusts in scope past the acknowledgement deadline (a trust's by alerts_organisation_status, migration 0039). */
export function countOverdueAlerts(db: Db, now: Date, org: OrgScope): number {
  return (stmt(db, `SELECT count(*) AS n FROM alerts a WHERE a.status = 'open' AND a.severity IN ${jsonValues(dialectOf(db), '@ackSeverities')} AND a.raised_at <= @ackDueBefore
      AND ${forTrust(org, 'a.organisation_id')}`).get({ ...ackParams(now), ...bindTrust(org) }) as { n: number }).n;
}

/** Rule ids with at least one alert of the trusts in scope, for the list's rule filter, from the kept counts. */
export function listAlertRuleIds(db: Db, org: OrgScope): string[] {
  const rows = stmt(db, `SELECT DISTINCT rule_id AS id FROM alert_counts WHERE alerts > 0 AND ${forTrust(org, 'organisation_id')} ORDER BY rule_id`).all(bindTrust(org));
  return (rows as { id: string }[]).map((r) => r.id);
}

/** The fields people change by triage. */
export type TriageFields = Pick<AlertRow, 'status' | 'assignee' | 'acknowledgedAt' | 'resolvedAt' | 'resolution' | 'suppressedUntil' | 'suppressReason'>;

/** Writes every triage field at once (one fixed statement); the engine's fields (last seen, evidence) are left alone. */
export function updateAlertTriage(db: Db, id: number, f: TriageFields): void {
  stmt(db, `UPDATE alerts SET status = @status, assignee = @assignee, acknowledged_at = @acknowledgedAt, resolved_at = @resolvedAt,
      resolution = @resolution, suppressed_until = @suppressedUntil, suppress_reason = @suppressReason WHERE id = @id`).run({ ...f, id });
}

export function insertAlertNote(db: Db, n: { alertId: number; author: string; at: string; text: string }): number {
  return insertReturningId(db, 'INSERT INTO alert_notes (alert_id, author, at, text) VALUES (@alertId, @author, @at, @text)', n);
}
