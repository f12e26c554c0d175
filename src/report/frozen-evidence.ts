/**
 * A snapshot's evidence as frozen: assets, actions, exceptions and devices row
 * by row; items compactly (item-table.ts); alerts as exact counts with a
 * bounded sample of rows (alert-sample.ts). Figures count from it and
 * evidence pages select from it.
 */
import { alertSampleOf, countAlerts, type AlertSample } from './alert-sample.js';
import { countItems, itemRows, itemTableOf, type ItemTable } from './item-table.js';
import type { CyberAlertEvidence, CyberMachineEvidence, CyberResponseEvidence } from './cyber-evidence.js';
import type { ActionEvidence, AssetEvidence, DeviceEvidence, EvidenceList, ExceptionEvidence, PostureEvidence, UnknownEvidence } from './posture-evidence.js';
import { matchesFilter, type Filter } from './row-filter.js';

export interface FrozenEvidence {
  assets: AssetEvidence[];
  items: ItemTable;
  alerts: AlertSample;
  actions: ActionEvidence[];
  exceptions: ExceptionEvidence[];
  devices: DeviceEvidence[];
  /** Absent from a snapshot taken before the list existed. */
  unknown?: UnknownEvidence[];
  /** The cyber-alert lists (cyber-evidence.ts); absent from a snapshot taken before they existed. */
  cyberAlerts?: CyberAlertEvidence[];
  cyberResponses?: CyberResponseEvidence[];
  cyberMachines?: CyberMachineEvidence[];
}

/** Every list's rows, frozen whole (a snapshot taken before 0010, or a test's evidence). */
export function frozenFromRows(e: PostureEvidence): FrozenEvidence {
  return { ...e, items: itemTableOf(e.items, e.assets), alerts: alertSampleOf(e.alerts, null) };
}

/** The lists a list's rows are built from: items name their assets' hosts from the assets list. */
export function listsFor(list: EvidenceList): EvidenceList[] {
  return list === 'items' ? ['items', 'assets'] : [list];
}

/** How many rows a figure's filter selects in a list (never a sample's length). */
export function countEvidence(e: FrozenEvidence, list: EvidenceList, filter: Filter): number {
  if (list === 'items') return countItems(e.items, e.assets, filter);
  if (list === 'alerts') {
    const n = countAlerts(e.alerts, filter);
    if (n === null) throw new Error(`no count was frozen for alerts where ${JSON.stringify(filter)}`);
    return n;
  }
  return held<object[]>(e[list]).filter((r) => matchesFilter(r, filter)).length;
}

export interface EvidenceRows {
  /** The rows kept that the filter selects, in list order. */
  rows: object[];
  /** How many rows the filter selects in the snapshot; null when it froze no count for this filter. */
  total: number | null;
  /** Set when the list keeps a bounded sample: rows kept per state × severity × age cell. */
  perCell: number | null;
}

/** The rows of one list a filter selects; `e` holds at least the lists listsFor(list) names. */
export function evidenceRows(e: Partial<FrozenEvidence>, list: EvidenceList, filter: Filter): EvidenceRows {
  if (list === 'items') {
    const rows = itemRows(held(e.items), held(e.assets), filter);
    return { rows, total: rows.length, perCell: null };
  }
  if (list === 'alerts') {
    const alerts = held(e.alerts);
    return { rows: alerts.rows.filter((r) => matchesFilter(r, filter)), total: countAlerts(alerts, filter), perCell: alerts.perCell };
  }
  const rows = held<object[]>(e[list]).filter((r) => matchesFilter(r, filter));
  return { rows, total: rows.length, perCell: null };
}

function held<T>(list: T | undefined): T {
  if (list === undefined) throw new Error('evidence list not loaded');
  return list;
}
