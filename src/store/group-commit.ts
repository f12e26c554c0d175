/**
 * Writes that arrive together commit together. Storing a new host's report is
 * one write transaction, and committing it (its pages written to the log, and
 * the checkpoints that follow) was a third of the cost (issue 24: new hosts over
 * HTTP, 8 agents). Units queued in the same turn of the event loop run one after
 * another in one transaction, and each caller hears its own outcome only once
 * that transaction has committed: a 202 still means stored.
 *
 * A unit's own transactions (ingestReport's) are savepoints inside the shared
 * one, so a unit that throws rolls back what its own transaction wrote and no
 * other unit's. What a unit writes outside a transaction of its own commits with
 * the rest, as it would have committed alone. If the shared transaction itself
 * fails to commit, every unit in it hears that error and nothing of it is stored.
 */
import type { Db } from './db.js';
import { inTransaction } from './statements.js';

/** Most units in one transaction: the write lock is held for the whole batch (about 10 ms a new host). */
export const UNITS_PER_COMMIT = 32;

interface Pending {
  unit: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const queues = new WeakMap<Db, Pending[]>();

/** Runs `unit` (synchronous store work) in a write transaction shared with the units queued beside it; settles after the commit. */
export function commitTogether<T>(db: Db, unit: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) {
      queues.set(db, (queue = []));
      // setImmediate: after this turn's I/O callbacks, so reports whose bodies arrived together are queued together.
      setImmediate(() => flush(db));
    }
    queue.push({ unit, resolve: resolve as (value: unknown) => void, reject });
  });
}

function flush(db: Db): void {
  const queue = queues.get(db) ?? [];
  queues.delete(db);
  for (let i = 0; i < queue.length; i += UNITS_PER_COMMIT) commitBatch(db, queue.slice(i, i + UNITS_PER_COMMIT));
}

function commitBatch(db: Db, batch: readonly Pending[]): void {
  let outcomes: Outcome[];
  try {
    outcomes = inTransaction(db, () => batch.map(runUnit));
  } catch (error) {
    for (const p of batch) p.reject(error);
    return;
  }
  batch.forEach((p, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) p.resolve(outcome.value);
    else p.reject(outcome.error);
  });
}

function runUnit(p: Pending): Outcome {
  try {
    return { ok: true, value: p.unit() };
  } catch (error) {
    return { ok: false, error };
  }
}
