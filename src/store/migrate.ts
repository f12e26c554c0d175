/**
 * Applies the numbered migrations in src/store/migrations/ in order, each in
 * its own transaction, recording progress in PRAGMA user_version.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}-.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 4)), name, sql: fs.readFileSync(`${dir}/${name}`, 'utf8') }));
}

/** Brings the database to the newest schema; returns the versions it applied. */
export function migrate(db: Database.Database, migrations = listMigrations()): number[] {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const current = version();
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) throw new Error(`database schema v${current} is newer than this estatewatch (v${newest}); upgrade estatewatch`);
  const applied: number[] = [];
  for (const m of migrations.filter((m) => m.version > current)) {
    // Under the write lock, and only if still pending: another hub starting on the same file may have applied it meanwhile.
    db.transaction(() => {
      if (version() >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}
