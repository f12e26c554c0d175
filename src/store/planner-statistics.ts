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

const ANALYZE: Record<Burst, string> = {
  alerts: 'ANALYZE alerts',
  machines: 'ANALYZE assets, installs, software, software_installs, software_os_counts, software_trust_installs, software_trust_counts, asset_item_counts',
};

/** A run or an import that changed this many alerts or machines refreshes the statistics at once. */
export const STATISTICS_AFTER: Record<Burst, number> = { alerts: 1000, machines: 200 };

export function refreshPlannerStatistics(db: Db, burst: Burst): void {
  if (!isSqlite(db)) db.exec(ANALYZE[burst]);
}
