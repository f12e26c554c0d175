/** `estatewatch audit verify` against a real hub database: a clean chain passes, a tampered row is named. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit, auditHash } from '../../src/store/audit-log.js';
import { databaseFile } from '../../src/store/db.js';
import { verifyAuditChain } from '../../src/store/verify-audit-chain.js';
import { runCli } from '../helpers/cli.js';
import { createTestHub, TEST_NOW, tempDir } from '../helpers/test-hub.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A hub's data dir with `n` audit entries, its database closed (the CLI reads it as it would beside a stopped hub). */
async function auditedDataDir(n: number): Promise<string> {
  const hub = await createTestHub();
  dirs.push(hub.dir);
  for (let i = 1; i <= n; i++) {
    appendAudit(hub.deps.db, { at: TEST_NOW.toISOString(), actor: 'lead', action: 'acknowledge', entity: 'alert', entityId: String(i), before: { status: 'open' }, after: { status: 'acknowledged', n: i } });
  }
  hub.deps.db.close();
  return hub.dir;
}

/** Runs SQL on the closed database, as someone with the file (and no respect for the triggers) might. */
function tamper(dir: string, sql: string): void {
  const db = new Database(databaseFile(dir));
  db.exec(sql);
  db.close();
}

describe('estatewatch audit verify', () => {
  it('passes a clean chain with exit 0, printing the count and the head hash', async () => {
    const dir = await auditedDataDir(4);
    const r = runCli(['audit', 'verify', '--data-dir', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^audit chain ok: 4 entries, head [0-9a-f]{64}\n$/);
  });

  it('fails with exit 1 naming the entry whose row was changed', async () => {
    const dir = await auditedDataDir(4);
    tamper(dir, `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET after = '{"status":"resolved","n":3}' WHERE id = 3`);
    const r = runCli(['audit', 'verify', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('audit chain broken at entry #3: its hash does not match its contents');
  });

  it('names the entry after a row that was changed and re-hashed, and a removed row by the gap it leaves', async () => {
    const dir = await auditedDataDir(4);
    const db = new Database(databaseFile(dir));
    const row = db.prepare('SELECT * FROM audit_log WHERE id = 2').get() as { at: string; actor: string; action: string; entity: string; entity_id: string; before: string; prev_hash: string };
    const forged = { at: row.at, actor: row.actor, action: row.action, entity: row.entity, entityId: row.entity_id, before: JSON.parse(row.before) as unknown, after: { status: 'resolved' } };
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET after = ?, hash = ? WHERE id = 2').run(JSON.stringify(forged.after), auditHash(row.prev_hash, forged));
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, entryId: 3, reason: expect.stringContaining('prev_hash') });
    db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 1');
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, entryId: 2, reason: expect.stringContaining('gap') });
    db.close();
  });

  it('refuses a data dir with no hub database rather than verifying an empty one', () => {
    const dir = tempDir();
    dirs.push(dir);
    const r = runCli(['audit', 'verify', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no hub database');
  });
});
