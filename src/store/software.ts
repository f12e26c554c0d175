import type { Software } from '../contract/report.js';
import type { SoftwareVerdict } from '../lifecycle/verdict.js';
import type { Db } from './db.js';
import { dialectOf, jsonArrayRows, perDialect } from './dialect.js';
import { insertReturningId, stmt } from './statements.js';
import { VERDICT_ASSIGNMENTS, VERDICT_COLUMNS, VERDICT_PLACEHOLDERS, verdictParams } from './verdict-columns.js';

/** What makes a software version distinct: its verdict depends on nothing else. */
/** What identifies a distinct software version, and the purl it was first seen with (not part of its identity). */
export type SoftwareKey = Pick<Software, 'name' | 'version' | 'vendor' | 'source' | 'purl'>;

const KEY_ROWS = perDialect((d) => jsonArrayRows(d, '@keys', 'k'));

/**
 * Ids of these distinct software versions, in order, evaluating (once) those
 * new to the hub. One statement looks them all up: a report's 300 lookups one
 * by one cost more than the rest of storing it. `beforeAdding` hears how many
 * versions are new before any is added, and may refuse them all by throwing.
 */
export function ensureSoftwareIds(db: Db, items: readonly SoftwareKey[], evaluate: (s: SoftwareKey) => SoftwareVerdict, beforeAdding?: (count: number) => void): number[] {
  const keys = items.map((s) => [s.name, s.version, s.vendor ?? '', s.source]);
  const found = stmt(db, `SELECT k.key AS i, s.id FROM ${KEY_ROWS[dialectOf(db)]} JOIN software s
      ON s.name = k.value ->> 0 AND s.version = k.value ->> 1 AND s.vendor = k.value ->> 2 AND s.source = k.value ->> 3`).all({ keys: JSON.stringify(keys) }) as { i: number; id: number }[];
  const ids: (number | undefined)[] = new Array(items.length);
  for (const f of found) ids[f.i] = f.id;
  beforeAdding?.(new Set(items.filter((_, i) => ids[i] === undefined).map((s) => JSON.stringify([s.name, s.version, s.vendor ?? '', s.source]))).size);
  return items.map((s, i) => (ids[i] ??= insertSoftware(db, s, evaluate(s))));
}

function insertSoftware(db: Db, s: SoftwareKey, v: SoftwareVerdict): number {
  return insertReturningId(db, `INSERT INTO software (name, version, vendor, source, purl, os_link, ${VERDICT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ${VERDICT_PLACEHOLDERS})`,
    s.name, s.version, s.vendor ?? '', s.source, s.purl ?? '', v.osLink, ...verdictParams(v),
  );
}

export function listSoftwareKeys(db: Db): (SoftwareKey & { id: number })[] {
  const rows = stmt(db, 'SELECT id, name, version, vendor, source, purl FROM software').all() as (SoftwareKey & { id: number; vendor: string; purl: string })[];
  return rows.map((r) => ({ ...r, vendor: r.vendor || undefined, purl: r.purl || undefined }));
}

export function updateSoftwareVerdict(db: Db, id: number, v: SoftwareVerdict): void {
  stmt(db, `UPDATE software SET os_link = ?, ${VERDICT_ASSIGNMENTS} WHERE id = ?`).run(
    v.osLink, ...verdictParams(v), id,
  );
}
