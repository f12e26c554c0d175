import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../../src/store/migrate.js';
import { openDb } from '../../../src/store/db.js';
import { tempDir } from '../../helpers/test-hub.js';

describe('migrate', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const file = () => {
    const d = tempDir();
    dirs.push(d);
    return path.join(d, 'test.db');
  };

  it('brings an empty database from the first migration to the latest, in order', () => {
    const db = new Database(file());
    const migrations = listMigrations();
    expect(migrations.map((m) => m.version)).toEqual([...migrations.map((m) => m.version)].sort((a, b) => a - b));
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['assets', 'software', 'installs', 'install_history', 'devices', 'os_versions', 'report_receipts', 'agents', 'users']));
    expect(migrate(db)).toEqual([]);
  });

  it('refuses a database newer than this code', () => {
    const db = new Database(file());
    db.pragma('user_version = 9999');
    expect(() => migrate(db)).toThrow(/newer than this estatewatch/);
  });

  it('rolls back a failing migration whole, leaving the version unchanged', () => {
    const db = new Database(file());
    const broken = [...listMigrations(), { version: 9000, name: '9000-broken.sql', sql: 'CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(listMigrations().at(-1)?.version);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const db = openDb(file());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
