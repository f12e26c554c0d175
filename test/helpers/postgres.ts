/**
 * A real PostgreSQL server for tests, private to the test file: a throwaway
 * cluster (initdb) in a temporary folder, listening on 127.0.0.1 only, on a
 * free port, with fsync off (a crash loses nothing a test needs). Debian's
 * `postgresql` package provides the binaries (.ci/run installs it). When the
 * tests run as root, the server runs as the `postgres` user, as PostgreSQL
 * refuses root. ESTATEWATCH_TEST_POSTGRES_URL points the tests at a server
 * already running instead.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/store/open-store.js';
import { freePort } from './hub-process.js';

export interface TestPostgres {
  /** The server's maintenance database, as a connection URL. */
  url: string;
  /** Creates an empty database on the server; resolves with its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const SUPERUSER = 'estatewatch';

export async function startPostgres(): Promise<TestPostgres> {
  const given = process.env.ESTATEWATCH_TEST_POSTGRES_URL;
  if (given) return server(given, async () => {});
  const bin = postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatewatch-pg-'));
  const prefix = serverUser(dir);
  const port = await freePort();
  const run = (tool: string, args: string[]) => {
    const [command, ...rest] = [...prefix, path.join(bin, tool), ...args];
    execFileSync(command!, rest, { stdio: 'pipe' });
  };
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', SUPERUSER, '-E', 'UTF8', '--no-sync', '--no-instructions']);
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', `-h 127.0.0.1 -p ${port} -k ${dir} -F -c max_connections=200`, 'start']);
  const stop = async () => {
    run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return server(`postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`, stop);
}

function server(url: string, stop: () => Promise<void>): TestPostgres {
  return { url, stop, createDatabase: () => createDatabaseOn(url) };
}

/** Creates a database on the server at `url`, empty or a copy of `template`; resolves with its URL. */
export async function createDatabaseOn(url: string, template?: string): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await onServer(url, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const db = new URL(url);
  db.pathname = `/${name}`;
  return db.toString();
}

/**
 * A database at the newest schema, made as a hub makes its own, for test hubs
 * to copy: migrating each one took ~175 ms, copying takes ~20 (about a hundred
 * test hubs a run). Resolves with its name.
 */
export async function createMigratedTemplate(url: string): Promise<string> {
  const templateUrl = await createDatabaseOn(url);
  openStore({ databaseUrl: templateUrl, dataDir: os.tmpdir() }).close();
  return new URL(templateUrl).pathname.slice(1);
}

export async function dropDatabaseOn(url: string, name: string): Promise<void> {
  await onServer(url, `DROP DATABASE IF EXISTS ${name}`);
}

/** One statement on the server's maintenance database (CREATE and DROP DATABASE cannot run inside a transaction or the database itself). */
async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Where initdb and pg_ctl are: Debian keeps them out of PATH, under /usr/lib/postgresql/<version>/bin. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL's server binaries are not installed: apt-get install postgresql (or set ESTATEWATCH_TEST_POSTGRES_URL)");
  return path.join(root, newest, 'bin');
}

/** The command prefix that runs a server tool: none, or `runuser -u postgres --` when running as root (which PostgreSQL refuses). */
function serverUser(dir: string): string[] {
  if (process.getuid?.() !== 0) return [];
  execFileSync('chown', ['postgres:', dir]);
  return ['runuser', '-u', 'postgres', '--'];
}
