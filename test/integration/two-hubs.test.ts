/**
 * Two real hub processes (`estatewatch serve`) started together on one
 * database (a data folder's SQLite file, or on the postgres test project a
 * PostgreSQL database), as two instances behind one address would be: both migrate and
 * make the first admin without tripping over each other, each scheduled
 * occasion runs on one of them only, and reports sent to both at once, the
 * same report to each included, are stored once each with no error.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentSecret, enrolAgent } from '../../src/auth/enrolment.js';
import type { Db } from '../../src/store/db.js';
import { listMigrations } from '../../src/store/migrate.js';
import { openStore, storeSchemaVersion } from '../../src/store/open-store.js';
import { freePort, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { sampleReport } from '../helpers/reports.js';
import { tempDir, testDatabaseUrl } from '../helpers/test-hub.js';

/** Every second, so a few seconds hold several occasions both hubs fire for. */
const EVERY_SECOND = { ESTATEWATCH_SNAPSHOT_CRON: '* * * * * *' };
const SCHEDULED_SECONDS = 4;

let dir: string;
let hubs: HubProcess[];
let db: Db;

beforeAll(async () => {
  dir = tempDir('estatewatch-two-hubs-');
  const [a, b] = await Promise.all([freePort(), freePort()]);
  const databaseUrl = await testDatabaseUrl();
  const env = { ...EVERY_SECOND, ...(databaseUrl ? { ESTATEWATCH_DATABASE_URL: databaseUrl } : {}) };
  hubs = await Promise.all([startHubProcess(dir, a!, 60_000, env), startHubProcess(dir, b!, 60_000, env)]);
  db = openStore({ databaseUrl, dataDir: dir });
}, 90_000);

afterAll(async () => {
  db?.close();
  await Promise.all((hubs ?? []).map((h) => h.stop()));
});

/** The hub's JSON log lines with this message. */
function logged(hub: HubProcess, msg: string): { job: string; slot: string }[] {
  return hub.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)).filter((entry) => entry.msg === msg);
}

describe('two hubs sharing one database', () => {
  it('both started on the fresh database: one schema, one first admin', () => {
    expect(storeSchemaVersion(db)).toBe(listMigrations().at(-1)?.version);
    expect(db.prepare("SELECT count(*) FROM users WHERE username = 'admin'").pluck().get()).toBe(1);
    const passwordsShown = hubs.filter((h) => /Password:\s+\S/.test(h.output())).length;
    expect(passwordsShown).toBe(1);
  });

  it('runs each scheduled occasion on one hub only, while both fire for it', async () => {
    await delay(SCHEDULED_SECONDS * 1000);
    const ran = hubs.flatMap((h) => logged(h, 'job finished').filter((e) => e.job === 'snapshot-posture').map((e) => e.slot));
    const skipped = hubs.flatMap((h) => logged(h, 'job skipped: another hub holds it').filter((e) => e.job === 'snapshot-posture').map((e) => e.slot));
    const claimed = (db.prepare("SELECT slot FROM job_runs WHERE job = 'snapshot-posture'").all() as { slot: string }[]).map((r) => r.slot);
    // Several occasions, none run twice, each run one the database records.
    expect(ran.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ran).size).toBe(ran.length);
    expect(claimed).toEqual(expect.arrayContaining(ran));
    // Both fired: the hub that skipped an occasion found it claimed (its holder may still be running it).
    expect(skipped.length).toBeGreaterThan(0);
    expect(claimed).toEqual(expect.arrayContaining(skipped));
  }, 30_000);

  it('stores reports sent to both hubs at once exactly once each, the same report sent to both included', async () => {
    const now = new Date();
    const { secret } = createEnrolmentSecret(db, { label: 'two hubs', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now, days: 1 });
    const keys = Array.from({ length: 30 }, () => randomUUID());
    // One agent reports one machine: an agent for each.
    const tokens = keys.map((_, n) => enrolAgent(db, { secret, hostname: `TWO-HUBS-${n}`, now: now, approvalRequired: false })!.token);
    const post = (hub: HubProcess, key: string, n: number) =>
      fetch(`${hub.url}/api/v1/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[n]}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(sampleReport({ host: { hostname: `TWO-HUBS-${n}` } })),
      }).then((res) => res.status);
    // Each key goes to both hubs at the same moment: one stores it (202), the other finds its receipt (200).
    const statuses = await Promise.all(keys.flatMap((key, n) => hubs.map((hub) => post(hub, key, n))));
    const pairs = keys.map((_, n) => [statuses[2 * n], statuses[2 * n + 1]].sort());
    for (const pair of pairs) expect(pair).toEqual([200, 202]);
    const stored = db.prepare(`SELECT count(*) FROM report_receipts WHERE idempotency_key IN (${keys.map(() => '?').join(',')})`).pluck().get(...keys);
    expect(stored).toBe(keys.length);
    expect(db.prepare("SELECT count(*) FROM assets WHERE hostname LIKE 'TWO-HUBS-%'").pluck().get()).toBe(keys.length);
  }, 60_000);
});
