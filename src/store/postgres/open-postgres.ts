/**
 * Opens the hub's PostgreSQL database (an ICS hub, shared by several hub
 * processes): one connection per hub process, brought to the newest schema.
 */
import { PgDatabase } from './pg-database.js';
import { migratePostgres } from './migrate-postgres.js';
import { connectSyncPg } from './sync-client.js';

export function openPostgres(url: string): PgDatabase {
  const db = new PgDatabase(connectSyncPg(url, { applicationName: 'estatewatch-hub' }), withoutPassword(url));
  try {
    migratePostgres(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** The URL as messages and logs may show it. */
export function withoutPassword(url: string): string {
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return shown.toString();
}
