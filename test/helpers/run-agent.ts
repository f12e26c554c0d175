import { runAgent } from '../../agents/main.js';

/**
 * Runs the real agent in-process with its state in `stateDir`, returning its
 * exit status and everything it printed. In-process because the test's hub
 * lives in this process too; at normal priority, keeping the runner's own.
 */
export async function runAgentIn(stateDir: string, ...argv: string[]): Promise<{ code: number; output: string }> {
  const out: string[] = [];
  const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) }, env: {} };
  const code = await runAgent([...argv, '--priority', 'normal', '--state-dir', stateDir], io);
  return { code, output: out.join('') };
}
