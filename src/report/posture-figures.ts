/**
 * Every figure in the board report, computed from one snapshot's evidence
 * and nothing else. Each count carries the list and the filter that produce
 * its rows, so the page can link a number to exactly what was counted.
 */
import { SUPPORT_STATUSES, UNKNOWN_REASONS, type SupportStatus, type UnknownReason } from '../lifecycle/verdict.js';
import { meanHoursToResolve } from './alert-sample.js';
import { cyberFigures, type CyberFigures } from './cyber-figures.js';
import { countEvidence, type FrozenEvidence } from './frozen-evidence.js';
import { countItemAssets, itemsByProduct } from './item-table.js';
import { ALERT_AGES, WINDOWS_PATCH_AGES, type AlertAge, type AssetEvidence, type EvidenceList, type ExceptionEvidence, type WindowsPatchAge } from './posture-evidence.js';
import type { Filter } from './row-filter.js';
import { addDays, addMonths, monthDays, monthOf } from './trust-calendar.js';

/** A count and where its rows are: `list` filtered on every column in `filter` being equal. */
export interface Figure {
  value: number;
  list: EvidenceList;
  filter: Filter;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface TopProduct {
  product: string;
  eol: string | null;
  extendedSupportEnd: string | null;
  count: Figure;
  /** Distinct assets carrying it, and the first few by name. */
  assets: number;
  hosts: string[];
}

export interface PlanPoint {
  /** A month end, YYYY-MM-DD. */
  at: string;
  count: number;
}

export interface PostureFigures {
  assets: {
    total: Figure;
    byPosture: Record<SupportStatus, Figure>;
    /** Assets whose OS and every item are supported (incl. ending soon): the headline. */
    supportedOnly: Figure;
    /** supportedOnly as a % of all assets, one decimal. */
    supportedPct: number;
    /** Unsupported assets no exception in force covers: neither replaced nor formally accepted. */
    unsupportedWithoutException: Figure;
    /**
     * Assets whose OS alone is supported (incl. ending soon): the measure beside the headline.
     * Absent for a snapshot that did not record it, so its report regenerates to the same bytes.
     */
    supportedOs?: Figure;
  };
  unsupportedOs: { assets: Figure; top: TopProduct[] };
  unsupportedSoftware: { installs: Figure; assets: number; top: TopProduct[] };
  extendedSupport: { os: Figure; software: Figure; top: TopProduct[] };
  endingSoon: { items: Figure; products: TopProduct[] };
  exceptions: { inForce: Figure; assetsCovered: number; rows: ExceptionEvidence[] };
  devices: {
    fax: { inRegister: Figure; foundByAgents: Figure; removalOverdue: Figure; plan: PlanPoint[] };
    pager: { inRegister: Figure; retainedByPolicy: Figure; removalOverdue: Figure; plan: PlanPoint[] };
  };
  alerts: {
    open: Figure;
    bySeverity: Record<Severity, { open: Figure; byAge: Record<AlertAge, Figure> }>;
    suppressed: Figure;
    resolvedThisMonth: Figure;
    /** Mean hours from raised to resolved over alerts resolved this month; null when none were. */
    meanHoursToResolve: number | null;
  };
  actions: { open: Figure; overdue: Figure; doneThisMonth: Figure };
  coverage: { registered: Figure; reporting: Figure; reportingPct: number; byAgent: Figure; byImport: Figure };
  /**
   * Software judged on its own that is unknown, by why: distinct titles (linked to
   * their rows) and their installs. Absent for a snapshot taken before it was recorded,
   * so a report on such a snapshot regenerates to the same bytes as before.
   */
  unknown?: { titles: Record<UnknownReason, Figure>; installs: Record<UnknownReason, number> };
  /**
   * Patch currency, beside the status: assets that run only supported software yet have their
   * OS or a program behind its newest version, and Windows machines by how long a newer
   * cumulative update had been out. Absent for a snapshot taken before it was recorded.
   */
  patch?: { supportedNotPatched: Figure; windows: Record<WindowsPatchAge, Figure> };
  /** Cyber alerts received, acknowledged, remediated and still open (cyber-figures.ts). Absent for a snapshot taken before it was recorded. */
  cyber?: CyberFigures;
}

function unknownByReason(rows: readonly { reason: UnknownReason; installs: number }[], figure: (list: EvidenceList, filter: Filter) => Figure): NonNullable<PostureFigures['unknown']> {
  const of = <T>(f: (r: UnknownReason) => T) => Object.fromEntries(UNKNOWN_REASONS.map((r) => [r, f(r)])) as Record<UnknownReason, T>;
  return {
    titles: of((reason) => figure('unknown', { reason })),
    installs: of((reason) => rows.filter((x) => x.reason === reason).reduce((n, x) => n + x.installs, 0)),
  };
}

/** Whether the snapshot recorded each asset's patch currency: those taken before it existed did not. */
const recordsPatch = (assets: readonly AssetEvidence[]) => assets.some((a) => a.behind === 'yes' || a.behind === 'no');

function patchFigures(figure: (list: EvidenceList, filter: Filter) => Figure): NonNullable<PostureFigures['patch']> {
  return {
    supportedNotPatched: figure('assets', { supportedOnly: 'yes', behind: 'yes' }),
    windows: Object.fromEntries(WINDOWS_PATCH_AGES.map((age) => [age, figure('assets', { windowsPatch: age })])) as Record<WindowsPatchAge, Figure>,
  };
}

/** Whether the snapshot recorded each asset's operating-system measure: those taken before it existed did not. */
const recordsOsMeasure = (assets: readonly AssetEvidence[]) => assets.some((a) => a.osSupported === 'yes' || a.osSupported === 'no');

export function computeFigures(evidence: FrozenEvidence, day: string): PostureFigures {
  const figure = (list: EvidenceList, filter: Filter = {}): Figure => ({ value: countEvidence(evidence, list, filter), list, filter });
  const topProducts = (filter: Filter, order = byCount) => topProductsOf(evidence, filter, order);
  const total = figure('assets');
  const byPosture = Object.fromEntries(SUPPORT_STATUSES.map((s) => [s, figure('assets', { posture: s })])) as Record<SupportStatus, Figure>;
  const supportedOnly = figure('assets', { supportedOnly: 'yes' });
  const unsupportedSoftware = figure('items', { kind: 'software', status: 'unsupported' });
  const reporting = figure('assets', { reporting: 'yes' });
  return {
    assets: {
      total, byPosture, supportedOnly, supportedPct: pct(supportedOnly.value, total.value),
      unsupportedWithoutException: figure('assets', { posture: 'unsupported', acceptedRisk: 'no' }),
      ...(recordsOsMeasure(evidence.assets) ? { supportedOs: figure('assets', { osSupported: 'yes' }) } : {}),
    },
    unsupportedOs: { assets: figure('items', { kind: 'os', status: 'unsupported' }), top: topProducts({ kind: 'os', status: 'unsupported' }) },
    unsupportedSoftware: {
      installs: unsupportedSoftware,
      assets: countItemAssets(evidence.items, evidence.assets, unsupportedSoftware.filter),
      top: topProducts(unsupportedSoftware.filter),
    },
    extendedSupport: {
      os: figure('items', { kind: 'os', status: 'extended-support' }),
      software: figure('items', { kind: 'software', status: 'extended-support' }),
      top: topProducts({ status: 'extended-support' }),
    },
    endingSoon: { items: figure('items', { endingWithin6Months: 'yes' }), products: topProducts({ endingWithin6Months: 'yes' }, byEol) },
    exceptions: { inForce: figure('exceptions'), assetsCovered: evidence.exceptions.reduce((n, e) => n + e.assets, 0), rows: evidence.exceptions },
    devices: {
      fax: {
        inRegister: figure('devices', { source: 'register', kind: 'fax' }),
        foundByAgents: figure('devices', { source: 'agent', kind: 'fax' }),
        removalOverdue: figure('devices', { kind: 'fax', removalOverdue: 'yes' }),
        plan: removalPlan(evidence, 'fax', day),
      },
      pager: {
        inRegister: figure('devices', { source: 'register', kind: 'pager' }),
        retainedByPolicy: figure('devices', { kind: 'pager', retainedByPolicy: 'yes' }),
        removalOverdue: figure('devices', { kind: 'pager', removalOverdue: 'yes' }),
        plan: removalPlan(evidence, 'pager', day),
      },
    },
    alerts: {
      open: figure('alerts', { state: 'open' }),
      bySeverity: Object.fromEntries(SEVERITIES.map((severity) => [severity, {
        open: figure('alerts', { state: 'open', severity }),
        byAge: Object.fromEntries(ALERT_AGES.map((age) => [age, figure('alerts', { state: 'open', severity, age })])) as Record<AlertAge, Figure>,
      }])) as PostureFigures['alerts']['bySeverity'],
      suppressed: figure('alerts', { state: 'suppressed' }),
      resolvedThisMonth: figure('alerts', { state: 'resolved-this-month' }),
      meanHoursToResolve: meanHoursToResolve(evidence.alerts),
    },
    actions: { open: figure('actions', { open: 'yes' }), overdue: figure('actions', { state: 'overdue' }), doneThisMonth: figure('actions', { state: 'done-this-month' }) },
    coverage: {
      registered: total,
      reporting,
      reportingPct: pct(reporting.value, total.value),
      byAgent: figure('assets', { reporting: 'yes', source: 'agent' }),
      byImport: figure('assets', { reporting: 'yes', source: 'import' }),
    },
    ...(evidence.unknown ? { unknown: unknownByReason(evidence.unknown, figure) } : {}),
    ...(recordsPatch(evidence.assets) ? { patch: patchFigures(figure) } : {}),
    ...(evidence.cyberResponses ? { cyber: cyberFigures(evidence, figure) } : {}),
  };
}

/** Percent to one decimal place; 0 of 0 is 0, and the page says there is nothing to count. */
export function pct(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 1000) / 10 : 0;
}

