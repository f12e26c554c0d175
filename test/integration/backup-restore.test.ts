/**
 * `estatewatch backup` and `restore` as the real CLI on real database files:
 * a backup taken while a hub runs and ingests, restores that replace a stopped
 * hub's database, and every refusal (a bad file, a running hub) leaving it as it was.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEnrolmentSecret, enrolAgent } from '../../src/auth/enrolment.js';
import type { HubDeps } from '../../src/hub/deps.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { newestSchemaVersion } from '../../src/store/backup.js';
import { databaseFile, openDb } from '../../src/store/db.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { sampleReport } from '../helpers/reports.js';
import { createTestHub, startTestHub, tempDir, TEST_NOW } from '../helpers/test-hub.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function report(hostname: string) {
  return sampleReport({ host: { hostname, manufacturer: 'Dell Inc.', model: 'OptiPlex 7010', serial: hostname } });
}

function ingest(deps: HubDeps, ...hostnames: string[]): void {
  for (const hostname of hostnames) ingestReport(deps, report(hostname), { agentId: null, organisationId: 1, idempotencyKey: randomUUID() });
}

/** The CLI in the background, so this process's hub keeps answering while it runs. */
function runCliInBackground(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

function hostnamesIn(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT hostname FROM assets ORDER BY hostname').all() as { hostname: string }[]).map((r) => r.hostname);
  } finally {
    db.close();
  }
}

/** A hub's data folder with its hub stopped: the database closed, the folder kept. */
async function stoppedHub(...hostnames: string[]): Promise<{ dir: string; live: string }> {
  const hub = await createTestHub();
  ingest(hub.deps, ...hostnames);
  hub.deps.db.close();
  cleanups.push(() => fs.rmSync(hub.dir, { recursive: true, force: true }));
  return { dir: hub.dir, live: databaseFile(hub.dir) };
}

/** A copy of one checked backup (taken once, by the CLI) of a stopped hub holding NEW-PC1 and NEW-PC2. */
async function backupCopy(): Promise<string> {
  backupMade ??= (async () => {
    const { dir } = await stoppedHub('NEW-PC1', 'NEW-PC2');
    const file = path.join(tempDir('estatewatch-backup-'), 'backup.db');
    const r = runCli(['backup', file, '--data-dir', dir]);
    if (r.code !== 0) throw new Error(`backup failed: ${r.stderr}`);
    return file;
  })();
  const copy = path.join(scratch(), 'backup.db');
  fs.copyFileSync(await backupMade, copy);
  return copy;
}
let backupMade: Promise<string> | undefined;
afterAll(async () => {
  if (backupMade) fs.rmSync(path.dirname(await backupMade), { recursive: true, force: true });
});

