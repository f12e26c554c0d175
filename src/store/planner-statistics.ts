/**
 * PostgreSQL plans each statement from statistics that autovacuum refreshes
 * only after a table has changed by a tenth, within a minute or so. A table
 * that grew in one burst is planned as if it were its old size until then:
 * after the first alert run over 5,000 assets the alert list sorted all 56,700
 * alerts for a page (124 ms) instead of reading the list's order (4 ms); just
 * after 5,000 machines were loaded, one trust's summary took 140 ms, and 47 ms
 * once the install tables were analysed. SQLite gathers no statistics and the
 * store's statements are written not to need them, so there is nothing to do.
 */
import { isSqlite, type Db } from './db.js';
import { countAssets } from './assets.js';

/**
 * What a burst of writes changes: the alerts (an alert run), the estate's machines and what they carry (an import), or
 * what agents' reports of new machines add (growth, below).
 */
export type Burst = 'alerts' | 'machines' | 'growth';

/**
 * After machines arrive in a burst their tables are vacuumed too: until then PostgreSQL cannot read a new row from an
 * index alone (its visibility map has no page marked all-visible), and plans a read of many machines' installs as a scan
 * of every install. The board report's items at risk of the largest trust at 5,000 assets read all 1.5 million installs
 * (208 ms) and, vacuumed, the at-risk versions' own (131 ms). Vacuuming skips the pages already marked, so after an import
 * into a large estate it reads what the import wrote. It cannot run inside a transaction: both callers call it after theirs.
 */
const REFRESH: Record<Burst, string> = {
  alerts: 'ANALYZE alerts',
  machines: 'VACUUM (ANALYZE) assets, installs, software, software_installs, software_os_counts, software_trust_installs, software_trust_counts, asset_item_counts',
  // Analysed, not vacuumed: analysing reads a sample of each table, so its cost does not grow with the estate (autovacuum
  // vacuums them in the background), and it lands between two reports.
  growth: 'ANALYZE assets, installs, software, software_installs, software_os_counts, software_trust_installs, software_trust_counts, asset_item_counts, report_receipts, alerts',
};

/** A run or an import that changed this many alerts or machines refreshes the statistics at once; agents' new machines, at least this many (noteNewMachines). */
export const STATISTICS_AFTER: Record<Burst, number> = { alerts: 1000, machines: 200, growth: 50 };

export function refreshPlannerStatistics(db: Db, burst: Burst): void {
  if (!isSqlite(db)) db.exec(REFRESH[burst]);
}

/**
 * Agents bring machines one report at a time, but a new hub's first hours (every agent enrolling) are a burst all the
 * same, and worse than stale statistics: a statement prepared on the hub's connection settles after five runs on a
 * plan made for the tables' size then. Planned while the catalogue held a few hundred versions, the lookup of a
 * report's findings' reasons by id kept reading every version (over HTTP, 400 new machines and 15,000 versions in:
 * 10 ms of a new machine's 52 and 18 of a changed one's 47, and growing), the version lookups by product and the
 * clearing of alerts likewise (1–2 ms each), with no statistics from autovacuum in the first 40 s. Refreshed
 * statistics make the server plan them again. So when the machines a hub has stored since
 * its last refresh reach half the machines there were then (at least STATISTICS_AFTER.growth), it refreshes them:
 * a handful of times as an estate grows from nothing to 100,000 machines, never once it stops growing. Call outside a
 * transaction, with the machines just stored.
 */
export function noteNewMachines(db: Db, count: number): void {
  if (isSqlite(db) || count === 0) return;
  const growth = sinceRefresh.get(db) ?? { machines: countAssets(db) - count, added: 0 };
  growth.added += count;
  sinceRefresh.set(db, growth);
  if (growth.added < Math.max(STATISTICS_AFTER.growth, growth.machines / 2)) return;
  refreshPlannerStatistics(db, 'growth');
  sinceRefresh.set(db, { machines: growth.machines + growth.added, added: 0 });
}

/** Per store opened: the machines at the last refresh (or when first counted) and those stored since. */
const sinceRefresh = new WeakMap<Db, { machines: number; added: number }>();
