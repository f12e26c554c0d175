/**
 * The reads behind a posture snapshot (src/report/capture-posture.ts): the
 * estate, alerts, actions, exceptions and devices as they stand right now, of
 * one trust or (null) of the whole hub. Run inside one read transaction so
 * every list sees the same moment. The whole hub's statements are the ones
 * measured at 100,000 assets before trusts existed (forTrust).
 */
import type { SupportStatus, UnknownReason } from '../lifecycle/verdict.js';
import type { Db } from './db.js';
import { dialectOf, listOf, notIndexed } from './dialect.js';
import { EFFECTIVE_STATUS, UNJUDGED_FROM, UNJUDGED_INSTALLS, UNKNOWN_REASON } from './estate-queries.js';
import { bindTrust, forTrust, readerKind, type OrgScope } from './organisations.js';
import { stmt } from './statements.js';

export interface AssetPostureRow {
  assetId: number;
  hostname: string;
  os: string;
  osStatus: SupportStatus;
  lastSeenAt: string;
  source: 'agent' | 'import';
  /** The worst effective status among its software; null when it has none. */
  worstItem: SupportStatus | null;
  unknownItems: number;
  acceptedRisk: number;
  family: string;
  /** The OS's patch currency on this machine (assets.os_patch_state): 'current', 'behind', or null (cannot tell). */
  osPatch: 'current' | 'behind' | null;
  /** When behind: the first day it could have patched; null when not behind or not known. */
  osPatchSince: string | null;
}

/**
 * Every asset with the worst effective status among its software (`worstFirst`
 * ranks them), how many of its items no rule can judge, and whether an
 * exception in force on `day` names it. The software comes from the per-asset
 * counts in one grouped pass (a subquery per asset took twice as long at
 * 100,000 assets). NOT INDEXED reads the assets in table order: the planner
 * otherwise walks them by OS through assets_os, one random read per asset
 * (1.1 s rather than 0.75 s at 100,000 assets).
 */
export function listAssetPosture(db: Db, org: OrgScope, day: string, worstFirst: readonly SupportStatus[]): AssetPostureRow[] {
  const rank = `CASE ${EFFECTIVE_STATUS} ${worstFirst.map((st, i) => `WHEN '${st}' THEN ${i}`).join(' ')} END`;
  return stmt(db, `SELECT a.id AS assetId, a.hostname, o.name AS os, o.status AS osStatus, a.last_seen_at AS lastSeenAt,
      o.family, a.os_patch_state AS osPatch, a.os_patch_since AS osPatchSince,
      CASE WHEN a.agent_id IS NULL THEN 'import' ELSE 'agent' END AS source,
      CASE c.worstRank ${worstFirst.map((st, i) => `WHEN ${i} THEN '${st}'`).join(' ')} END AS worstItem, coalesce(c.unknownItems, 0) AS unknownItems,
      a.id IN (SELECT x.asset_id FROM exception_assets x JOIN exceptions e ON e.id = x.exception_id
        WHERE e.status = 'in-effect' AND e.expires_on >= @day) AS acceptedRisk
    FROM assets a ${notIndexed(dialectOf(db))} CROSS JOIN os_versions o
    LEFT JOIN (SELECT s.asset_id, min(${rank}) AS worstRank, sum(CASE WHEN ${EFFECTIVE_STATUS} = 'unknown' THEN s.items ELSE 0 END) AS unknownItems
      FROM asset_item_counts s CROSS JOIN assets a CROSS JOIN os_versions o
      WHERE a.id = s.asset_id AND o.id = a.os_id AND s.items > 0 AND ${forTrust(org, 'a.organisation_id')} GROUP BY s.asset_id) c ON c.asset_id = a.id
    WHERE o.id = a.os_id AND ${forTrust(org, 'a.organisation_id')}
    ORDER BY a.hostname, a.id`).all({ day, ...bindTrust(org) }) as AssetPostureRow[];
}

/** One OS or software version at risk, with the assets carrying it (at that effective status). */
export interface ItemGroupRow {
  kind: 'os' | 'software';
  product: string | null;
  cycle: string | null;
  name: string;
  version: string;
  status: SupportStatus;
  eol: string | null;
  extendedSupportEnd: string | null;
  /** Comma-separated asset ids, in no particular order. */
  assetIds: string;
}

/** A standalone version's installs, narrowed to a trust's assets for a trust's snapshot. */
const INSTALL_ASSET = { ics: '', trust: 'CROSS JOIN assets t' };
const INSTALL_IN_SCOPE = { ics: 'TRUE', trust: 't.id = i.asset_id AND t.organisation_id = @org' };

const AT_RISK = (status: string, eol: string) =>
  `(${status} IN ('unsupported', 'extended-support') OR (${status} IN ('supported', 'ending-soon') AND ${eol} > @day AND ${eol} <= @windowEnd))`;

