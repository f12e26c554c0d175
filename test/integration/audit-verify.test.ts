/**
 * `estatewatch audit verify` against a real hub database (the data folder's
 * SQLite file, or on the postgres test project a PostgreSQL database): a clean
 * chain passes, a tampered row is named.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit, auditHash } from '../../src/store/audit-log.js';
import { isSqlite, type Db } from '../../src/store/db.js';
import { openStore, type StoreLocation } from '../../src/store/open-store.js';
import { verifyAuditChain } from '../../src/store/verify-audit-chain.js';
import { runCli } from '../helpers/cli.js';
import { createTestHub, storeEnv, TEST_NOW, tempDir, testDatabaseUrl } from '../helpers/test-hub.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

interface AuditedHub {
  store: StoreLocation;
  /** `estatewatch audit verify` on it, as beside a stopped hub. */
  verify(): ReturnType<typeof runCli>;
}

/** A hub's database with `n` audit entries, closed. */
async function auditedHub(n: number): Promise<AuditedHub> {
  const hub = await createTestHub();
  dirs.push(hub.dir);
  for (let i = 1; i <= n; i++) {
    appendAudit(hub.deps.db, { at: TEST_NOW.toISOString(), actor: 'lead', action: 'acknowledge', entity: 'alert', entityId: String(i), before: { status: 'open' }, after: { status: 'acknowledged', n: i } });
  }
  hub.deps.db.close();
  const env = storeEnv(hub);
  return { store: { databaseUrl: hub.deps.config.databaseUrl, dataDir: hub.dir }, verify: () => runCli(['audit', 'verify', '--data-dir', hub.dir], { env }) };
}

/** Removes one of audit_log's guard triggers, as someone with the database (and no respect for the triggers) might. */
function dropGuard(db: Db, trigger: 'audit_log_no_update' | 'audit_log_no_delete'): void {
  db.exec(isSqlite(db) ? `DROP TRIGGER ${trigger}` : `DROP TRIGGER ${trigger} ON audit_log`);
}

/** Opens the hub's database, runs `fn` on it, closes it. */
function withStore<T>(store: StoreLocation, fn: (db: Db) => T): T {
  const db = openStore(store);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('estatewatch audit verify', () => {
  it('passes a clean chain with exit 0, printing the count and the head hash', async () => {
    const r = (await auditedHub(4)).verify();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^audit chain ok: 4 entries, head [0-9a-f]{64}\n$/);
  });

  it('fails with exit 1 naming the entry whose row was changed', async () => {
    const hub = await auditedHub(4);
    withStore(hub.store, (db) => {
      dropGuard(db, 'audit_log_no_update');
      db.prepare(`UPDATE audit_log SET after = '{"status":"resolved","n":3}' WHERE id = 3`).run();
    });
    const r = hub.verify();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('audit chain broken at entry #3: its hash does not match its contents');
  });

  it('names the entry after a row that was changed and re-hashed, and a removed row by the gap it leaves', async () => {
    const hub = await auditedHub(4);
    withStore(hub.store, (db) => {
      const row = db.prepare('SELECT * FROM audit_log WHERE id = 2').get() as { at: string; actor: string; action: string; entity: string; entity_id: string; before: string; prev_hash: string };
      const forged = { at: row.at, actor: row.actor, action: row.action, entity: row.entity, entityId: row.entity_id, before: JSON.parse(row.before) as unknown, after: { status: 'resolved' } };
      dropGuard(db, 'audit_log_no_update');
      db.prepare('UPDATE audit_log SET after = ?, hash = ? WHERE id = 2').run(JSON.stringify(forged.after), auditHash(row.prev_hash, forged));
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, entryId: 3, reason: expect.stringContaining('prev_hash') });
      dropGuard(db, 'audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE id = 1').run();
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, entryId: 2, reason: expect.stringContaining('gap') });
    });
  });

  it('refuses a data dir with no hub database rather than verifying an empty one', async () => {
    const dir = tempDir();
    dirs.push(dir);
    // On PostgreSQL: a database no hub has made its own.
    const fresh = await testDatabaseUrl();
    const r = runCli(['audit', 'verify', '--data-dir', dir], { env: fresh ? { ESTATEWATCH_DATABASE_URL: fresh } : {} });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no hub database');
  });
});
