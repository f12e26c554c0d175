import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { createDeltaSender, FULL_REPORT_EVERY_DAYS } from '../../../agents/delta-sender.js';
import type { Outgoing, PostOutcome } from '../../../agents/post.js';
import { sampleReport } from '../../helpers/reports.js';
import { tempDir } from '../../helpers/test-hub.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('createDeltaSender', () => {
  it(`sends a full report again once ${FULL_REPORT_EVERY_DAYS} days have passed since the last`, async () => {
    const stateDir = tempDir();
    dirs.push(stateDir);
    const schemas: string[] = [];
    const ack: PostOutcome = { kind: 'acknowledged', duplicate: false };
    const post = async (e: Outgoing) => (schemas.push(e.report.schema), ack);
    let now = new Date('2026-11-01T02:00:00Z');
    const sender = createDeltaSender({ stateDir, post, now: () => now });
    const entry = () => ({ id: 'x', report: sampleReport() });
    await sender(entry());
    now = new Date('2026-11-07T02:00:00Z');
    await sender(entry());
    now = new Date('2026-11-08T02:00:00Z');
    await sender(entry());
    await sender(entry());
    expect(schemas).toEqual(['estatewatch.report/v1', 'estatewatch.delta/v1', 'estatewatch.report/v1', 'estatewatch.delta/v1']);
  });

  it('keeps the old base when the hub did not acknowledge', async () => {
    const stateDir = tempDir();
    dirs.push(stateDir);
    const schemas: string[] = [];
    const post = async (e: Outgoing): Promise<PostOutcome> => (schemas.push(e.report.schema), { kind: 'retry', reason: 'down' });
    const sender = createDeltaSender({ stateDir, post });
    await sender({ id: 'a', report: sampleReport() });
    await sender({ id: 'a', report: sampleReport() });
    expect(schemas).toEqual(['estatewatch.report/v1', 'estatewatch.report/v1']);
    expect(fs.existsSync(`${stateDir}/last-ack.json`)).toBe(false);
  });
});
