/**
 * The hub killed (SIGKILL) in the middle of a stream of reports from spooling
 * agents, then restarted on the same data dir: nothing it acknowledged is lost,
 * nothing the agents resend is stored twice, and the database is intact.
 * The agents are the real agent's cycle (agents/run-once.ts: spool, delta
 * sender, gzip post) in this process, fed reports instead of scanning. One
 * agent reaches the hub through a proxy that loses the hub's last replies
 * before the kill, so a report the hub stored but never acknowledged is
 * certainly resent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgentConfig } from '../../agents/agent-config.js';
import { createDeltaSender } from '../../agents/delta-sender.js';
import { runAgent } from '../../agents/main.js';
import { postReport, type Outgoing, type PostOutcome } from '../../agents/post.js';
import { drainSpool, runOnce } from '../../agents/run-once.js';
import { Spool } from '../../agents/spool.js';
import { createEnrolmentSecret } from '../../src/auth/enrolment.js';
import { inventoryHash } from '../../src/contract/inventory-hash.js';
import type { Report } from '../../src/contract/report.js';
import { rebindAgentToMachine } from '../../src/auth/rebind-agent.js';
import { databaseFile, openDb } from '../../src/store/db.js';
import { startAnswerDroppingProxy, type AnswerDroppingProxy } from '../helpers/answer-dropping-proxy.js';
import { freePort, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { patchedReports } from '../helpers/patched-reports.js';
import { tempDir } from '../helpers/test-hub.js';

const AGENTS = 12;
const REPORTS_PER_AGENT = 15;
/** Fifteen nights in a minute: each agent's hourly report budget is lifted. */
const HUB_ENV = { ESTATEWATCH_AGENT_REPORTS_PER_HOUR: '3600' };
/** Kill once this many reports are acknowledged: a third of the stream, so there are reports on both sides. */
const KILL_AFTER_ACKS = 60;
/** An agent whose hub is unreachable waits this long before its next cycle (a real one waits for its schedule). */
const RETRY_PAUSE_MS = 100;

interface StreamAgent {
  hubUrl: string;
  stateDir: string;
  spool: Spool;
  token: string;
  reports: Report[];
}

/** What the agents saw on the wire, and when the hub died. */
class Wire {
  readonly acked = new Set<string>();
  /** Acknowledged by the hub that was then killed: the reports the crash must not lose. */
  readonly ackedByKilledHub = new Set<string>();
  /** Answered "already stored": an earlier attempt got through but its answer was lost. */
  readonly duplicates = new Set<string>();
  inFlight = 0;
  killed = false;
  /** Requests on the wire when the hub died that never got their answer. */
  cutOff = 0;

  constructor(private readonly onAck: (wire: Wire) => void) {}

  /** The agent's own post, counted: a 2xx is an acknowledgement the hub must honour. */
  readonly post = async (hubUrl: string, token: string, entry: Outgoing): Promise<PostOutcome> => {
    const sentBeforeKill = !this.killed;
    this.inFlight += 1;
    try {
      const outcome = await postReport(hubUrl, token, entry, { timeoutMs: 10_000 });
      if (outcome.kind === 'acknowledged') this.acknowledge(entry.id, outcome.duplicate, sentBeforeKill);
      else if (sentBeforeKill && this.killed) this.cutOff += 1;
      return outcome;
    } finally {
      this.inFlight -= 1;
    }
  };

  private acknowledge(key: string, duplicate: boolean, sentBeforeKill: boolean): void {
    this.acked.add(key);
    if (sentBeforeKill) this.ackedByKilledHub.add(key);
    if (duplicate) this.duplicates.add(key);
    this.onAck(this);
  }
}

let dataDir: string;
let hub: HubProcess;
let proxy: AnswerDroppingProxy;
let agents: StreamAgent[];

beforeAll(async () => {
  dataDir = tempDir('estatewatch-crash-');
  const secret = enrolmentSecret(dataDir);
  const port = await freePort();
  hub = await startHubProcess(dataDir, port, undefined, HUB_ENV);
  proxy = await startAnswerDroppingProxy(port);
  agents = await Promise.all(Array.from({ length: AGENTS }, (_, k) => enrolStreamAgent(k, secret, k === 0 ? proxy.url : hub.url)));
});
afterAll(async () => {
  await proxy?.close();
  await hub?.crash();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Made with the hub's own store code before the hub starts, as an admin would on its enrolment page. */
function enrolmentSecret(dir: string): string {
  const db = openDb(databaseFile(dir));
  try {
    return createEnrolmentSecret(db, { label: 'crash test', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: new Date(), days: 1 }).secret;
  } finally {
    db.close();
  }
}

async function enrolStreamAgent(k: number, secret: string, hubUrl: string): Promise<StreamAgent> {
  const stateDir = path.join(dataDir, `agent-${k}`);
  const out: string[] = [];
  const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) }, env: {} };
  // --priority normal: in-process, the agent must not renice the test runner.
  const code = await runAgent(['enrol', '--hub', hub.url, '--secret', secret, '--state-dir', stateDir, '--priority', 'normal'], io);
  const config = await readAgentConfig(stateDir);
  if (code !== 0 || !config) throw new Error(`agent ${k} did not enrol: ${out.join('')}`);
  // Every agent here enrolled as this machine; each stands for another one, so an admin re-binds it (as for a renamed machine).
  const machine = `CRASH-PC${String(k).padStart(3, '0')}`;
  const db = openDb(databaseFile(dataDir));
  try {
    rebindAgentToMachine(db, { agentId: Number(config.agentId), machine, org: null, by: 'test', now: new Date() });
  } finally {
    db.close();
  }
  return { hubUrl, stateDir, spool: new Spool(stateDir, { warn: () => undefined }), token: config.token, reports: patchedReports(machine, REPORTS_PER_AGENT) };
}

