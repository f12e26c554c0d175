import type { Report } from '../src/contract/report.js';
import { collectReport } from './collect.js';
import { createDeltaSender } from './delta-sender.js';
import { postReport, type Outgoing, type PostOutcome } from './post.js';
import type { Spool, SpoolEntry } from './spool.js';

export interface RunSummary {
  /** Newly stored by the hub. */
  sent: number;
  /** Acknowledged as already stored (an earlier attempt got through but its answer was lost). */
  duplicates: number;
  /** Refused for good and moved to rejected/. */
  rejected: number;
  /** Still spooled after this run. */
  pending: number;
  /** Why draining stopped early, if it did. */
  stopped?: { kind: 'retry' | 'unauthorized' | 'untrusted'; reason: string };
  /** Set when this run's scan failed; older spooled reports were still sent. */
  collectError?: string;
}

export interface RunOnceOptions {
  spool: Spool;
  hubUrl: string;
  token: string;
  /** Where last-ack.json (the base of delta reports) lives. */
  stateDir: string;
  /** Send full reports this time, not deltas. */
  fullReport?: boolean;
  collect?: () => Promise<Report>;
  post?: (hubUrl: string, token: string, entry: Outgoing) => Promise<PostOutcome>;
}

/**
 * One agent cycle: collect, spool, then drain. The report is on disk before
 * any network attempt, so a hub outage or a crash never loses it.
 */
export async function runOnce(options: RunOnceOptions): Promise<RunSummary> {
  const { spool, hubUrl, token, stateDir, fullReport, collect = () => collectReport({ stateDir }), post = postReport } = options;
  let collectError: string | undefined;
  try {
    await spool.add(await collect());
  } catch (error) {
    collectError = (error as Error).message;
  }
  const send = createDeltaSender({ stateDir, forceFull: fullReport, post: (entry) => post(hubUrl, token, entry) });
  const summary = await drainSpool(spool, send);
  return collectError === undefined ? summary : { ...summary, collectError };
}

/**
 * Sends spooled reports oldest-first, one at a time so the hub sees them in
 * order. Stops at the first retry, unauthorized or untrusted: the rest would fail alike.
 */
export async function drainSpool(spool: Spool, send: (entry: SpoolEntry) => Promise<PostOutcome>): Promise<RunSummary> {
  const summary: RunSummary = { sent: 0, duplicates: 0, rejected: 0, pending: 0 };
  await spool.sweepTemp();
  for (const name of await spool.list()) {
    const entry = await spool.read(name);
    if (!entry) continue;
    const outcome = await send(entry);
    if (outcome.kind === 'acknowledged') {
      await spool.remove(name);
      if (outcome.duplicate) summary.duplicates += 1;
      else summary.sent += 1;
    } else if (outcome.kind === 'rejected') {
      await spool.reject(name, `hub answered ${outcome.status}\n${outcome.body}`);
      summary.rejected += 1;
    } else {
      summary.stopped = { kind: outcome.kind, reason: outcome.kind === 'unauthorized' ? refusedBecause(outcome.status, outcome.body) : outcome.reason };
      break;
    }
  }
  summary.pending = (await spool.list()).length;
  return summary;
}

/** The hub's status and its own words (which say what to do: enrol again, wait for approval), short. */
function refusedBecause(status: number, body: string): string {
  return `hub answered ${status}${body ? `: ${body.slice(0, 300)}` : ''}`;
}
