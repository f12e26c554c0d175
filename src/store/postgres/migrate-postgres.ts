/**
 * Applies src/store/migrations/postgres/, the PostgreSQL form of each numbered
 * SQLite migration, in order, each in its own transaction. The version lives in
 * a one-row table (PostgreSQL has no PRAGMA user_version). Each migration runs
 * under the writer lock and only if still pending, so hubs starting together
 * on one database apply it once.
 */
import { fileURLToPath } from 'node:url';
import { listMigrations, type Migration } from '../migrate.js';
import type { PgDatabase } from './pg-database.js';

const POSTGRES_MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/postgres/', import.meta.url));

export function listPostgresMigrations(): Migration[] {
  return listMigrations(POSTGRES_MIGRATIONS_DIR);
}

export function schemaVersion(db: PgDatabase): number {
  const row = db.prepare("SELECT to_regclass('estatewatch_schema') IS NOT NULL AS present").get() as { present: boolean };
  return row.present ? ((db.prepare('SELECT version FROM estatewatch_schema').pluck().get() as number | undefined) ?? 0) : 0;
}

/** Brings the database to the newest schema; returns the versions it applied. */
export function migratePostgres(db: PgDatabase, migrations = listPostgresMigrations()): number[] {
  const newest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > newest) throw new Error(`database schema v${current} is newer than this estatewatch (v${newest}); upgrade estatewatch`);
  const applied: number[] = [];
  for (const m of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec('CREATE TABLE IF NOT EXISTS estatewatch_schema (version integer NOT NULL)');
      const now = schemaVersion(db);
      if (now >= m.version) return;
      db.exec(m.sql);
      if (now === 0) db.prepare('INSERT INTO estatewatch_schema (version) VALUES (?)').run(m.version);
      else db.prepare('UPDATE estatewatch_schema SET version = ?').run(m.version);
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}
