/**
 * A digest of every table's rows (sqlite_master, FTS shadow tables included),
 * so a test can say "this refused request wrote nothing anywhere" without
 * knowing which tables a route touches.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../src/store/db.js';

export type DbSnapshot = Record<string, { rows: number; digest: string }>;

const stringify = (row: unknown) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v));

export function snapshotTables(db: Db): DbSnapshot {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const out: DbSnapshot = {};
  for (const { name } of tables) {
    // Names come from sqlite_master itself, quoted as identifiers; there is no value to bind.
    const rows = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all().map(stringify).sort();
    out[name] = { rows: rows.length, digest: createHash('sha256').update(rows.join('\n')).digest('hex') };
  }
  return out;
}

/** The tables whose rows differ between two snapshots, minus those a caller names as allowed to change. */
export function changedTables(before: DbSnapshot, after: DbSnapshot, allowed: readonly string[] = []): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => !allowed.includes(n) && before[n]?.digest !== after[n]?.digest).sort();
}
