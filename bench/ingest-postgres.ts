/**
 * The figures again on the PostgreSQL store (issue 10), on a private
 * PostgreSQL server on 127.0.0.1: ingest as an ICS runs it, two hub processes
 * (`estatewatch serve`) sharing one database, the same agents split between
 * them, the same reports and phases as the SQLite rows, each beside SQLite's
 * rate from this run; and one estate loaded, queried and reported on alike on
 * both stores.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEnrolmentSecret, enrolAgent } from '../src/auth/enrolment.js';
import { openStore } from '../src/store/open-store.js';
import { freePort, startHubProcess } from '../test/helpers/hub-process.js';
import { startPostgres } from '../test/helpers/postgres.js';
import { hostTokens, ingestPhases, type IngestRates } from './ingest.js';
import { LargeEstate } from './large-estate.js';
import { fmt, record } from './measure.js';
import type { Phase } from './send-reports.js';
import type { SyntheticEstate } from './synthetic-estate.js';

const HUBS = 2;

const LABELS: Record<Phase, string> = {
  new: 'new hosts',
  same: 'unchanged reports',
  patched: '~5% of items changed',
  'delta-same': 'delta reports, nothing changed',
  'delta-patched': 'delta reports, ~5% of items changed',
};

export async function benchIngestPostgres(estate: SyntheticEstate, count: number, agents: number, sqlite: IngestRates): Promise<void> {
  await onPostgres((databaseUrl) => ingestWithHubs(estate, count, agents, sqlite, databaseUrl));
}

async function ingestWithHubs(estate: SyntheticEstate, count: number, agents: number, sqlite: IngestRates, databaseUrl: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatewatch-bench-pg-'));
  const hubs = [];
  try {
    for (let i = 0; i < HUBS; i++) hubs.push(await startHubProcess(dir, await freePort(), 60_000, { ESTATEWATCH_DATABASE_URL: databaseUrl }));
    const db = openStore({ databaseUrl, dataDir: dir });
    const { secret } = createEnrolmentSecret(db, { label: 'bench', createdBy: null, by: 'cli', uses: count, organisationId: 1, now: new Date(), days: 1 });
    const tokensFile = hostTokens(dir, count, (i) => enrolAgent(db, { secret, hostname: estate.host(i).host.hostname, now: new Date(), approvalRequired: false })!.token);
    db.close();
    const rates = await ingestPhases({ urls: hubs.map((h) => h.url), tokensFile, senders: agents, count, estateAt: estate.at.toISOString() });
    for (const [phase, label] of Object.entries(LABELS) as [Phase, string][]) {
      record({ measure: `PostgreSQL, ${HUBS} hubs: ingest over HTTP, ${label}`, value: `${fmt(rates[phase])} reports/s`, ratio: `${fmt((rates[phase] / sqlite[phase]) * 100)}% of SQLite's` });
    }
  } finally {
    await Promise.all(hubs.map((h) => h.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same estate of `assets` on SQLite, then PostgreSQL: load, re-judgement, pages and API, board report, size. */
export async function compareStores(estate: SyntheticEstate, assets: number): Promise<void> {
  await measureEstate(estate, assets);
  await onPostgres((databaseUrl) => measureEstate(estate, assets, databaseUrl));
}

/** An estate of `assets` grown on one store (SQLite without a URL) and measured: load, re-judgement, pages, board report, size. */
async function measureEstate(estate: SyntheticEstate, assets: number, databaseUrl?: string): Promise<void> {
  const big = new LargeEstate(estate, databaseUrl);
  try {
    await big.growTo(assets);
    await big.measureReads();
  } finally {
    big.close();
  }
}

/** Runs `measure` against a new database on a private PostgreSQL server on 127.0.0.1, stopped afterwards. */
export async function onPostgres(measure: (databaseUrl: string) => Promise<void>): Promise<void> {
  const server = await startPostgres();
  try {
    await measure(await server.createDatabase());
  } finally {
    await server.stop();
  }
}
