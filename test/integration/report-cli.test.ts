/**
 * `estatewatch report` run as a child process against a hub's database with
 * the demo estate: generating, writing JSON, verifying (and catching a
 * tampered report), and refusing bad months, outputs and data dirs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { reportHash, type BoardReport } from '../../src/report/board-report.js';
import { describeStore, openStore, storeExists, type StoreLocation } from '../../src/store/open-store.js';
import { localDay } from '../../src/report/trust-calendar.js';
import { runCli } from '../helpers/cli.js';
import { createTestHub, storeEnv, tempDir, testDatabaseUrl } from '../helpers/test-hub.js';

// The CLI runs on the real clock: report on the current month, whatever the date the suite runs.
const MONTH = localDay(new Date(), 'Europe/London').slice(0, 7);
// The trust's timezone, whatever the machine running the tests has set.
const ENV = { ESTATEWATCH_TIMEZONE: 'Europe/London' };
/** ENV, and on the postgres test project the hub's database URL, which the command reads as a hub would. */
let env: NodeJS.ProcessEnv = ENV;
const report = (args: string[]) => runCli(['report', ...args], { env });

const dirs: string[] = [];
let dataDir: string;
let outDir: string;
/** Where the hub keeps its database: the data folder's SQLite file, or PostgreSQL. */
let store: StoreLocation;

beforeAll(async () => {
  const hub = await createTestHub();
  env = { ...ENV, ...storeEnv(hub) };
  store = { databaseUrl: hub.deps.config.databaseUrl, dataDir: hub.dir };
  dirs.push(hub.dir);
  expect(seedDemoEstate(hub.deps)).toBe(15);
  // The CLI reads the file as it would beside a stopped hub.
  hub.deps.db.close();
  dataDir = hub.dir;
  outDir = tempDir('estatewatch-report-out-');
  dirs.push(outDir);
});
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The stored report row, read straight from the database. */
function storedRow(): { json: string; dataHash: string; generatedBy: string } | undefined {
  const db = openStore(store);
  try {
    return db.prepare('SELECT json, data_hash AS dataHash, generated_by AS generatedBy FROM board_reports WHERE month = ?').get(MONTH) as
      | { json: string; dataHash: string; generatedBy: string }
      | undefined;
  } finally {
    db.close();
  }
}

/** Runs SQL on the database, as someone with access to it might. */
function tamper(sql: string, ...params: unknown[]): void {
  const db = openStore(store);
  db.prepare(sql).run(...params);
  db.close();
}

describe('estatewatch report', () => {
  let stored: { json: string; dataHash: string } | undefined;

  it('generates the current month to date, prints its summary, stores it and writes its JSON', () => {
    const out = path.join(outDir, 'r.json');
    const r = report(['--month', MONTH, '--data-dir', dataDir, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const first = r.stdout.split('\n')[0] ?? '';
    expect(first).toMatch(new RegExp(`^Board report for ${MONTH} \\(figures as of ${MONTH}-\\d{2}, month to date\\), data hash ([0-9a-f]{64})$`));
    expect(r.stdout).toMatch(/\n- .*of the estate/);
    expect(r.stdout).toContain(`Written: ${out}`);

    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as BoardReport;
    expect(json.schema).toBe('estatewatch.board-report/v1');
    expect(json.month).toBe(MONTH);
    expect(json.provisional).toBe(true);
    expect(json.dataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.endsWith(json.dataHash)).toBe(true);
    // The data hash seals exactly the rest of the JSON.
    const { dataHash, ...body } = json;
    expect(reportHash(body)).toBe(dataHash);
    expect(json.figures.assets.total.value).toBe(15);

    stored = storedRow();
    expect(stored).toMatchObject({ dataHash: json.dataHash, generatedBy: 'cli' });
    expect(stored?.json).toBe(fs.readFileSync(out, 'utf8'));
  });

  it('verifies the stored report against its snapshots with exit 0', () => {
    const r = report(['--month', MONTH, '--verify', '--data-dir', dataDir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`report ${MONTH} matches its snapshots: data hash ${stored?.dataHash}\n`);
  });

  it('fails verification with exit 1 when a figure in the stored JSON was changed', () => {
    expect(stored).toBeDefined();
    const json = JSON.parse(stored!.json) as BoardReport;
    json.figures.assets.byPosture.unsupported.value -= 1;
    tamper('UPDATE board_reports SET json = ? WHERE month = ?', JSON.stringify(json), MONTH);
    const r = report(['--month', MONTH, '--verify', '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`report ${MONTH} does NOT match its snapshots`);
    expect(r.stdout).not.toContain('matches');
  });

  it('fails verification with exit 1 when only the stored data hash was changed', () => {
    // Put the true JSON back, then change just the hash the list page shows.
    tamper('UPDATE board_reports SET json = ?, data_hash = ? WHERE month = ?', stored!.json, '0'.repeat(64), MONTH);
    const r = report(['--month', MONTH, '--verify', '--data-dir', dataDir]);
    expect(r.stdout).not.toContain('0'.repeat(64));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does NOT match');
  });

  it('refuses a month in which no snapshot was taken, saying so', () => {
    const r = report(['--month', '2020-01', '--data-dir', dataDir]);
    expect(r.code).not.toBe(0);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no posture snapshot was taken in 2020-01: the first is from \d{4}-\d{2}-\d{2}/);
    expect(r.stdout).toBe('');
  });

  it('refuses an impossible month with exit 2 and the usage', () => {
    const r = report(['--month', '2026-13', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--month must be YYYY-MM, got "2026-13"');
    expect(r.stderr).toContain('Usage:\n  estatewatch report');
  });

  it('refuses an output file that is not .json, .html or .pdf with exit 2, writing nothing', () => {
    const out = path.join(outDir, 'x.txt');
    const r = report(['--month', MONTH, '--data-dir', dataDir, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out must end in .json, .html or .pdf');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a data dir with no hub database rather than creating an empty one', async () => {
    const missing = path.join(outDir, 'no-such-hub');
    // On PostgreSQL: a database no hub has made its own.
    const fresh = { databaseUrl: await testDatabaseUrl(), dataDir: missing };
    const r = runCli(['report', '--month', MONTH, '--data-dir', missing], { env: { ...ENV, ...(fresh.databaseUrl ? { ESTATEWATCH_DATABASE_URL: fresh.databaseUrl } : {}) } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`no hub database at ${describeStore(fresh)}`);
    expect(fs.existsSync(missing)).toBe(false);
    expect(storeExists(fresh)).toBe(false);
  });
});
