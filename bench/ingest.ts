/**
 * Ingest throughput: full 300-item reports over real HTTP on 127.0.0.1 from N
 * concurrent agents (brand-new hosts, then the same reports unchanged, then with
 * ~5% of items changed), against the floor of a raw prepared-statement insert
 * of the same rows, one transaction per report, in the same run.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEnrolmentSecret, enrolAgent } from '../src/auth/enrolment.js';
import { loadConfig } from '../src/config.js';
import type { Report } from '../src/contract/report.js';
import { openHubDeps } from '../src/hub/start-hub.js';
import { listen } from '../src/hub/server.js';
import { openDb } from '../src/store/db.js';
import { fmt, perSecond, record, verdict } from './measure.js';
import type { Phase, SendJob } from './send-reports.js';
import type { SyntheticEstate } from './synthetic-estate.js';

/** Inserts each report's rows with plain prepared statements, one transaction per report: the physical floor. */
function rawInsertFloor(reports: Report[], dir: string): number {
  const db = openDb(path.join(dir, 'floor.db'));
  const osId = Number(db.prepare(`INSERT INTO os_versions (family, name, version, status, reason) VALUES ('windows', 'floor', '1', 'unknown', 'floor')`).run().lastInsertRowid);
  const asset = db.prepare(`INSERT INTO assets (identity, hostname, os_id, first_seen_at, last_seen_at, last_received_at, inventory_hash) VALUES (?, ?, ?, ?, ?, ?, '')`);
  const software = db.prepare(`INSERT INTO software (name, version, vendor, source, os_link, status, reason) VALUES (?, ?, ?, ?, 'none', 'unknown', '')`);
  const install = db.prepare('INSERT INTO installs (asset_id, software_id, first_seen_at) VALUES (?, ?, ?)');
  // The floor knows every version id without asking the database: no lookups, only the inserts themselves.
  const ids = new Map<string, number>();
  const idOf = (s: Report['software'][number]) => {
    const key = JSON.stringify([s.name, s.version, s.vendor ?? '', s.source]);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = Number(software.run(s.name, s.version, s.vendor ?? '', s.source).lastInsertRowid)));
    return id;
  };
  const insertOne = db.transaction((r: Report) => {
    const at = r.collectedAt;
    const assetId = Number(asset.run(r.host.hostname, r.host.hostname, osId, at, at, at).lastInsertRowid);
    for (const s of r.software) install.run(assetId, idOf(s), at);
  });
  const { ms } = timedSync(() => reports.forEach((r) => insertOne(r)));
  db.close();
  return perSecond(reports.length, ms);
}

function timedSync(fn: () => void): { ms: number } {
  const started = performance.now();
  fn();
  return { ms: performance.now() - started };
}

export type IngestRates = Record<Phase, number>;

const PHASES: readonly Phase[] = ['new', 'same', 'patched', 'delta-same', 'delta-patched'];

/** One agent per host (one agent reports one machine), written to a file the sending process reads. */
export function hostTokens(dir: string, count: number, enrol: (host: number) => string): string {
  const file = path.join(dir, 'host-tokens.json');
  fs.writeFileSync(file, JSON.stringify(Array.from({ length: count }, (_, i) => enrol(i))));
  return file;
}

/** Every phase in order against the hubs at `urls` (each builds on the last): reports/s of each. */
export async function ingestPhases(job: Omit<SendJob, 'phase'>): Promise<IngestRates> {
  const rates: Partial<IngestRates> = {};
  for (const phase of PHASES) rates[phase] = await send({ ...job, phase });
  return rates as IngestRates;
}

/** Runs one phase's senders in their own process (bench/send-reports.ts); returns reports/s. */
function send(job: SendJob): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'send-reports.ts'), JSON.stringify(job)], { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${job.phase} reports: ${stderr.slice(-800) || err.message}`));
      else resolve((JSON.parse(stdout) as { perSecond: number }).perSecond);
    });
  });
}

/** Ingest on the SQLite store, against its floor; returns the rates for the PostgreSQL rows to compare with. */
export async function benchIngest(estate: SyntheticEstate, count: number, agents: number): Promise<IngestRates> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatewatch-bench-ingest-'));
  try {
    const reports = Array.from({ length: count }, (_, n) => estate.host(n));
    const floor = rawInsertFloor(reports, dir);
    const deps = openHubDeps(loadConfig({}, { dataDir: dir, port: 0 }));
    const hub = await listen(deps);
    const { secret } = createEnrolmentSecret(deps.db, { label: 'bench', createdBy: null, by: 'cli', uses: count, organisationId: 1, now: new Date(), days: 1 });
    const tokensFile = hostTokens(dir, count, (i) => enrolAgent(deps.db, { secret, hostname: estate.host(i).host.hostname, now: new Date(), approvalRequired: false })!.token);
    const rates = await ingestPhases({ urls: [hub.url], tokensFile, senders: agents, count, estateAt: estate.at.toISOString() });
    const { new: fresh, same, patched, 'delta-same': deltaSame, 'delta-patched': deltaPatched } = rates;
    await hub.close();
    deps.db.close();
    const of = (v: number) => `${fmt((v / floor) * 100)}% of floor`;
    record({ measure: `raw insert, ${count} new 300-item reports (1 tx each)`, value: `${fmt(floor)} reports/s` });
    record({ measure: `ingest over HTTP, new hosts, ${agents} agents`, value: `${fmt(fresh)} reports/s`, floor: `${fmt(floor)}/s`, ratio: of(fresh), target: '≥ 50% of floor', verdict: verdict(fresh >= floor / 2) });
    record({ measure: 'ingest over HTTP, unchanged reports', value: `${fmt(same)} reports/s`, floor: `${fmt(floor)}/s`, ratio: of(same), target: '—' });
    record({ measure: 'ingest over HTTP, ~5% of items changed', value: `${fmt(patched)} reports/s`, floor: `${fmt(floor)}/s`, ratio: of(patched), target: '≥ 5,000 reports/s', verdict: verdict(patched >= 5000) });
    record({ measure: 'ingest over HTTP, delta reports (what agents send), nothing changed', value: `${fmt(deltaSame)} reports/s`, floor: `${fmt(floor)}/s`, ratio: of(deltaSame) });
    record({ measure: 'ingest over HTTP, delta reports, ~5% of items changed', value: `${fmt(deltaPatched)} reports/s`, floor: `${fmt(floor)}/s`, ratio: of(deltaPatched), target: '≥ 5,000 reports/s', verdict: verdict(deltaPatched >= 5000) });
    return rates;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
