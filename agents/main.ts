import { AgentError } from './agent-error.js';
import { agentUsage, checkSchedule, parseAgentArgs, type AgentCommand } from './args.js';
import { collectReport } from './collect.js';
import { appendReport } from './output-file.js';
import { lowerPriority } from './priority.js';

export interface AgentIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Ends a --schedule run; by default SIGINT or SIGTERM does. */
  signal?: AbortSignal;
}

/** How the agent is invoked from the estatewatch CLI; the one-file agent gives its own file name. */
export const AGENT_COMMAND = 'estatewatch agent';

/**
 * `estatewatch agent …`: parses `argv` (the words after "agent"), runs the
 * command and returns the exit status. The only place agent errors are caught.
 * `program` is how the person invoked it, for the usage and every message.
 */
export async function runAgent(argv: readonly string[], io: AgentIo = processIo(), program = AGENT_COMMAND): Promise<number> {
  try {
    const command = parseAgentArgs(argv, io.env);
    await checkSchedule(command);
    return await execute(command, io, program);
  } catch (error) {
    if (error instanceof AgentError && error.code === 'bad-arguments') {
      io.stderr.write(`${program}: ${error.message}\n\n${agentUsage(program)}\n`);
      return 2;
    }
    const message = error instanceof AgentError ? error.message : `unexpected error: ${(error as Error).stack ?? String(error)}`;
    io.stderr.write(`${program}: ${message}\n`);
    return 1;
  }
}

async function execute(command: AgentCommand, io: AgentIo, program: string): Promise<number> {
  if (command.mode === 'help') {
    io.stdout.write(`${agentUsage(program)}\n`);
    return 0;
  }
  if (command.lowPriority) lowerPriority();
  if (command.mode === 'output') {
    await appendReport(command.file, await collectReport());
    io.stderr.write(`${program}: report appended to ${command.file}; import it at the hub with: estatewatch import report <file>\n`);
    return 0;
  }
  if (command.mode === 'dry-run') {
    io.stdout.write(`${JSON.stringify(await collectReport(), null, 2)}\n`);
    return 0;
  }
  // Loaded only for these modes: a one-off scan never sets up the token file's
  // schema, the spool, the delta sender or the scheduler.
  const { runHubMode } = await import('./run-hub-mode.js');
  return runHubMode(command, io, program);
}

export function processIo(): AgentIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
