/**
 * The database the store works on, and opening the hub's SQLite one. Only
 * src/store/ imports a driver; every store function takes `db` first, so each
 * test opens its own.
 *
 * `Db` is the part of better-sqlite3's Database that store code may use, so
 * that the same code runs on PostgreSQL (postgres/pg-database.ts provides the
 * same surface). What only SQLite has (PRAGMAs, the online backup, the
 * write-ahead log) takes `SqliteDb`.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate.js';

export interface Statement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  pluck(on?: boolean): Statement;
}

export interface Db {
  prepare(sql: string): Statement;
  exec(sql: string): unknown;
  /** Called plainly or .immediate(): a write transaction; .deferred(): a reading snapshot. */
  transaction<T>(fn: () => T): { (): T; immediate(): T; deferred(): T };
  close(): unknown;
  readonly open: boolean;
  readonly name: string;
  readonly memory: boolean;
  /** True inside a transaction, or a savepoint within one. */
  readonly inTransaction: boolean;
}

export type SqliteDb = Database.Database;

/** True for the embedded SQLite store, where what only it has (PRAGMAs, the online backup, its write-ahead log) applies. */
export function isSqlite(db: Db): db is SqliteDb {
  return db instanceof Database;
}

/** The SQLite database behind `db`, for work only SQLite can do; says so when the hub runs on another store. */
export function asSqlite(db: Db): SqliteDb {
  if (!isSqlite(db)) throw new Error(`this needs the embedded SQLite store; the hub's database is ${db.name}`);
  return db;
}

/**
 * The database holds the estate map and the hashes of every password and
 * token: the hub's user alone may read it. SQLite gives its -wal and -shm files
 * the database file's mode, so the file is made 0600 before SQLite opens it.
 */
export const DATABASE_FILE_MODE = 0o600;

export function restrictToOwner(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', DATABASE_FILE_MODE));
  fs.chmodSync(file, DATABASE_FILE_MODE);
}

export function openDb(file: string): SqliteDb {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    restrictToOwner(file);
  }
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
  // 64 MB of pages kept in the process, not better-sqlite3's 16 MB: at 100,000 assets the alerts' indexes a run writes in
  // order outgrow 16 MB, and a page read again is a system call (issue 24: raising 2.8M alerts in index order, 49 → 41 s with 128 MB).
  db.pragma('cache_size = -65536');
  migrate(db);
  return db;
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'estatewatch.db');
}
