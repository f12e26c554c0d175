/**
 * The estate at trust and ICS scale: bulk-loaded through the real ingest
 * (in large transactions, alert rules off, as an initial import would run),
 * then re-judged after a rule change, alerts evaluated, pages and API queried
 * over HTTP for p50/p95, the board snapshot and report built, and the database
 * measured on disk. On SQLite (a temporary folder, or a kept one reused by
 * the next run) or PostgreSQL (a database URL): the rows of a PostgreSQL
 * estate say so. The hosts are spread over the ICS's ten trusts (TRUSTS), and
 * the pages are read ICS-wide and as one mid-size trust's (issue 24).
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
import { FIRST_ORGANISATION_ID, findOrganisationByCode, insertOrganisation } from '../src/store/organisations.js';
import { localDay } from '../src/report/trust-calendar.js';
import { asSqlite, databaseFile, isSqlite, type Db } from '../src/store/db.js';
import { inTransaction } from '../src/store/statements.js';
import { findUserCredentials, insertUser } from '../src/store/users.js';
import { refreshPlannerStatistics } from '../src/store/planner-statistics.js';
import { fmt, percentile, perSecond, record, timed, verdict } from './measure.js';
import { LARGEST_TRUST, MID_TRUST, TRUSTS, trustOf, type SyntheticEstate } from './synthetic-estate.js';

/**
 * Reports a bulk-load transaction, on either store (an import stores a whole
 * file in one). PostgreSQL committed every 100 when each report moved its
 * versions' counts at once and a transaction of 1,000 new hosts slowed host by
 * host (each count's copies piling up until the commit); since migration 0045
 * a transaction moves each count once, at its commit, and 1,000 a transaction
 * loads faster and leaves fewer dead copies of the counts behind: at 5,000
 * assets 34–40 → 46 reports/s, 64–66 → 62.8 KB per asset (issue 24).
 */
const BATCH = 1000;
/** A page slower than this gets fewer than 30 timed requests, so one slow page cannot stall the run. */
const ROUTE_BUDGET_MS = 20_000;

export class LargeEstate {
  readonly dir: string;
  readonly deps: HubDeps;
  assets = 0;
  /** Put before each measure: which store it was taken on. */
  private readonly store: string;
  /** Organisation ids of TRUSTS, in order. */
  private readonly trustIds: number[];

