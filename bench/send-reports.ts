/**
 * The agents of the ingest benchmark, run as their own process (as real agents
 * are) so that building and sending requests does not share the hub's thread:
 * `node --import tsx bench/send-reports.ts '<job JSON>'` sends one phase's
 * reports with one concurrent sender per token, spread over the hubs given,
 * and prints reports/s.
 */
import fs from 'node:fs';
import { diffReports } from '../src/contract/delta.js';
import { syntheticEstate } from './synthetic-estate.js';
import { perSecond, timed } from './measure.js';

/**
 * Full reports: brand-new hosts, the same inventory again, 5% of items patched
 * (revision 1). Then what agents really send once the hub holds a machine:
 * delta reports, unchanged and with the same 5% patched again (revision 2).
 */
export type Phase = 'new' | 'same' | 'patched' | 'delta-same' | 'delta-patched';

export interface SendJob {
  /** The hubs' addresses: sender k sends to urls[k % urls.length]. */
  urls: string[];
  /** A JSON file of one agent token per host (host n reports with token n: one agent reports one machine). */
  tokensFile: string;
  /** How many agents send at once. */
  senders: number;
  count: number;
  phase: Phase;
  /** The synthetic estate's date, so these are the very reports the parent's floor inserted. */
  estateAt: string;
}

function bodies(job: SendJob): string[] {
  const estate = syntheticEstate(new Date(job.estateAt));
  const at = new Date().toISOString();
  const body = (n: number): object => {
    switch (job.phase) {
      case 'new': return estate.host(n);
      case 'same': return { ...estate.host(n), collectedAt: at };
      case 'patched': return estate.host(n, 1);
      case 'delta-same': return diffReports(estate.host(n, 1), { ...estate.host(n, 1), collectedAt: at });
      case 'delta-patched': return diffReports(estate.host(n, 1), { ...estate.host(n, 2), collectedAt: at });
    }
  };
  return Array.from({ length: job.count }, (_, n) => JSON.stringify(body(n)));
}

async function send(job: SendJob): Promise<number> {
  const all = bodies(job);
  let next = 0;
  const failures: string[] = [];
  const tokens = JSON.parse(fs.readFileSync(job.tokensFile, 'utf8')) as string[];
  const sender = async (k: number) => {
    const url = job.urls[k % job.urls.length];
    while (next < all.length) {
      const i = next++;
      const res = await fetch(`${url}/api/v1/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json', 'idempotency-key': `bench-${job.phase}-${i}` },
        body: all[i],
      });
      const text = await res.text();
      if (res.status !== 202 && res.status !== 200) failures.push(`${res.status} ${text.slice(0, 300)}`);
    }
  };
  const { ms } = await timed(() => Promise.all(Array.from({ length: job.senders }, (_, k) => sender(k))));
  if (failures.length) throw new Error(`${failures.length} of ${all.length} ${job.phase} reports were refused; the first: ${failures[0]}`);
  return perSecond(all.length, ms);
}

const job = JSON.parse(process.argv[2] ?? '{}') as SendJob;
process.stdout.write(JSON.stringify({ perSecond: await send(job) }));
