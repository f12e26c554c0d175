import { execFile } from 'node:child_process';

/**
 * Runs a command to its end without blocking this process (the hub under test
 * lives in it), with only PATH and `env` in its environment.
 */
export function runChild(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: opts.cwd, encoding: 'utf8', env: { PATH: process.env.PATH, ...opts.env }, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
