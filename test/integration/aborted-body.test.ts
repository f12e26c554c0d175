/**
 * A client that closes its connection halfway through a request body, over a
 * raw socket to a real hub process: the hub's log says so in one line, with
 * no stack, and neither the log nor the metrics show a 5xx.
 */
import fs from 'node:fs';
import net from 'node:net';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { tempDir } from '../helpers/test-hub.js';

const METRICS_TOKEN = 'aborted-body-test-metrics-token-0123456789';
const ABORTED = 'client aborted the request';

let dir: string;
let hub: HubProcess;

beforeAll(async () => {
  dir = tempDir('estatewatch-cut-body-');
  hub = await startHubProcess(dir, await freePort(), undefined, { ESTATEWATCH_METRICS_TOKEN: METRICS_TOKEN });
});
afterAll(async () => {
  await hub?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Declares a JSON body of `declared` bytes, sends `partial` of it, and closes the connection. */
async function abortMidBody(path: string, declared: number, partial: string): Promise<void> {
  const { hostname, port } = new URL(hub.url);
  const socket = net.connect(Number(port), hostname);
  await once(socket, 'connect');
  const head = `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`;
  await new Promise<void>((resolve, reject) => socket.write(head + partial, (err) => (err ? reject(err) : resolve())));
  socket.destroy();
}

async function logLine(matching: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
    if (hub.output().includes(matching)) return;
  }
  throw new Error(`the hub never logged "${matching}"; its output:\n${hub.output()}`);
}

describe('a request body the client aborts', () => {
  it('is logged as one line naming the method and path, with no stack, and counted as no 5xx', async () => {
    await abortMidBody('/api/v1/session', 1000, '{"username": "adm');
    await logLine(ABORTED);
    const metrics = await (await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toMatch(/^estatewatch_http_requests_total\{status_class="5xx"\} 0$/m);
    const lines = hub.output().split('\n');
    const aborted = lines.filter((line) => /abort/i.test(line));
    expect(aborted).toHaveLength(1);
    expect(JSON.parse(aborted[0]!)).toMatchObject({ level: 'info', msg: ABORTED, method: 'POST', path: '/api/v1/session' });
    expect(lines.filter((line) => /^\s+at |"level":"error"|unhandled|\\n\s+at /.test(line))).toEqual([]);
  });
});
