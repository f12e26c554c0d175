import type { Software } from '../contract/report.js';
import type { SoftwareVerdict } from '../lifecycle/verdict.js';
import type { Db } from './db.js';
import { dialectOf, jsonArrayRows, perDialect } from './dialect.js';
import { insertReturningId, stmt } from './statements.js';
import { VERDICT_COLUMN_NAMES, VERDICT_COLUMNS, VERDICT_PLACEHOLDERS, verdictParams } from './verdict-columns.js';

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

/** What a re-judgement writes of a version, in order: its tie to the OS, then its verdict. */
const JUDGED = ['os_link', ...VERDICT_COLUMN_NAMES];
function judgedRow(id: number, v: SoftwareVerdict): Record<string, string | number | null> {
  const values = [v.osLink, ...verdictParams(v)];
  return { id, ...Object.fromEntries(JUDGED.map((c, i) => [c, values[i] ?? null])) };
}

// SQLite updates in place, one prepared statement a version; the WHERE leaves an unchanged one (and its triggers) alone.
const UPDATE_VERDICT = `UPDATE software SET ${JUDGED.map((c) => `${c} = @${c}`).join(', ')}
    WHERE id = @id AND NOT (${JUDGED.map((c) => `${c} IS @${c}`).join(' AND ')})`;
// PostgreSQL: each statement is a round trip, so VERDICTS_PER_STATEMENT versions at a time, as rows of a JSON array.
const UPDATE_VERDICTS_POSTGRES = `UPDATE software s SET ${JUDGED.map((c) => `${c} = v.${c}`).join(', ')}
    FROM json_to_recordset(CAST(@rows AS json)) AS v(id bigint, ${JUDGED.map((c) => `${c} text`).join(', ')})
    WHERE s.id = v.id AND (${JUDGED.map((c) => `s.${c}`).join(', ')}) IS DISTINCT FROM (${JUDGED.map((c) => `v.${c}`).join(', ')})`;
const VERDICTS_PER_STATEMENT = 1000;

/**
 * Writes each version's verdict as `judge` gives it, touching only the
 * versions whose verdict changed: PostgreSQL writes a new copy of every row it
 * updates, changed or not, and a re-judgement runs at least daily; a copy
 * left behind bloats the table and slows every read of it until vacuumed.
 * Returns how many versions' verdicts changed.
 */
export function updateSoftwareVerdicts<T extends { id: number }>(db: Db, versions: readonly T[], judge: (s: T) => SoftwareVerdict): number {
  let changed = 0;
  if (dialectOf(db) === 'sqlite') {
    const update = stmt(db, UPDATE_VERDICT);
    for (const s of versions) changed += update.run(judgedRow(s.id, judge(s))).changes;
    return changed;
  }
  for (let start = 0; start < versions.length; start += VERDICTS_PER_STATEMENT) {
    const rows = versions.slice(start, start + VERDICTS_PER_STATEMENT).map((s) => judgedRow(s.id, judge(s)));
    changed += stmt(db, UPDATE_VERDICTS_POSTGRES).run({ rows: JSON.stringify(rows) }).changes;
  }
  return changed;
}