/** One agent's nights: each cycle spools a new report and drains the spool, waiting a little while the hub is down. */
async function runStream(agent: StreamAgent, wire: Wire): Promise<void> {
  for (const report of agent.reports) {
    const summary = await runOnce({ spool: agent.spool, hubUrl: agent.hubUrl, token: agent.token, stateDir: agent.stateDir, collect: async () => report, post: wire.post });
    if (summary.stopped) await delay(RETRY_PAUSE_MS);
  }
}

/** What an agent's next cycle would do once the hub is back: send everything still spooled. */
async function drain(agent: StreamAgent, wire: Wire) {
  const send = createDeltaSender({ stateDir: agent.stateDir, post: (entry) => wire.post(agent.hubUrl, agent.token, entry) });
  return drainSpool(agent.spool, send);
}

/** SIGKILL, then the same command on the same data dir and port; the proxied agent's open connection dies with the hub. */
async function crashAndRestart(): Promise<HubProcess> {
  await hub.crash();
  proxy.cut();
  return startHubProcess(dataDir, Number(new URL(hub.url).port), undefined, HUB_ENV);
}

function readStore() {
  const db = openDb(databaseFile(dataDir));
  try {
    const receipts = db.prepare('SELECT agent_id AS agentId, idempotency_key AS key FROM report_receipts').all() as { agentId: number; key: string }[];
    const assets = db.prepare('SELECT a.hostname, a.inventory_hash AS hash, (SELECT count(*) FROM installs i WHERE i.asset_id = a.id) AS installs FROM assets a ORDER BY a.hostname').all() as {
      hostname: string;
      hash: string;
      installs: number;
    }[];
    const integrity = db.pragma('integrity_check', { simple: true });
    const foreignKeyErrors = (db.pragma('foreign_key_check') as unknown[]).length;
    return { receipts, assets, integrity, foreignKeyErrors };
  } finally {
    db.close();
  }
}

describe('hub killed mid-stream', () => {
  it('keeps every acknowledged report, stores every resent one exactly once, and leaves an intact database', async () => {
    let restarting: Promise<HubProcess> | undefined;
    let phase: 'streaming' | 'dropping' | 'armed' = 'streaming';
    const wire = new Wire((w) => {
      if (phase === 'streaming' && w.acked.size >= KILL_AFTER_ACKS) {
        phase = 'dropping';
        void proxy.dropAnswers().then(() => (phase = 'armed'));
      }
      // Besides the request just answered and the proxied one left unanswered: at least two more on the wire, to be cut off half-way.
      if (phase !== 'armed' || restarting || w.inFlight < 4) return;
      w.killed = true;
      restarting = crashAndRestart();
    });

    await Promise.all(agents.map((agent) => runStream(agent, wire)));
    expect(restarting, 'the kill never happened: too few reports were acknowledged').toBeDefined();
    hub = await (restarting as Promise<HubProcess>);
    const drained = await Promise.all(agents.map((agent) => drain(agent, wire)));
    expect(await hub.stop()).toBe(0);

    const total = AGENTS * REPORTS_PER_AGENT;
    // The kill landed mid-stream: requests were cut off, and reports were still to come.
    expect(wire.cutOff).toBeGreaterThan(1);
    // The proxied agent's report, stored but never acknowledged, was resent and answered "already stored".
    expect(wire.duplicates.size).toBeGreaterThan(0);
    expect(wire.ackedByKilledHub.size).toBeLessThan(total);
    expect(drained.map((d) => d.pending)).toEqual(agents.map(() => 0));
    expect(drained.map((d) => d.rejected)).toEqual(agents.map(() => 0));

    const store = readStore();
    const stored = new Set(store.receipts.map((r) => r.key));
    expect([...wire.ackedByKilledHub].filter((key) => !stored.has(key)), 'acknowledged before the kill but not stored').toEqual([]);
    expect(store.receipts, 'a report stored twice').toHaveLength(total);
    expect(stored, 'every report stored, under the key it was spooled with').toEqual(wire.acked);
    expect(stored.size).toBe(total);
    expect(new Set(store.receipts.map((r) => r.agentId)).size).toBe(AGENTS);
    // Each machine holds exactly its last report's inventory: nothing lost, nothing doubled.
    expect(store.assets).toEqual(
      agents.map((a) => a.reports.at(-1) as Report).map((last) => ({ hostname: last.host.hostname, hash: inventoryHash(last), installs: last.software.length })),
    );
    expect(store.integrity).toBe('ok');
    expect(store.foreignKeyErrors).toBe(0);
  }, 90_000);
});
