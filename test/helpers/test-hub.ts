/**
 * A real hub for tests: a temporary SQLite file, the shipped rules, a fixed
 * clock, and (when listening) real HTTP on 127.0.0.1 with a free port.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '../../src/auth/password.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { HubDeps } from '../../src/hub/deps.js';
import { listen, type RunningHub } from '../../src/hub/server.js';
import { prepareHub } from '../../src/hub/start-hub.js';
import type { Db } from '../../src/store/db.js';
import { findUserCredentials, setUserPassword } from '../../src/store/users.js';
import { createDatabaseOn } from './postgres.js';

export const TEST_NOW = new Date('2026-11-23T12:00:00Z');

export function tempDir(prefix = 'estatewatch-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * On the test run for the PostgreSQL store (ESTATEWATCH_TEST_STORE=postgres),
 * a fresh database on the run's server; else none, and the hub keeps its
 * SQLite file in its temporary folder.
 */
export async function testDatabaseUrl(): Promise<string | undefined> {
  if (process.env.ESTATEWATCH_TEST_STORE !== 'postgres') return undefined;
  return createDatabaseOn(setupValue('ESTATEWATCH_TEST_POSTGRES_URL'));
}

/** As testDatabaseUrl, but already at the newest schema: a copy of the run's migrated template. */
async function migratedTestDatabaseUrl(): Promise<string | undefined> {
  if (process.env.ESTATEWATCH_TEST_STORE !== 'postgres') return undefined;
  return createDatabaseOn(setupValue('ESTATEWATCH_TEST_POSTGRES_URL'), setupValue('ESTATEWATCH_TEST_POSTGRES_TEMPLATE'));
}

function setupValue(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`ESTATEWATCH_TEST_STORE=postgres needs ${name}, which test/postgres-global-setup.ts sets`);
  return value;
}

export interface TestHub {
  deps: HubDeps;
  dir: string;
  adminPassword: string;
  close(): Promise<void>;
}

export interface TestHubOptions {
  /** Keep the admin's printed one-time password (which must be changed before anything else). */
  oneTimeAdminPassword?: boolean;
}

/** The admin password tests use once the one-time password has been changed. */
export const TEST_ADMIN_PASSWORD = 'correct horse battery staple';

/** TEST_ADMIN_PASSWORD's scrypt hash, made once per worker: two scrypt runs fewer per test hub (~0.3 s of ~0.55). */
let testAdminHash: Promise<string> | undefined;

/**
 * Leaves the admin as changing the one-time password would (the new hash, no
 * change required): the change itself, with its check of the old password,
 * is hub-auth.test's (the one-time password) and sign-in-throttle.test's to exercise.
 */
async function setTestAdminPassword(db: Db): Promise<void> {
  const admin = findUserCredentials(db, 'admin');
  if (!admin) throw new Error('a fresh test hub should have created its admin');
  setUserPassword(db, admin.user.id, await (testAdminHash ??= hashPassword(TEST_ADMIN_PASSWORD)), false);
}

export async function createTestHub(overrides: Partial<Config> = {}, now: () => Date = () => TEST_NOW, opts: TestHubOptions = {}): Promise<TestHub> {
  const dir = tempDir();
  const config = { ...loadConfig({}, { dataDir: dir, port: 0, host: '127.0.0.1' }), databaseUrl: await migratedTestDatabaseUrl(), ...overrides };
  const hub = await prepareHub(config, now);
  if (!hub.adminPassword) throw new Error('a fresh test hub should have created its admin');
  if (!opts.oneTimeAdminPassword) await setTestAdminPassword(hub.deps.db);
  return {
    deps: hub.deps,
    dir,
    adminPassword: opts.oneTimeAdminPassword ? hub.adminPassword : TEST_ADMIN_PASSWORD,
    close: async () => {
      hub.deps.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The environment a CLI command needs to open this hub's database: its PostgreSQL URL, when it has one (its --data-dir does the rest). */
export function storeEnv(hub: TestHub): NodeJS.ProcessEnv {
  const url = hub.deps.config.databaseUrl;
  return url ? { ESTATEWATCH_DATABASE_URL: url } : {};
}

export interface ListeningTestHub extends TestHub {
  url: string;
  server: RunningHub;
}

/** A test hub listening on 127.0.0.1 with a port the OS picks. */
export async function startTestHub(overrides: Partial<Config> = {}, now?: () => Date, opts: TestHubOptions = {}): Promise<ListeningTestHub> {
  const hub = await createTestHub(overrides, now, opts);
  const server = await listen(hub.deps);
  return {
    ...hub,
    url: server.url,
    server,
    close: async () => {
      await server.close();
      await hub.close();
    },
  };
}

/** Signs in over HTTP and returns the session cookie header to send back. */
export async function signInCookie(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0] as string;
}
