import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkReport, type Report } from '../../src/contract/report.js';
import { writeAgentConfig } from '../../agents/agent-config.js';
import { enrol } from '../../agents/enrol.js';
import { runAgent, type AgentIo } from '../../agents/main.js';
import { EXIT_HUB_UNREACHABLE } from '../../agents/run-hub-mode.js';
import { postReport } from '../../agents/post.js';
import { runOnce } from '../../agents/run-once.js';
import { Spool } from '../../agents/spool.js';
import { sampleReport } from '../unit/agents/_sample-report.js';

/**
 * A stand-in for the hub's two agent endpoints on 127.0.0.1, to test the
 * agent's side only: what it sends and how it reacts to each status. Where it
 * plays the hub it answers as the real hub does (201 on enrolment, 202 for a
 * new report and 200 for a replay, 401 for a refused secret or token, the
 * hub's own error codes); the table of other statuses tests the agent's
 * mapping. The agent against the real hub: agent-to-hub.test.ts.
 */
interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

type Handler = (request: Received, response: ServerResponse) => void;

class FakeHub {
  received: Received[] = [];
  handler: Handler = (_request, response) => json(response, 202, { receiptId: `r${this.received.length}`, duplicate: false });
  private server: Server | undefined;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = { url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) };
        this.received.push(received);
        this.handler(received, response);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  reports(): Report[] {
    return this.received.filter((r) => r.url === '/api/v1/reports').map((r) => JSON.parse(gunzipSync(r.body).toString('utf8')) as Report);
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

function captureIo(): AgentIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: {}, out: () => out, err: () => err };
}

