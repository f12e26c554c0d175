import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The command line as installed: built from the source under test by test/build-global-setup.ts. */
export const CLI_MAIN = path.join(ROOT, 'dist/src/cli/main.js');
const ARGS = [CLI_MAIN];

/** Runs the real `estatewatch` CLI and waits for it. */
export function runCli(args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [...ARGS, ...args], { cwd: ROOT, encoding: 'utf8', input: opts.input, env: { ...process.env, ...opts.env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the real CLI without blocking this process: for a test whose hub
 * listens in this process. runCli's wait blocks the hub's event loop too, and
 * a command taking over the hub's 5 s keep-alive left the test's pooled
 * connection to be closed under its next request (ECONNRESET on a loaded
 * machine, cyber-alerts.test on PostgreSQL).
 */
export function runCliInBackground(args: string[], opts: { env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...ARGS, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...opts.env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** Starts the real CLI in the background, e.g. `serve`. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [...ARGS, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
