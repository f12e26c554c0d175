/**
 * The soak's load, run as its own process so that building and timing requests
 * does not share the hub's thread: `node --import tsx bench/soak-load.ts '<job JSON>'`.
 * One loop per agent sends what a real agent sends (its full report once, then
 * delta reports, mostly unchanged, sometimes with a few items patched or rolled
 * back), each under a fresh Idempotency-Key, by default with no pause between them;
 * a few signed-in readers fetch pages beside them. Prints every request's
 * latency by kind and the errors by kind, as JSON.
 *
 * Each report goes on a new connection, as a real agent's does (one process
 * per scheduled run). Not fetch: its one shared pool per origin queued requests
 * inside this process behind other agents' and timed that as the hub's latency.
 * Not 200 kept-alive connections either: Node accepts one new connection per
 * turn of its event loop, so behind 200 busy ones a newcomer waited seconds,
 * a penalty no real estate of one-shot agents pays.
 */
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { diffReports } from '../src/contract/delta.js';
import type { Report } from '../src/contract/report.js';
import { syntheticEstate } from './synthetic-estate.js';

export interface SoakJob {
  url: string;
  tokens: string[];
  readers: { username: string; password: string }[];
  seconds: number;
  /** Each agent's wait between its reports, and each reader's between pages; 0 sends back to back (a real agent waits a day). */
  pauseMs: number;
  /** The synthetic estate's date, so each agent's machine is the same whatever the run. */
  estateAt: string;
}

const FULL = 'full report';
const UNCHANGED = 'delta, unchanged';
const CHANGED = 'delta, items changed';
const READ_PATHS = ['/', '/alerts', '/api/v1/estate/summary'];

export interface SoakResult {
  ms: number;
  /** Milliseconds per request, by kind: the report kinds, then the read paths. */
  latencies: Record<string, number[]>;
  /** Milliseconds per request started once every agent's full report was in: the steady state after the first wave. */
  steady: number[];
  /** Failed requests by kind of failure and request: "HTTP <status> on <kind>" or "network <code> on <kind>". */
  errors: Record<string, number>;
  /** Reports answered 2xx: what the hub must have stored. */
  acknowledged: number;
}

/** A night's patching (the synthetic estate's revision 1 against 0) in this share of an agent's reports; the rest are unchanged. */
const CHANGED_SHARE = 0.2;
const TIMEOUT_MS = 30_000;
/** Stands in for collectedAt in prepared bodies; each send puts the time it is sent in its place. */
const SENT_AT = '2000-01-01T00:00:00.000Z';

/** What one agent can send, prepared once: building deltas while timing requests would time the load, not the hub. */
interface AgentBodies {
  /** By revision (0 or 1): the full report, the unchanged delta, and the delta to the other revision. */
  full: [string, string];
  same: [string, string];
  flip: [string, string];
}

function agentBodies(host: (revision: number) => Report): AgentBodies {
  const r0 = { ...host(0), collectedAt: SENT_AT };
  const r1 = { ...host(1), collectedAt: SENT_AT };
  const json = (value: object) => JSON.stringify(value);
  return {
    full: [json(r0), json(r1)],
    same: [json(diffReports(r0, r0)), json(diffReports(r1, r1))],
    flip: [json(diffReports(r0, r1)), json(diffReports(r1, r0))],
  };
}

class Recorder {
  readonly latencies: Record<string, number[]> = Object.fromEntries([FULL, UNCHANGED, CHANGED, ...READ_PATHS].map((kind) => [kind, []]));
  readonly steady: number[] = [];
  readonly errors: Record<string, number> = {};
  acknowledged = 0;

  /** Agents whose full report the hub does not hold yet. */
  constructor(private firstWave: number) {}

  fullReportIn(): void {
    this.firstWave -= 1;
  }

  /** Times one request; resolves with its status, 0 when it got no answer. */
  async time(kind: string, url: string, init: Outbound): Promise<number> {
    const started = performance.now();
    const steady = this.firstWave === 0;
    let failure: string | undefined;
    let status = 0;
    try {
      // A redirect (to the sign-in page, say) is not an answer: node:http does not follow it, so it counts as the 3xx it is.
      status = await send(url, init);
      if (status < 200 || status > 299) failure = `HTTP ${status} on ${kind}`;
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      failure = `network ${err.name === 'TimeoutError' ? 'timeout' : (err.code ?? err.message)} on ${kind}`;
    }
    const ms = performance.now() - started;
    this.latencies[kind]?.push(ms);
    if (steady) this.steady.push(ms);
    if (failure) this.errors[failure] = (this.errors[failure] ?? 0) + 1;
    return status;
  }
}

