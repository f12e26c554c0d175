/**
 * How long the alert engine and the board report's daily snapshot take over
 * the whole estate: the demo estate, then a generated estate of N assets
 * (default 10,000) cloned from the demo hosts with a long tail of versions.
 * Prints figures; asserts nothing.
 *
 *   npm run bench -- [assets]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateAlerts } from '../src/alerts/evaluate-alerts.js';
import { loadConfig } from '../src/config.js';
import type { Report } from '../src/contract/report.js';
import { demoReports } from '../src/demo/demo-estate.js';
import { ingestReport } from '../src/ingest/ingest-report.js';
import { openHubDeps } from '../src/hub/start-hub.js';
import { inTransaction } from '../src/store/statements.js';
import { buildBoardReport } from '../src/report/board-report.js';
import { snapshotContext } from '../src/report/generate-board-report.js';
import { takeSnapshot } from '../src/report/take-snapshot.js';

const assets = Number(process.argv[2] ?? 10_000);
const now = new Date();

/** A demo host cloned as host number n, with some versions nudged so the estate has a long tail. */
function clone(base: Report, n: number): Report {
  const nudge = (v: string, i: number) => ((n + i) % 7 === 0 ? `${v}.${n % 13}` : v);
  return {
    ...base,
    host: { ...base.host, hostname: `${base.host.hostname}-${n}`, fqdn: undefined },
    software: base.software.map((s, i) => ({ ...s, version: nudge(s.version, i) })),
  };
}

function time<T>(label: string, fn: () => T): T {
  const started = performance.now();
  const result = fn();
  console.log(`${label.padEnd(52)} ${(performance.now() - started).toFixed(0).padStart(7)} ms`);
  return result;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatewatch-bench-'));
try {
  const deps = openHubDeps(loadConfig({}, { dataDir: dir }), () => now);
  const demo = demoReports(now);
  console.log(`alert rules: ${deps.alertRules.length}; machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`);
  time(`ingest demo estate (${demo.length} assets)`, () => demo.forEach((r, i) => ingestReport(deps, r, { agentId: null, idempotencyKey: `demo-${i}` })));
  const first = time('evaluate alerts, demo estate (first run)', () => evaluateAlerts(deps.db, deps.alertRules, now));
  time('evaluate alerts, demo estate (unchanged)', () => evaluateAlerts(deps.db, deps.alertRules, now));
  console.log(`  demo: ${first.findings} findings, ${first.raised} raised`);
  const bulk = { ...deps, alertRules: undefined };
  time(`ingest generated estate (${assets} assets, no alerts)`, () =>
    inTransaction(deps.db, () => {
      for (let n = 0; n < assets; n++) ingestReport(bulk, clone(demo[n % demo.length] as Report, n), { agentId: null, idempotencyKey: `gen-${n}` });
    }),
  );
  const installs = (deps.db.prepare('SELECT count(*) AS n FROM installs').get() as { n: number }).n;
  const versions = (deps.db.prepare('SELECT count(*) AS n FROM software').get() as { n: number }).n;
  const big = time(`evaluate alerts, ${assets + demo.length} assets (first run)`, () => evaluateAlerts(deps.db, deps.alertRules, now));
  time(`evaluate alerts, ${assets + demo.length} assets (unchanged)`, () => evaluateAlerts(deps.db, deps.alertRules, now));
  console.log(`  generated: ${installs} installs of ${versions} distinct versions; ${big.findings} findings, ${big.raised} raised`);
  const ctx = snapshotContext(deps);
  const snap = time(`board snapshot, ${assets + demo.length} assets (capture + gzip + store)`, () => takeSnapshot(ctx));
  const month = snap.day.slice(0, 7);
  const report = time(`board report from that snapshot (build, ${month})`, () => buildBoardReport(deps.db, month, snap.day, ctx.timeZone));
  const stored = deps.db.prepare('SELECT length(evidence) AS gz, length(figures) AS figures FROM posture_snapshots WHERE day = ?').get(snap.day) as { gz: number; figures: number };
  console.log(`  snapshot: ${(stored.gz / 1024).toFixed(0)} KiB evidence gzipped, ${stored.figures} B key figures; report JSON ${(JSON.stringify(report).length / 1024).toFixed(0)} KiB; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  deps.db.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
