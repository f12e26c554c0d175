/**
 * Copies of the hub's database, for `estatewatch backup` and `restore`: an
 * online backup that is safe while the hub runs, the checks a copy passes
 * before it counts as good, and the swap that makes a copy the hub's database.
 * Checks run on the copy itself (the backup's output, the restore's staged
 * file), never on the file a person named, which stays untouched.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_MODE, restrictToOwner } from './db.js';
import { listMigrations } from './migrate.js';

/** What a checked copy holds, for the command to print. */
export interface DatabaseFacts {
  bytes: number;
  assets: number;
  schemaVersion: number;
}

/** A copy that passed every check, or the reason it did not (a phrase about the copy: "it is …"). */
export type CopyCheck = { ok: true; facts: DatabaseFacts } | { ok: false; reason: string };

export type RestoreResult = { ok: true; facts: DatabaseFacts; keptAs: string | undefined } | { ok: false; file: string; reason: string };

// Pages per sqlite3_backup_step (better-sqlite3's ceiling): the whole database in one
// step, read in one transaction, so the running hub's commits cannot restart the copy.
const ALL_PAGES = 0x7fff_ffff;

/** Copies the database at `live` to `target` while a hub may be using it, then checks the copy; a bad copy is removed. */
export async function backupDatabase(live: string, target: string): Promise<CopyCheck> {
  const staged = `${target}.partial`;
  removeDatabaseFiles(staged);
  // A backup holds everything the live database does: owner-only from its first byte.
  restrictToOwner(staged);
  const source = new Database(live, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(staged, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  const check = checkCopy(staged);
  if (!check.ok) {
    removeDatabaseFiles(staged);
    return check;
  }
  fs.renameSync(staged, target);
  return check;
}

/**
 * Makes a copy of `candidate` the database at `live`. Refused while any other
 * connection has `live` open (a running hub). The copy is staged beside `live`
 * and checked there, then renamed over it, so the data folder never holds a
 * half-written database; the old one is kept as `<live>.before-restore-<time>`.
 */
export function restoreDatabase(candidate: string, live: string, now: Date): RestoreResult {
  const lock = lockExclusively(live);
  if (!lock) return { ok: false, file: live, reason: 'it is open in another process (a running hub?): stop the hub, then restore' };
  const staged = `${live}.restoring`;
  try {
    // A new machine rebuilt from a backup has no data folder yet.
    fs.mkdirSync(path.dirname(live), { recursive: true });
    removeDatabaseFiles(staged);
    fs.copyFileSync(candidate, staged);
    fs.chmodSync(staged, DATABASE_FILE_MODE);
    const check = checkCopy(staged);
    if (!check.ok) {
      removeDatabaseFiles(staged);
      return { ok: false, file: candidate, reason: check.reason };
    }
    // Closing folds the old database's log into its file, so the kept file is whole.
    lock.release();
    const keptAs = keepOldDatabase(live, now);
    fs.renameSync(staged, live);
    return { ok: true, facts: check.facts, keptAs };
  } finally {
    lock.release();
  }
}

/** The newest schema this build can open (`PRAGMA user_version` after the last migration). */
export function newestSchemaVersion(): number {
  return listMigrations().at(-1)?.version ?? 0;
}

/**
 * Checks a copy is a whole estatewatch database this build can open, and
 * leaves it one self-contained file (rollback journal, no -wal beside it);
 * the hub switches it back to WAL when it opens it.
 */
function checkCopy(file: string): CopyCheck {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    const seen = inspect(db);
    db.close();
    return seen.ok ? { ok: true, facts: { assets: seen.assets, schemaVersion: seen.schemaVersion, bytes: fs.statSync(file).size } } : seen;
  } catch (error) {
    if (error instanceof Database.SqliteError) return { ok: false, reason: unreadable(error) };
    throw error;
  } finally {
    if (db?.open) db.close();
  }
}

type Inspection = { ok: true; assets: number; schemaVersion: number } | { ok: false; reason: string };

function inspect(db: Database.Database): Inspection {
  const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (problems.join() !== 'ok') return { ok: false, reason: `it is damaged: integrity_check found ${problems.slice(0, 3).join('; ')}` };
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'assets'").get()) {
    return { ok: false, reason: 'it is an SQLite database but not an estatewatch one (it has no assets table)' };
  }
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const newest = newestSchemaVersion();
  if (schemaVersion > newest) {
    return { ok: false, reason: `its schema is v${schemaVersion}, newer than this estatewatch knows (v${newest}): use the estatewatch that wrote it, or a newer one` };
  }
  const assets = (db.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }).n;
  return { ok: true, assets, schemaVersion };
}

function unreadable(error: InstanceType<typeof Database.SqliteError>): string {
  if (error.code === 'SQLITE_NOTADB') return 'it is not an SQLite database';
  if (error.code.startsWith('SQLITE_CORRUPT')) return `it is damaged (${error.message})`;
  return `it cannot be read (${error.code}: ${error.message})`;
}

/**
 * Holds `file` exclusively until released, or undefined when another connection
 * has it open. In WAL mode every open connection keeps a shared lock on the
 * database file for as long as it is open, idle or not, and a connection in
 * exclusive locking mode must take an exclusive lock to open the log: so this
 * fails at once while a hub (or its checkpointer, or a CLI command) has the
 * database open. BEGIN EXCLUSIVE would not do: in WAL mode it only shuts out
 * other writers, and only while it lasts.
 */
function lockExclusively(file: string): { release(): void } | undefined {
  // No database yet: no hub has run on this folder, so there is nothing to guard.
  if (!fs.existsSync(file)) return { release: () => undefined };
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  db.pragma('locking_mode = EXCLUSIVE');
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if (!(error instanceof Database.SqliteError)) throw error;
    db.close();
    // Any other failure means the old database is unreadable, which is what a restore is for.
    return error.code.startsWith('SQLITE_BUSY') ? undefined : { release: () => undefined };
  }
  return {
    release: () => {
      if (db.open) db.close();
    },
  };
}

/** Gives the old database a second name, so `live` is never missing, and clears its stale log files. */
function keepOldDatabase(live: string, now: Date): string | undefined {
  if (!fs.existsSync(live)) return undefined;
  const keptAs = `${live}.before-restore-${now.toISOString().slice(0, 19).replaceAll(':', '-')}Z`;
  fs.linkSync(live, keptAs);
  // SQLite would replay a leftover log or journal into the new file: the old database's, written for other pages.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(live + suffix, { force: true });
  return keptAs;
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}