interface Outbound {
  method?: string;
  headers: Record<string, string>;
  body?: string;
}

/** One request on a connection of its own, its answer read to the end; resolves with the status. */
function send(url: string, init: Outbound): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false, signal: AbortSignal.timeout(TIMEOUT_MS) }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', (err) => reject(err.name === 'AbortError' && err.cause instanceof Error ? err.cause : err));
    req.end(init.body);
  });
}

/** One report on its way: what it is, and the revision the hub holds once it is in. */
interface Outgoing {
  key: string;
  kind: string;
  body: string;
  revision: 0 | 1;
}

/** The next report of an agent whose machine the hub holds at `held` (none before its full report). */
function nextReport(bodies: AgentBodies, held: 0 | 1 | undefined, key: string): Outgoing {
  if (held === undefined) return { key, kind: FULL, body: bodies.full[0], revision: 0 };
  if (Math.random() >= CHANGED_SHARE) return { key, kind: UNCHANGED, body: bodies.same[held], revision: held };
  const revision = held === 0 ? 1 : 0;
  return { key, kind: CHANGED, body: bodies.flip[held], revision };
}

/**
 * As a real agent does: a report not acknowledged is sent again under the same
 * key (a timed-out one may have been stored), and a delta answered 409 goes
 * again as the full report.
 */
async function agentLoop(job: SoakJob, token: string, bodies: AgentBodies, until: number, rec: Recorder, id: string): Promise<void> {
  let held: 0 | 1 | undefined;
  let unsent: Outgoing | undefined;
  // Past the deadline only to settle a report already on its way, so that what was acknowledged is what was stored.
  for (let n = 0; performance.now() < until || (unsent && performance.now() < until + TIMEOUT_MS); n++) {
    const report = unsent ?? nextReport(bodies, held, `${id}-${n}`);
    const status = await rec.time(report.kind, `${job.url}/api/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': report.key },
      body: report.body.replace(SENT_AT, new Date().toISOString()),
    });
    if (job.pauseMs) await delay(job.pauseMs);
    if (status < 200 || status > 299) {
      unsent = status === 409 ? { ...report, kind: FULL, body: bodies.full[report.revision] } : report;
      continue;
    }
    unsent = undefined;
    rec.acknowledged += 1;
    if (held === undefined) rec.fullReportIn();
    held = report.revision;
  }
}

async function signIn(url: string, reader: SoakJob['readers'][number]): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(reader) });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`reader ${reader.username} could not sign in: ${res.status} ${await res.text()}`);
  return cookie;
}

async function readerLoop(job: SoakJob, cookie: string, until: number, rec: Recorder): Promise<void> {
  for (let n = 0; performance.now() < until; n++) {
    const path = READ_PATHS[n % READ_PATHS.length]!;
    await rec.time(path, `${job.url}${path}`, { headers: { cookie } });
    if (job.pauseMs) await delay(job.pauseMs);
  }
}

async function soak(job: SoakJob): Promise<SoakResult> {
  const estate = syntheticEstate(new Date(job.estateAt));
  const bodies = job.tokens.map((_, k) => agentBodies((revision) => estate.host(k, revision)));
  const cookies = await Promise.all(job.readers.map((reader) => signIn(job.url, reader)));
  const rec = new Recorder(job.tokens.length);
  const run = `soak-${Date.now().toString(36)}`;
  const started = performance.now();
  const until = started + job.seconds * 1000;
  await Promise.all([
    ...job.tokens.map((token, k) => agentLoop(job, token, bodies[k]!, until, rec, `${run}-${k}`)),
    ...cookies.map((cookie) => readerLoop(job, cookie, until, rec)),
  ]);
  return { ms: performance.now() - started, latencies: rec.latencies, steady: rec.steady, errors: rec.errors, acknowledged: rec.acknowledged };
}

const job = JSON.parse(process.argv[2] ?? '{}') as SoakJob;
process.stdout.write(JSON.stringify(await soak(job)));
