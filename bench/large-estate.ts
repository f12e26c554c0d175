/**
 * The estate at trust and ICS scale: bulk-loaded through the real ingest
 * (in large transactions, alert rules off, as an initial import would run),
 * then re-judged after a rule change, alerts evaluated, pages and API queried
 * over HTTP for p50/p95, the board snapshot and report built, and the database
 * measured on disk. On SQLite (a temporary folder) or PostgreSQL (a database
 * URL): the rows of a PostgreSQL estate say so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateAlerts } from '../src/alerts/evaluate-alerts.js';
import { hashPassword } from '../src/auth/password.js';
import { loadConfig } from '../src/config.js';
import { createEvaluator } from '../src/estate/evaluator.js';
import { reevaluateEstate } from '../src/estate/reevaluate-estate.js';
import type { HubDeps } from '../src/hub/deps.js';
import { listen } from '../src/hub/server.js';
import { openHubDeps } from '../src/hub/start-hub.js';
import { ingestReport } from '../src/ingest/ingest-report.js';
import { generateBoardReport } from '../src/report/generate-board-report.js';
import { FIRST_ORGANISATION_ID } from '../src/store/organisations.js';
import { localDay } from '../src/report/trust-calendar.js';
import { asSqlite, databaseFile, isSqlite, type Db } from '../src/store/db.js';
import { inTransaction } from '../src/store/statements.js';
import { insertUser } from '../src/store/users.js';
import { fmt, percentile, perSecond, record, timed, verdict } from './measure.js';
import type { SyntheticEstate } from './synthetic-estate.js';

/**
 * Reports a bulk-load transaction. PostgreSQL commits every 100: one
 * transaction of 1,000 new hosts ran for minutes there, each host slower than
 * the last, while batches of 100 take a steady 60-90 ms a host. Each report
 * updates the counts of the software versions it carries; PostgreSQL keeps a
 * new copy of a row at each update and can drop none of them before the
 * commit, so every statement touching a common version (its count, the
 * install's foreign key, the lookup by name) walks a longer chain of copies.
 */
const batchFor = (db: Db) => (isSqlite(db) ? 1000 : 100);
/** A page slower than this gets fewer than 30 timed requests, so one slow page cannot stall the run. */
const ROUTE_BUDGET_MS = 20_000;

export class LargeEstate {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatewatch-bench-large-'));
  readonly deps: HubDeps;
  assets = 0;
  /** Put before each measure: which store it was taken on. */
  private readonly store: string;

  constructor(
    private readonly estate: SyntheticEstate,
    databaseUrl?: string,
  ) {
    this.deps = openHubDeps(loadConfig(databaseUrl ? { ESTATEWATCH_DATABASE_URL: databaseUrl } : {}, { dataDir: this.dir, port: 0 }));
    this.store = databaseUrl ? 'PostgreSQL: ' : '';
  }

  private record(row: Parameters<typeof record>[0]): void {
    record({ ...row, measure: `${this.store}${row.measure}` });
  }

  /** Loads hosts up to `total` through ingestReport, BATCH reports a transaction; records the rate. */
  private async loadTo(total: number): Promise<void> {
    const bulk = { ...this.deps, alertRules: undefined };
    const from = this.assets;
    const batch = batchFor(this.deps.db);
    const { ms } = await timed(() => {
      for (let start = from; start < total; start += batch) {
        inTransaction(this.deps.db, () => {
          for (let n = start; n < Math.min(total, start + batch); n++) ingestReport(bulk, this.estate.host(n), { agentId: null, organisationId: 1, idempotencyKey: `bulk-${n}` });
        });
        process.stderr.write(`\r  loading ${Math.min(total, start + batch)}/${total}…`);
      }
    });
    process.stderr.write('\n');
    this.assets = total;
    const installs = (this.deps.db.prepare('SELECT count(*) AS n FROM installs').get() as { n: number }).n;
    this.record({ measure: `bulk load to ${fmt(total)} assets (${fmt(installs)} installs), ${batch} reports a transaction`, value: `${fmt(perSecond(total - from, ms))} reports/s` });
  }

  /** Grows the estate to `total` assets and re-judges it all after a rule change. */
  async growTo(total: number): Promise<void> {
    await this.loadTo(total);
    this.reevaluate();
  }

  /** What people and the board read at the estate's size: pages and API, the board report, and the database's size. */
  async measureReads(): Promise<void> {
    await this.queries();
    this.boardReport();
    this.size();
  }

  /** Full re-judgement of every distinct version after a rule change, against a plain loop over the same rows. */
  private reevaluate(): void {
    const { db, evaluator, now, config } = this.deps;
    const changed = createEvaluator(evaluator.rules, now, config.endingSoonDays + 1);
    const { ms, result } = timedSync(() => reevaluateEstate(db, changed, { force: true }));
    const floor = timedSync(() => {
      let n = 0;
      for (const r of db.prepare('SELECT id, name, version, vendor, source FROM software').iterate() as Iterable<{ name: string; version: string }>) n += r.name.length + r.version.length;
      for (const r of db.prepare('SELECT id, name, version FROM os_versions').iterate() as Iterable<{ name: string }>) n += r.name.length;
      return n;
    }).ms;
    const installs = (db.prepare('SELECT count(*) AS n FROM installs').get() as { n: number }).n;
    this.record({
      measure: `re-evaluation after a rule change, ${fmt(this.assets)} assets (${fmt(result.softwareVersions)} distinct versions, ${fmt(installs)} installs)`,
      value: `${fmt(ms / 1000, 2)} s`, floor: `${fmt(floor / 1000, 2)} s (loop over the versions)`, ratio: `${fmt(ms / floor, 1)}×`,
      target: installs >= 30_000_000 ? '≤ 10 s for 30M installs' : '—', verdict: installs >= 30_000_000 ? verdict(ms <= 10_000) : '—',
    });
    reevaluateEstate(db, evaluator, { force: true });
    const alerts = timedSync(() => evaluateAlerts(db, this.deps.alertRules, now()));
    this.record({ measure: `alert rules over the estate, ${fmt(this.assets)} assets (${fmt(alerts.result.raised)} raised)`, value: `${fmt(alerts.ms / 1000, 2)} s` });
  }

