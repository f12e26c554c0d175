/**
 * Which store the hub uses: PostgreSQL when ESTATEWATCH_DATABASE_URL is set
 * (an ICS hub, several hub processes sharing it), else the SQLite file in the
 * data folder. Everything above src/store/ opens its database here.
 */
import fs from 'node:fs';
import { databaseFile, isSqlite, openDb, type Db } from './db.js';
import { openPostgres, withoutPassword } from './postgres/open-postgres.js';
import { PgDatabase } from './postgres/pg-database.js';
import { schemaVersion } from './postgres/migrate-postgres.js';
import { connectSyncPg } from './postgres/sync-client.js';

export interface StoreLocation {
  databaseUrl?: string;
  dataDir: string;
}

/** The hub's database, created and brought to the newest schema as needed. */
export function openStore(at: StoreLocation): Db {
  return at.databaseUrl ? openPostgres(at.databaseUrl) : openDb(databaseFile(at.dataDir));
}

/** The newest migration applied to the database, on either store. */
export function storeSchemaVersion(db: Db): number {
  return isSqlite(db) ? (db.pragma('user_version', { simple: true }) as number) : schemaVersion(db as PgDatabase);
}

/** Where the database is, as messages may show it (no password). */
export function describeStore(at: StoreLocation): string {
  return at.databaseUrl ? withoutPassword(at.databaseUrl) : databaseFile(at.dataDir);
}

/**
 * True when a hub has made its database there. Commands that read one check
 * first: opening would create an empty database, whose reports and checks
 * would then pass vacuously.
 */
export function storeExists(at: StoreLocation): boolean {
  if (!at.databaseUrl) return fs.existsSync(databaseFile(at.dataDir));
  const db = new PgDatabase(connectSyncPg(at.databaseUrl), describeStore(at));
  try {
    return schemaVersion(db) > 0;
  } finally {
    db.close();
  }
}
