/**
 * PostgreSQL plans each statement from statistics that autovacuum refreshes
 * only after a table has changed by a tenth, within a minute or so. A table
 * that grew in one burst is planned as if it were its old size until then:
 * after the first alert run over 5,000 assets the alert list sorted all 56,700
 * alerts for a page (124 ms) instead of reading the list's order (4 ms).
 * SQLite gathers no statistics and the store's statements are written not to
 * need them, so there is nothing to do.
 */
import { isSqlite, type Db } from './db.js';

/** Tables a burst of writes can leave PostgreSQL mis-planning. */
export type BurstTable = 'alerts';

export function refreshPlannerStatistics(db: Db, table: BurstTable): void {
  if (!isSqlite(db)) db.exec(`ANALYZE ${table}`);
}
