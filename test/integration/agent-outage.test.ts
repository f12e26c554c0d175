/**
 * A long hub outage: the real agent keeps collecting, its spool stays within
 * its bound by folding the oldest reports into the next (never dropping one),
 * warns, and drains when the hub returns with no duplicate; the hub records
 * how many collections each folded report stands for (receipts, migration 0016).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentSecret } from '../../src/auth/enrolment.js';
import { listen, type RunningHub } from '../../src/hub/server.js';
import { runAgentIn } from '../helpers/run-agent.js';
import { startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let server: RunningHub;
let stateDir: string;

const agent = (...argv: string[]) => runAgentIn(stateDir, ...argv);

const spooled = () => fs.readdirSync(path.join(stateDir, 'spool')).filter((f) => f.endsWith('.json'));

beforeAll(async () => {
  hub = await startTestHub();
  server = hub.server;
  stateDir = path.join(hub.dir, 'agent-state');
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'test', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 1 });
  expect((await agent('enrol', '--hub', hub.url, '--secret', secret)).code).toBe(0);
});
afterAll(async () => {
  await server.close();
  await hub.close().catch(() => undefined);
});

describe('an agent through a long hub outage', () => {
  it('keeps its spool within bound by folding, warns, and drains every collection once when the hub returns', async () => {
    const port = Number(new URL(hub.url).port);
    await server.close();
    const outputs: string[] = [];
    for (let run = 0; run < 6; run++) {
      const down = await agent('--once', '--spool-max-files', '3');
      expect(down.code).toBe(75);
      outputs.push(down.output);
      expect(spooled().length).toBeLessThanOrEqual(3);
    }
    expect(outputs.join('')).toMatch(/over half its bound/);
    expect(outputs.join('')).toMatch(/reached its bound of 3 reports .*its oldest report now stands for 4 collected since/);

    server = await listen({ ...hub.deps, config: { ...hub.deps.config, port } });
    const up = await agent('--once', '--spool-max-files', '3');
    expect(up.code, up.output).toBe(0);
    expect(spooled()).toEqual([]);
    const receipts = hub.deps.db.prepare('SELECT idempotency_key AS key, folded_reports AS folded, folded_since AS since FROM report_receipts WHERE agent_id IS NOT NULL ORDER BY id').all() as
      { key: string; folded: number | null; since: string | null }[];
    // Six collections while down and one on return (spooled first, so the bound folds once more): seven, in three reports, each stored once.
    expect(receipts.reduce((n, r) => n + (r.folded ?? 1), 0)).toBe(7);
    expect(receipts.map((r) => r.folded)).toEqual([5, null, null]);
    expect(receipts[0]?.since).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(new Set(receipts.map((r) => r.key)).size).toBe(receipts.length);
  });
});
