/**
 * The PostgreSQL migrations (src/store/migrations/postgres/) against the SQLite
 * ones they express: the same files apply in order to an empty PostgreSQL
 * database, give the same schema (by the mapping in that folder's README), and
 * their triggers and data backfills do the same thing. A scripted scenario of
 * literal DML runs unchanged on a real SQLite file (openDb) and a real
 * PostgreSQL server, and every table and view is compared after each step.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { listMigrations, migrate, type Migration } from '../../src/store/migrate.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';

const SQLITE_DIR = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));
const POSTGRES_DIR = path.join(SQLITE_DIR, 'postgres');

/** SQLite declared type → PostgreSQL type (README: "Types"). */
const TYPE_MAP: Record<string, string> = { INTEGER: 'bigint', TEXT: 'text', REAL: 'double precision', BLOB: 'bytea' };
/**
 * Triggers PostgreSQL has and SQLite cannot or need not (README: TRUNCATE skips row triggers; migration 0045 settles a
 * transaction's version counts at its commit, as PostgreSQL copies a row at each update and SQLite does not; 0050 keeps each
 * trust's installs of versions with a verdict of their own summed by verdict, which SQLite sums from the version counts fast enough).
 */
const POSTGRES_ONLY_TRIGGERS = [
  'audit_log.audit_log_no_truncate',
  'version_count_changes.version_count_changes_settle',
  'assets.assets_settle_version_counts',
  'software.software_verdict_installs',
  'software.software_unmatched_installs',
  'assets.assets_trust_counts_insert',
  'assets.assets_trust_counts_update',
  'assets.assets_trust_counts_delete',
];
/**
 * Tables only PostgreSQL has (migration 0045: a transaction's changes to the version counts, empty after each commit; 0050:
 * each trust's installs of versions with a verdict of their own, by verdict; 0052: each trust's installs of unmatched versions,
 * by program; 0053: each trust's machines by OS, OS patch state and carried statuses).
 */
const POSTGRES_ONLY_TABLES = ['version_count_changes', 'trust_verdict_installs', 'trust_unmatched_programs', 'trust_asset_counts'];
/**
 * Indexes only PostgreSQL's reads use (migration 0051: the version counts in the software list's order, for
 * store/leading-versions.ts; 0052: the unmatched programs in the queue's order; 0055: the trigrams of each version's
 * name, for a search of the software list by part of a name).
 */
const POSTGRES_ONLY_INDEXES = ['software_installs_order', 'software_trust_installs_order', 'trust_unmatched_programs_order', 'software_name_search'];
/**
 * Columns PostgreSQL keeps narrower than the mapped type: integer, not bigint (migration 0056: an install's ids, 300 rows a
 * machine; 0058: the counts kept per version, in each trust and on each OS); an install's first-seen time as an instant,
 * 8 bytes, not 25 of text (0061).
 */
const POSTGRES_NARROW_COLUMNS: Record<string, string> = {
  ...Object.fromEntries(
    [
      'installs.asset_id', 'installs.software_id',
      'software_installs.software_id', 'software_installs.installs',
      'software_os_counts.software_id', 'software_os_counts.os_id', 'software_os_counts.installs',
      'software_trust_installs.organisation_id', 'software_trust_installs.software_id', 'software_trust_installs.installs',
      'software_trust_counts.organisation_id', 'software_trust_counts.software_id', 'software_trust_counts.os_id', 'software_trust_counts.installs',
    ].map((c) => [c, 'integer']),
  ),
  'installs.first_seen_at': 'timestamp with time zone',
};

let server: TestPostgres;
let client: pg.Client;
let dir: string;
let lite: Db;

beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client({ connectionString: await server.createDatabase() });
  await client.connect();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatewatch-pg-schema-'));
  lite = openDb(path.join(dir, 'estatewatch.db'));
});

afterAll(async () => {
  lite?.close();
  await client?.end();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// --- reading both databases ---------------------------------------------------

type Row = Record<string, unknown>;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function pgRows(sql: string): Promise<Row[]> {
  return (await client.query(sql)).rows as Row[];
}

function liteRows(sql: string): Row[] {
  return lite.prepare(sql).all() as Row[];
}

/**
 * One value as both drivers agree on it: pg reads bigint as a string, better-sqlite3 as a number; bytea and BLOB as hex;
 * timestamptz as the ISO instant (SQLite's text is made one by `asInstants`).
 */
function normalise(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `x'${value.toString('hex')}'`;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** Rows normalised and sorted by the given columns (the primary key), then by the whole row; sorted here so collation order cannot differ. */
function canonical(rows: readonly Row[], key: readonly string[]): Row[] {
  const normalised = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, normalise(v)])));
  const sortKey = (r: Row) => JSON.stringify([...key.map((k) => r[k]), r]);
  return normalised.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

/** By name, byte order: the same whatever the PostgreSQL database's collation. */
const byName = (a: { name: unknown }, b: { name: unknown }) => (String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : 0);

interface LiteColumn {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

const liteTables = () =>
  (liteRows('PRAGMA table_list') as { schema: string; name: string; type: string; wr: number }[])
    .filter((t) => t.schema === 'main' && !t.name.startsWith('sqlite_'))
    .sort(byName);
const liteColumns = (table: string) => liteRows(`PRAGMA table_xinfo(${ident(table)})`) as unknown as LiteColumn[];
const primaryKey = (table: string) =>
  liteColumns(table)
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);

// --- 1. the migrations apply ---------------------------------------------------

