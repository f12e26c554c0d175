import type { Report, Software } from '../../src/contract/report.js';
import { sampleReport } from './reports.js';

const ITEMS = 150;
/** Each report patches every PATCH_EVERY-th item, a different set each time: a few changes, as a night of updates makes. */
const PATCH_EVERY = 15;

/**
 * `count` successive reports of one machine, ~150 items each, every one a few
 * items different from the one before, so each carries real changes to store.
 */
export function patchedReports(hostname: string, count: number, start = new Date('2026-11-23T09:00:00Z')): Report[] {
  return Array.from({ length: count }, (_, n) =>
    sampleReport({
      host: { hostname, manufacturer: 'Dell Inc.', model: 'OptiPlex 7010' },
      collectedAt: new Date(start.getTime() + n * 60_000).toISOString(),
      software: Array.from({ length: ITEMS }, (_, i) => item(i, n)),
    }),
  );
}

function item(i: number, revision: number): Software {
  // The newest revision that patched this item, so any two reports differ in only a few items.
  const patchedAt = revision - ((revision - i) % PATCH_EVERY + PATCH_EVERY) % PATCH_EVERY;
  return { name: `Ward application ${i}`, version: `2.${i}.${Math.max(0, patchedAt)}`, vendor: 'Clinical Systems Ltd', source: 'registry' };
}
