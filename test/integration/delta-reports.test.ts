/** Delta reports over real HTTP into a real hub: applied when they fit, refused with 409 when they do not. */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectReport } from '../../agents/collect.js';
import { createDeltaSender } from '../../agents/delta-sender.js';
import { postReport, type Outgoing, type PostOutcome } from '../../agents/post.js';
import { createEnrolmentSecret } from '../../src/auth/enrolment.js';
import { enrolAgent } from '../../src/auth/enrolment.js';
import { diffReports } from '../../src/contract/delta.js';
import type { Report } from '../../src/contract/report.js';
import { sampleReport } from '../helpers/reports.js';
import { startTestHub, tempDir, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let token: string;
/** This machine's own agent: one agent reports one machine, and DELTA-PC01 has its own. */
let machineToken: string;
const count = (sql: string) => (hub.deps.db.prepare(sql).get() as { n: number }).n;
const send = (report: Outgoing['report'], id = randomUUID()) => postReport(hub.url, token, { id, report });

beforeAll(async () => {
  hub = await startTestHub();
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'delta', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 1 });
  token = enrolAgent(hub.deps.db, { secret, hostname: 'DELTA-PC01', now: TEST_NOW, approvalRequired: false })?.token ?? '';
  machineToken = enrolAgent(hub.deps.db, { secret, hostname: hostname(), now: TEST_NOW, approvalRequired: false })?.token ?? '';
});
afterAll(() => hub.close());

describe('the hub and delta reports', () => {
  const base = sampleReport({ host: { hostname: 'DELTA-PC01' } });
  const next: Report = { ...base, collectedAt: '2026-11-23T10:00:00Z', software: [...base.software.slice(1), { name: '7-Zip 23.01 (x64)', version: '23.01', source: 'registry' }] };

  it('applies a delta on top of the stored inventory', async () => {
    expect(await send(base)).toMatchObject({ kind: 'acknowledged' });
    expect(await send(diffReports(base, next))).toMatchObject({ kind: 'acknowledged', duplicate: false });
    const names = hub.deps.db.prepare("SELECT s.name FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id WHERE a.hostname = 'DELTA-PC01' ORDER BY 1").all();
    expect(names.map((r) => (r as { name: string }).name)).toEqual(['7-Zip 23.01 (x64)', 'Google Chrome', 'Medway PAS Client', 'Python 2.7.18']);
  });

  it('answers 409 to a delta built on an inventory it does not hold, and stores nothing', async () => {
    const receipts = count('SELECT count(*) AS n FROM report_receipts');
    const stale = diffReports(base, { ...next, collectedAt: '2026-11-23T11:00:00Z' });
    const outcome = await send(stale);
    expect(outcome).toMatchObject({ kind: 'rejected', status: 409 });
    expect((outcome as { body: string }).body).toContain('delta-base-mismatch');
    expect(count('SELECT count(*) AS n FROM report_receipts')).toBe(receipts);
  });

  it('takes a delta that changes nothing as an arrival: last seen moves, the receipt counts what is held, nothing else changes', async () => {
    const later = { ...next, collectedAt: '2026-11-23T10:30:00Z' };
    const installs = count("SELECT count(*) AS n FROM installs i JOIN assets a ON a.id = i.asset_id WHERE a.hostname = 'DELTA-PC01'");
    const history = count('SELECT count(*) AS n FROM install_history');
    expect(await send(diffReports(next, later))).toMatchObject({ kind: 'acknowledged', duplicate: false });
    const receipt = hub.deps.db.prepare('SELECT collected_at AS collectedAt, software_count AS software, device_count AS devices, changes FROM report_receipts ORDER BY id DESC LIMIT 1').get();
    expect(receipt).toEqual({ collectedAt: '2026-11-23T10:30:00Z', software: installs, devices: base.devices.length, changes: 0 });
    expect(hub.deps.db.prepare("SELECT last_seen_at AS at FROM assets WHERE hostname = 'DELTA-PC01'").get()).toEqual({ at: '2026-11-23T10:30:00Z' });
    expect(count('SELECT count(*) AS n FROM install_history')).toBe(history);
  });

  it('answers 409 when the delta does not give the inventory it names', async () => {
    const lying = { ...diffReports(next, next), inventoryHash: 'f'.repeat(64) };
    expect(await send(lying)).toMatchObject({ kind: 'rejected', status: 409 });
  });
});

describe('the real agent sending deltas', () => {
  it('sends the full report first, then deltas, and the full one again when asked', async () => {
    const stateDir = tempDir();
    const sent: { schema: string; bytes: number; outcome: PostOutcome['kind'] }[] = [];
    const post = async (entry: Outgoing) => {
      const outcome = await postReport(hub.url, machineToken, entry);
      sent.push({ schema: entry.report.schema, bytes: JSON.stringify(entry.report).length, outcome: outcome.kind });
      return outcome;
    };
    const entry = async () => ({ id: randomUUID(), report: await collectReport() });
    await createDeltaSender({ stateDir, post })(await entry());
    await createDeltaSender({ stateDir, post })(await entry());
    await createDeltaSender({ stateDir, post, forceFull: true })(await entry());
    expect(sent.map((s) => [s.schema, s.outcome])).toEqual([
      ['estatewatch.report/v1', 'acknowledged'],
      ['estatewatch.delta/v1', 'acknowledged'],
      ['estatewatch.report/v1', 'acknowledged'],
    ]);
    expect(sent[1]!.bytes).toBeLessThan(sent[0]!.bytes / 10);
    expect(fs.statSync(path.join(stateDir, 'last-ack.json')).mode & 0o777).toBe(0o600);
  });

  it('falls back to the full report under the same key when the hub cannot apply the delta', async () => {
    const stateDir = tempDir();
    const schemas: string[] = [];
    const keys = new Set<string>();
    const post = async (entry: Outgoing) => {
      schemas.push(entry.report.schema);
      keys.add(entry.id);
      return postReport(hub.url, machineToken, entry);
    };
    const report = await collectReport();
    await createDeltaSender({ stateDir, post })({ id: randomUUID(), report });
    // The hub's copy moves on without this agent (e.g. restored from a backup): its next delta no longer fits.
    await postReport(hub.url, machineToken, { id: randomUUID(), report: { ...report, software: report.software.slice(5) } });
    keys.clear();
    schemas.length = 0;
    const outcome = await createDeltaSender({ stateDir, post })({ id: randomUUID(), report: await collectReport() });
    expect(outcome.kind).toBe('acknowledged');
    expect(schemas).toEqual(['estatewatch.delta/v1', 'estatewatch.report/v1']);
    expect(keys.size).toBe(1);
  });
});
