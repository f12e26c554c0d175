/**
 * Takes the day's posture snapshot: the evidence behind every board figure,
 * read from the live store in one read transaction, turned into frozen lists
 * that no later change to the estate can alter.
 */
import type { KevCatalogue } from '../cyber/read-kev.js';
import type { RuleSet } from '../lifecycle/rule-set.js';
import { COUNTS_AS_SUPPORTED, type SupportStatus } from '../lifecycle/verdict.js';
import { auditHead } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import {
  listActionsSince, listAssetPosture, listAssetsWithSoftwareBehind, listExceptionsInForce, listFaxesAndPagers, listUnknownTitles, type ActionRow, type AssetPostureRow, type DeviceRow,
} from '../store/posture-capture.js';
import { inTransaction } from '../store/statements.js';
import { captureAlerts } from './capture-alerts.js';
import { captureCyber } from './capture-cyber.js';
import { captureItems } from './capture-items.js';
import type { FrozenEvidence } from './frozen-evidence.js';
import type { ItemEntry, ItemTable } from './item-table.js';
import type { ActionEvidence, AssetEvidence, DeviceEvidence, WindowsPatchAge } from './posture-evidence.js';
import { daysBetween } from '../lifecycle/status-from-dates.js';
import { localDay, monthDays, monthOf, startOfLocalDay } from './trust-calendar.js';

/** An asset counts in its worst item's class; unknown ranks below paid extended support but above anything supported. */
export const POSTURE_ORDER: readonly SupportStatus[] = ['unsupported', 'extended-support', 'unknown', 'ending-soon', 'supported'];

/** Coverage looks back this far: an asset that has not reported for a week is not being watched. */
const REPORTING_DAYS = 7;

export interface PostureCapture {
  day: string;
  takenAt: string;
  evidence: FrozenEvidence;
  auditHead: { id: number; hash: string } | null;
}

/** The posture of one trust's estate, or (null) of the whole hub's; `kev` marks its cyber alerts known exploited. */
export function capturePosture(db: Db, org: OrgScope, rules: RuleSet, now: Date, timeZone: string, kev: KevCatalogue | null = null): PostureCapture {
  const day = localDay(now, timeZone);
  const monthStart = startOfLocalDay(monthDays(monthOf(day)).first, timeZone).toISOString();
  return inTransaction(db, () => {
    const assetRows = listAssetPosture(db, org, day, POSTURE_ORDER);
    const softwareBehind = new Set(listAssetsWithSoftwareBehind(db, org));
    const items = captureItems(db, org, rules, day, assetRows);
    const postures = assetRows.map(postureOf);
    const deciding = decidingSoftware(items, postures);
    const reportingSince = new Date(now.getTime() - REPORTING_DAYS * 86_400_000).toISOString();
    const evidence: FrozenEvidence = {
      assets: assetRows.map((r, at) => ({ ...toAsset(r, postures[at]!, deciding[at], reportingSince), ...patchOf(r, softwareBehind.has(r.assetId), day) })),
      items,
      alerts: captureAlerts(db, org, now, monthStart),
      actions: listActionsSince(db, org, monthStart).map((r) => toAction(r, day)),
      exceptions: listExceptionsInForce(db, org, day).map((r) => ({ ...r, hosts: r.hosts ?? '' })),
      devices: listFaxesAndPagers(db, org).map((r) => toDevice(r, day)),
      unknown: listUnknownTitles(db, org),
      ...captureCyber(db, org, { day, monthStart, now, timeZone }, kev),
    };
    return { day, takenAt: now.toISOString(), evidence, auditHead: auditHead(db) };
  });
}

/** The worse of the OS's status and its worst item's. */
function postureOf(r: AssetPostureRow): SupportStatus {
  return POSTURE_ORDER.find((s) => s === r.osStatus || s === r.worstItem) ?? 'unknown';
}

/** By asset position, its first software item at risk (by name, version) whose status is its posture: what "because" names. */
function decidingSoftware(items: ItemTable, postures: readonly SupportStatus[]): (ItemEntry | undefined)[] {
  const deciding: (ItemEntry | undefined)[] = [];
  items.entries.forEach((entry, i) => {
    if (entry.kind !== 'software') return;
    for (const at of items.ats[i]!) if (postures[at] === entry.status) deciding[at] ??= entry;
  });
  return deciding;
}

const yesIfSupported = (s: SupportStatus) => (COUNTS_AS_SUPPORTED.includes(s) ? 'yes' : 'no');

function toAsset(r: AssetPostureRow, posture: SupportStatus, deciding: ItemEntry | undefined, reportingSince: string): AssetEvidence {
  return {
    assetId: r.assetId, hostname: r.hostname, os: r.os, osStatus: r.osStatus, posture, supportedOnly: yesIfSupported(posture), osSupported: yesIfSupported(r.osStatus),
    because: because(r, posture, deciding), acceptedRisk: r.acceptedRisk ? 'yes' : 'no',
    lastSeenAt: r.lastSeenAt, reporting: r.lastSeenAt >= reportingSince ? 'yes' : 'no', source: r.source,
  };
}

/** Its patch currency: behind anywhere judged on its own, and a Windows machine's update age on the day. */
function patchOf(r: AssetPostureRow, softwareBehind: boolean, day: string): Pick<AssetEvidence, 'behind' | 'windowsPatch'> {
  return { behind: r.osPatch === 'behind' || softwareBehind ? 'yes' : 'no', windowsPatch: r.family === 'windows' ? windowsPatchAge(r, day) : '' };
}

function windowsPatchAge(r: AssetPostureRow, day: string): WindowsPatchAge {
  if (r.osPatch === 'current') return 'current';
  if (r.osPatch !== 'behind' || r.osPatchSince === null) return 'cannot tell';
  const days = daysBetween(r.osPatchSince, day);
  return days <= 30 ? 'behind up to 30 days' : days <= 60 ? 'behind 31–60 days' : days <= 90 ? 'behind 61–90 days' : 'behind over 90 days';
}

function because(r: AssetPostureRow, posture: SupportStatus, item: ItemEntry | undefined): string {
  if (r.osStatus === posture) return `operating system ${r.os} is ${posture}`;
  if (posture === 'unknown') return `${r.unknownItems} installed item${r.unknownItems === 1 ? '' : 's'} no rule can judge`;
  return item ? `${item.product} (${item.name} ${item.version}) is ${posture}` : `an installed item is ${posture}`;
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

