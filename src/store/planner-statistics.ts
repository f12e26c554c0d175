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

/** What a burst of writes changes: the alerts (an alert run), or the estate's machines and what they carry (an import). */
export type Burst = 'alerts' | 'machines';

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
};

/** A run or an import that changed this many alerts or machines refreshes the statistics at once. */
export const STATISTICS_AFTER: Record<Burst, number> = { alerts: 1000, machines: 200 };

export function refreshPlannerStatistics(db: Db, burst: Burst): void {
  if (!isSqlite(db)) db.exec(REFRESH[burst]);
}