describe('agent against a stand-in hub on 127.0.0.1', () => {
  let hub: FakeHub;
  let stateDir: string;
  let spool: Spool;

  beforeEach(async () => {
    hub = new FakeHub();
    await hub.start();
    stateDir = await mkdtemp(join(tmpdir(), 'ew-agent-hub-'));
    spool = new Spool(stateDir, { warn: () => undefined });
  });
  afterEach(async () => {
    await hub.stop();
    await rm(stateDir, { recursive: true, force: true });
  });

  const cycle = (hostname: string) => runOnce({ spool, stateDir, hubUrl: hub.url, token: 'tok-1', collect: async () => sampleReport(hostname) });

  describe('enrol', () => {
    it('posts {secret, hostname} and saves {hubUrl, agentId, token} to agent.json with mode 0600', async () => {
      hub.handler = (_request, response) => json(response, 201, { agentId: 'agent-7', token: 'tok-7' });
      const io = captureIo();
      expect(await runAgent(['enrol', '--hub', `${hub.url}/`, '--secret', 'trust-secret', '--state-dir', stateDir], io)).toBe(0);
      expect(hub.received[0]?.url).toBe('/api/v1/agents/enrol');
      expect(hub.received[0]?.headers['content-type']).toBe('application/json');
      expect(JSON.parse(hub.received[0]?.body.toString() ?? '')).toMatchObject({ secret: 'trust-secret', hostname: expect.any(String) });
      const saved = JSON.parse(await readFile(join(stateDir, 'agent.json'), 'utf8'));
      expect(saved).toEqual({ hubUrl: `${hub.url}/`, agentId: 'agent-7', token: 'tok-7' });
      expect((await stat(join(stateDir, 'agent.json'))).mode & 0o777).toBe(0o600);
      expect(io.out()).toContain('agent-7');
    });

    it('fails with the hub answer and saves nothing when the secret is refused', async () => {
      // As the real hub answers (src/hub/routes/agents.ts): 401 unauthorized.
      hub.handler = (_request, response) => json(response, 401, { error: { code: 'unauthorized', message: 'enrolment secret is unknown, expired or revoked' } });
      await expect(enrol(hub.url, 'wrong', 'h', { stateDir })).rejects.toThrow(/refused enrolment \(401\).*unauthorized/);
      expect(await readdir(stateDir)).toEqual([]);
    });
  });

  describe('postReport', () => {
    it('sends a gzipped valid report with bearer token, idempotency key and JSON content type', async () => {
      hub.handler = (_request, response) => json(response, 202, { receiptId: 'rcpt-1', duplicate: false });
      const entry = { id: '0b6c1a4e-2f4d-4c8e-9a55-1f2e3d4c5b6a', report: sampleReport() };
      expect(await postReport(hub.url, 'tok-1', entry)).toEqual({ kind: 'acknowledged', receiptId: 'rcpt-1', duplicate: false });
      const request = hub.received[0];
      expect(request?.url).toBe('/api/v1/reports');
      expect(request?.headers).toMatchObject({
        authorization: 'Bearer tok-1',
        'idempotency-key': entry.id,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      });
      expect(checkReport(hub.reports()[0])).toMatchObject({ ok: true });
    });

    it.each([
      [400, 'rejected'],
      [413, 'rejected'],
      [422, 'rejected'],
      [401, 'unauthorized'],
      [403, 'unauthorized'],
      [429, 'retry'],
      [500, 'retry'],
      [503, 'retry'],
      [404, 'retry'],
    ])('maps status %i to %s', async (status, kind) => {
      hub.handler = (_request, response) => json(response, status, { error: { code: 'x' } });
      expect((await postReport(hub.url, 't', { id: 'i', report: sampleReport() })).kind).toBe(kind);
    });

    it('gives up after the timeout and asks for a retry', async () => {
      hub.handler = () => undefined;
      const outcome = await postReport(hub.url, 't', { id: 'i', report: sampleReport() }, { timeoutMs: 300 });
      expect(outcome).toEqual({ kind: 'retry', reason: 'hub did not answer in time' });
    });
  });

  describe('spool and drain', () => {
    it('keeps reports while the hub is down, then sends them oldest-first with their original ids', async () => {
      const port = hub.port;
      await hub.stop();
      const down1 = await cycle('first');
      const down2 = await cycle('second');
      expect(down1).toMatchObject({ sent: 0, pending: 1, stopped: { kind: 'retry' } });
      expect(down2).toMatchObject({ sent: 0, pending: 2, stopped: { kind: 'retry' } });
      const spooledIds = await Promise.all((await spool.list()).map(async (name) => (await spool.read(name))?.id));

      await hub.start(port);
      const up = await cycle('third');
      expect(up).toEqual({ sent: 3, duplicates: 0, rejected: 0, pending: 0 });
      expect(hub.reports().map((report) => report.host.hostname)).toEqual(['first', 'second', 'third']);
      expect(hub.received.slice(0, 2).map((request) => request.headers['idempotency-key'])).toEqual(spooledIds);
      expect(await spool.list()).toEqual([]);
    });

    it('resends the same id after a lost answer, so the hub can answer duplicate', async () => {
      const seen = new Set<string>();
      let first = true;
      hub.handler = (request, response) => {
        const key = String(request.headers['idempotency-key']);
        const duplicate = seen.has(key);
        seen.add(key);
        if (first) {
          first = false;
          response.destroy(); // stored, but the answer never reaches the agent
          return;
        }
        json(response, duplicate ? 200 : 202, { receiptId: 'r', duplicate });
      };
      expect(await cycle('one')).toMatchObject({ pending: 1, stopped: { kind: 'retry' } });
      expect(await cycle('two')).toEqual({ sent: 1, duplicates: 1, rejected: 0, pending: 0 });
      expect(hub.received[0]?.headers['idempotency-key']).toBe(hub.received[1]?.headers['idempotency-key']);
    });

    it('moves a report the hub rejects with 400 to rejected/ with the error body beside it', async () => {
      hub.handler = (_request, response) => json(response, 400, { error: { code: 'invalid-report', details: [{ path: 'os.version' }] } });
      expect(await cycle('bad')).toEqual({ sent: 0, duplicates: 0, rejected: 1, pending: 0 });
      const files = (await readdir(join(stateDir, 'rejected'))).sort();
      expect(files).toHaveLength(2);
      const errorFile = files.find((name) => name.endsWith('.error.txt')) ?? '';
      expect(await readFile(join(stateDir, 'rejected', errorFile), 'utf8')).toMatch(/hub answered 400\n.*os\.version/);
      const kept = JSON.parse(await readFile(join(stateDir, 'rejected', files.find((n) => n.endsWith('.json')) ?? ''), 'utf8'));
      expect(kept.report.host.hostname).toBe('bad');
    });

    it('keeps the report spooled when the token is refused (401)', async () => {
      hub.handler = (_request, response) => json(response, 401, { error: { code: 'unauthorized' } });
      expect(await cycle('x')).toMatchObject({ sent: 0, pending: 1, stopped: { kind: 'unauthorized' } });
      expect(await spool.list()).toHaveLength(1);
    });
  });

  describe('estatewatch agent --once', () => {
    it('collects on this machine, posts and exits 0', async () => {
      await writeAgentConfig(stateDir, { hubUrl: hub.url, agentId: 'a', token: 'tok-9' });
      const io = captureIo();
      expect(await runAgent(['--once', '--priority', 'normal', '--state-dir', stateDir], io)).toBe(0);
      expect(JSON.parse(io.out())).toMatchObject({ sent: 1, pending: 0 });
      expect(hub.received[0]?.headers.authorization).toBe('Bearer tok-9');
      expect(hub.reports()[0]?.os.name).toBe('Debian GNU/Linux');
    });

    it('exits 75 and keeps the report when the hub is unreachable', async () => {
      await writeAgentConfig(stateDir, { hubUrl: hub.url, agentId: 'a', token: 't' });
      await hub.stop();
      const io = captureIo();
      expect(await runAgent(['--once', '--priority', 'normal', '--state-dir', stateDir], io)).toBe(EXIT_HUB_UNREACHABLE);
      expect(io.err()).toMatch(/hub unreachable .* 1 report\(s\) kept/);
      expect(await spool.list()).toHaveLength(1);
    });

    it('exits 1 and asks to enrol again when the token is refused', async () => {
      await writeAgentConfig(stateDir, { hubUrl: hub.url, agentId: 'a', token: 'revoked' });
      hub.handler = (_request, response) => json(response, 401, { error: { code: 'agent-revoked', message: "this agent's token was revoked" } });
      const io = captureIo();
      expect(await runAgent(['--once', '--priority', 'normal', '--state-dir', stateDir], io)).toBe(1);
      expect(io.err()).toContain('enrol again');
    });
  });

  describe('estatewatch agent --schedule', () => {
    it('runs on the schedule until stopped', async () => {
      await writeAgentConfig(stateDir, { hubUrl: hub.url, agentId: 'a', token: 't' });
      const abort = new AbortController();
      const io = { ...captureIo(), signal: abort.signal };
      const running = runAgent(['--schedule', '* * * * * *', '--jitter', '0', '--state-dir', stateDir], io);
      const deadline = Date.now() + 10_000;
      while (hub.reports().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      abort.abort();
      expect(await running).toBe(0);
      expect(hub.reports().length).toBeGreaterThanOrEqual(1);
    });
  });
});
