/**
 * Board reports on an ICS hub (issue 10): each trust's board reads its own
 * report, built on its own snapshots; the ICS board's report covers every
 * trust and sets them side by side. Real hub, real database (SQLite or
 * PostgreSQL), real requests and the real monthly job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/hub/app.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { boardReportJob } from '../../src/jobs/board-report.js';
import { buildBoardReport, type BoardReport } from '../../src/report/board-report.js';
import { snapshotContext } from '../../src/report/generate-board-report.js';
import { takeSnapshots } from '../../src/report/take-snapshot.js';
import { getBoardReport } from '../../src/store/board-reports.js';
import { WHOLE_HUB } from '../../src/store/organisations.js';
import { sampleReport } from '../helpers/reports.js';
import { type TestHub } from '../helpers/test-hub.js';
import { FIRST_TRUST, twoTrustHub } from '../helpers/trusts.js';

const OCTOBER = '2026-10';
let hub: TestHub;
let app: ReturnType<typeof createApp>;
let cookies: Record<string, string>;
let second: number;

const ask = (path: string, cookie: string, body?: unknown) =>
  app.request(path, { method: body === undefined ? 'GET' : 'POST', headers: { cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const reportOf = async (res: Response) => {
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as BoardReport;
};

function machine(hostname: string, trust: number, software = sampleReport().software) {
  ingestReport(hub.deps, sampleReport({ host: { ...sampleReport().host, hostname }, software }), { agentId: null, organisationId: trust, idempotencyKey: `board-${hostname}` });
}

beforeAll(async () => {
  ({ hub, app, second, cookies } = await twoTrustHub({ first: [['chair-one', 'board']], second: [['chair-two', 'board']], icsWide: [['ics-chair', 'board']] }, 'Second NHS Trust'));
  for (const h of ['ONE-PC001', 'ONE-PC002', 'ONE-PC003']) machine(h, FIRST_TRUST);
  machine('TWO-PC001', second, sampleReport().software.filter((s) => s.name.startsWith('Medway')));
  // October's month-end snapshots, as the daily job would have taken them, for the monthly job to report on.
  takeSnapshots({ ...snapshotContext(hub.deps), now: new Date('2026-10-31T20:00:00Z') });
});
afterAll(() => hub.close());

describe('board reports of an ICS hub with two trusts', () => {
  it('snapshots each trust and the whole hub each day', () => {
    const owners = hub.deps.db.prepare('SELECT organisation_id AS owner, figures FROM posture_snapshots ORDER BY organisation_id').all() as { owner: number; figures: string }[];
    expect(owners.map((o) => [o.owner, (JSON.parse(o.figures) as { assets: number }).assets])).toEqual([[WHOLE_HUB, 4], [FIRST_TRUST, 3], [second, 1]]);
  });

  it('has the monthly job report for each trust and for the ICS, once each', () => {
    const results = boardReportJob.run(hub.deps) as { owner: number; month: string }[];
    expect(results.map((r) => [r.owner, r.month]).sort()).toEqual([[WHOLE_HUB, OCTOBER], [FIRST_TRUST, OCTOBER], [second, OCTOBER]]);
    expect(hub.deps.db.prepare('SELECT organisation_id AS owner, month FROM board_reports ORDER BY 1').all()).toEqual([
      { owner: WHOLE_HUB, month: OCTOBER }, { owner: FIRST_TRUST, month: OCTOBER }, { owner: second, month: OCTOBER },
    ]);
  });

  it("gives a trust's board its own report: its machines only, no other trust's columns", async () => {
    const own = await reportOf(await ask(`/api/v1/board-reports/${OCTOBER}`, cookies['chair-two'] as string));
    expect(own.figures.assets.total.value).toBe(1);
    expect(own.trusts).toBeUndefined();
    const evidence = (await (await ask(`/api/v1/board-reports/${OCTOBER}/evidence/assets`, cookies['chair-two'] as string)).json()) as { rows: { hostname: string }[] };
    expect(evidence.rows.map((r) => r.hostname)).toEqual(['TWO-PC001']);
    const one = await reportOf(await ask(`/api/v1/board-reports/${OCTOBER}`, cookies['chair-one'] as string));
    expect(one.figures.assets.total.value).toBe(3);
  });

  it("hides another trust's reports from a trust's board", async () => {
    expect((await ask(`/api/v1/trusts/TRUST/board-reports/${OCTOBER}`, cookies['chair-two'] as string)).status).toBe(404);
    expect((await ask(`/trusts/TRUST/board-reports/${OCTOBER}/evidence/assets`, cookies['chair-two'] as string)).status).toBe(404);
    expect((await ask('/api/v1/trusts/TRUST/board-reports', cookies['chair-two'] as string, { month: OCTOBER })).status).toBe(404);
    const list = (await (await ask('/api/v1/board-reports', cookies['chair-two'] as string)).json()) as { reports: { owner: number }[] };
    expect(list.reports.map((r) => r.owner)).toEqual([second]);
  });

  it('gives the ICS board every trust side by side, each column from its own snapshot, beside the whole', async () => {
    const ics = await reportOf(await ask(`/api/v1/board-reports/${OCTOBER}`, cookies['ics-chair'] as string));
    expect(ics.figures.assets.total.value).toBe(4);
    expect(ics.trusts?.map((t) => [t.organisationId, t.day, t.figures.assets])).toEqual([[FIRST_TRUST, '2026-10-31', 3], [second, '2026-10-31', 1]]);
    // Trust one runs the sample's unsupported Office 2010 and Python 2.7 on each machine; trust two only a program no rule judges.
    const unsupported = ics.trusts?.map((t) => t.figures.unsupportedSoftwareInstalls);
    expect(unsupported?.[0]).toBeGreaterThan(0);
    expect(unsupported?.[1]).toBe(0);
    expect(ics.figures.unsupportedSoftware.installs.value).toBe(unsupported?.[0]);
  });

  it('lets the ICS board open any trust’s report, whose figures link within that trust', async () => {
    const viaTrust = await reportOf(await ask(`/api/v1/trusts/RYY/board-reports/${OCTOBER}`, cookies['ics-chair'] as string));
    expect(viaTrust.figures.assets.total.value).toBe(1);
    const page = await (await ask(`/trusts/RYY/board-reports/${OCTOBER}`, cookies['ics-chair'] as string)).text();
    expect(page).toContain('Second NHS Trust (RYY)');
    const links = [...page.matchAll(/class="figure" href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(10);
    expect(links.every((href) => href?.startsWith(`/trusts/RYY/board-reports/${OCTOBER}/evidence/`))).toBe(true);
    const ics = await (await ask(`/board-reports/${OCTOBER}`, cookies['ics-chair'] as string)).text();
    expect(ics).toContain('The trusts side by side');
    expect(ics).toContain(`href="/trusts/RYY/board-reports/${OCTOBER}"`);
    expect(ics).toContain(`href="/trusts/TRUST/board-reports/${OCTOBER}"`);
  });

  it('rebuilds every stored report byte for byte from the snapshots', () => {
    for (const owner of [WHOLE_HUB, FIRST_TRUST, second]) {
      const stored = getBoardReport(hub.deps.db, owner, OCTOBER);
      expect(JSON.stringify(buildBoardReport(hub.deps.db, owner, OCTOBER, '2026-11-23', hub.deps.config.timeZone))).toBe(stored?.json);
    }
  });
});
