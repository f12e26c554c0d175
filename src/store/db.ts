/**
 * Opens the hub's SQLite database. Only src/store/ imports better-sqlite3;
 * every store function takes `db` first, so each test opens its own file.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate.js';

export type Db = Database.Database;

export function openDb(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // WAL: readers (pages, API) never block the writer (ingest), and a crash mid-write loses nothing committed.
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  // A log that grew in a burst is cut back to 64 MB once it restarts, rather than keeping its largest size on disk.
  db.pragma('journal_size_limit = 67108864');
  // Off by default in SQLite; the schema relies on it to keep installs and devices tied to real assets.
  db.pragma('foreign_keys = ON');
  // Wait for a competing writer (a CLI command beside the running hub) rather than fail at once.
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'estatewatch.db');
}
