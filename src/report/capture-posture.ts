/**
 * Takes the day's posture snapshot: the rows behind every board figure, read
 * from the live store at one moment, turned into plain evidence lists that no
 * later change to the estate can alter.
 */
import { createHash } from 'node:crypto';
import type { RuleSet } from '../lifecycle/rule-set.js';
import type { SupportStatus } from '../lifecycle/verdict.js';
import { auditHead } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import {
  listActionsSince, listAlertsSince, listAssetPosture, listExceptionsInForce, listFaxesAndPagers, listItemsAtRisk,
  type ActionRow, type AlertRow, type AssetPostureRow, type DeviceRow, type ItemRow,
} from '../store/posture-capture.js';
import { inTransaction } from '../store/statements.js';
import { ALERT_AGES, type AlertEvidence, type ActionEvidence, type AssetEvidence, type DeviceEvidence, type ItemEvidence, type PostureEvidence } from './posture-evidence.js';
import { groupBy } from './group-by.js';
import { addMonths, localDay, monthDays, monthOf, startOfLocalDay } from './trust-calendar.js';

/** An asset counts in its worst item's class; unknown ranks below paid extended support but above anything supported. */
export const POSTURE_ORDER: readonly SupportStatus[] = ['unsupported', 'extended-support', 'unknown', 'ending-soon', 'supported'];

/** Coverage looks back this far: an asset that has not reported for a week is not being watched. */
const REPORTING_DAYS = 7;

export interface PostureCapture {
  day: string;
  takenAt: string;
  evidence: PostureEvidence;
  evidenceHash: string;
  auditHead: { id: number; hash: string } | null;
}

export function capturePosture(db: Db, rules: RuleSet, now: Date, timeZone: string): PostureCapture {
  const day = localDay(now, timeZone);
  const monthStart = startOfLocalDay(monthDays(monthOf(day)).first, timeZone).toISOString();
  const label = productLabeller(rules);
  return inTransaction(db, () => {
    const items = listItemsAtRisk(db, day, addMonths(day, 6)).map((r) => toItem(r, day, label));
    const itemsByAsset = groupBy(items, (i) => i.assetId);
    const evidence: PostureEvidence = {
      assets: listAssetPosture(db, day).map((r) => toAsset(r, itemsByAsset.get(r.assetId) ?? [], now)),
      items,
      alerts: listAlertsSince(db, monthStart).map((r) => toAlert(r, now)),
      actions: listActionsSince(db, monthStart).map((r) => toAction(r, day)),
      exceptions: listExceptionsInForce(db, day).map((r) => ({ ...r, hosts: r.hosts ?? '' })),
      devices: listFaxesAndPagers(db).map((r) => toDevice(r, day)),
    };
    return { day, takenAt: now.toISOString(), evidence, evidenceHash: hashEvidence(evidence), auditHead: auditHead(db) };
  });
}

function hashEvidence(evidence: PostureEvidence): string {
  return createHash('sha256').update(JSON.stringify(evidence)).digest('hex');
}

/** "Microsoft Windows 7 SP1": the rule's title and the cycle's label, as the board would name the release. */
function productLabeller(rules: RuleSet): (r: Pick<ItemRow, 'product' | 'cycle' | 'name'>) => string {
  const byProduct = new Map(rules.rules.map((rule) => [rule.product, rule]));
  return ({ product, cycle, name }) => {
    const rule = product ? byProduct.get(product) : undefined;
    if (!rule) return name;
    const c = rule.cycles.find((x) => x.cycle === cycle);
    return `${rule.title} ${c?.label ?? cycle ?? ''}`.trim();
  };
}

function toItem(r: ItemRow, day: string, label: (r: ItemRow) => string): ItemEvidence {
  const endingSoon = r.eol !== null && r.eol > day && r.eol <= addMonths(day, 6) && (r.status === 'supported' || r.status === 'ending-soon');
  return {
    assetId: r.assetId, hostname: r.hostname, kind: r.kind, product: label(r), name: r.name, version: r.version, status: r.status,
    eol: r.eol, extendedSupportEnd: r.extendedSupportEnd, endingWithin6Months: endingSoon ? 'yes' : 'no',
  };
}

/** `items`: this asset's items at risk. */
function toAsset(r: AssetPostureRow, items: ItemEvidence[], now: Date): AssetEvidence {
  const statuses = new Set<SupportStatus>([r.osStatus, ...((r.statuses?.split(',') ?? []) as SupportStatus[])]);
  const posture = POSTURE_ORDER.find((s) => statuses.has(s)) ?? 'unknown';
  const reportingSince = new Date(now.getTime() - REPORTING_DAYS * 86_400_000).toISOString();
  return {
    assetId: r.assetId, hostname: r.hostname, os: r.os, osStatus: r.osStatus, posture, supportedOnly: posture === 'supported' || posture === 'ending-soon' ? 'yes' : 'no', because: because(r, posture, items), acceptedRisk: r.acceptedRisk ? 'yes' : 'no',
    lastSeenAt: r.lastSeenAt, reporting: r.lastSeenAt >= reportingSince ? 'yes' : 'no', source: r.source,
  };
}

function because(r: AssetPostureRow, posture: SupportStatus, items: ItemEvidence[]): string {
  if (r.osStatus === posture) return `operating system ${r.os} is ${posture}`;
  if (posture === 'unknown') return `${r.unknownItems} installed item${r.unknownItems === 1 ? '' : 's'} no rule can judge`;
  const item = items.find((i) => i.kind === 'software' && i.status === posture);
  return item ? `${item.product} (${item.name} ${item.version}) is ${posture}` : `an installed item is ${posture}`;
}

function toAlert(r: AlertRow, now: Date): AlertEvidence {
  const end = r.resolvedAt ? Date.parse(r.resolvedAt) : now.getTime();
  const days = Math.floor((end - Date.parse(r.raisedAt)) / 86_400_000);
  const age = ALERT_AGES[days <= 2 ? 0 : days <= 7 ? 1 : days <= 30 ? 2 : 3];
  return {
    alertId: r.alertId, rule: r.rule, severity: r.severity, title: r.title, hostname: r.hostname ?? '(estate-wide)',
    state: r.status === 'resolved' ? 'resolved-this-month' : r.status === 'suppressed' ? 'suppressed' : 'open',
    status: r.status, raisedAt: r.raisedAt, age: age!, acknowledgedAt: r.acknowledgedAt ?? '', resolvedAt: r.resolvedAt ?? '',
    hoursToResolve: r.resolvedAt ? Math.round((end - Date.parse(r.raisedAt)) / 360_000) / 10 : null,
  };
}

function toAction(r: ActionRow, day: string): ActionEvidence {
  const state = r.status === 'done' ? 'done-this-month' : r.dueDate < day ? 'overdue' : 'open';
  return { actionId: r.actionId, title: r.title, owner: r.owner, dueDate: r.dueDate, status: r.status, open: r.status === 'done' ? 'no' : 'yes', state, hazardId: r.hazardId };
}

function toDevice(r: DeviceRow, day: string): DeviceEvidence {
  const overdue = r.source === 'register' && r.retainedByPolicy === 0 && r.plannedRemovalOn !== null && r.plannedRemovalOn <= day;
  return {
    source: r.source, id: r.id, kind: r.kind, name: r.name, site: r.site ?? '', location: r.location ?? '', status: r.status,
    plannedRemovalOn: r.plannedRemovalOn ?? '', retainedByPolicy: r.retainedByPolicy ? 'yes' : 'no', removalOverdue: overdue ? 'yes' : 'no',
  };
}

