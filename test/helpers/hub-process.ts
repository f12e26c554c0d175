/**
 * The real hub as its own process (`estatewatch serve`), for tests that must
 * kill it as a crash would: a SIGKILL gives the hub no chance to flush,
 * close its database or answer the requests it holds.
 */
import { createServer } from 'node:net';
import { spawnCli } from './cli.js';

const STARTED = /hub is running: (http:\/\/\S+)/;

export interface HubProcess {
  url: string;
  /** SIGKILL, as the OOM killer or `kill -9` would (not a power cut: the OS keeps what was written); resolves once the process is gone. */
  crash(): Promise<void>;
  /** SIGTERM, the hub's clean stop; resolves with its exit status. */
  stop(): Promise<number | null>;
  /** What the hub has printed so far (its JSON log lines among it). */
  output(): string;
}

/** A port nothing listens on now, so a restarted hub can come back at the URL its agents know. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `estatewatch serve` on 127.0.0.1:`port` (with `env` added to its environment) and resolves once it prints that it is running. */
export function startHubProcess(dataDir: string, port: number, timeoutMs = 45_000, env: NodeJS.ProcessEnv = {}): Promise<HubProcess> {
  const child = spawnCli(['serve', '--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir], env);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const hub = (url: string): HubProcess => ({
    url,
    crash: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    output: () => output,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the hub did not start within ${timeoutMs} ms; output:\n${output}`));
    }, timeoutMs);
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      const url = STARTED.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(hub(url));
      }
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited (${code}) before it started; output:\n${output}`));
    });
  });
}