  /** `keepDir`: a SQLite estate kept there after the run and grown from there by the next (e.g. to time reads before and after a change). */
  constructor(
    private readonly estate: SyntheticEstate,
    databaseUrl?: string,
    private readonly keepDir?: string,
  ) {
    this.dir = keepDir ? (fs.mkdirSync(keepDir, { recursive: true }), keepDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'estatewatch-bench-large-'));
    this.deps = openHubDeps(loadConfig(databaseUrl ? { ESTATEWATCH_DATABASE_URL: databaseUrl } : {}, { dataDir: this.dir, port: 0 }));
    this.store = databaseUrl ? 'PostgreSQL: ' : '';
    const { db } = this.deps;
    this.trustIds = TRUSTS.map((t, i) => (i === 0 ? FIRST_ORGANISATION_ID : (findOrganisationByCode(db, t.code) ?? insertOrganisation(db, { code: t.code, name: `Trust ${t.code}` })).id));
    this.assets = Number((db.prepare('SELECT count(*) AS n FROM assets').get() as { n: number | string }).n);
  }

  private record(row: Parameters<typeof record>[0]): void {
    record({ ...row, measure: `${this.store}${row.measure}` });
  }

  /** Loads hosts up to `total` through ingestReport, BATCH reports a transaction; records the rate. */
  private async loadTo(total: number): Promise<void> {
    const bulk = { ...this.deps, alertRules: undefined };
    const from = this.assets;
    const { ms } = await timed(() => {
      for (let start = from; start < total; start += BATCH) {
        inTransaction(this.deps.db, () => {
          for (let n = start; n < Math.min(total, start + BATCH); n++) ingestReport(bulk, this.estate.host(n), { agentId: null, organisationId: this.trustIds[trustOf(n)]!, idempotencyKey: `bulk-${n}` });
        });
        process.stderr.write(`\r  loading ${Math.min(total, start + BATCH)}/${total}…`);
      }
    });
    process.stderr.write('\n');
    // As an import of this many machines does (import-file.ts): PostgreSQL plans for the estate's new size at once.
    refreshPlannerStatistics(this.deps.db, 'machines');
    this.assets = total;
    const installs = (this.deps.db.prepare('SELECT count(*) AS n FROM installs').get() as { n: number }).n;
    this.record({ measure: `bulk load to ${fmt(total)} assets (${fmt(installs)} installs), ${BATCH} reports a transaction`, value: `${fmt(perSecond(total - from, ms))} reports/s` });
  }

  /** Grows the estate to `total` assets and re-judges it all after a rule change. */
  async growTo(total: number): Promise<void> {
    if (total <= this.assets) return; // a kept estate already this size
    await this.loadTo(total);
    this.reevaluate();
  }

  /** What people and the board read at the estate's size: pages and API, the board report, and the database's size. */
  async measureReads(only?: 'trust'): Promise<void> {
    await this.queries(only);
    if (only === 'trust') return;
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
    // Issue 24's goal is SQLite's at the ICS's 100,000 assets (PostgreSQL's is to be within 2× of it); other runs print the figure alone.
    const judged = this.assets >= 100_000 && isSqlite(db);
    this.record({
      measure: `alert rules over the estate, ${fmt(this.assets)} assets (${fmt(alerts.result.raised)} raised)`,
      value: `${fmt(alerts.ms / 1000, 2)} s`,
      target: judged ? '≤ 60 s' : '—',
      verdict: judged ? verdict(alerts.ms <= 60_000) : '—',
    });
  }

  /**
   * p50/p95 of pages and API over real HTTP as a signed-in admin: every page
   * whose cost grows with the estate, 30 requests each after one to warm the
   * statement cache, or as many as fit in ROUTE_BUDGET_MS for a slow one.
   * Then every page one trust's people read (issue 24), for the mid-size
   * trust: as an ICS-wide admin narrowing to it, and as its own security lead;
   * and for the largest trust, narrowed to.
   */
  private async queries(only?: 'trust'): Promise<void> {
    const { db } = this.deps;
    const midId = this.trustIds[TRUSTS.findIndex((t) => t.code === MID_TRUST)]!;
    const admin = await this.person('bench', 'admin', null);
    const lead = await this.person('bench-lead', 'security-lead', midId);
    const hub = await listen(this.deps);
    try {
      const cookie = await signIn(hub.url, admin);
      const leadCookie = await signIn(hub.url, lead);
      const mid = Math.ceil(this.assets / 2);
      const assetsOf = (code: string) => Number((db.prepare('SELECT count(*) AS n FROM assets a JOIN organisations o ON o.id = a.organisation_id WHERE o.code = ?').get(code) as { n: number | string }).n);
      const trustRoutes = ['/api/v1/estate/summary', '/', '/api/v1/estate/assets?osStatus=unsupported&pageSize=50', '/assets?anyStatus=unsupported', '/assets?sort=risk',
        '/software', '/unmatched', '/alerts', '/api/v1/alerts?severity=high&pageSize=50', '/hazards', '/actions', '/devices', '/board-reports'];
      const narrowed = (route: string, code: string) => `${route}${route.includes('?') ? '&' : '?'}organisation=${code}`;
      const [midAssets, largestAssets] = [fmt(assetsOf(MID_TRUST)), fmt(assetsOf(LARGEST_TRUST))];
      // The mid-size trust as an ICS-wide admin narrowing to it and as its own security lead; the largest as narrowed to.
      for (const route of trustRoutes) await this.timeRoute(`${hub.url}${narrowed(route, MID_TRUST)}`, cookie, ` (${midAssets} of the trust's)`);
      for (const route of trustRoutes) await this.timeRoute(`${hub.url}${route}`, leadCookie, `, as ${MID_TRUST}'s security lead (${midAssets} of the trust's)`);
      for (const route of trustRoutes) await this.timeRoute(`${hub.url}${narrowed(route, LARGEST_TRUST)}`, cookie, ` (${largestAssets} of the largest trust's)`);
      if (only === 'trust') return;
      const routes = [
        '/api/v1/estate/summary', '/', '/api/v1/estate/assets?osStatus=unsupported&page=3&pageSize=50', '/assets?anyStatus=unsupported&page=5',
        `/api/v1/estate/assets/${mid}`, `/assets/${mid}`, '/api/v1/alerts?severity=high&page=2&pageSize=50', '/alerts', '/alerts?q=WARD', '/api/v1/alerts?q=Java&severity=medium,low',
        '/software', '/unmatched', '/devices', '/board-reports',
        // Find by software: a search by name and range (the range tested in code), a product's machines in a range, and the risk order.
        '/software?q=java&version=%3C9', '/api/v1/estate/assets?product=chrome&version=%3C100', '/assets?sort=risk', '/assets?sort=risk&page=5',
        '/hazards', '/actions',
      ];
      for (const route of routes) await this.timeRoute(`${hub.url}${route}`, cookie);
    } finally {
      await hub.close();
    }
  }

  /** A signed-in person for the reads (kept from an earlier run of a kept estate). */
  private async person(username: string, role: 'admin' | 'security-lead', organisationId: number | null): Promise<string> {
    if (!findUserCredentials(this.deps.db, username)) {
      insertUser(this.deps.db, { username, passwordHash: await hashPassword('bench passphrase 1'), role, mustChangePassword: false, organisationId, now: new Date().toISOString() });
    }
    return username;
  }

  private async timeRoute(url: string, cookie: string, who = ''): Promise<void> {
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
    this.record({ measure: `GET ${new URL(url).pathname}${new URL(url).search} at ${fmt(this.assets)} assets${who}, p50 / p95${few}`, value: `${fmt(percentile(samples, 50))} / ${fmt(p95)} ms`, target: 'p95 ≤ 100 ms', verdict: verdict(p95 <= 100) });
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
    if (!this.keepDir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'bench passphrase 1' }) });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
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
