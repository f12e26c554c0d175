/**
 * One headline measure (issue 21): the live summary and the board report count
 * the same assets as running only supported software, and the same beside it
 * as running a supported operating system, as the test counts them by hand
 * from the raw tables; both pages say the two in the same words. Real hub,
 * real database (SQLite or PostgreSQL), the demo estate and two clean machines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { createApp } from '../../src/hub/app.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import type { BoardReport } from '../../src/report/board-report.js';
import { generateBoardReport } from '../../src/report/generate-board-report.js';
import { HEADLINE_MEASURE, OPERATING_SYSTEM_MEASURE } from '../../src/report/headline-measures.js';
import { estateSummary } from '../../src/store/estate-queries.js';
import { cleanHostReport } from '../helpers/clean-host.js';
import { countEstateByHand, type EstateByHand } from '../helpers/estate-by-hand.js';
import { signInUsers } from '../helpers/sign-in-users.js';
import { createTestHub, type TestHub } from '../helpers/test-hub.js';

const MONTH = '2026-11';
let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookie: string;
let report: BoardReport;
let byHand: EstateByHand;

const page = async (path: string) => {
  const res = await app.request(path, { headers: { cookie } });
  expect(res.status, path).toBe(200);
  return res.text();
};
/** The text of the element with this id, tags stripped. */
const textOf = (html: string, id: string) => (new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</p>`).exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '');
const share = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}% of the estate (${part} of ${whole} assets)`;

beforeAll(async () => {
  hub = await createTestHub();
  seedDemoEstate(hub.deps);
  for (const host of ['CLEAN-01', 'CLEAN-02']) ingestReport(hub.deps, cleanHostReport(host), { agentId: null, organisationId: 1, idempotencyKey: host });
  ({ report } = generateBoardReport(hub.deps, 1, MONTH, 'admin'));
  byHand = countEstateByHand(hub.deps.db);
  app = createApp(hub.deps);
  ({ admin: cookie } = await signInUsers(app, hub, []) as { admin: string });
});
afterAll(() => hub.close());

describe('the headline measure, shared by the summary and the board report', () => {
  it('is not vacuous on this estate: some assets count, most do not, and the two measures differ', () => {
    expect(byHand.supportedOnly).toBe(2);
    expect(byHand.supportedOs).toBeGreaterThan(byHand.supportedOnly);
    expect(byHand.assets).toBe(17);
  });

  it('counts the same assets live, in the day’s snapshot and by hand', () => {
    const live = estateSummary(hub.deps.db, null);
    expect({ assets: live.assets, supportedOnly: live.assetsSupportedOnly, withUnsupported: live.assetsWithUnsupported }).toEqual({
      assets: byHand.assets, supportedOnly: byHand.supportedOnly, withUnsupported: byHand.withUnsupported,
    });
    const a = report.figures.assets;
    expect({ assets: a.total.value, supportedOnly: a.supportedOnly.value, supportedOs: a.supportedOs?.value }).toEqual({
      assets: byHand.assets, supportedOnly: byHand.supportedOnly, supportedOs: byHand.supportedOs,
    });
  });

  it('says the headline and the measure beside it in the same words on both pages, each defined in its own sentence', async () => {
    const [summary, board] = [await page('/'), await page(`/board-reports/${MONTH}`)];
    const headline = `${share(byHand.supportedOnly, byHand.assets)} ${HEADLINE_MEASURE.claim}`;
    const beside = `${share(byHand.supportedOs, byHand.assets)} ${OPERATING_SYSTEM_MEASURE.claim}.`;
    expect(textOf(summary, 'headline')).toBe(`${headline}.`);
    expect(textOf(board, 'headline')).toContain(headline);
    for (const html of [summary, board]) {
      expect(textOf(html, 'beside-measure')).toBe(beside);
      expect(textOf(html, 'measure-definitions').replace(/&#39;/g, "'")).toBe(`${HEADLINE_MEASURE.definition} ${OPERATING_SYSTEM_MEASURE.definition}`);
    }
    expect(report.summary[0]).toContain(headline);
  });

  it('gives both shares in the estate summary API, as the pages print them', async () => {
    const res = await app.request('/api/v1/estate/summary', { headers: { cookie } });
    const body = (await res.json()) as { assetsSupportedOnly: number; supportedOnlyPercent: number; supportedOsPercent: number };
    const share = (part: number) => Math.round((part / byHand.assets) * 1000) / 10;
    expect(body).toMatchObject({ assetsSupportedOnly: byHand.supportedOnly, supportedOnlyPercent: share(byHand.supportedOnly), supportedOsPercent: share(byHand.supportedOs) });
  });

  it('keeps the trend’s key figures with the share on a supported operating system', () => {
    const today = report.trend.at(-1)?.figures;
    expect(today?.supportedOsPct).toBe(Math.round((byHand.supportedOs / byHand.assets) * 1000) / 10);
  });
});
