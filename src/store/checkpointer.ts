/**
 * Copies the write-ahead log into the database file from a worker thread, so
 * the running hub's commits rarely wait for it. SQLite otherwise checkpoints
 * inside whichever commit pushes the log past 1,000 pages: writing those pages
 * back and syncing the file cost a changed report at 100,000 assets about as
 * much as the rest of storing it (docs/performance.md).
 *
 * The worker has its own connection and runs a PASSIVE checkpoint every
 * `everyMs`: it never blocks a writer or a reader. But the log only restarts
 * from its beginning when a writer finds it wholly copied, and under a steady
 * stream of commits the worker never quite catches up: the log grew to 2.4 GB
 * in a 60 s soak. So the hub's connection keeps checkpointing by itself past
 * `restartPages` (by then the worker has copied nearly all of it, so that
 * commit has little left to do) and the log restarts; journal_size_limit
 * (db.ts) then trims the file. stop() puts SQLite's default back.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { isSqlite, type Db } from './db.js';

export interface Checkpointer {
  stop(): Promise<void>;
}

const AUTO_CHECKPOINT_PAGES = 1000; // SQLite's default

/** Plain JavaScript, evaluated as the worker: it runs the same under tsx, vitest and the built hub. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ error: String(error && error.message || error) }); }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

export function startCheckpointer(db: Db, opts: { everyMs: number; restartPages: number; onError: (message: string) => void }): Checkpointer | undefined {
  // PostgreSQL keeps its own log; an in-memory database has none.
  if (!isSqlite(db) || db.memory) return undefined;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file: db.name, everyMs: opts.everyMs } });
  worker.on('message', (m: { error?: string }) => m.error && opts.onError(m.error));
  // A worker that cannot run must not leave the log growing without end: the hub goes back to checkpointing itself.
  worker.on('error', (error) => {
    db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    opts.onError(error.message);
  });
  db.pragma(`wal_autocheckpoint = ${opts.restartPages}`);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  return {
    // Once only: a hub closed twice waits for the same exit.
    stop: () => (stopping ??= (async () => {
      worker.postMessage('stop');
      await exited;
      if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    })()),
  };
}