/**
 * OS and software versions that are unsupported, on extended support, or whose
 * security support ends in (day, windowEnd], each with the assets carrying it:
 * a few thousand rows, not one per install (half a million at 100,000 assets,
 * where building a row object each cost more than the query). Distribution
 * packages are left out: they follow their OS, whose own row already counts.
 * Each scan starts from the software versions (the CROSS JOINs fix that
 * order), never from every install. Only a part of the OS (capped) can take
 * its OS's worse status (EFFECTIVE_STATUS), so only those installs are joined
 * to their asset's OS; any other item's status is its own.
 */
export function listItemsAtRisk(db: Db, org: OrgScope, day: string, windowEnd: string): ItemGroupRow[] {
  const d = dialectOf(db);
  const reader = readerKind(org);
  return stmt(db, `SELECT 'os' AS kind, o.product, o.cycle, o.name, o.version, o.status, o.eol, o.extended_support_end AS extendedSupportEnd,
        ${listOf(d, 'a.id')} AS assetIds
      FROM os_versions o JOIN assets a ON a.os_id = o.id WHERE ${AT_RISK('o.status', 'o.eol')} AND ${forTrust(org, 'a.organisation_id')} GROUP BY o.id
    UNION ALL
    SELECT 'software', s.product, s.cycle, s.name, s.version, s.status, s.eol, s.extended_support_end, ${listOf(d, 'i.asset_id')}
      FROM software s CROSS JOIN installs i ${INSTALL_ASSET[reader]}
      WHERE i.software_id = s.id AND s.os_link = 'none' AND ${AT_RISK('s.status', 's.eol')} AND ${INSTALL_IN_SCOPE[reader]}
      GROUP BY s.id
    UNION ALL
    SELECT 'software', s.product, s.cycle, s.name, s.version, ${EFFECTIVE_STATUS}, s.eol, s.extended_support_end, ${listOf(d, 'i.asset_id')}
      FROM software s CROSS JOIN installs i CROSS JOIN assets a CROSS JOIN os_versions o
      WHERE i.software_id = s.id AND a.id = i.asset_id AND o.id = a.os_id AND s.os_link = 'capped' AND ${AT_RISK(EFFECTIVE_STATUS, 's.eol')}
        AND ${forTrust(org, 'a.organisation_id')}
      GROUP BY s.id, 6`).all({ day, windowEnd, ...bindTrust(org) }) as ItemGroupRow[];
}

/**
 * The assets carrying a version judged on its own that is behind its release's
 * newest (distribution packages have no patch verdict): from the few behind
 * versions (software_patch_behind) to their installs, never every install.
 */
export function listAssetsWithSoftwareBehind(db: Db, org: OrgScope): number[] {
  const reader = readerKind(org);
  const rows = stmt(db, `SELECT DISTINCT i.asset_id AS assetId FROM software s CROSS JOIN installs i ${INSTALL_ASSET[reader]}
      WHERE s.patch_state = 'behind' AND s.os_link <> 'follows' AND i.software_id = s.id AND ${INSTALL_IN_SCOPE[reader]}`).all(bindTrust(org)) as { assetId: number }[];
  return rows.map((r) => r.assetId);
}

/** Software judged on its own that is unknown, grouped by name, vendor, source and why. */
export interface UnknownTitleRow {
  name: string;
  vendor: string;
  source: string;
  reason: UnknownReason;
  versions: number;
  installs: number;
}

/** Every unknown title on the estate with its installs, from the kept counts (a few thousand rows, not one per install). */
export function listUnknownTitles(db: Db, org: OrgScope): UnknownTitleRow[] {
  const reader = readerKind(org);
  return stmt(db, `SELECT s.name, s.vendor, s.source, ${UNKNOWN_REASON} AS reason, count(DISTINCT s.id) AS versions, ${UNJUDGED_INSTALLS[reader]} AS installs
      ${UNJUDGED_FROM[reader]} GROUP BY s.name, s.vendor, s.source, ${UNKNOWN_REASON} ORDER BY 6 DESC, s.name, s.vendor, s.source`).all(bindTrust(org)) as UnknownTitleRow[];
}

