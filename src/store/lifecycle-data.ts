/**
 * A hub's own lifecycle data: the rule files `estatewatch data update`
 * generated (kept here so every hub process on one database reads the same),
 * and the record of each update applied.
 */
import type { Db } from './db.js';
import { inTransaction, insertReturningId, stmt } from './statements.js';

export interface LifecycleDataFile {
  file: string;
  text: string;
}

export interface LifecycleDataUpdate {
  id: number;
  appliedAt: string;
  appliedBy: string;
  /** The file, folder or address the data was read from. */
  origin: string;
  format: string;
  /** The data's own date (when endoflife.date's data was taken). */
  takenOn: string;
  digest: string;
  files: number;
  /** The verdict diff shown before it was applied, as JSON (see estate/verdict-diff.ts). */
  diff: string;
}

export function listLifecycleDataFiles(db: Db): LifecycleDataFile[] {
  return stmt(db, 'SELECT file, text FROM lifecycle_data_files ORDER BY file').all() as LifecycleDataFile[];
}

/** Replaces the hub's generated files and records the update, in one transaction; returns the update's id. */
export function applyLifecycleDataUpdate(db: Db, files: readonly LifecycleDataFile[], update: Omit<LifecycleDataUpdate, 'id'>): number {
  return inTransaction(db, () => {
    stmt(db, 'DELETE FROM lifecycle_data_files').run();
    const insert = stmt(db, 'INSERT INTO lifecycle_data_files (file, text) VALUES (?, ?)');
    for (const f of files) insert.run(f.file, f.text);
    return insertReturningId(db, `INSERT INTO lifecycle_data_updates (applied_at, applied_by, origin, format, taken_on, digest, files, diff)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, update.appliedAt, update.appliedBy, update.origin, update.format, update.takenOn, update.digest, update.files, update.diff);
  });
}

export function latestLifecycleDataUpdate(db: Db): LifecycleDataUpdate | undefined {
  const r = stmt(db, `SELECT id, applied_at, applied_by, origin, format, taken_on, digest, files, diff FROM lifecycle_data_updates ORDER BY id DESC LIMIT 1`).get() as
    | { id: number; applied_at: string; applied_by: string; origin: string; format: string; taken_on: string; digest: string; files: number; diff: string }
    | undefined;
  return r && { id: Number(r.id), appliedAt: r.applied_at, appliedBy: r.applied_by, origin: r.origin, format: r.format, takenOn: r.taken_on, digest: r.digest, files: Number(r.files), diff: r.diff };
}

/** The newest update's id, without its diff: what every hub checks each minute. */
export function latestLifecycleDataUpdateId(db: Db): number | null {
  const r = stmt(db, 'SELECT max(id) AS id FROM lifecycle_data_updates').get() as { id: number | null };
  return r.id === null ? null : Number(r.id);
}

/** How many machines carry each distinct OS version, and how many installs each software version has: what an update's diff counts. */
export interface InstallCount {
  kind: 'os' | 'software';
  id: number;
  installs: number;
}

export function listInstallCounts(db: Db): InstallCount[] {
  const rows = stmt(db, `SELECT 'os' AS kind, o.id, (SELECT count(*) FROM assets a WHERE a.os_id = o.id) AS installs FROM os_versions o
    UNION ALL SELECT 'software' AS kind, c.software_id, c.installs FROM software_installs c`).all() as InstallCount[];
  return rows.map((r) => ({ ...r, id: Number(r.id), installs: Number(r.installs) }));
}
