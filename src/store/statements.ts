/**
 * Prepared statements, compiled once per database and reused: preparing SQL is
 * the costly part of a query, and ingest runs the same few hundred times a second.
 */
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(db: Database.Database, sql: string): Database.Statement {
  let byDb = cache.get(db);
  if (!byDb) cache.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) byDb.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Runs `fn` in one transaction: all of its writes land, or none do. */
export function inTransaction<T>(db: Database.Database, fn: () => T): T {
  return db.transaction(fn)();
}
