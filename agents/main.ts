import { homedir, hostname } from 'node:os';
import { AgentError } from './agent-error.js';
import { agentConfigPath, readAgentConfig } from './agent-config.js';
import { parseAgentArgs, USAGE, type AgentCommand } from './args.js';
import { collectReport } from './collect.js';
import { enrol } from './enrol.js';
import { runOnce, type RunSummary } from './run-once.js';
import { appendReport } from './output-file.js';
import { lowerPriority } from './priority.js';
import { schedule } from './schedule.js';
import { Spool } from './spool.js';
import { defaultStateDir } from './state-dir.js';

export interface AgentIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Ends a --schedule run; by default SIGINT or SIGTERM does. */
  signal?: AbortSignal;
}

/** Exit status when the hub could not be reached and reports wait in the spool (sysexits EX_TEMPFAIL). */
export const EXIT_HUB_UNREACHABLE = 75;

/**
 * `estatewatch agent …`: parses `argv` (the words after "agent"), runs the
 * command and returns the exit status. The only place agent errors are caught.
 */
export async function runAgent(argv: readonly string[], io: AgentIo = processIo()): Promise<number> {
  try {
    return await execute(parseAgentArgs(argv, io.env), io);
  } catch (error) {
    if (error instanceof AgentError && error.code === 'bad-arguments') {
      io.stderr.write(`estatewatch agent: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    const message = error instanceof AgentError ? error.message : `unexpected error: ${(error as Error).stack ?? String(error)}`;
    io.stderr.write(`estatewatch agent: ${message}\n`);
    return 1;
  }
}

async function execute(command: AgentCommand, io: AgentIo): Promise<number> {
  if (command.mode === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command.lowPriority) lowerPriority();
  if (command.mode === 'output') {
    await appendReport(command.file, await collectReport());
    io.stderr.write(`estatewatch agent: report appended to ${command.file}; import it at the hub with: estatewatch import report <file>\n`);
    return 0;
  }
  if (command.mode === 'dry-run') {
    io.stdout.write(`${JSON.stringify(await collectReport(), null, 2)}\n`);
    return 0;
  }
  const stateDir = command.stateDir ?? defaultStateDir(io.env, process.getuid?.(), homedir());
  if (command.mode === 'enrol') {
    const config = await enrol(command.hub, command.secret, hostname(), { stateDir });
    io.stdout.write(`enrolled as agent ${config.agentId}; token saved to ${agentConfigPath(stateDir)}\n`);
    return 0;
  }
  const config = await readAgentConfig(stateDir);
  if (!config) {
    throw new AgentError('not-enrolled', `not enrolled (no ${agentConfigPath(stateDir)}); run: estatewatch agent enrol --hub <url> --secret <secret>`);
  }
  const spool = new Spool(stateDir, { limits: command.spoolLimits, warn: (message) => io.stderr.write(`${message}\n`) });
  const cycle = () => runOnce({ spool, stateDir, fullReport: command.fullReport, hubUrl: command.hub ?? config.hubUrl, token: config.token });
  if (command.mode === 'once') return reportSummary(await cycle(), io);
  const agent = schedule({
    cron: command.cron,
    jitterSeconds: command.jitterSeconds,
    quietHours: command.quietHours,
    run: async () => void reportSummary(await cycle(), io),
    log: (message) => io.stderr.write(`${new Date().toISOString()} ${message}\n`),
  });
  const quiet = command.quietHours ? `, quiet ${command.quietHours.text}` : '';
  io.stderr.write(`estatewatch agent: scheduled "${command.cron}" (jitter up to ${command.jitterSeconds} s${quiet}); spool ${spool.dir}\n`);
  await stopRequested(io.signal);
  await agent.stop();
  return 0;
}

/** Prints the run's summary as one JSON line and maps it to an exit status. */
function reportSummary(summary: RunSummary, io: AgentIo): number {
  io.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...summary })}\n`);
  if (summary.collectError) io.stderr.write(`estatewatch agent: scan failed: ${summary.collectError}\n`);
  if (summary.stopped?.kind === 'unauthorized') {
    io.stderr.write(`estatewatch agent: the hub refused this agent's token (${summary.stopped.reason}); enrol again\n`);
  }
  if (summary.stopped?.kind === 'retry') {
    io.stderr.write(`estatewatch agent: hub unreachable (${summary.stopped.reason}); ${summary.pending} report(s) kept for next run\n`);
  }
  if (summary.rejected > 0) io.stderr.write(`estatewatch agent: ${summary.rejected} report(s) refused by the hub, kept in rejected/\n`);
  if (summary.collectError || summary.rejected > 0 || summary.stopped?.kind === 'unauthorized') return 1;
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

function processIo(): AgentIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
