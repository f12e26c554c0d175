/**
 * The real agent (real collectors on this machine, real spool on disk) against
 * a real hub on 127.0.0.1 with a real SQLite file, including a hub outage.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentSecret } from '../../src/auth/enrolment.js';
import { listen, type RunningHub } from '../../src/hub/server.js';
import { runAgentIn } from '../helpers/run-agent.js';
import { startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let stateDir: string;
let server: RunningHub;

const agent = (...argv: string[]) => runAgentIn(stateDir, ...argv);

const spooled = () => fs.readdirSync(path.join(stateDir, 'spool')).filter((f) => f.endsWith('.json'));
const receipts = () => (hub.deps.db.prepare('SELECT count(*) AS n FROM report_receipts WHERE agent_id IS NOT NULL').get() as { n: number }).n;

beforeAll(async () => {
  hub = await startTestHub();
  server = hub.server;
  stateDir = path.join(hub.dir, 'agent-state');
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'test', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 1 });
  const enrolled = await agent('enrol', '--hub', hub.url, '--secret', secret);
  expect(enrolled.code, enrolled.output).toBe(0);
});
afterAll(async () => {
  await server.close();
  await hub.close().catch(() => undefined);
});

describe('real agent → real hub', () => {
  it('stores this machine with every installed dpkg package', async () => {
    const run = await agent('--once');
    expect(run.code, run.output).toBe(0);
    const installed = execFileSync('dpkg-query', ['-W', '-f=${Package}\t${Status}\n'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.endsWith('install ok installed')).length;
    const asset = hub.deps.db.prepare('SELECT id, hostname FROM assets WHERE agent_id IS NOT NULL').get() as { id: number; hostname: string };
    const stored = hub.deps.db.prepare("SELECT count(*) AS n FROM installs i JOIN software s ON s.id = i.software_id WHERE i.asset_id = ? AND s.source = 'dpkg'").get(asset.id) as { n: number };
    expect(stored.n).toBe(installed);
    const bash = hub.deps.db.prepare("SELECT s.version FROM installs i JOIN software s ON s.id = i.software_id WHERE i.asset_id = ? AND s.name = 'bash'").get(asset.id) as { version: string };
    expect(bash.version).toBe(execFileSync('dpkg-query', ['-W', '-f=${Version}', 'bash'], { encoding: 'utf8' }));
    expect(spooled()).toEqual([]);
  });

  it('keeps reports in the spool while the hub is down and drains them, each once, when it returns', async () => {
    const before = receipts();
    const port = Number(new URL(hub.url).port);
    await server.close();

    const down1 = await agent('--once');
    const down2 = await agent('--once');
    expect(down1.code).toBe(75);
    expect(down2.code).toBe(75);
    expect(spooled()).toHaveLength(2);
    expect(receipts()).toBe(before);

    server = await listen({ ...hub.deps, config: { ...hub.deps.config, port } });
    const up = await agent('--once');
    expect(up.code, up.output).toBe(0);
    expect(spooled()).toEqual([]);
    expect(receipts()).toBe(before + 3);
    const keys = hub.deps.db.prepare('SELECT idempotency_key FROM report_receipts WHERE agent_id IS NOT NULL').all() as { idempotency_key: string }[];
    expect(new Set(keys.map((k) => k.idempotency_key)).size).toBe(keys.length);
  });
});