function scratch(): string {
  const dir = tempDir('estatewatch-backup-');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('estatewatch backup', () => {
  it('copies the database of a hub that is running and ingesting into a file that opens, passes integrity_check and holds the assets', async () => {
    // One agent reports as fast as it can while the backup runs: its hourly report budget is lifted.
    const hub = await startTestHub({ agentReportsPerHour: 3600 });
    cleanups.push(() => hub.close());
    ingest(hub.deps, ...Array.from({ length: 50 }, (_, i) => `BEFORE-PC${i}`));
    const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'backup', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 1 });
    const token = enrolAgent(hub.deps.db, { secret, hostname: 'DURING-PC', now: TEST_NOW, approvalRequired: false })?.token;
    const file = path.join(scratch(), 'hub.db');

    const backup = runCliInBackground(['backup', file, '--data-dir', hub.dir]);
    let done = false;
    void backup.then(() => (done = true));
    let during = 0;
    while (!done) {
      const res = await fetch(`${hub.url}/api/v1/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        // One agent reports one machine: each report changes its software, so each is a write.
        body: JSON.stringify({ ...report('DURING-PC'), software: [...report('DURING-PC').software, { name: 'Ward tool', version: `1.${during}`, source: 'registry' }] }),
      });
      expect(res.status).toBe(202);
      during += 1;
    }
    const r = await backup;

    expect(r.code, r.stderr).toBe(0);
    expect(during).toBeGreaterThan(0);
    const copied = hostnamesIn(file);
    expect(r.stdout).toMatch(new RegExp(`^wrote ${file}: \\d+\\.\\d MB, ${copied.length} assets, schema v${newestSchemaVersion()}, integrity_check ok\\n$`));
    expect(copied.filter((h) => h.startsWith('BEFORE-'))).toHaveLength(50);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    expect(fs.readdirSync(path.dirname(file))).toEqual(['hub.db']);
    expect(fs.statSync(file).mode & 0o777, 'the backup is readable by its owner only').toBe(0o600);
  });

  it("keeps the hub's database and its write-ahead log readable by the hub's user only, even one made 0644 before", () => {
    const dir = scratch();
    const file = databaseFile(dir);
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o644);
    const db = openDb(file);
    try {
      db.prepare("INSERT INTO organisations (code, name) VALUES ('RQQ', 'Mode Test')").run();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(fs.statSync(f).mode & 0o777, f).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const { dir } = await stoppedHub('WARD1-PC001');
    const file = path.join(scratch(), 'taken.db');
    fs.writeFileSync(file, 'keep me');

    const refused = runCli(['backup', file, '--data-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${file} already exists`);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');

    const forced = runCli(['backup', file, '--force', '--data-dir', dir]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(hostnamesIn(file)).toEqual(['WARD1-PC001']);
  });

  it('refuses a data folder with no hub database, naming it', () => {
    const dir = scratch();
    const r = runCli(['backup', path.join(dir, 'out.db'), '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`no hub database at ${databaseFile(dir)}`);
  });
});

describe('estatewatch restore', () => {
  it("replaces a stopped hub's database with the backup and keeps the old one beside it", async () => {
    const backup = await backupCopy();
    const { dir, live } = await stoppedHub('OLD-PC1');

    const r = runCli(['restore', backup, '--data-dir', dir]);

    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`restored ${backup} into ${live}: `);
    const kept = fs.readdirSync(dir).filter((f) => f.startsWith('estatewatch.db.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['estatewatch.db', kept[0]]);
    expect(r.stdout).toContain(`kept as ${path.join(dir, kept[0] ?? '')}`);
    expect(hostnamesIn(live)).toEqual(['NEW-PC1', 'NEW-PC2']);
    expect(hostnamesIn(path.join(dir, kept[0] ?? ''))).toEqual(['OLD-PC1']);
    // The hub opens it as its own again, in WAL mode.
    const db = openDb(live);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('restores into a data folder that does not exist yet, as on a rebuilt machine', async () => {
    const backup = await backupCopy();
    const dir = path.join(scratch(), 'new-machine', 'data');

    const r = runCli(['restore', backup, '--data-dir', dir]);

    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('kept as');
    expect(hostnamesIn(databaseFile(dir))).toEqual(['NEW-PC1', 'NEW-PC2']);
  });

  it('refuses while a hub has the database open, naming the database', async () => {
    const backup = await backupCopy();
    const hub = await startTestHub();
    cleanups.push(() => hub.close());
    ingest(hub.deps, 'LIVE-PC1');

    const r = runCli(['restore', backup, '--data-dir', hub.dir]);

    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot restore into ${databaseFile(hub.dir)}: it is open in another process`);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    expect(hub.deps.db.prepare('SELECT hostname FROM assets').pluck().all()).toEqual(['LIVE-PC1']);
    expect(fs.readdirSync(hub.dir).filter((f) => /restor/.test(f))).toEqual([]);
  });

  const spoiltBackup = (spoil: (file: string) => void) => async (file: string) => {
    fs.copyFileSync(await backupCopy(), file);
    spoil(file);
  };
  const BAD_FILES: [string, (file: string) => Promise<void> | void, RegExp][] = [
    ['a file that is not a database', (file) => fs.writeFileSync(file, 'estatewatch backup, honest\n'.repeat(400)), /it is not an SQLite database/],
    ['a database from a newer estatewatch', spoiltBackup((file) => withDb(file, (db) => db.pragma(`user_version = ${newestSchemaVersion() + 1}`))), /its schema is v\d+, newer than this estatewatch knows \(v\d+\)/],
    ['a corrupt database', spoiltBackup(corruptPages), /it is damaged/],
    ['an SQLite database that is not estatewatch', (file) => withDb(file, (db) => db.exec('CREATE TABLE patients (nhs_number TEXT)')), /not an estatewatch one \(it has no assets table\)/],
  ];

  it.each(BAD_FILES)('refuses %s, naming the file and the reason, and changes nothing', async (_what, make, reason) => {
    const file = path.join(scratch(), 'candidate.db');
    await make(file);
    const { dir, live } = await stoppedHub('OLD-PC1');
    const before = fs.readFileSync(live);

    const r = runCli(['restore', file, '--data-dir', dir]);

    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot restore ${file}: `);
    expect(r.stderr).toMatch(reason);
    expect(fs.readFileSync(live).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['estatewatch.db']);
  });
});

function withDb(file: string, fn: (db: Database.Database) => unknown): void {
  const db = new Database(file);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

/** Overwrites every page after the first with noise: the header still says SQLite, the b-trees are garbage. */
function corruptPages(file: string): void {
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  for (let i = pageSize * 2; i < bytes.length; i += 7) bytes[i] = (i * 31) & 0xff;
  fs.writeFileSync(file, bytes);
}
