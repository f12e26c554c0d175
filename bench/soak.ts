/**
 * Soak: a real hub on 127.0.0.1 (temporary data dir, real SQLite in WAL mode)
 * under what a trust's agents send, for a bounded time: 200 enrolled agents,
 * each looping (its full report once, then delta reports), by default without pause, plus
 * a few signed-in readers fetching pages. The load runs in its own process
 * (bench/soak-load.ts). Prints a table and the verdict against the target
 * "p99 < 200 ms, 0 errors"; exits 1 when the target is missed.
 *
 *   npm run soak                                  # 200 agents, 60 s, 4 readers
 *   npm run soak -- --agents 50 --seconds 10
 *   npm run soak -- --pause 1000                  # each agent and reader waits 1 s between requests
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEnrolmentSecret, enrolAgent } from '../src/auth/enrolment.js';
import { hashPassword } from '../src/auth/password.js';
import { loadConfig } from '../src/config.js';
import { syntheticEstate, type SyntheticEstate } from './synthetic-estate.js';
import type { HubDeps } from '../src/hub/deps.js';
import { listen } from '../src/hub/server.js';
import { openHubDeps } from '../src/hub/start-hub.js';
import { databaseFile } from '../src/store/db.js';
import { insertUser } from '../src/store/users.js';
import { fmt, percentile, record, table, verdict } from './measure.js';
import type { SoakJob, SoakResult } from './soak-load.js';

const TARGET_P99_MS = 200;

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    readers: { type: 'string', default: '4' },
    pause: { type: 'string', default: '0' },
  },
});
const [agents, seconds, readers, pauseMs] = [values.agents, values.seconds, values.readers, values.pause].map(Number) as [number, number, number, number];

/** One agent per machine of the estate the load sends, each enrolled as the machine it reports. */
function enrolAgents(deps: HubDeps, count: number, estate: SyntheticEstate): string[] {
  const now = new Date();
  const { secret } = createEnrolmentSecret(deps.db, { label: 'soak', createdBy: null, by: 'cli', uses: count, organisationId: 1, now, days: 1 });
  return Array.from({ length: count }, (_, i) => enrolAgent(deps.db, { secret, hostname: estate.host(i).host.hostname, now, approvalRequired: false })!.token);
}

async function createReaders(deps: HubDeps, count: number): Promise<SoakJob['readers']> {
  const password = 'soak reader passphrase';
  const passwordHash = await hashPassword(password);
  return Array.from({ length: count }, (_, i) => {
    const username = `soak-reader-${i}`;
    insertUser(deps.db, { username, passwordHash, role: 'security-lead', mustChangePassword: false, organisationId: null, now: new Date().toISOString() });
    return { username, password };
  });
}

/** Runs the load in its own process, as agents and browsers are; resolves with what it measured. */
function runLoad(job: SoakJob): Promise<SoakResult> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', path.join(import.meta.dirname, 'soak-load.ts'), JSON.stringify(job)];
    execFile(process.execPath, args, { maxBuffer: 1 << 28 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`soak load: ${stderr.slice(-800) || err.message}`));
      else resolve(JSON.parse(stdout) as SoakResult);
    });
  });
}

const mib = (bytes: number) => `${fmt(bytes / 2 ** 20, 1)} MiB`;
const fileSize = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
const ms = (n: number) => `${fmt(n, 1)} ms`;
const spread = (samples: number[]) =>
  `p50 ${ms(percentile(samples, 50))} · p90 ${ms(percentile(samples, 90))} · p99 ${ms(percentile(samples, 99))} · max ${ms(percentile(samples, 100))}`;

/** The figures as rows of the bench table; true when the target is met. */
function recordFigures(result: SoakResult, storedReports: number): boolean {
  const all = Object.values(result.latencies).flat();
  const errors = Object.values(result.errors).reduce((sum, n) => sum + n, 0);
  const p99 = percentile(all, 99);
  const pace = pauseMs ? `${fmt(pauseMs)} ms between each sender's requests` : 'no pause';
  record({ measure: `requests in ${seconds} s (${agents} agents, ${readers} readers, ${pace})`, value: fmt(all.length) });
  record({ measure: 'throughput', value: `${fmt((all.length / result.ms) * 1000)} req/s` });
  record({ measure: 'latency, all requests', value: spread(all), target: `p99 < ${TARGET_P99_MS} ms`, verdict: verdict(p99 < TARGET_P99_MS) });
  for (const [kind, samples] of Object.entries(result.latencies)) {
    if (samples.length) record({ measure: `latency, ${kind} (${fmt(samples.length)})`, value: spread(samples) });
  }
  if (result.steady.length) record({ measure: `latency, requests started once every full report was in (${fmt(result.steady.length)})`, value: spread(result.steady) });
  record({ measure: 'errors', value: fmt(errors), target: '0', verdict: verdict(errors === 0) });
  for (const [kind, n] of Object.entries(result.errors)) record({ measure: `errors: ${kind}`, value: fmt(n) });
  // Fewer stored is a lost report; more is one stored although its request failed (a timeout, already counted as an error).
  const allStored = result.acknowledged === storedReports;
  record({ measure: 'reports acknowledged (2xx) / receipts stored', value: `${fmt(result.acknowledged)} / ${fmt(storedReports)}`, target: 'equal', verdict: verdict(allStored) });
  return p99 < TARGET_P99_MS && errors === 0 && allStored;
}

// Other work on the machine slows the hub as much as the soak's own load does: the figures say how much there was.
const loadBefore = os.loadavg()[0] ?? NaN;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatewatch-soak-'));
try {
  // Each soak agent reports every few seconds, where a real one reports a few times a day: its hourly budget is lifted.
  const deps = openHubDeps(loadConfig({}, { dataDir: dir, port: 0, host: '127.0.0.1', agentReportsPerHour: 3600 }));
  const hub = await listen(deps);
  const estateAt = new Date();
  const job: SoakJob = { url: hub.url, tokens: enrolAgents(deps, agents, syntheticEstate(estateAt)), readers: await createReaders(deps, readers), seconds, pauseMs, estateAt: estateAt.toISOString() };
  console.error(`soak: ${agents} agents and ${readers} readers against ${hub.url} for ${seconds} s…`);
  const rssBefore = process.memoryUsage().rss;
  const result = await runLoad(job);
  const growth = { rss: [rssBefore, process.memoryUsage().rss], files: [fileSize(databaseFile(dir)), fileSize(`${databaseFile(dir)}-wal`)] };
  await hub.close();
  const stored = (deps.db.prepare('SELECT count(*) AS n FROM report_receipts').get() as { n: number }).n;
  deps.db.close();
  const met = recordFigures(result, stored);
  // A soak is also for what grows: the hub's memory, and the write-ahead log the checkpointer should keep small.
  record({ measure: 'hub memory (RSS), before → after', value: growth.rss.map(mib).join(' → ') });
  record({ measure: 'database file, write-ahead log at the end', value: growth.files.map(mib).join(', ') });
  const load = `1-minute load average ${fmt(loadBefore, 1)} before the run, ${fmt(os.loadavg()[0] ?? NaN, 1)} at its end`;
  console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${load}. Reports carry ~300 items each.\n`);
  console.log(table());
  console.log(`\nverdict: ${met ? 'met' : 'MISSED'} (target: p99 < ${TARGET_P99_MS} ms, 0 errors, every acknowledged report stored)`);
  if (!met) process.exitCode = 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