export interface AlertRow {
  alertId: number;
  rule: string;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  title: string;
  hostname: string | null;
  status: 'open' | 'acknowledged' | 'suppressed' | 'resolved';
  raisedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

const ALERT_COLUMNS = `a.id AS alertId, a.rule_id AS rule, a.severity, a.title, h.hostname, a.status, a.raised_at AS raisedAt,
  a.acknowledged_at AS acknowledgedAt, a.resolved_at AS resolvedAt`;

/**
 * How many alerts of a status and severity were raised in (after, upTo]: a
 * range of the alerts_status index (status, severity, raised_at), so millions
 * of alerts are counted without reading one row. raised_at is always written
 * by Date.toISOString(), so comparing the strings compares the instants.
 */
export function countAlertsRaisedBetween(db: Db, org: OrgScope, status: string, severity: string, after: string, upTo: string): number {
  return (stmt(db, `SELECT count(*) AS n FROM alerts WHERE status = @status AND severity = @severity AND raised_at > @after AND raised_at <= @upTo
      AND ${forTrust(org, 'organisation_id')}`).get({ status, severity, after, upTo, ...bindTrust(org) }) as { n: number }).n;
}

/** The `limit` oldest alerts of a status and severity raised in (after, upTo], oldest first (from the same index). */
export function oldestAlertsRaisedBetween(db: Db, org: OrgScope, status: string, severity: string, after: string, upTo: string, limit: number): AlertRow[] {
  return stmt(db, `SELECT ${ALERT_COLUMNS} FROM alerts a LEFT JOIN assets h ON h.id = a.asset_id
    WHERE a.status = @status AND a.severity = @severity AND a.raised_at > @after AND a.raised_at <= @upTo AND ${forTrust(org, 'a.organisation_id')}
    ORDER BY a.raised_at, a.id LIMIT @limit`).all({ status, severity, after, upTo, limit, ...bindTrust(org) }) as AlertRow[];
}

/** Alerts resolved at or after `since` (an ISO instant), by id. */
export function listAlertsResolvedSince(db: Db, org: OrgScope, since: string): AlertRow[] {
  return stmt(db, `SELECT ${ALERT_COLUMNS} FROM alerts a LEFT JOIN assets h ON h.id = a.asset_id
    WHERE a.status = 'resolved' AND a.resolved_at >= @since AND ${forTrust(org, 'a.organisation_id')} ORDER BY a.id`).all({ since, ...bindTrust(org) }) as AlertRow[];
}

export interface ActionRow {
  actionId: number;
  title: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'in-progress' | 'done' | 'cancelled';
  completedAt: string | null;
  hazardId: number | null;
}

/** Actions not finished, and those done at or after `since` (an ISO instant). */
export function listActionsSince(db: Db, org: OrgScope, since: string): ActionRow[] {
  return stmt(db, `SELECT id AS actionId, title, owner, due_date AS dueDate, status, completed_at AS completedAt, hazard_id AS hazardId FROM actions
    WHERE (status IN ('open', 'in-progress') OR (status = 'done' AND completed_at >= @since)) AND ${forTrust(org, 'organisation_id')}
    ORDER BY due_date, id`).all({ since, ...bindTrust(org) }) as ActionRow[];
}

export interface ExceptionRow {
  exceptionId: number;
  title: string;
  expiresOn: string;
  signedOffBy: string;
  signedOffAt: string;
  assets: number;
  hosts: string | null;
}

/**
 * The person who signed off, as the board reads them and as the snapshot then
 * keeps them: name and job title where set (users.personLabel's wording), else
 * the username.
 */
const SIGNER = `coalesce(CASE WHEN u.display_name <> '' THEN u.display_name || CASE WHEN u.job_title <> '' THEN ' (' || u.job_title || ')' ELSE '' END END, e.signed_off_by)`;

/** Exceptions signed off and not expired on `day`. */
export function listExceptionsInForce(db: Db, org: OrgScope, day: string): ExceptionRow[] {
  return stmt(db, `SELECT e.id AS exceptionId, e.title, e.expires_on AS expiresOn, ${SIGNER} AS signedOffBy, e.signed_off_at AS signedOffAt,
      (SELECT count(*) FROM exception_assets x WHERE x.exception_id = e.id) AS assets,
      (SELECT ${listOf(dialectOf(db), 'hostname', ', ')} FROM (SELECT h.hostname FROM exception_assets x JOIN assets h ON h.id = x.asset_id WHERE x.exception_id = e.id ORDER BY h.hostname) AS named) AS hosts
    FROM exceptions e LEFT JOIN users u ON u.username = e.signed_off_by
    WHERE e.status = 'in-effect' AND e.expires_on >= @day AND ${forTrust(org, 'e.organisation_id')}
    ORDER BY e.expires_on, e.id`).all({ day, ...bindTrust(org) }) as ExceptionRow[];
}

export interface DeviceRow {
  source: 'register' | 'agent';
  id: number;
  kind: 'fax' | 'pager';
  name: string;
  site: string | null;
  location: string | null;
  status: string;
  plannedRemovalOn: string | null;
  retainedByPolicy: number;
}

/** Faxes and pagers in the register not yet decommissioned, and fax devices agents report. */
export function listFaxesAndPagers(db: Db, org: OrgScope): DeviceRow[] {
  return stmt(db, `SELECT 'register' AS source, id, kind, name, site, location, status, planned_removal_on AS plannedRemovalOn, retained_by_policy AS retainedByPolicy
      FROM registered_devices WHERE kind IN ('fax', 'pager') AND status <> 'decommissioned' AND ${forTrust(org, 'organisation_id')}
    UNION ALL
    SELECT 'agent', d.asset_id, 'fax', d.name || ' on ' || a.hostname, NULL, d.location, 'in-use', NULL, 0
      FROM devices d JOIN assets a ON a.id = d.asset_id WHERE coalesce(d.classified_kind, d.kind) = 'fax' AND ${forTrust(org, 'a.organisation_id')}
    ORDER BY 1 DESC, 3, 5, 4`).all(bindTrust(org)) as DeviceRow[];
}
