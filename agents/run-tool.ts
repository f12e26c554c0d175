import { execFile } from 'node:child_process';
import { AgentError } from './agent-error.js';
import { isMissingCommand } from './missing-command.js';

export interface RunToolOptions {
  timeoutMs?: number;
  maxBuffer?: number;
  /** Treat a non-zero exit as "nothing to report" (e.g. lpstat when cupsd is stopped). */
  allowFailure?: boolean;
}

/**
 * Runs an inventory command without a shell and returns its stdout, or
 * `undefined` when the tool is not installed: absence is normal on a mixed estate.
 * LC_ALL=C keeps the output in the English format the parsers expect.
 */
export function runTool(command: string, args: readonly string[], options: RunToolOptions = {}): Promise<string | undefined> {
  const { timeoutMs = 60_000, maxBuffer = 64 * 1024 * 1024, allowFailure = false } = options;
  if (isMissingCommand(command, process.env.PATH)) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, maxBuffer, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return resolve(undefined);
        if (allowFailure) return resolve(undefined);
        const detail = error.killed ? `timed out after ${timeoutMs} ms` : stderr.trim() || error.message;
        reject(new AgentError('tool-failed', `${command} failed: ${detail}`));
      },
    );
  });
}
