/**
 * The reads behind a posture snapshot (src/report/capture-posture.ts): the
 * estate, alerts, actions, exceptions and devices as they stand right now.
 * Run inside one read transaction so every list sees the same moment.
 */
import type { SupportStatus } from '../lifecycle/verdict.js';
import type { Db } from './db.js';
import { EFFECTIVE_STATUS, ITEMS_WITH_STATUS } from './estate-queries.js';
import { stmt } from './statements.js';

export interface AssetPostureRow {
  assetId: number;
  hostname: string;
  os: string;
  osStatus: SupportStatus;
  lastSeenAt: string;
  source: 'agent' | 'import';
  /** Comma-separated distinct effective statuses of its software. */
  statuses: string | null;
  unknownItems: number;
  acceptedRisk: number;
}

/** Every asset with its software's effective statuses, and whether an exception in force on `day` names it. */
export function listAssetPosture(db: Db, day: string): AssetPostureRow[] {
  return stmt(db, `SELECT a.id AS assetId, a.hostname, o.name AS os, o.status AS osStatus, a.last_seen_at AS lastSeenAt,
      CASE WHEN a.agent_id IS NULL THEN 'import' ELSE 'agent' END AS source,
      (SELECT group_concat(DISTINCT ${EFFECTIVE_STATUS}) FROM asset_item_counts s WHERE s.asset_id = a.id AND s.items > 0) AS statuses,
      ${ITEMS_WITH_STATUS("'unknown'")} AS unknownItems,
      EXISTS (SELECT 1 FROM exception_assets x JOIN exceptions e ON e.id = x.exception_id
        WHERE x.asset_id = a.id AND e.status = 'in-effect' AND e.expires_on >= @day) AS acceptedRisk
    FROM assets a JOIN os_versions o ON o.id = a.os_id ORDER BY a.hostname, a.id`).all({ day }) as AssetPostureRow[];
}

export interface ItemRow {
  assetId: number;
  hostname: string;
  kind: 'os' | 'software';
  product: string | null;
  cycle: string | null;
  name: string;
  version: string;
  status: SupportStatus;
  eol: string | null;
  extendedSupportEnd: string | null;
}

const AT_RISK = (status: string, eol: string) =>
  `(${status} IN ('unsupported', 'extended-support') OR (${status} IN ('supported', 'ending-soon') AND ${eol} > @day AND ${eol} <= @windowEnd))`;

/**
 * OS and software items that are unsupported, on extended support, or whose
 * security support ends in (day, windowEnd]. Distribution packages are left
 * out: they follow their OS, whose own row already counts.
 */
export function listItemsAtRisk(db: Db, day: string, windowEnd: string): ItemRow[] {
  return stmt(db, `SELECT a.id AS assetId, a.hostname, 'os' AS kind, o.product, o.cycle, o.name, o.version, o.status, o.eol, o.extended_support_end AS extendedSupportEnd
      FROM assets a JOIN os_versions o ON o.id = a.os_id WHERE ${AT_RISK('o.status', 'o.eol')}
    UNION ALL
    SELECT a.id, a.hostname, 'software', s.product, s.cycle, s.name, s.version, ${EFFECTIVE_STATUS}, s.eol, s.extended_support_end
      FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id JOIN os_versions o ON o.id = a.os_id
      WHERE s.os_link <> 'follows' AND ${AT_RISK(EFFECTIVE_STATUS, 's.eol')}
    ORDER BY 2, 1, 3, 6, 7`).all({ day, windowEnd }) as ItemRow[];
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

/** Alerts not resolved, and those resolved at or after `since` (an ISO instant). */
export function listAlertsSince(db: Db, since: string): AlertRow[] {
  return stmt(db, `SELECT a.id AS alertId, a.rule_id AS rule, a.severity, a.title, h.hostname, a.status, a.raised_at AS raisedAt,
      a.acknowledged_at AS acknowledgedAt, a.resolved_at AS resolvedAt
    FROM alerts a LEFT JOIN assets h ON h.id = a.asset_id WHERE a.status <> 'resolved' OR a.resolved_at >= @since ORDER BY a.id`).all({ since }) as AlertRow[];
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
export function listActionsSince(db: Db, since: string): ActionRow[] {
  return stmt(db, `SELECT id AS actionId, title, owner, due_date AS dueDate, status, completed_at AS completedAt, hazard_id AS hazardId FROM actions
    WHERE status IN ('open', 'in-progress') OR (status = 'done' AND completed_at >= @since) ORDER BY due_date, id`).all({ since }) as ActionRow[];
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

/** Exceptions signed off and not expired on `day`. */
export function listExceptionsInForce(db: Db, day: string): ExceptionRow[] {
  return stmt(db, `SELECT e.id AS exceptionId, e.title, e.expires_on AS expiresOn, e.signed_off_by AS signedOffBy, e.signed_off_at AS signedOffAt,
      (SELECT count(*) FROM exception_assets x WHERE x.exception_id = e.id) AS assets,
      (SELECT group_concat(hostname, ', ') FROM (SELECT h.hostname FROM exception_assets x JOIN assets h ON h.id = x.asset_id WHERE x.exception_id = e.id ORDER BY h.hostname)) AS hosts
    FROM exceptions e WHERE e.status = 'in-effect' AND e.expires_on >= @day ORDER BY e.expires_on, e.id`).all({ day }) as ExceptionRow[];
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
export function listFaxesAndPagers(db: Db): DeviceRow[] {
  return stmt(db, `SELECT 'register' AS source, id, kind, name, site, location, status, planned_removal_on AS plannedRemovalOn, retained_by_policy AS retainedByPolicy
      FROM registered_devices WHERE kind IN ('fax', 'pager') AND status <> 'decommissioned'
    UNION ALL
    SELECT 'agent', d.asset_id, 'fax', d.name || ' on ' || a.hostname, NULL, d.location, 'in-use', NULL, 0
      FROM devices d JOIN assets a ON a.id = d.asset_id WHERE coalesce(d.classified_kind, d.kind) = 'fax'
    ORDER BY 1 DESC, 3, 5, 4`).all() as DeviceRow[];
}
