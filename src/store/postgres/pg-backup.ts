/**
 * `estatewatch backup` and `restore` for a PostgreSQL hub, through the
 * server's own tools: pg_dump's custom archive (a consistent snapshot while
 * hubs run), checked by reading it back with pg_restore before it counts as
 * good, and pg_restore in one transaction, so a failed restore changes
 * nothing. The same facts and refusals as the SQLite copies (../backup.ts).
 * The password reaches the tools in their environment, never on a command
 * line another user could read.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { newestSchemaVersion, type CopyCheck, type RestoreResult } from '../backup.js';
import { withoutPassword } from './open-postgres.js';
import { PgDatabase } from './pg-database.js';
import { connectSyncPg } from './sync-client.js';
import { restrictToOwner } from '../db.js';

/** libpq's variables for a postgres:// URL. */
function connectionEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = { PGHOST: u.hostname, PGPORT: u.port || '5432', PGDATABASE: decodeURIComponent(u.pathname.slice(1)) };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs pg_dump or pg_restore (from PATH) against the URL's database; a missing tool is an answer, not a crash. */
function runTool(tool: 'pg_dump' | 'pg_restore', args: readonly string[], url: string): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(tool, args, { env: { ...process.env, ...connectionEnv(url) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ code: -1, stdout, stderr: error.code === 'ENOENT' ? `${tool} is not installed (Debian: apt-get install postgresql-client)` : error.message }),
    );
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';

/** Dumps the database at `url` to `target` (custom format) and checks the archive; a bad one is removed. */
export async function backupPostgres(url: string, target: string): Promise<CopyCheck> {
  const staged = `${target}.partial`;
  fs.rmSync(staged, { force: true });
  // Owner-only before pg_dump writes into it (it keeps an existing file's mode).
  restrictToOwner(staged);
  const dump = await runTool('pg_dump', ['--format=custom', '--no-owner', '--file', staged], url);
  if (dump.code !== 0) {
    fs.rmSync(staged, { force: true });
    return { ok: false, reason: `pg_dump failed: ${firstLine(dump.stderr)}` };
  }
  const check = await checkArchive(staged, url);
  if (!check.ok) {
    fs.rmSync(staged, { force: true });
    return check;
  }
  fs.renameSync(staged, target);
  return check;
}

/**
 * Makes the archive `file` the database at `url`. Refused while a hub is
 * connected to it. The database as it was is dumped first, beside `file`, as
 * `<file>.before-restore-<time>`; the restore then runs in one transaction.
 */
export async function restorePostgres(url: string, file: string, now: Date): Promise<RestoreResult> {
  const check = await checkArchive(file, url);
  if (!check.ok) return { ok: false, file, reason: check.reason };
  const live = withoutPassword(url);
  if (hubsConnected(url) > 0) return { ok: false, file: live, reason: 'a hub is connected to it: stop every hub, then restore' };
  const keptAs = `${file}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  const kept = await backupPostgres(url, keptAs);
  if (!kept.ok) return { ok: false, file: live, reason: `its current contents could not be kept first (${kept.reason})` };
  const restore = await runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', connectionEnv(url).PGDATABASE ?? '', file], url);
  if (restore.code !== 0) return { ok: false, file, reason: `pg_restore failed, nothing was changed: ${firstLine(restore.stderr)}` };
  return { ok: true, facts: check.facts, keptAs };
}

/** Hub processes on the database (their connections name themselves estatewatch-hub); this one is not one, and migrates nothing. */
function hubsConnected(url: string): number {
  const db = new PgDatabase(connectSyncPg(url, { applicationName: 'estatewatch-restore' }), withoutPassword(url));
  try {
    return db.prepare("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'estatewatch-hub'").pluck().get() as number;
  } finally {
    db.close();
  }
}

/**
 * Reads the archive back: it must be a pg_dump archive of an estatewatch
 * database no newer than this build, whose assets and schema version are
 * readable from it (the rows are counted from the archive, not the server).
 */
async function checkArchive(file: string, url: string): Promise<CopyCheck> {
  const schema = await tableData(file, 'estatewatch_schema', url);
  if (!schema.ok) return schema;
  const schemaVersion = Number(schema.rows[0]);
  if (!Number.isInteger(schemaVersion)) return { ok: false, reason: 'it is a pg_dump archive but not of an estatewatch database (no schema version in it)' };
  const newest = newestSchemaVersion();
  if (schemaVersion > newest) {
    return { ok: false, reason: `its schema is v${schemaVersion}, newer than this estatewatch knows (v${newest}): use the estatewatch that wrote it, or a newer one` };
  }
  const assets = await tableData(file, 'assets', url);
  if (!assets.ok) return assets;
  return { ok: true, facts: { bytes: fs.statSync(file).size, assets: assets.rows.length, schemaVersion } };
}

/** One table's rows in the archive, as pg_restore prints them (COPY text, one line a row). */
async function tableData(file: string, table: string, url: string): Promise<{ ok: true; rows: string[] } | { ok: false; reason: string }> {
  const read = await runTool('pg_restore', ['--data-only', '--table', table, '--file', '-', file], url);
  if (read.code !== 0) return { ok: false, reason: `it is not a readable pg_dump archive: ${firstLine(read.stderr)}` };
  const lines = read.stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`COPY public.${table} `));
  if (start < 0) return { ok: false, reason: `it is a pg_dump archive but not of an estatewatch database (it has no ${table} table)` };
  const end = lines.indexOf('\\.', start);
  return { ok: true, rows: lines.slice(start + 1, end) };
}