describe('PostgreSQL migrations', () => {
  it('has one PostgreSQL file for every SQLite migration, and no other', () => {
    const names = (d: string) => listMigrations(d).map((m) => m.name);
    expect(names(POSTGRES_DIR)).toEqual(names(SQLITE_DIR));
    expect(fs.readdirSync(POSTGRES_DIR).filter((f) => f.endsWith('.sql')).sort()).toEqual(names(SQLITE_DIR));
  });

  it('applies every migration in order, each in its own transaction, to an empty database', async () => {
    await applyPostgres(client, listMigrations(POSTGRES_DIR));
  });

  it('moves existing rows in its data backfills as SQLite does (0008–0014 over a 0007 database)', async () => {
    const upTo0007 = (m: Migration) => m.version <= 7;
    const liteDb = new Database(path.join(dir, 'backfill.db'));
    liteDb.pragma('foreign_keys = ON');
    const pgClient = new pg.Client({ connectionString: await server.createDatabase() });
    await pgClient.connect();
    try {
      migrate(liteDb, listMigrations().filter(upTo0007));
      await applyPostgres(pgClient, listMigrations(POSTGRES_DIR).filter(upTo0007));
      liteDb.exec(BACKFILL_SEED.replace('<EVIDENCE>', "X'1f8b0800'"));
      await pgClient.query(BACKFILL_SEED.replace('<EVIDENCE>', "'\\x1f8b0800'::bytea"));
      migrate(liteDb);
      await applyPostgres(pgClient, listMigrations(POSTGRES_DIR).filter((m) => !upTo0007(m)));
      // Each backfill had rows to move.
      const count = (table: string) => (liteDb.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(['os_item_counts', 'asset_item_counts', 'alert_counts', 'posture_evidence', 'software_os_counts', 'alert_titles'].map(count)).not.toContain(0);
      expect(liteDb.prepare("SELECT group_concat(carries || ':' || os_rank, ' ') AS s FROM assets").get()).toEqual({ s: '8:0 19:4 24:1 1:4' });
      await expectSameContents('backfills', liteDb, pgClient);
    } finally {
      liteDb.close();
      await pgClient.end();
    }
  });

  // --- 2. schema parity ---------------------------------------------------------

  describe('gives the same schema as SQLite', () => {
    it('has the same tables, with the search tables (FTS5 in SQLite) as plain tables', async () => {
      const lt = liteTables();
      const pt = await pgRows("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
      expect(lt.filter((t) => t.type === 'virtual').map((t) => t.name)).toEqual(['alert_title_search', 'asset_search']);
      const expected = lt.filter((t) => t.type === 'table' || t.type === 'virtual').map((t) => t.name);
      expect(pt.map((t) => t.name).sort()).toEqual([...expected, ...POSTGRES_ONLY_TABLES].sort());
    });

    it('has the same columns in the same order, types mapped, NOT NULL, defaults, identity and generated columns alike', async () => {
      for (const t of liteTables().filter((t) => t.type === 'table')) {
        const pk = primaryKey(t.name);
        const expected = liteColumns(t.name).map((c) => ({
          name: c.name,
          type: POSTGRES_NARROW_COLUMNS[`${t.name}.${c.name}`] ?? TYPE_MAP[c.type] ?? `unmapped ${c.type}`,
          // SQLite lets a rowid table's non-integer PRIMARY KEY hold NULL (a documented quirk); PostgreSQL never does.
          notNull: c.notnull === 1 || c.pk > 0,
          default: c.dflt_value,
          // INTEGER PRIMARY KEY is SQLite's rowid (not in a table WITHOUT ROWID); its PostgreSQL form is an identity column.
          identity: c.type === 'INTEGER' && pk.length === 1 && c.pk === 1 && t.wr === 0,
          // table_xinfo: hidden 2 = virtual generated, 3 = stored generated.
          generated: c.hidden === 2 || c.hidden === 3,
        }));
        const actual = (
          await pgRows(`SELECT column_name, data_type, is_nullable, column_default, is_identity, is_generated FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = '${t.name}' ORDER BY ordinal_position`)
        ).map((c) => ({
          name: c.column_name,
          type: c.data_type,
          notNull: c.is_nullable === 'NO',
          default: c.column_default === null ? null : String(c.column_default).replace(/::[a-z ]+$/, ''),
          identity: c.is_identity === 'YES',
          generated: c.is_generated === 'ALWAYS',
        }));
        expect(actual, t.name).toEqual(expected);
      }
    });

    it('has as many CHECK constraints on each table, and COLLATE NOCASE columns in the nocase collation', async () => {
      const checks = await pgRows("SELECT conrelid::regclass::text AS \"table\", count(*)::int AS n FROM pg_constraint WHERE contype = 'c' GROUP BY 1");
      const nocase = await pgRows("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND collation_name = 'nocase'");
      let liteChecks = 0;
      const liteNocase: string[] = [];
      for (const t of liteTables().filter((t) => t.type === 'table')) {
        // SQLite keeps each table's CREATE statement (ALTER TABLE … ADD COLUMN edits it in place); one column or constraint a line.
        const sql = String(liteRows(`SELECT sql FROM sqlite_master WHERE name = '${t.name}'`)[0]?.sql);
        expect(checks.find((c) => c.table === t.name)?.n ?? 0, `${t.name} CHECK constraints`).toBe(sql.match(/\bCHECK\s*\(/gi)?.length ?? 0);
        expect(
          nocase.filter((c) => c.table_name === t.name).map((c) => c.column_name),
          `${t.name} NOCASE columns`,
        ).toEqual([...sql.matchAll(/^\s*(\w+)\s[^\n]*COLLATE NOCASE/gim)].map((m) => m[1]));
        liteChecks += sql.match(/\bCHECK\s*\(/gi)?.length ?? 0;
        liteNocase.push(...[...sql.matchAll(/^\s*(\w+)\s[^\n]*COLLATE NOCASE/gim)].map((m) => `${t.name}.${m[1]}`));
      }
      // The comparison above is not vacuous: the SQLite schema has both.
      expect(liteChecks).toBeGreaterThan(20);
      expect(liteNocase.sort()).toEqual(['sign_in_failures.username', 'users.username']);
    });

    it('keeps each search table as its rowid and the indexed text, with a trigram index', async () => {
      for (const [table, column] of SEARCH_TABLES) {
        // FTS5's hidden columns (the table's own name, rank) are how SQLite queries it, not columns it holds.
        const lite = liteColumns(table).filter((c) => c.hidden === 0).map((c) => c.name);
        const pgColumns = await pgRows(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`);
        expect(lite).toEqual([column]);
        expect(pgColumns.map((c) => c.column_name)).toEqual(['rowid', column]);
        expect(pgColumns.map((c) => c.data_type)).toEqual(['bigint', 'text']);
        const indexes = await pgRows(`SELECT indexname FROM pg_indexes WHERE tablename = '${table}' AND indexdef LIKE '%USING gin%gin_trgm_ops%'`);
        expect(indexes.map((i) => i.indexname)).toEqual([`${table}_${column}`]);
      }
    });

    it('has the same primary keys, unique constraints and foreign keys (same ON DELETE)', async () => {
      const onDelete: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
      const pgConstraints = await pgRows(`SELECT c.conrelid::regclass::text AS "table", c.contype AS type, c.confrelid::regclass::text AS target, c.confdeltype AS on_delete,
          array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS cols,
          array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS target_cols
        FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace WHERE ns.nspname = 'public' AND c.contype IN ('p', 'u', 'f')`);
      for (const t of liteTables().filter((t) => t.type === 'table')) {
        const mine = pgConstraints.filter((c) => c.table === t.name);
        const cols = (c: Row) => (c.cols as string[]).join(',');
        expect(mine.filter((c) => c.type === 'p').map(cols), `${t.name} primary key`).toEqual([primaryKey(t.name).join(',')]);
        const liteUnique = (liteRows(`PRAGMA index_list(${ident(t.name)})`) as { name: string; origin: string }[])
          .filter((i) => i.origin === 'u')
          .map((i) => (liteRows(`PRAGMA index_info(${ident(i.name)})`) as { name: string }[]).map((c) => c.name).join(','));
        expect(mine.filter((c) => c.type === 'u').map(cols).sort(), `${t.name} unique`).toEqual(liteUnique.sort());
        const liteFks = new Map<number, { from: string[]; to: string[]; table: string; onDelete: string }>();
        for (const f of liteRows(`PRAGMA foreign_key_list(${ident(t.name)})`) as { id: number; table: string; from: string; to: string; on_delete: string }[]) {
          const fk = liteFks.get(f.id) ?? { from: [], to: [], table: f.table, onDelete: f.on_delete };
          fk.from.push(f.from);
          fk.to.push(f.to);
          liteFks.set(f.id, fk);
        }
        const describeFk = (from: string[], table: string, to: string[], del: string) => `(${from.join(',')}) → ${table}(${to.join(',')}) ON DELETE ${del}`;
        expect(
          mine.filter((c) => c.type === 'f').map((c) => describeFk(c.cols as string[], String(c.target), c.target_cols as string[], onDelete[String(c.on_delete)] ?? '?')).sort(),
          `${t.name} foreign keys`,
        ).toEqual([...liteFks.values()].map((f) => describeFk(f.from, f.table, f.to, f.onDelete)).sort());
      }
    });

    it('has the same named indexes on the same columns, unique alike, partial with the same WHERE', async () => {
      const liteIndexes = (liteRows("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name") as { name: string; tbl_name: string }[]).map((i) => {
        const info = (liteRows(`PRAGMA index_list(${ident(i.tbl_name)})`) as { name: string; unique: number; partial: number }[]).find((x) => x.name === i.name);
        const cols = (liteRows(`PRAGMA index_xinfo(${ident(i.name)})`) as { key: number; name: string | null }[]).filter((c) => c.key === 1).map((c) => c.name ?? '<expression>');
        const where = info?.partial === 1 ? String(liteRows(`SELECT sql FROM sqlite_master WHERE name = '${i.name}'`)[0]?.sql).split(/\bWHERE\b/i)[1]?.trim() : null;
        return { name: i.name, table: i.tbl_name, columns: cols, unique: info?.unique === 1, where: where ?? null };
      });
      // Indexes PostgreSQL makes for PRIMARY KEY and UNIQUE constraints are compared above; the search tables' are checked with them.
      const pgIndexes = (
        await pgRows(`SELECT i.relname AS name, t.relname AS "table", x.indisunique AS "unique", pg_get_expr(x.indpred, x.indrelid) AS "where",
            array(SELECT coalesce(a.attname, '<expression>') FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
              LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n AND k.n <> 0 ORDER BY k.o)::text[] AS columns
          FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
          WHERE ns.nspname = 'public' AND t.relname NOT IN ('alert_title_search', 'asset_search') AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
          ORDER BY 1`)
      ).map((i) => ({
        name: i.name,
        table: i.table,
        columns: i.columns,
        unique: i.unique,
        // PostgreSQL prints a partial index's WHERE as ((status <> 'resolved'::text)): casts and brackets are dropped to compare.
        where: i.where === null ? null : String(i.where).replace(/::\w+/g, '').replace(/[()]/g, ''),
      }));
      expect(pgIndexes.map((i) => i.name)).toEqual(expect.arrayContaining(POSTGRES_ONLY_INDEXES));
      expect(pgIndexes.filter((i) => !POSTGRES_ONLY_INDEXES.includes(String(i.name))).sort(byName)).toEqual(liteIndexes.sort(byName));
    });

    it("keeps every trigram index's pending list short (migration 0060: at GIN's default 4 MB each index carried up to that much unmerged)", async () => {
      const gin = await pgRows(`SELECT c.relname AS name, c.reloptions AS options FROM pg_class c JOIN pg_am a ON a.oid = c.relam
          JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.amname = 'gin' AND n.nspname = 'public' ORDER BY 1`);
      expect(gin.map((i) => i.name)).toEqual(['alert_title_search_title', 'asset_search_hostname', 'software_name_search']);
      for (const i of gin) expect(i.options, String(i.name)).toEqual(['gin_pending_list_limit=256']);
    });

    it('has the same views with the same columns', async () => {
      const liteViews = liteTables()
        .filter((t) => t.type === 'view')
        .map((v) => ({ name: v.name, columns: liteColumns(v.name).map((c) => c.name) }));
      const pgViews = [];
      for (const v of await pgRows("SELECT table_name AS name FROM information_schema.views WHERE table_schema = 'public' ORDER BY 1")) {
        const columns = await pgRows(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${String(v.name)}' ORDER BY ordinal_position`);
        pgViews.push({ name: v.name, columns: columns.map((c) => c.column_name) });
      }
      expect(pgViews.sort(byName)).toEqual(liteViews.sort(byName));
    });

    it('has a trigger of the same name on the same table for every SQLite trigger', async () => {
      const liteTriggers = liteRows("SELECT name, tbl_name AS \"table\" FROM sqlite_master WHERE type = 'trigger'").map((t) => `${String(t.table)}.${String(t.name)}`);
      const pgTriggers = (await pgRows('SELECT DISTINCT tgname AS name, tgrelid::regclass::text AS "table" FROM pg_trigger WHERE NOT tgisinternal')).map(
        (t) => `${String(t.table)}.${String(t.name)}`,
      );
      expect(pgTriggers.sort()).toEqual([...liteTriggers, ...POSTGRES_ONLY_TRIGGERS].sort());
    });
  });

  // --- 3. trigger parity ----------------------------------------------------------

  describe('has triggers that behave as SQLite’s', () => {
    it('leaves every table and view the same as SQLite after each step of the scenario', async () => {
      expect(uncovered()).toEqual([]);
      for (const step of SCENARIO) {
        if ('fails' in step) {
          expect(() => lite.exec(step.sql), `${step.name} (SQLite)`).toThrow(step.fails);
          await expect(client.query(step.sql), `${step.name} (PostgreSQL)`).rejects.toThrow(step.fails);
        } else if ('query' in step) {
          expect(canonical(await pgRows(step.query), []), step.name).toEqual(canonical(liteRows(step.query), []));
          continue;
        } else {
          try {
            lite.exec(step.sql);
            await client.query(step.sql);
          } catch (e) {
            throw new Error(`${step.name}: ${(e as Error).message}`);
          }
        }
        await expectSameContents(step.name);
      }
    });

    it('refuses TRUNCATE of audit_log, which has no SQLite counterpart', async () => {
      await expect(client.query('TRUNCATE audit_log')).rejects.toThrow('audit_log is append-only');
    });
  });
});

/** Applies PostgreSQL migrations in order, each in its own transaction. */
async function applyPostgres(pgClient: pg.Client, migrations: readonly Migration[]): Promise<void> {
  for (const m of migrations) {
    await pgClient.query('BEGIN');
    try {
      await pgClient.query(m.sql);
      await pgClient.query('COMMIT');
    } catch (e) {
      await pgClient.query('ROLLBACK');
      throw new Error(`${m.name}: ${(e as Error).message}`);
    }
  }
}

/**
 * Rows in a 0007 database for the backfills of 0008–0014 to move. One literal differs by database:
 * the evidence blob, X'…' in SQLite and '\x…'::bytea in PostgreSQL.
 */
const BACKFILL_SEED = `
  INSERT INTO os_versions (id, family, name, version, edition, status, reason) VALUES
    (1, 'windows', 'Windows 7', '6.1', 'Professional', 'unsupported', 'ended'),
    (2, 'linux', 'Ubuntu', '22.04', '', 'supported', 'in support'),
    (3, 'linux', 'Obscure Linux', '0.9', '', 'unknown', 'no rule');
  INSERT INTO software (id, name, version, vendor, source, os_link, status, reason) VALUES
    (1, 'Java', '6u45', 'Oracle', 'msi', 'none', 'unsupported', 'ended'),
    (2, 'openssl', '3.0.2', '', 'dpkg', 'follows', 'supported', 'follows the OS'),
    (3, 'libc6', '2.35', '', 'dpkg', 'capped', 'ending-soon', 'part of the OS'),
    (4, 'PACS viewer', '3.2', 'Acme', 'msi', 'none', 'unknown', 'no rule');
  INSERT INTO assets (id, identity, hostname, os_id, first_seen_at, last_seen_at, last_received_at, inventory_hash) VALUES
    (1, 'ward-1', 'WARD-1', 1, '2026-10-01', '2026-10-31', '2026-10-31', 'h1'),
    (2, 'lab-2', 'lab-2', 2, '2026-10-01', '2026-10-31', '2026-10-31', 'h2'),
    (3, 'odd-3', 'odd-3', 3, '2026-10-01', '2026-10-31', '2026-10-31', 'h3'),
    (4, 'bare-4', 'bare-4', 2, '2026-10-01', '2026-10-31', '2026-10-31', 'h4');
  INSERT INTO installs (asset_id, software_id, installed_at, first_seen_at) VALUES
    (1, 1, NULL, '2026-10-01'), (1, 3, NULL, '2026-10-01'), (2, 2, NULL, '2026-10-01'), (2, 3, NULL, '2026-10-01'),
    (2, 4, '2026-09-01', '2026-10-01'), (3, 2, NULL, '2026-10-01'), (3, 1, NULL, '2026-10-01');
  INSERT INTO alerts (id, rule_id, asset_id, subject, severity, title, detail, status, raised_at, last_seen_at) VALUES
    (1, 'os-unsupported', 1, 'os', 'critical', 'Windows 7 is unsupported', 'ended', 'resolved', '2026-10-01', '2026-10-02'),
    (2, 'os-unsupported', 1, 'os', 'critical', 'Windows 7 is unsupported', 'ended', 'open', '2026-10-03', '2026-10-31'),
    (3, 'software-unsupported', 1, 'software:Java@6u45', 'high', 'Java 6u45 is unsupported', 'ended', 'acknowledged', '2026-10-03', '2026-10-31'),
    (4, 'software-unsupported', 3, 'software:Java@6u45', 'high', 'Java 6u45 is unsupported', 'ended', 'open', '2026-10-03', '2026-10-31'),
    (5, 'unknown-spreading', NULL, 'software:PACS viewer@3.2', 'info', 'PACS viewer spreading', 'on 1 asset', 'open', '2026-10-03', '2026-10-31');
  INSERT INTO posture_snapshots (day, taken_at, figures, evidence, evidence_hash) VALUES
    ('2026-10-30', '2026-10-30T23:00:00Z', '{}', <EVIDENCE>, 'e1'),
    ('2026-10-31', '2026-10-31T23:00:00Z', '{}', NULL, 'e2');`;

/**
 * Every table and view, row for row; the search tables by their rowids, their text against the rows they copy, and by search.
 * The scenario's databases unless given others (already migrated to the newest schema).
 */
async function expectSameContents(step: string, liteDb: Db = lite, pgClient: pg.Client = client): Promise<void> {
  const liteRows = (sql: string) => liteDb.prepare(sql).all() as Row[];
  const pgRows = async (sql: string) => (await pgClient.query(sql)).rows as Row[];
  for (const t of liteTables().filter((t) => t.type === 'table' || t.type === 'view')) {
    const key = t.type === 'table' ? primaryKey(t.name) : [];
    const sql = `SELECT * FROM ${ident(t.name)}`;
    expect(canonical(await pgRows(sql), key), `${step}: ${t.name}`).toEqual(canonical(asInstants(t.name, liteRows(sql)), key));
  }
  // SQLite's tables are contentless: only their rowids can be read back, so the text PostgreSQL keeps is held to what SQLite indexed.
  for (const [table, column, source] of SEARCH_TABLES) {
    expect(canonical(await pgRows(`SELECT rowid FROM ${table}`), ['rowid']), `${step}: ${table} rowids`).toEqual(canonical(liteRows(`SELECT rowid FROM ${table}`), ['rowid']));
    expect(canonical(await pgRows(`SELECT rowid AS id, ${column} FROM ${table}`), ['id']), `${step}: ${table} text`).toEqual(
      canonical(liteRows(`SELECT id, ${column} FROM ${source}`), ['id']),
    );
    for (const q of SEARCHES) {
      const sqlite = liteRows(`SELECT rowid FROM ${table} WHERE ${table} MATCH '"${q}"'`);
      const postgres = await pgRows(`SELECT rowid FROM ${table} WHERE ${column} ILIKE '%${q}%'`);
      expect(canonical(postgres, ['rowid']), `${step}: ${table} search ${q}`).toEqual(canonical(sqlite, ['rowid']));
    }
  }
}

/** SQLite's text of the columns PostgreSQL keeps as timestamptz (0061), as the instant each names. */
function asInstants(table: string, rows: Row[]): Row[] {
  const instants = Object.keys(POSTGRES_NARROW_COLUMNS).filter((c) => POSTGRES_NARROW_COLUMNS[c] === 'timestamp with time zone' && c.startsWith(`${table}.`)).map((c) => c.slice(table.length + 1));
  return rows.map((r) => ({ ...r, ...Object.fromEntries(instants.map((c) => [c, r[c] === null ? null : new Date(String(r[c])).toISOString()])) }));
}

/** The search tables (migration 0042): FTS5 in SQLite, plain tables with a trigram index in PostgreSQL; the column indexed and the rows it copies. */
const SEARCH_TABLES = [['alert_title_search', 'title', 'alert_titles'], ['asset_search', 'hostname', 'assets']] as const;

/** Searches as alert-queries.ts writes them for FTS5 (a phrase) and as README.md says PostgreSQL reads them (ILIKE). */
const SEARCHES = ['ward-7', 'WINDOWS', 'theatre', 'unsupported', 'java 6'];

/** A step's statements, or one statement both databases must refuse (with a message matching `fails`), or a query both must answer alike. */
type Step = { name: string; triggers: readonly string[] } & ({ sql: string } | { sql: string; fails: string | RegExp } | { query: string });

/** The SQLite triggers no step claims to exercise (the scenario must cover them all). */
function uncovered(): string[] {
  const claimed = new Set(SCENARIO.flatMap((s) => s.triggers));
  return liteRows("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    .map((t) => String(t.name))
    .filter((n) => !claimed.has(n));
}

const SEEN = "'2026-11-01T09:00:00.000Z'";

/**
 * Plain DML, run unchanged on both databases. Explicit ids throughout: SQLite
 * reuses a deleted highest rowid and an identity column never does. Installs
 * change as store/installs.ts changes them (installs, then the counts it keeps
 * itself); each step names the triggers it exercises.
 */
const SCENARIO: readonly Step[] = [
  {
    name: 'operating systems, one per status',
    triggers: [],
    sql: `INSERT INTO os_versions (id, family, name, version, edition, status, product, cycle, eol, reason) VALUES
      (1, 'windows', 'Windows 11', '23H2', 'Enterprise', 'supported', 'windows', '23H2', '2026-11-10', 'in support'),
      (2, 'windows', 'Windows 7', '6.1', 'Professional', 'unsupported', 'windows', '7', '2020-01-14', 'Windows 7 ended'),
      (3, 'linux', 'Ubuntu', '18.04', '', 'extended-support', 'ubuntu', '18.04', '2023-05-31', 'ESM only'),
      (4, 'linux', 'Obscure Linux', '0.9', '', 'unknown', NULL, NULL, NULL, 'no rule'),
      (5, 'linux', 'Debian', '12', '', 'ending-soon', 'debian', '12', '2026-12-10', 'ends in a month');`,
  },
  {
    name: 'software versions, each OS link and status',
    triggers: [],
    sql: `INSERT INTO software (id, name, version, vendor, source, os_link, status, reason) VALUES
      (1, 'Firefox', '128.0', 'Mozilla', 'msi', 'none', 'supported', 'ESR'),
      (2, 'openssl', '1.1.1', '', 'dpkg', 'follows', 'supported', 'follows the OS'),
      (3, 'Internet Explorer', '11', 'Microsoft', 'windows', 'capped', 'supported', 'OS component'),
      (4, 'Java', '6u45', 'Oracle', 'msi', 'none', 'unsupported', 'Java 6 ended'),
      (5, 'libc6', '2.27', '', 'dpkg', 'capped', 'ending-soon', 'part of the OS'),
      (6, 'PACS viewer', '3.2', 'Acme', 'msi', 'none', 'unknown', 'no rule');`,
  },
  {
    name: 'assets on each OS',
    triggers: ['assets_carries_insert', 'assets_os_rank_insert', 'assets_search_insert'],
    sql: `INSERT INTO assets (id, identity, hostname, fqdn, os_id, first_seen_at, last_seen_at, last_received_at, inventory_hash) VALUES
      (1, 'ward-7-pc1.trust.nhs.uk', 'WARD-7-PC1', 'ward-7-pc1.trust.nhs.uk', 1, ${SEEN}, ${SEEN}, ${SEEN}, 'h1'),
      (2, 'theatre-pc2', 'THEATRE-PC2', NULL, 2, ${SEEN}, ${SEEN}, ${SEEN}, 'h2'),
      (3, 'pacs-srv', 'pacs-srv', NULL, 3, ${SEEN}, ${SEEN}, ${SEEN}, 'h3'),
      (4, 'lab-box', 'lab-box', NULL, 4, ${SEEN}, ${SEEN}, ${SEEN}, 'h4');
      INSERT INTO assets (id, identity, hostname, os_id, first_seen_at, last_seen_at, last_received_at, inventory_hash)
        VALUES (5, 'kiosk', 'kiosk', 5, ${SEEN}, ${SEEN}, ${SEEN}, 'h5');`,
  },
  {
    name: 'installs and the counts installs.ts keeps beside them',
    triggers: ['asset_item_counts_carries_insert', 'asset_item_counts_risk_insert', 'asset_item_counts_trust_insert'],
    sql: `INSERT INTO installs (asset_id, software_id, installed_at, first_seen_at) VALUES
      (1, 1, NULL, ${SEEN}), (1, 3, NULL, ${SEEN}), (2, 3, NULL, ${SEEN}), (2, 4, NULL, ${SEEN}),
      (3, 2, NULL, ${SEEN}), (3, 5, NULL, ${SEEN}), (4, 6, NULL, ${SEEN}), (4, 2, NULL, ${SEEN}), (5, 5, NULL, ${SEEN});
      INSERT INTO software_installs (software_id, installs) SELECT software_id, count(*) FROM installs GROUP BY software_id;
      INSERT INTO software_os_counts (software_id, os_id, installs) VALUES (3, 1, 1), (3, 2, 1), (2, 3, 1), (5, 3, 1), (2, 4, 1), (5, 5, 1);
      INSERT INTO asset_item_counts (asset_id, status, os_link, items) VALUES
        (1, 'supported', 'none', 1), (1, 'supported', 'capped', 1), (2, 'supported', 'capped', 1), (2, 'unsupported', 'none', 1),
        (3, 'supported', 'follows', 1), (3, 'ending-soon', 'capped', 1), (4, 'unknown', 'none', 1), (4, 'supported', 'follows', 1),
        (5, 'ending-soon', 'capped', 1);
      INSERT INTO os_item_counts (os_id, status, os_link, items) VALUES
        (1, 'supported', 'none', 1), (1, 'supported', 'capped', 1), (2, 'supported', 'capped', 1), (2, 'unsupported', 'none', 1),
        (3, 'supported', 'follows', 1), (3, 'ending-soon', 'capped', 1), (4, 'unknown', 'none', 1), (4, 'supported', 'follows', 1),
        (5, 'ending-soon', 'capped', 1);`,
  },
  {
    name: 'a second install of Java on WARD-7-PC1, counted as installs.ts does (upsert of an existing count)',
    triggers: ['asset_item_counts_carries_insert', 'asset_item_counts_carries_update', 'asset_item_counts_risk_insert', 'asset_item_counts_trust_insert', 'asset_item_counts_risk_update', 'asset_item_counts_trust_update'],
    sql: `INSERT INTO installs (asset_id, software_id, installed_at, first_seen_at) VALUES (1, 4, '2026-10-01', ${SEEN}), (1, 6, NULL, ${SEEN});
      UPDATE software_installs SET installs = installs + 1 WHERE software_id IN (4, 6);
      INSERT INTO asset_item_counts (asset_id, status, os_link, items) VALUES (1, 'unsupported', 'none', 1), (1, 'unknown', 'none', 1)
        ON CONFLICT (asset_id, status, os_link) DO UPDATE SET items = excluded.items;
      INSERT INTO asset_item_counts (asset_id, status, os_link, items) VALUES (2, 'unsupported', 'none', 1)
        ON CONFLICT (asset_id, status, os_link) DO UPDATE SET items = excluded.items;
      INSERT INTO os_item_counts (os_id, status, os_link, items) VALUES (1, 'unsupported', 'none', 1), (1, 'unknown', 'none', 1)
        ON CONFLICT (os_id, status, os_link) DO UPDATE SET items = os_item_counts.items + excluded.items;`,
  },
  {
    name: 'agent-reported devices (a modem; a printer the known list calls a fax) and an install history',
    triggers: ['devices_legacy_insert', 'devices_legacy_update'],
    sql: `INSERT INTO devices (id, asset_id, kind, name, model, connection, first_seen_at, last_seen_at) VALUES
      (1, 2, 'printer', 'Ward fax', 'HP LaserJet', 'usb', ${SEEN}, ${SEEN}), (2, 4, 'modem', 'USB modem', NULL, 'usb', ${SEEN}, ${SEEN});
      UPDATE devices SET classified_kind = 'fax', classification_note = '0baf:0303' WHERE id = 1;
      INSERT INTO install_history (id, asset_id, change, name, source, from_version, to_version, at) VALUES
        (1, 1, 'installed', 'Java', 'msi', NULL, '6u45', ${SEEN}), (2, 4, 'installed', 'PACS viewer', 'msi', NULL, '3.2', ${SEEN});`,
  },
  {
    name: 'alerts raised, one estate-wide (no asset)',
    triggers: ['alerts_count_insert', 'alerts_title_insert', 'alert_titles_search'],
    sql: `INSERT INTO alerts (id, rule_id, asset_id, subject, severity, title, detail, status, raised_at, last_seen_at) VALUES
      (1, 'os-unsupported', 2, 'os', 'critical', 'Windows 7 is unsupported', 'ended 2020-01-14', 'open', ${SEEN}, ${SEEN}),
      (2, 'software-unsupported', 2, 'software:Java@6u45', 'high', 'Java 6u45 is unsupported', 'Java 6 ended', 'open', ${SEEN}, ${SEEN}),
      (3, 'software-unsupported', 1, 'software:Java@6u45', 'high', 'Java 6u45 is unsupported', 'Java 6 ended', 'open', ${SEEN}, ${SEEN}),
      (4, 'os-unknown', 4, 'os', 'medium', 'Obscure Linux 0.9 has no lifecycle rule', 'no rule', 'open', ${SEEN}, ${SEEN}),
      (5, 'fax-in-use', 2, 'device:fax:Ward fax', 'low', 'A fax is in use', 'usb', 'open', ${SEEN}, ${SEEN}),
      (6, 'unknown-spreading', NULL, 'software:PACS viewer@3.2', 'info', 'PACS viewer spreading', 'on 2 assets', 'open', ${SEEN}, ${SEEN});
      INSERT INTO alerts (id, rule_id, asset_id, subject, severity, title, detail, status, raised_at, last_seen_at)
        VALUES (7, 'os-unsupported', 3, 'os', 'critical', 'Ubuntu 18.04 unsupported soon', 'ESM', 'open', ${SEEN}, ${SEEN});
      INSERT INTO alert_notes (id, alert_id, author, at, text) VALUES (1, 1, 'sam', ${SEEN}, 'replacing in Q1');`,
  },
  {
    name: 'alert triage: acknowledge, suppress, resolve (status changes)',
    triggers: ['alerts_count_update'],
    sql: `UPDATE alerts SET status = 'acknowledged', acknowledged_at = ${SEEN}, assignee = 'sam' WHERE id IN (1, 2);
      UPDATE alerts SET status = 'suppressed', suppressed_until = '2026-12-01', suppress_reason = 'change freeze' WHERE id = 5;
      UPDATE alerts SET status = 'resolved', resolved_at = ${SEEN}, resolution = 'manual' WHERE id = 4;`,
  },
  {
    name: 'alerts re-raised: title, severity and rule change; unchanged values and unindexed columns change nothing',
    triggers: ['alerts_count_update', 'alerts_title_update', 'alert_titles_search'],
    sql: `UPDATE alerts SET title = 'Java 6u45 unsupported on a ward PC', detail = 'still there' WHERE id = 3;
      UPDATE alerts SET severity = 'critical' WHERE id = 3;
      UPDATE alerts SET rule_id = 'os-end-of-life' WHERE id = 7;
      UPDATE alerts SET status = status, severity = severity, title = title, last_seen_at = '2026-11-02T09:00:00.000Z';
      UPDATE alerts SET detail = 'ended 14 January 2020' WHERE id = 1;`,
  },
  // asset_id is compared with IS NOT in SQLite: each move, from and to null included, is checked on its own.
  { name: 'an estate-wide alert moves to an asset', triggers: [], sql: 'UPDATE alerts SET asset_id = 1 WHERE id = 6;' },
  { name: 'an alert moves to another asset', triggers: [], sql: 'UPDATE alerts SET asset_id = 2 WHERE id = 6;' },
  { name: 'an alert becomes estate-wide', triggers: [], sql: 'UPDATE alerts SET asset_id = NULL WHERE id = 6;' },
  {
    name: 'new verdicts on software versions (status)',
    triggers: ['software_count_verdict', 'asset_item_counts_carries_insert', 'asset_item_counts_carries_update', 'asset_item_counts_risk_insert', 'asset_item_counts_trust_insert', 'asset_item_counts_risk_update', 'asset_item_counts_trust_update'],
    sql: `UPDATE software SET status = 'unsupported', reason = 'ESR ended' WHERE id = 1;
      UPDATE software SET status = 'supported' WHERE id IN (4, 6);
      UPDATE software SET reason = 'rechecked' WHERE id = 2;`,
  },
  {
    name: 'software tied to its OS and untied (os_link)',
    triggers: ['software_count_verdict', 'software_count_os_link', 'software_count_trust_os_link', 'asset_item_counts_carries_insert', 'asset_item_counts_carries_update', 'asset_item_counts_risk_insert', 'asset_item_counts_trust_insert', 'asset_item_counts_risk_update', 'asset_item_counts_trust_update'],
    sql: `UPDATE software SET os_link = 'follows' WHERE id = 4;
      UPDATE software SET os_link = 'none' WHERE id = 2;
      UPDATE software SET os_link = 'capped', status = 'unsupported' WHERE id = 1;`,
  },
  {
    name: 'operating systems get new verdicts',
    triggers: ['os_versions_carries', 'os_versions_os_rank', 'os_versions_risk_items'],
    sql: `UPDATE os_versions SET status = 'ending-soon' WHERE id = 1;
      UPDATE os_versions SET status = 'unsupported' WHERE id IN (3, 5);
      UPDATE os_versions SET status = 'unsupported', reason = 'same status' WHERE id = 2;
      UPDATE os_versions SET status = 'supported' WHERE id = 4;`,
  },
  {
    name: 'assets move to another OS, one and several at once',
    triggers: ['assets_count_os', 'assets_count_software_os', 'assets_count_software_trust', 'assets_carries_os', 'assets_os_rank_os', 'assets_risk_items_os', 'assets_trust_items_move'],
    sql: `UPDATE assets SET os_id = 2, os_build = '7601' WHERE id = 1;
      UPDATE assets SET os_id = 4 WHERE id IN (3, 5);
      UPDATE assets SET os_id = os_id, last_seen_at = '2026-11-03T09:00:00.000Z';`,
  },
  {
    name: 'hostnames change',
    triggers: ['assets_search_hostname'],
    sql: `UPDATE assets SET hostname = 'THEATRE-2-PC9' WHERE id = 2;
      UPDATE assets SET hostname = 'WARD-7-pc1-renamed' WHERE id = 1;
      UPDATE assets SET hostname = hostname, inventory_hash = 'h' || id;`,
  },
  {
    name: 'installs removed, counts zeroed then dropped',
    triggers: ['asset_item_counts_carries_update', 'asset_item_counts_carries_delete', 'asset_item_counts_risk_update', 'asset_item_counts_trust_update', 'asset_item_counts_risk_delete', 'asset_item_counts_trust_delete'],
    sql: `DELETE FROM installs WHERE asset_id = 1 AND software_id = 4;
      UPDATE software_installs SET installs = installs - 1 WHERE software_id = 4;
      UPDATE software_os_counts SET installs = installs - 1 WHERE software_id = 4 AND os_id = 2;
      UPDATE asset_item_counts SET items = items - 1 WHERE asset_id = 1 AND status = 'supported' AND os_link = 'follows';
      UPDATE os_item_counts SET items = items - 1 WHERE os_id = 2 AND status = 'supported' AND os_link = 'follows';
      DELETE FROM asset_item_counts WHERE items = 0;`,
  },
  {
    name: 'the last install of a status removed and its count row dropped (the asset stops carrying supported)',
    triggers: ['asset_item_counts_carries_delete', 'asset_item_counts_risk_delete', 'asset_item_counts_trust_delete'],
    sql: `DELETE FROM installs WHERE asset_id = 1 AND software_id = 6;
      UPDATE software_installs SET installs = installs - 1 WHERE software_id = 6;
      DELETE FROM asset_item_counts WHERE asset_id = 1 AND status = 'supported' AND os_link = 'none';
      UPDATE os_item_counts SET items = items - 1 WHERE os_id = 2 AND status = 'supported' AND os_link = 'none';`,
  },
  {
    name: 'alerts deleted',
    triggers: ['alerts_count_delete'],
    sql: 'DELETE FROM alerts WHERE id IN (4, 7);',
  },
  {
    name: 'an asset deleted: its installs, devices, alerts (counted and searched) and item counts go with it',
    triggers: ['alerts_count_delete', 'assets_search_delete', 'asset_item_counts_carries_delete', 'asset_item_counts_risk_delete', 'asset_item_counts_trust_delete', 'assets_trust_items_delete', 'devices_legacy_delete'],
    sql: 'DELETE FROM assets WHERE id = 2;',
  },
  {
    name: 'an alert raised again on a live subject after the old one was resolved',
    triggers: ['alerts_count_insert', 'alerts_title_insert'],
    sql: `INSERT INTO alerts (id, rule_id, asset_id, subject, severity, title, detail, status, raised_at, last_seen_at)
      VALUES (8, 'os-unknown', 4, 'os', 'medium', 'Obscure Linux 0.9 has no lifecycle rule', 'no rule', 'open', ${SEEN}, ${SEEN});`,
  },
  {
    name: 'a live duplicate is refused by alerts_one_live',
    triggers: [],
    // SQLite: "UNIQUE constraint failed"; PostgreSQL: "duplicate key value violates unique constraint".
    fails: /UNIQUE constraint failed|violates unique constraint/,
    sql: `INSERT INTO alerts (id, rule_id, asset_id, subject, severity, title, detail, status, raised_at, last_seen_at)
      VALUES (9, 'os-unknown', 4, 'os', 'medium', 'again', 'again', 'open', ${SEEN}, ${SEEN})`,
  },
  {
    name: 'the audit log is written',
    triggers: [],
    sql: `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after, prev_hash, hash) VALUES
      (1, ${SEEN}, 'sam', 'acknowledge', 'alert', '1', '{"status":"open"}', '{"status":"acknowledged"}', '', 'aa'),
      (2, ${SEEN}, 'system', 'resolve', 'alert', '4', NULL, NULL, 'aa', 'bb');`,
  },
  { name: 'the audit log refuses an update', triggers: ['audit_log_no_update'], fails: 'audit_log is append-only', sql: "UPDATE audit_log SET actor = 'mallory' WHERE id = 1" },
  { name: 'the audit log refuses a delete', triggers: ['audit_log_no_delete'], fails: 'audit_log is append-only', sql: 'DELETE FROM audit_log WHERE id = 2' },
  { name: 'the audit log refuses a delete of everything', triggers: ['audit_log_no_delete'], fails: 'audit_log is append-only', sql: 'DELETE FROM audit_log' },
  { name: 'an update or delete touching no audit row is no error', triggers: [], sql: "UPDATE audit_log SET actor = 'x' WHERE id = 99; DELETE FROM audit_log WHERE id = 99;" },
  {
    name: 'usernames ignore case (COLLATE NOCASE)',
    triggers: [],
    sql: `INSERT INTO users (id, username, password_hash, role, created_at) VALUES (1, 'Alice', 'scrypt$x', 'admin', ${SEEN});
      INSERT INTO sign_in_failures (id, username, client, at) VALUES (1, 'ALICE', '10.0.0.1', ${SEEN}), (2, 'alice', '10.0.0.2', ${SEEN});`,
  },
  { name: 'a username differing only in case is taken', triggers: [], fails: /UNIQUE constraint failed|violates unique constraint/, sql: `INSERT INTO users (id, username, password_hash, role, created_at) VALUES (2, 'ALICE', 'h', 'cso', ${SEEN})` },
  {
    name: 'a username is found whatever its case',
    triggers: [],
    query: "SELECT (SELECT count(*) FROM users WHERE username = 'aLiCe') AS users, (SELECT count(*) FROM sign_in_failures WHERE username = 'Alice') AS failures",
  },
  { name: 'an organisation is never deleted', triggers: ['organisations_never_deleted'], fails: 'organisations are never deleted', sql: 'DELETE FROM organisations WHERE id = 1' },
  {
    name: 'two trusts may each have the same estate-wide alert, but one trust only once',
    triggers: ['alerts_count_insert', 'alerts_search_insert'],
    sql: `INSERT INTO organisations (id, code, name) VALUES (2, 'RXX', 'Second trust');
      INSERT INTO alerts (id, rule_id, asset_id, subject, severity, title, detail, status, raised_at, last_seen_at, organisation_id) VALUES
        (20, 'spread', NULL, 'software:x', 'low', 'x spreads', 'x', 'open', ${SEEN}, ${SEEN}, 1),
        (21, 'spread', NULL, 'software:x', 'low', 'x spreads', 'x', 'open', ${SEEN}, ${SEEN}, 2);`,
  },
  {
    name: 'a second live estate-wide alert in one trust is refused by alerts_one_live',
    triggers: [],
    fails: /UNIQUE constraint failed|violates unique constraint/,
    sql: `INSERT INTO alerts (id, rule_id, asset_id, subject, severity, title, detail, status, raised_at, last_seen_at, organisation_id)
      VALUES (22, 'spread', NULL, 'software:x', 'low', 'x spreads', 'x', 'open', ${SEEN}, ${SEEN}, 2)`,
  },
];
