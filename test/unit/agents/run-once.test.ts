import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostOutcome } from '../../../agents/post.js';
import { drainSpool, runOnce } from '../../../agents/run-once.js';
import { Spool, type SpoolEntry } from '../../../agents/spool.js';
import { sampleReport } from './_sample-report.js';

describe('runOnce', () => {
  let stateDir: string;
  let spool: Spool;
  beforeEach(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'ew-run-'));
    spool = new Spool(stateDir, { warn: () => undefined });
  });
  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it('spools the new report before the first post, then drains oldest-first', async () => {
    await spool.add(sampleReport('older'));
    const seen: string[] = [];
    const summary = await runOnce({
      spool,
      stateDir,
      hubUrl: 'http://127.0.0.1:9',
      token: 't',
      collect: async () => sampleReport('newest'),
      post: async (_hub, _token, entry) => {
        // The report being posted is already on disk.
        expect((await spool.list()).length).toBeGreaterThanOrEqual(1);
        seen.push(entry.report.host.hostname);
        return { kind: 'acknowledged', receiptId: 'r', duplicate: false };
      },
    });
    expect(seen).toEqual(['older', 'newest']);
    expect(summary).toEqual({ sent: 2, duplicates: 0, rejected: 0, pending: 0 });
  });

  it('still drains older reports when the scan fails, and says why', async () => {
    await spool.add(sampleReport('older'));
    const summary = await runOnce({
      spool,
      stateDir,
      hubUrl: 'http://127.0.0.1:9',
      token: 't',
      collect: async () => {
        throw new Error('collector "dpkg" failed');
      },
      post: async () => ({ kind: 'acknowledged', duplicate: true }),
    });
    expect(summary).toEqual({ sent: 0, duplicates: 1, rejected: 0, pending: 0, collectError: 'collector "dpkg" failed' });
  });
});

describe('drainSpool', () => {
  let stateDir: string;
  let spool: Spool;
  beforeEach(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'ew-drain-'));
    spool = new Spool(stateDir, { warn: () => undefined });
    for (const host of ['a', 'b', 'c']) await spool.add(sampleReport(host));
  });
  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  const scripted = (outcomes: Record<string, PostOutcome>) => async (entry: SpoolEntry) =>
    outcomes[entry.report.host.hostname] ?? { kind: 'acknowledged' as const, duplicate: false };

  it.each([
    ['retry', { kind: 'retry', reason: 'ECONNREFUSED' }],
    ['unauthorized', { kind: 'unauthorized', status: 401, body: '' }],
  ] as const)('stops at the first %s and keeps the rest spooled', async (kind, outcome) => {
    const summary = await drainSpool(spool, scripted({ b: outcome }));
    expect(summary).toMatchObject({ sent: 1, pending: 2, stopped: { kind } });
  });

  it('moves a rejected report aside and carries on', async () => {
    const summary = await drainSpool(spool, scripted({ a: { kind: 'rejected', status: 400, body: '{"error":{}}' } }));
    expect(summary).toEqual({ sent: 2, duplicates: 0, rejected: 1, pending: 0 });
    expect((await readdir(spool.rejectedDir)).filter((name) => name.endsWith('.json'))).toHaveLength(1);
  });

  it('sends the same id again for the same spooled report', async () => {
    const ids: string[] = [];
    const record = async (entry: SpoolEntry): Promise<PostOutcome> => {
      ids.push(entry.id);
      return { kind: 'retry', reason: 'down' };
    };
    await drainSpool(spool, record);
    await drainSpool(spool, record);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });
});
