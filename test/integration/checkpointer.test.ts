/**
 * While the hub listens, a worker thread, not the hub's commits, copies the
 * write-ahead log into the database file (store/checkpointer.ts): the hub's
 * connection does not checkpoint by itself, yet the file takes in what ingest
 * wrote; once the hub closes, its connection checkpoints as SQLite does by default.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReports } from '../../src/demo/demo-estate.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { databaseFile } from '../../src/store/db.js';
import { startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let closed = false;

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  if (!closed) await hub.close();
});

const fileSize = () => fs.statSync(databaseFile(hub.dir)).size;

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) if (check()) return true;
  return check();
}

describe('the checkpoint worker', () => {
  it('takes checkpoints off the commits: the database file grows with what ingest wrote', async () => {
    expect(hub.deps.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Whatever the hub wrote while starting is copied first; after that only new writes can grow the file.
    await new Promise((r) => setTimeout(r, 1500));
    const before = fileSize();
    const reports = demoReports(TEST_NOW);
    for (let n = 0; n < 60; n++) {
      const r = reports[n % reports.length]!;
      ingestReport(hub.deps, { ...r, host: { ...r.host, hostname: `CKPT-${n}`, fqdn: undefined } }, { agentId: null, idempotencyKey: `ckpt-${n}` });
    }
    expect(await waitFor(() => fileSize() > before, 5000)).toBe(true);
  });

  it("gives checkpointing back to the hub's connection when the hub closes", async () => {
    await hub.server.close();
    expect(hub.deps.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    hub.deps.db.close();
    closed = true;
    fs.rmSync(hub.dir, { recursive: true, force: true });
  });
});
