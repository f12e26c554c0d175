import { homedir } from 'node:os';
import { AgentError } from './agent-error.js';
import { agentConfigPath, readAgentConfig } from './agent-config.js';
import type { AgentCommand } from './args.js';
import { enrol } from './enrol.js';
import { hubTrust } from './hub-trust.js';
import { machineName } from './machine-name.js';
import type { AgentIo } from './main.js';
import { postReport } from './post.js';
import { runOnce, type RunOnceOptions, type RunSummary } from './run-once.js';
import { schedule } from './schedule.js';
import { Spool } from './spool.js';
import { defaultStateDir } from './state-dir.js';

/** Exit status when the hub could not be reached and reports wait in the spool (sysexits EX_TEMPFAIL). */
export const EXIT_HUB_UNREACHABLE = 75;

export type HubCommand = Extract<AgentCommand, { mode: 'enrol' | 'once' | 'schedule' }>;

/** The modes that talk to the hub: enrol, then --once or --schedule with the saved token and a spool. */
export async function runHubMode(command: HubCommand, io: AgentIo, program: string): Promise<number> {
  const stateDir = command.stateDir ?? defaultStateDir(io.env, process.getuid?.(), homedir());
  if (command.mode === 'enrol') {
    const config = await enrol(command.hub, command.secret, await machineName(), { stateDir, trust: await hubTrust(command) });
    io.stdout.write(`enrolled as agent ${config.agentId}; token saved to ${agentConfigPath(stateDir)}\n`);
    return 0;
  }
  const config = await readAgentConfig(stateDir);
  if (!config) {
    throw new AgentError('not-enrolled', `not enrolled (no ${agentConfigPath(stateDir)}); run: ${program} enrol --hub <url>, with the secret in ESTATEWATCH_ENROL_SECRET`);
  }
  const trust = await hubTrust(command, config);
  const spool = new Spool(stateDir, { limits: command.spoolLimits, warn: (message) => io.stderr.write(`${message}\n`) });
  const post: RunOnceOptions['post'] = (hub, token, entry) => postReport(hub, token, entry, { trust });
  const cycle = () => runOnce({ spool, stateDir, fullReport: command.fullReport, hubUrl: command.hub ?? config.hubUrl, token: config.token, post });
  if (command.mode === 'once') return reportSummary(await cycle(), io, program);
  const agent = schedule({
    cron: command.cron,
    jitterSeconds: command.jitterSeconds,
    quietHours: command.quietHours,
    run: async () => void reportSummary(await cycle(), io, program),
    log: (message) => io.stderr.write(`${new Date().toISOString()} ${message}\n`),
  });
  const quiet = command.quietHours ? `, quiet ${command.quietHours.text}` : '';
  io.stderr.write(`${program}: scheduled "${command.cron}" (jitter up to ${command.jitterSeconds} s${quiet}); spool ${spool.dir}\n`);
  await stopRequested(io.signal);
  await agent.stop();
  return 0;
}

/** Prints the run's summary as one JSON line and maps it to an exit status. */
function reportSummary(summary: RunSummary, io: AgentIo, program: string): number {
  io.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...summary })}\n`);
  if (summary.collectError) io.stderr.write(`${program}: scan failed: ${summary.collectError}\n`);
  if (summary.stopped?.kind === 'unauthorized') {
    io.stderr.write(`${program}: the hub refused this agent (${summary.stopped.reason}); ${summary.pending} report(s) kept${summary.stopped.reason.startsWith('hub answered 401') ? '; enrol again' : ''}\n`);
  }
  if (summary.stopped?.kind === 'untrusted') io.stderr.write(`${program}: ${summary.stopped.reason}; nothing sent, ${summary.pending} report(s) kept\n`);
  if (summary.stopped?.kind === 'retry') {
    io.stderr.write(`${program}: hub unreachable (${summary.stopped.reason}); ${summary.pending} report(s) kept for next run\n`);
  }
  if (summary.rejected > 0) io.stderr.write(`${program}: ${summary.rejected} report(s) refused by the hub, kept in rejected/\n`);
  const stoppedForGood = summary.stopped !== undefined && summary.stopped.kind !== 'retry';
  if (summary.collectError || summary.rejected > 0 || stoppedForGood) return 1;
  return summary.stopped?.kind === 'retry' ? EXIT_HUB_UNREACHABLE : 0;
}

function stopRequested(signal: AbortSignal | undefined): Promise<void> {
  if (signal) {
    return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
