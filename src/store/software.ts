import type { Software } from '../contract/report.js';
import type { SoftwareVerdict } from '../lifecycle/verdict.js';
import type { Db } from './db.js';
import { dialectOf, jsonArrayRows, perDialect, sameValue } from './dialect.js';
import { settleVersionCounts } from './installs.js';
import { stmt } from './statements.js';
import { VERDICT_COLUMN_NAMES, verdictParams } from './verdict-columns.js';

/** What identifies a distinct software version, and the purl it was first seen with (not part of its identity). */
export type SoftwareKey = Pick<Software, 'name' | 'version' | 'vendor' | 'source' | 'purl'>;

/**
 * Each key's version, if the hub has it. PostgreSQL seeks each key in the
 * unique index, key by key (OFFSET 0 keeps the subquery from being folded
 * into a join): guessing 100 keys, its planner hashed the whole catalogue for
 * a report's 300 (issue 24: 8 ms at 7,500 versions, growing with them).
 */
const FIND_KEYS = perDialect((d) => {
  const sameKey = 's.name = k.value ->> 0 AND s.version = k.value ->> 1 AND s.vendor = k.value ->> 2 AND s.source = k.value ->> 3';
  const rows = jsonArrayRows(d, '@keys', 'k');
  return d === 'sqlite'
    ? `SELECT k.key AS i, s.id FROM ${rows} JOIN software s ON ${sameKey}`
    : `SELECT k.key AS i, s.id FROM ${rows} CROSS JOIN LATERAL (SELECT s.id FROM software s WHERE ${sameKey} OFFSET 0) s`;
});

/** What judging a version decides, in order: its tie to the OS, then its verdict. */
const JUDGED = ['os_link', ...VERDICT_COLUMN_NAMES];
function judgedRow(v: SoftwareVerdict): Record<string, string | null> {
  const values = [v.osLink, ...verdictParams(v)];
  return Object.fromEntries(JUDGED.map((c, i) => [c, values[i] ?? null]));
}

const keyOf = (s: SoftwareKey) => [s.name, s.version, s.vendor ?? '', s.source];

/**
 * Ids of these distinct software versions, in order, evaluating (once) those
 * new to the hub. One statement looks them all up: a report's 300 lookups one
 * by one cost more than the rest of storing it. `beforeAdding` hears how many
 * versions are new before any is added, and may refuse them all by throwing.
 */
export function ensureSoftwareIds(db: Db, items: readonly SoftwareKey[], evaluate: (s: SoftwareKey) => SoftwareVerdict, beforeAdding?: (count: number) => void): number[] {
  const keys = items.map((s) => JSON.stringify(keyOf(s)));
  const found = stmt(db, FIND_KEYS[dialectOf(db)]).all({ keys: `[${keys.join(',')}]` }) as { i: number; id: number }[];
  const ids: (number | undefined)[] = new Array(items.length);
  for (const f of found) ids[f.i] = f.id;
  // The first of a version named twice is the one added (its purl is kept).
  const missing = new Map<string, SoftwareKey>();
  items.forEach((s, i) => ids[i] === undefined && !missing.has(keys[i]!) && missing.set(keys[i]!, s));
  beforeAdding?.(missing.size);
  const added = addSoftware(db, missing, evaluate);
  return items.map((_, i) => ids[i] ?? added.get(keys[i]!)!);
}

const INSERT_VERSION = `INSERT INTO software (name, version, vendor, source, purl, ${JUDGED.join(', ')})
    VALUES (@name, @version, @vendor, @source, @purl, ${JUDGED.map((c) => `@${c}`).join(', ')}) RETURNING id`;
const INSERT_VERSIONS_POSTGRES = `INSERT INTO software (name, version, vendor, source, purl, ${JUDGED.join(', ')})
    SELECT v.name, v.version, v.vendor, v.source, v.purl, ${JUDGED.map((c) => `v.${c}`).join(', ')}
    FROM json_to_recordset(CAST(@rows AS json)) AS v(name text, version text, vendor text, source text, purl text, ${JUDGED.map((c) => `${c} text`).join(', ')}, ord bigint)
    ORDER BY v.ord RETURNING id, name, version, vendor, source`;

/**
 * Adds new versions (by key: keyOf, as JSON) with their verdicts; their ids by
 * the same key. SQLite: a prepared insert each. PostgreSQL: one statement for
 * them all, as each statement is a round trip (a new host brings dozens of new
 * versions).
 */
function addSoftware(db: Db, versions: ReadonlyMap<string, SoftwareKey>, evaluate: (s: SoftwareKey) => SoftwareVerdict): Map<string, number> {
  const ids = new Map<string, number>();
  if (!versions.size) return ids;
  const rowOf = (s: SoftwareKey) => ({ name: s.name, version: s.version, vendor: s.vendor ?? '', source: s.source, purl: s.purl ?? '', ...judgedRow(evaluate(s)) });
  if (dialectOf(db) === 'sqlite') {
    const insert = stmt(db, INSERT_VERSION).pluck();
    for (const [key, s] of versions) ids.set(key, Number(insert.get(rowOf(s))));
    return ids;
  }
  const rows = [...versions.values()].map(rowOf);
  // Added in the order given, as SQLite adds them, so both stores number them alike.
  for (const r of stmt(db, INSERT_VERSIONS_POSTGRES).all({ rows: JSON.stringify(rows.map((r, ord) => ({ ...r, ord }))) }) as (SoftwareKey & { id: number; vendor: string })[]) {
    ids.set(JSON.stringify(keyOf(r)), Number(r.id));
  }
  return ids;
}

export function listSoftwareKeys(db: Db): (SoftwareKey & { id: number })[] {
  const rows = stmt(db, 'SELECT id, name, version, vendor, source, purl FROM software').all() as (SoftwareKey & { id: number; vendor: string; purl: string })[];
  return rows.map((r) => ({ ...r, vendor: r.vendor || undefined, purl: r.purl || undefined }));
}

// SQLite updates in place, one prepared statement a version; the WHERE leaves an unchanged one (and its triggers) alone.
const UPDATE_VERDICT = `UPDATE software SET ${JUDGED.map((c) => `${c} = @${c}`).join(', ')}
    WHERE id = @id AND NOT (${JUDGED.map((c) => sameValue('sqlite', c, `@${c}`)).join(' AND ')})`;
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
    for (const s of versions) changed += update.run({ id: s.id, ...judgedRow(judge(s)) }).changes;
    return changed;
  }
  // A version tied to its OS anew has its per-OS counts rebuilt from the installs (migrations 0011, 0040): the
  // transaction's changes to them must be in first (0045).
  settleVersionCounts(db);
  for (let start = 0; start < versions.length; start += VERDICTS_PER_STATEMENT) {
    const rows = versions.slice(start, start + VERDICTS_PER_STATEMENT).map((s) => ({ id: s.id, ...judgedRow(judge(s)) }));
    changed += stmt(db, UPDATE_VERDICTS_POSTGRES).run({ rows: JSON.stringify(rows) }).changes;
  }
  return changed;
}
