/**
 * Prepared statements, compiled once per database and reused: preparing SQL is
 * the costly part of a query, and ingest runs the same few hundred times a second.
 */
import type { Db, Statement } from './db.js';

const cache = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let byDb = cache.get(db);
  if (!byDb) cache.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) byDb.set(sql, (s = db.prepare(sql)));
  return s;
}

/**
 * Runs an INSERT and returns the new row's id. RETURNING, not lastInsertRowid:
 * SQLite (3.35+) and PostgreSQL both have it, so the statement serves both stores.
 */
export function insertReturningId(db: Db, sql: string, ...params: unknown[]): number {
  return (stmt(db, `${sql} RETURNING id`).get(...params) as { id: number }).id;
}

/**
 * Runs `fn` in one transaction: all of its writes land, or none do. It takes
 * the write lock as it begins (BEGIN IMMEDIATE): when another hub process
 * shares the database file, a transaction that read first and then tried to
 * write could fail with SQLITE_BUSY once the other had written; this one waits
 * its turn (busy_timeout) instead.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Runs `fn` as part of the caller's write transaction when one is open, with
 * no savepoint of its own, or else in a write transaction of its own. For
 * work whose failure fails its caller too, so that nothing of the caller's
 * could need keeping without it (an asset's alert rules, run as its report is
 * stored): a savepoint would cost two round trips on PostgreSQL and keep
 * nothing apart.
 */
export function inCallersTransaction<T>(db: Db, fn: () => T): T {
  return db.inTransaction ? fn() : inTransaction(db, fn);
}

/**
 * Runs `fn`'s reads against one state of the database, taking no write lock.
 * Inside a transaction they read what it reads: a savepoint would isolate
 * nothing more (SQLite's transaction is one state already; PostgreSQL's
 * savepoint takes no snapshot) and cost two round trips on PostgreSQL.
 */
export function inSnapshot<T>(db: Db, fn: () => T): T {
  return db.inTransaction ? fn() : db.transaction(fn).deferred();
}
