/**
 * An asset's software as its page shows it. Distribution packages that follow
 * the OS (dpkg, rpm, apk: often hundreds on one host, each taking the OS's
 * status) are folded into one group per package manager, counted by status;
 * everything judged on its own, a package judged by its upstream's lifecycle
 * included, stays listed.
 */
import { DISTRIBUTION_SOURCES, type SoftwareSource } from '../contract/report.js';
import { SUPPORT_STATUSES, type SupportStatus } from '../lifecycle/verdict.js';
import type { AssetItem } from './asset-items.js';

export interface PackageGroup {
  source: SoftwareSource;
  items: AssetItem[];
  counts: StatusCount[];
}

/** A status and how many items have it; statuses no item has are left out. */
export type StatusCount = readonly [SupportStatus, number];

export function countByStatus(items: readonly AssetItem[]): StatusCount[] {
  return SUPPORT_STATUSES.map((s) => [s, items.filter((i) => i.verdict.status === s).length] as const).filter(([, n]) => n > 0);
}

export function groupPackages(items: readonly AssetItem[]): { listed: AssetItem[]; groups: PackageGroup[] } {
  const follows = (i: AssetItem) => i.osLink === 'follows' && DISTRIBUTION_SOURCES.includes(i.source);
  const groups = DISTRIBUTION_SOURCES.map((source) => items.filter((i) => follows(i) && i.source === source))
    .filter((g) => g.length > 0)
    .map((g) => ({ source: g[0]!.source, items: g, counts: countByStatus(g) }));
  return { listed: items.filter((i) => !follows(i)), groups };
}
