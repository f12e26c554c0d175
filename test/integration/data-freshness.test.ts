/** The age of the lifecycle data in force, on the summary and the asset page, and the warning past the configured age. */
import { afterEach, describe, expect, it } from 'vitest';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { buildBoardReport } from '../../src/report/board-report.js';
import { generateBoardReport } from '../../src/report/generate-board-report.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

/** A hub whose clock reads `day`, with one Windows PC; its summary and asset page as the admin sees them. */
async function pagesOn(day: string, staleDays?: number): Promise<{ summary: string; asset: string }> {
  hub = await startTestHub(staleDays ? { dataStaleDays: staleDays } : {}, () => new Date(`${day}T12:00:00Z`));
  const { assetId } = ingestReport(hub.deps, sampleReport(), { agentId: null, organisationId: 1, idempotencyKey: 'pc' });
  const cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
  const get = async (path: string) => (await fetch(`${hub?.url}${path}`, { headers: { cookie } })).text();
  return { summary: await get('/'), asset: await get(`/assets/${assetId}`) };
}

describe('freshness of the lifecycle data', () => {
  it('says how old the shipped data is, without a warning inside the limit', async () => {
    const { summary, asset } = await pagesOn('2026-09-01');
    for (const page of [summary, asset]) {
      expect(page).toContain('Lifecycle dates: endoflife.date data taken 22 August 2026, 10 days old');
      expect(page).not.toContain('id="data-stale"');
    }
    // Each verdict names its data and that data's date.
    expect(asset).toContain('(data: endoflife.date, 22 Aug 2026)');
  });

  it('warns on the summary and the asset page once the data is older than the limit', async () => {
    const { summary, asset } = await pagesOn('2026-11-23');
    for (const page of [summary, asset]) {
      expect(page).toContain('id="data-stale"');
      expect(page).toContain('They come from endoflife.date data taken 22 August 2026, 93 days old, more than 60 days');
    }
  });

  it('follows the configured age', async () => {
    const { summary } = await pagesOn('2026-11-23', 120);
    expect(summary).not.toContain('id="data-stale"');
    expect(summary).toContain('93 days old');
  });

  it('records the data age with the snapshot: the board report says it, warns past the limit, and rebuilds to the same bytes', async () => {
    await pagesOn('2026-11-23');
    const live = hub as ListeningTestHub;
    const { report } = generateBoardReport(live.deps, 1, '2026-11', 'admin');
    expect(report.lifecycleData).toEqual({ source: 'endoflife.date', takenOn: '2026-08-22', ageDays: 93, staleDays: 60, stale: true });
    expect(JSON.stringify(buildBoardReport(live.deps.db, 1, '2026-11', '2026-11-23', live.deps.config.timeZone))).toBe(JSON.stringify(report));
    const cookie = await signInCookie(live.url, 'admin', live.adminPassword);
    const html = await (await fetch(`${live.url}/board-reports/2026-11`, { headers: { cookie } })).text();
    expect(html).toContain('Warning: the support dates may be out of date.');
    expect(html).toContain('endoflife.date data taken 22 August 2026, 93 days before this snapshot, more than the 60 days the hub');
  });

  it('leaves the field out of a report whose snapshot predates the record, so it rebuilds as it was', async () => {
    await pagesOn('2026-09-01');
    const live = hub as ListeningTestHub;
    generateBoardReport(live.deps, 1, '2026-09', 'admin');
    live.deps.db.prepare('UPDATE posture_snapshots SET lifecycle_data_on = NULL, data_stale_days = NULL').run();
    const rebuilt = buildBoardReport(live.deps.db, 1, '2026-09', '2026-09-01', live.deps.config.timeZone);
    expect('lifecycleData' in rebuilt).toBe(false);
  });
});
