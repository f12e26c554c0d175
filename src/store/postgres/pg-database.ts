/**
 * PostgreSQL behind the part of better-sqlite3's Database that the store uses:
 * prepare → run / get / all / iterate / pluck, exec, and transaction functions
 * with their immediate and deferred forms. Store code written once runs on
 * either; where their SQL differs, the store asks `dialectOf(db)`.
 *
 * Transactions keep SQLite's guarantees, not PostgreSQL's defaults, because
 * the store was written against them:
 * - a write transaction (immediate, the store's inTransaction) takes one
 *   advisory lock for the whole database as it begins, so writers from every
 *   hub take turns as SQLite's one writer does: a report's "is this key
 *   stored yet?" check and its insert cannot interleave with another hub's.
 *   Readers never wait for it.
 * - a deferred one (inSnapshot) reads one snapshot: REPEATABLE READ.
 * - a transaction inside another is a savepoint, as in better-sqlite3.
 */
import { isPlannedWithValues } from '../dialect.js';
import { bindValues, toPgPlaceholders, type PgStatementText } from './placeholders.js';
import type { Prepare, PgResult, SyncPgClient } from './sync-client.js';

/** The advisory lock every write transaction holds: one key for the whole database. */
export const WRITER_LOCK_KEY = 0x65737477; // "estw"

export class PgStatement {
  private plucking = false;
  /** A statement marked so is planned with its values at every run (dialect.ts plannedWithValues). */
  private readonly prepare: Prepare;

  constructor(
    private readonly client: SyncPgClient,
    private readonly text: PgStatementText,
  ) {
    this.prepare = isPlannedWithValues(text.sql) ? 'never' : 'once';
  }

  /** Rows come back as their first column's value alone. */
  pluck(on = true): this {
    this.plucking = on;
    return this;
  }

  run(...params: unknown[]): { changes: number } {
    return { changes: this.query(params).rowCount };
  }

  get(...params: unknown[]): unknown {
    const row = this.query(params).rows[0];
    return row === undefined ? undefined : this.shape(row);
  }

  all(...params: unknown[]): unknown[] {
    return this.query(params).rows.map((row) => this.shape(row));
  }

  /** All rows fetched, then iterated: the store iterates only over bounded results. */
  iterate(...params: unknown[]): IterableIterator<unknown> {
    return this.all(...params)[Symbol.iterator]();
  }

  private query(params: unknown[]): PgResult {
    try {
      return this.client.query(this.text.sql, bindValues(this.text, params), this.prepare);
    } catch (err) {
      // Which statement failed: the store's SQL text, never its values.
      if (err instanceof Error) err.message += `\n  in: ${this.text.sql.replace(/\s+/g, ' ').slice(0, 400)}`;
      throw err;
    }
  }

  /** SQLite has no boolean: a comparison gives 0 or 1, and the store reads it so. PostgreSQL's true/false become the same. */
  private shape(row: Record<string, unknown>): unknown {
    for (const [k, v] of Object.entries(row)) if (typeof v === 'boolean') row[k] = v ? 1 : 0;
    return this.plucking ? Object.values(row)[0] : row;
  }
}

type TransactionMode = 'immediate' | 'deferred';

/** Like better-sqlite3's: call it for an immediate (write) transaction, or use .immediate() / .deferred(). */
export interface PgTransaction<T> {
  (): T;
  immediate(): T;
  deferred(): T;
}

export class PgDatabase {
  readonly dialect = 'postgres' as const;
  readonly memory = false;
  private depth = 0;

  constructor(
    private readonly client: SyncPgClient,
    /** Where it is, for messages: the URL without its password. */
    readonly name: string,
  ) {}

  get open(): boolean {
    return !this.client.closed;
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  prepare(sql: string): PgStatement {
    return new PgStatement(this.client, toPgPlaceholders(sql));
  }

  /** Runs SQL with no parameters, several statements allowed (migrations). */
  exec(sql: string): this {
    this.client.query(sql);
    return this;
  }

  transaction<T>(fn: () => T): PgTransaction<T> {
    const run = (mode: TransactionMode) => this.within(mode, fn);
    return Object.assign(() => run('immediate'), { immediate: () => run('immediate'), deferred: () => run('deferred') });
  }

  close(): void {
    if (this.open) this.client.close();
  }

  private within<T>(mode: TransactionMode, fn: () => T): T {
    const savepoint = this.depth > 0 ? `sp${this.depth}` : undefined;
    this.client.query(savepoint ? `SAVEPOINT ${savepoint}` : beginFor(mode));
    this.depth += 1;
    try {
      const result = fn();
      this.client.query(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
      return result;
    } catch (err) {
      if (this.open) this.client.query(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : 'ROLLBACK');
      throw err;
    } finally {
      this.depth -= 1;
    }
  }
}

function beginFor(mode: TransactionMode): string {
  return mode === 'immediate'
    ? `BEGIN; SELECT pg_advisory_xact_lock(${WRITER_LOCK_KEY})`
    : 'BEGIN ISOLATION LEVEL REPEATABLE READ';
}