const byCount = (a: TopProduct, b: TopProduct) => b.count.value - a.count.value || a.product.localeCompare(b.product);
const byEol = (a: TopProduct, b: TopProduct) => (a.eol ?? '').localeCompare(b.eol ?? '') || byCount(a, b);

/** The products behind a filter, most installs first (or soonest end first), at most ten. */
function topProductsOf(evidence: FrozenEvidence, filter: Filter, order: typeof byCount): TopProduct[] {
  return [...itemsByProduct(evidence.items, evidence.assets, filter)].map(([product, { first, count, assets, hosts }]) => (
    { product, eol: first.eol, extendedSupportEnd: first.extendedSupportEnd, count: { value: count, list: 'items' as const, filter: { ...filter, product } }, assets, hosts }
  )).sort(order).slice(0, 10);
}

/**
 * How many registered devices of a kind would remain at each of the next
 * twelve month ends if every planned removal happened. No date, or a date
 * already missed, means no plan: the device stays. Crash bleeps stay by policy.
 */
function removalPlan(evidence: FrozenEvidence, kind: 'fax' | 'pager', day: string): PlanPoint[] {
  const devices = evidence.devices.filter((d) => d.kind === kind && d.source === 'register');
  const ends = Array.from({ length: 12 }, (_, i) => monthDays(monthOf(addMonths(day, i + 1))).first).map((first) => addDays(first, -1));
  return ends.filter((at) => at > day).map((at) => ({
    at,
    count: devices.filter((d) => d.retainedByPolicy === 'yes' || !d.plannedRemovalOn || d.plannedRemovalOn <= day || d.plannedRemovalOn > at).length,
  }));
}
