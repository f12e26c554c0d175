/**
 * estatewatch's benchmark: figures beside their physical floors, measured in
 * the same run on this machine, and the targets from issue 8; judging one real
 * machine's report offline (issue 18); the ingest
 * figures again on PostgreSQL with two hub processes, and an estate of
 * --compare assets on both stores, queried alike (issue 10). Prints a
 * Markdown table (docs/performance.md holds one run); asserts nothing.
 *
 *   npm run bench                          # 10,000 and 100,000 assets (about an hour on 2 cores, ~5 GB in /tmp)
 *   npm run bench -- --large 20000 --ingest 500 --compare 1000   # quicker
 *   npm run bench -- --only reads --large 20000 [--keep DIR]      # one estate's pages, board report and size; DIR keeps it for the next run
 *   npm run bench -- --only trust --large 20000 --keep DIR        # just the per-trust pages (issue 24)
 *   npm run bench -- --only compare --compare 3000                # one estate on both stores
 *   npm run bench -- --only reads --store postgres --large 100000 # one estate on PostgreSQL alone (issue 24: the ICS-size run)
 *   npm run bench -- --only agent                                 # the agent's scan against its floor, 7 paired runs (~5 s)
 *   npm run bench -- --only ingest [--ingest 2000]                # reports over HTTP on SQLite against the raw-insert floor, in one run
 *   npm run bench -- --only ingest-postgres [--ingest 2000]       # the same on SQLite, then on PostgreSQL with two hubs
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { benchAgent } from './agent-scan.js';
import { benchAssess } from './assess.js';
import { benchIngest } from './ingest.js';
import { benchIngestPostgres, compareStores, onPostgres } from './ingest-postgres.js';
import { LargeEstate } from './large-estate.js';
import { table } from './measure.js';
import { syntheticEstate } from './synthetic-estate.js';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '10000' },
    large: { type: 'string', default: '100000' },
    ingest: { type: 'string', default: '2000' },
    agents: { type: 'string', default: '8' },
    // PostgreSQL loads a new host in about 100 ms (docs/performance.md): 5,000 take some 8 minutes.
    compare: { type: 'string', default: '5000' },
    only: { type: 'string' },
    keep: { type: 'string' },
    store: { type: 'string', default: 'sqlite' },
  },
});
const [small, large, ingest, agents, compare] = [values.small, values.large, values.ingest, values.agents, values.compare].map(Number) as [number, number, number, number, number];
// Only one estate's reads run on one store alone: the full run and the other parts choose their stores themselves.
if (values.store !== 'sqlite' && values.store !== 'postgres') throw new Error(`--store takes sqlite or postgres, not ${values.store}`);
if (values.store === 'postgres' && values.only !== 'reads' && values.only !== 'trust') throw new Error('--store postgres goes with --only reads or --only trust');

const estate = syntheticEstate(new Date());
console.error(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${estate.poolSize} product releases in the pool`);
if (values.only !== undefined) {
  await runOnly(values.only);
  console.log(table());
  process.exit(0);
}

console.error('agent…');
await benchAgent();
console.error('assess…');
benchAssess();
console.error('ingest…');
const sqliteRates = await benchIngest(estate, ingest, agents);
console.error('ingest on PostgreSQL, two hubs…');
await benchIngestPostgres(estate, ingest, agents, sqliteRates);
console.error(`estate of ${compare} on both stores…`);
await compareStores(estate, compare);
const big = new LargeEstate(estate);
try {
  console.error(`estate of ${small}…`);
  await big.growTo(small);
  console.error(`estate of ${large}…`);
  await big.growTo(large);
  await big.measureReads();
} finally {
  big.close();
}
console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. Reports carry ~300 items each.\n`);
console.log(table());

/** One part of the run, for a quick measure. */
async function runOnly(only: string): Promise<void> {
  if (only === 'compare') return compareStores(estate, compare);
  if (only === 'agent') return benchAgent();
  if (only === 'ingest') return void (await benchIngest(estate, ingest, agents));
  if (only === 'ingest-postgres') return benchIngestPostgres(estate, ingest, agents, await benchIngest(estate, ingest, agents));
  if (only !== 'reads' && only !== 'trust') throw new Error(`--only takes reads, trust, compare, agent, ingest or ingest-postgres, not ${only}`);
  return values.store === 'postgres' ? onPostgres((databaseUrl) => readsOf(only, databaseUrl)) : readsOf(only);
}

/** The estate of --large assets, grown, then its pages (all, or a trust's) read; on SQLite, kept in --keep if given. */
async function readsOf(only: 'reads' | 'trust', databaseUrl?: string): Promise<void> {
  const big = new LargeEstate(estate, databaseUrl, databaseUrl ? undefined : values.keep);
  try {
    console.error(`estate of ${large}${databaseUrl ? ' on PostgreSQL' : ''}…`);
    await big.growTo(large);
    await big.measureReads(only === 'trust' ? 'trust' : undefined);
  } finally {
    big.close();
  }
}
