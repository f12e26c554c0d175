import { access } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';

/** Where CUPS builds put the scheduler's local socket: /run (Debian, Fedora, SUSE), /var/run (older builds), macOS. */
export const CUPS_SOCKETS = ['/run/cups/cups.sock', '/var/run/cups/cups.sock', '/private/var/run/cupsd'];

export interface CupsSchedulerOptions {
  env?: NodeJS.ProcessEnv;
  sockets?: readonly string[];
  /** How long localhost's IPP port may take to answer; libcups itself waits 250 ms. */
  timeoutMs?: number;
}

/**
 * Whether lpstat could reach a CUPS scheduler. False only when it certainly
 * could not, having looked where libcups looks: no server named (CUPS_SERVER,
 * a client.conf), no local socket, nothing answering on 127.0.0.1's IPP port.
 * Then lpstat would only print "scheduler is not running", at the cost of a
 * fork, an exec and loading libcups (5–15 ms of CPU); a server with the
 * CUPS client installed but no cupsd is common. Anything uncertain (a slow
 * answer, an unexpected error) is left to lpstat.
 */
export async function mayReachCupsScheduler(options: CupsSchedulerOptions = {}): Promise<boolean> {
  const { env = process.env, sockets = CUPS_SOCKETS, timeoutMs = 250 } = options;
  if (env.CUPS_SERVER) return true;
  const clientConfs = [join(env.CUPS_SERVERROOT || '/etc/cups', 'client.conf'), ...(env.HOME ? [join(env.HOME, '.cups', 'client.conf')] : [])];
  const exists = (file: string) => access(file).then(() => true, () => false);
  const found = await Promise.all([...clientConfs, ...sockets].map(exists));
  if (found.includes(true)) return true;
  // libcups tries 127.0.0.1 first. cupsd's stock "Listen localhost:631" binds ::1 beside it, and every
  // distribution's cupsd also listens on its socket (above), so ::1 is not tried: in Node a refused
  // connection costs 2–3 ms of CPU, and the two together cost about what lpstat does.
  return answersOn('127.0.0.1', Number(env.IPP_PORT) || 631, timeoutMs);
}

/** True when something accepts a connection (or does not refuse it in time); false when it is refused or unreachable. */
function answersOn(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const settle = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => settle(true));
    socket.once('connect', () => settle(true));
    socket.once('error', (error: NodeJS.ErrnoException) => settle(!NO_LISTENER.has(error.code ?? '')));
  });
}

/** The errors that mean no scheduler is listening there, as opposed to one that could not be asked. */
const NO_LISTENER = new Set(['ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH']);
