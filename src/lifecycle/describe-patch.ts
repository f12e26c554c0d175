/** Patch currency in words, the same on the asset page, in the API's alerts and in the docs' examples. */
import { daysBetween } from './status-from-dates.js';
import type { PatchCurrency } from './verdict.js';
import { patchMonth } from './windows-patch-level.js';

/** Whole days a behind item has been behind on `asOf`; null when current or the day is not known. */
export function daysBehind(p: PatchCurrency | null | undefined, asOf: string): number | null {
  return p?.state === 'behind' && p.since ? Math.max(0, daysBetween(p.since, asOf)) : null;
}

/** "KB5048652 (Dec 2024)": the Windows cumulative update installed, by KB and month. */
export function installedUpdate(p: PatchCurrency | null | undefined): string | null {
  if (!p?.installed) return null;
  const month = p.installed.date ? patchMonth({ released: p.installed.date }) : null;
  return month ? `${p.installed.label} (${month})` : p.installed.label;
}

/** "behind: 115.18.0 has been out since 2026-07-14 (40 days)", "current: at 115.18.0 of 2026-07-14, the newest the data knows", "cannot tell". */
export function describePatch(p: PatchCurrency | null | undefined, asOf: string): string {
  if (!p) return 'cannot tell';
  const of = p.newestDate ? ` of ${p.newestDate}` : '';
  if (p.state === 'current') return `current: at ${p.newest}${of}, the newest the data knows`;
  const days = daysBehind(p, asOf);
  const since = p.since ? ` since ${p.since}${days === null ? '' : ` (${days} day${days === 1 ? '' : 's'})`}` : ' (the data gives no day)';
  const newer = p.since && p.since !== p.newestDate ? `a newer update has been out${since}; the newest is ${p.newest}${of}` : `${p.newest} has been out${since}`;
  return `behind: ${newer}`;
}