  /**
   * p50/p95 of pages and API over real HTTP as a signed-in admin: every page
   * whose cost grows with the estate, 30 requests each after one to warm the
   * statement cache, or as many as fit in ROUTE_BUDGET_MS for a slow one.
   */
  private async queries(): Promise<void> {
    const { db } = this.deps;
    insertUser(db, { username: 'bench', passwordHash: await hashPassword('bench passphrase 1'), role: 'admin', mustChangePassword: false, organisationId: null, now: new Date().toISOString() });
    const hub = await listen(this.deps);
    try {
      const signIn = await fetch(`${hub.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench passphrase 1' }) });
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const mid = Math.ceil(this.assets / 2);
      const routes = [
        '/api/v1/estate/summary', '/', '/api/v1/estate/assets?osStatus=unsupported&page=3&pageSize=50', '/assets?anyStatus=unsupported&page=5',
        `/api/v1/estate/assets/${mid}`, `/assets/${mid}`, '/api/v1/alerts?severity=high&page=2&pageSize=50', '/alerts', '/alerts?q=WARD', '/api/v1/alerts?q=Java&severity=medium,low',
        '/software', '/unmatched', '/devices', '/board-reports',
        // Find by software: a search by name and range (the range tested in code), a product's machines in a range, and the risk order.
        '/software?q=java&version=%3C9', '/api/v1/estate/assets?product=chrome&version=%3C100', '/assets?sort=risk', '/assets?sort=risk&page=5',
        // One trust's view, counted from its own rows (here the one trust holds the whole estate: the worst case).
        '/api/v1/estate/summary?organisation=TRUST', '/software?organisation=TRUST', '/alerts?organisation=TRUST',
      ];
      for (const route of routes) await this.timeRoute(`${hub.url}${route}`, cookie);
    } finally {
      await hub.close();
    }
  }

  private async timeRoute(url: string, cookie: string): Promise<void> {
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 31 && (i < 2 || performance.now() - started < ROUTE_BUDGET_MS); i++) {
      const { ms, result } = await timed(async () => {
        const res = await fetch(url, { headers: { cookie } });
        await res.arrayBuffer();
        return res.status;
      });
      if (result !== 200) throw new Error(`${url}: ${result}`);
      if (i > 0) samples.push(ms); // the first warms the statement cache
    }
    const p95 = percentile(samples, 95);
    const few = samples.length < 30 ? ` (${samples.length} requests)` : '';
    this.record({ measure: `GET ${new URL(url).pathname}${new URL(url).search} at ${fmt(this.assets)} assets, p50 / p95${few}`, value: `${fmt(percentile(samples, 50))} / ${fmt(p95)} ms`, target: 'p95 ≤ 100 ms', verdict: verdict(p95 <= 100) });
  }

  /** Snapshot, build and store of this month's board report; a failure is recorded, not fatal, so the table still prints. */
  private boardReport(): void {
    const month = localDay(new Date(), this.deps.config.timeZone).slice(0, 7);
    const measure = `board report (snapshot + build + store), ${fmt(this.assets)} assets`;
    try {
      const { ms } = timedSync(() => generateBoardReport(this.deps, FIRST_ORGANISATION_ID, month, 'bench'));
      this.record({ measure, value: `${fmt(ms / 1000, 2)} s`, target: '≤ 5 s', verdict: verdict(ms <= 5000) });
    } catch (error) {
      this.record({ measure, value: `failed: ${(error as Error).message.slice(0, 120)}`, target: '≤ 5 s', verdict: 'MISSED' });
    }
  }

  private size(): void {
    const bytes = isSqlite(this.deps.db) ? sqliteFileBytes(this.deps.db, this.dir) : postgresBytes(this.deps.db);
    const perAsset = bytes / this.assets;
    this.record({ measure: `database on disk, ${fmt(this.assets)} assets`, value: `${fmt(bytes / 2 ** 20)} MiB, ${fmt(perAsset / 1024, 1)} KB per asset`, target: '≤ 50 KB per asset', verdict: verdict(perAsset <= 50 * 1024) });
  }

  close(): void {
    this.deps.db.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function sqliteFileBytes(db: Db, dir: string): number {
  asSqlite(db).pragma('wal_checkpoint(TRUNCATE)');
  return fs.statSync(databaseFile(dir)).size;
}

/** The database's size as PostgreSQL counts it: tables, indexes and TOAST. */
function postgresBytes(db: Db): number {
  return Number((db.prepare('SELECT pg_database_size(current_database()) AS n').get() as { n: number | string }).n);
}

function timedSync<T>(fn: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = fn();
  return { result, ms: performance.now() - started };
}
