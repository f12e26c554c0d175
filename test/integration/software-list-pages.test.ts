/**
 * The software list page by page (issue 24). On PostgreSQL a page is read
 * from the most widespread versions alone (store/leading-versions.ts), which
 * holds only if no version outside them could sort into the page, and a list
 * of more than 10,000 versions is counted no further (`more`), on both stores.
 * Every page at several sizes, of the whole hub and of each trust, with and
 * without a status, is compared with the whole list counted install by
 * install and sorted here; the demo estate's distribution packages, on OSes
 * of different verdicts, each give a version rows of several statuses, whose
 * counts fall below the version's own (what the leading read must try again
 * for).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReports } from '../../src/demo/demo-estate.js';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import type { SupportStatus } from '../../src/lifecycle/verdict.js';
import { EFFECTIVE_STATUS, listSoftwareVersions, VERSION_COUNT_LIMIT } from '../../src/store/estate-queries.js';
import { captureStatements } from '../helpers/captured-statements.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, type ListeningTestHub } from '../helpers/test-hub.js';
import { addTrust, FIRST_TRUST } from '../helpers/trusts.js';

let hub: ListeningTestHub;
let second: number;
const db = () => hub.deps.db;

beforeAll(async () => {
  hub = await startTestHub();
  seedDemoEstate(hub.deps);
  second = addTrust(db(), 'RYY');
  const reports = demoReports(hub.deps.now());
  for (const r of reports.slice(0, 4)) {
    ingestReport(hub.deps, { ...r, host: { ...r.host, hostname: `RYY-${r.host.hostname}`, fqdn: undefined } }, { agentId: null, organisationId: second, idempotencyKey: `ryy-${r.host.hostname}` });
  }
  // The LIMS server's packages on more machines, some on a release still supported: each package version is then listed
  // once per OS verdict, each row counting only its own machines, in both trusts.
  const lims = reports.find((r) => r.host.hostname === 'LIMS-DB01')!;
  const machines: [string, string, number][] = [
    ['LIMS-NEW-01', '24.04', FIRST_TRUST],
    ['LIMS-NEW-02', '24.04', FIRST_TRUST],
    ['LIMS-NEW-03', '24.04', FIRST_TRUST],
    ['LIMS-OLD-02', '18.04', FIRST_TRUST],
    ['RYY-LIMS-NEW-01', '24.04', second],
    ['RYY-LIMS-NEW-02', '24.04', second],
    ['RYY-LIMS-OLD-01', '18.04', second],
  ];
  for (const [hostname, version, org] of machines) {
    const os = { ...lims.os, version, build: version === '24.04' ? '24.04.1 LTS (Noble Numbat)' : lims.os.build };
    ingestReport(hub.deps, { ...lims, host: { ...lims.host, hostname, fqdn: undefined, serial: hostname }, os }, { agentId: null, organisationId: org, idempotencyKey: hostname });
  }
});
afterAll(() => hub.close());

interface Row {
  id: number;
  status: string;
  assets: number;
}

/** The whole list of a trust (or, null, the hub), counted install by install and sorted in the list's order by the database's own collation. */
function wholeList(org: number | null, status?: SupportStatus): Row[] {
  const rows = db()
    .prepare(
      `SELECT v.id, v.status, v.assets FROM (SELECT s.id, s.name, s.version, ${EFFECTIVE_STATUS} AS status, count(*) AS assets
        FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id JOIN os_versions o ON o.id = a.os_id
        WHERE (@org IS NULL OR a.organisation_id = @org) GROUP BY s.id, s.name, s.version, ${EFFECTIVE_STATUS}) v
      ORDER BY v.assets DESC, v.name, v.version, v.status, v.id`,
    )
    .all({ org }) as { id: number | string; status: string; assets: number | string }[];
  return rows.map((r) => ({ id: Number(r.id), status: r.status, assets: Number(r.assets) })).filter((r) => status === undefined || r.status === status);
}

const listed = (org: number | null, at: { limit: number; offset: number }, status?: SupportStatus) => {
  const list = listSoftwareVersions(db(), org, { ...at, status });
  return { ...list, rows: list.rows.map(({ id, status, assets }) => ({ id: Number(id), status, assets: Number(assets) })) };
};

const SCOPES = [['every trust', null], ['the first trust', FIRST_TRUST], ['the second trust', 'second']] as const;
const orgOf = (scope: (typeof SCOPES)[number][1]) => (scope === 'second' ? second : scope);

describe('each page of the software list is that page of the whole list', () => {
  it.each(SCOPES)('%s: has versions listed under several statuses, each counting fewer machines than carry the version', (_name, scope) => {
    const whole = wholeList(orgOf(scope));
    const split = whole.filter((r) => whole.filter((o) => o.id === r.id).length > 1);
    expect(split.length).toBeGreaterThan(0);
  });

  it.each(SCOPES)('%s: every page at sizes 1, 3 and 50, and at 3 and 50 of each status', (_name, scope) => {
    const org = orgOf(scope);
    for (const status of [undefined, 'unsupported', 'supported', 'unknown'] as const) {
      const whole = wholeList(org, status);
      if (status === undefined) expect(whole.length).toBeGreaterThan(0);
      // Pages of one row only for the whole list: each is a read of its own on PostgreSQL.
      for (const limit of status === undefined ? [1, 3, 50] : [3, 50]) {
        for (let offset = 0; offset <= whole.length; offset += limit) {
          const page = listed(org, { limit, offset }, status);
          expect(page, `${status ?? 'any status'}, ${limit} from ${offset}`).toEqual({ total: whole.length, more: false, rows: whole.slice(offset, offset + limit) });
        }
      }
    }
  });
});

describe.runIf(process.env.ESTATEWATCH_TEST_STORE === 'postgres')("PostgreSQL reads a page from the most widespread versions", () => {
  it.each(SCOPES)("%s: the first page without building the whole list, the counts read in the list's order", (_name, scope) => {
    const org = orgOf(scope);
    const captured = captureStatements(db(), (d) => listSoftwareVersions(d, org, { limit: 3, offset: 0 }));
    const pages = captured.filter((c) => /ORDER BY v\.assets DESC/.test(c.sql));
    expect(pages.length).toBeGreaterThan(0);
    // Every page statement built was limited to the leading versions' ids.
    for (const c of pages) expect(c.sql).toMatch(/s\.id = ANY/);
    const nth = captured.find((c) => /ORDER BY c\.installs DESC LIMIT 1 OFFSET/.test(c.sql));
    expect(nth).toBeDefined();
    db().prepare('SET enable_seqscan = off').run();
    try {
      const plan = (db().prepare(`EXPLAIN ${nth!.sql}`).all(...nth!.params) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(org === null ? /software_installs_order/ : /software_trust_installs_order/);
    } finally {
      db().prepare('RESET enable_seqscan').run();
    }
  });
});

describe(`a list of more than ${VERSION_COUNT_LIMIT.toLocaleString('en-GB')} versions`, () => {
  it('is counted to the limit, says there are more, and pages to the limit and no further, over HTTP too', async () => {
    const third = addTrust(db(), 'RZZ');
    const software = Array.from({ length: VERSION_COUNT_LIMIT + 1 }, (_, n) => ({ name: `Ward tool ${n}`, version: '1.0', vendor: 'Estate test', source: 'registry' as const }));
    ingestReport(hub.deps, sampleReport({ host: { hostname: 'RZZ-MANY-01' }, software }), { agentId: null, organisationId: third, idempotencyKey: 'rzz-many' });
    for (const org of [third, null]) {
      const first = listed(org, { limit: 50, offset: 0 });
      expect(first.total).toBe(VERSION_COUNT_LIMIT);
      expect(first.more).toBe(true);
      const whole = wholeList(org);
      expect(first.rows).toEqual(whole.slice(0, 50));
      expect(listed(org, { limit: 50, offset: VERSION_COUNT_LIMIT - 50 }).rows).toEqual(whole.slice(VERSION_COUNT_LIMIT - 50, VERSION_COUNT_LIMIT));
    }
    // A status that keeps fewer is counted exactly.
    const unsupported = wholeList(third, 'unsupported');
    expect(listed(third, { limit: 50, offset: 0 }, 'unsupported')).toMatchObject({ total: unsupported.length, more: false });

    const cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
    const get = (path: string) => fetch(`${hub.url}${path}`, { headers: { cookie } });
    const api = await get('/api/v1/estate/software?organisation=RZZ');
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ total: VERSION_COUNT_LIMIT, more: true, page: 1 });
    const lastPage = VERSION_COUNT_LIMIT / 50;
    expect((await get(`/api/v1/estate/software?organisation=RZZ&page=${lastPage}`)).status).toBe(200);
    const beyond = await get(`/api/v1/estate/software?organisation=RZZ&page=${lastPage + 1}`);
    expect(beyond.status).toBe(400);
    expect(await beyond.text()).toContain(`past the last page (${lastPage})`);
    const page = await (await get('/software?organisation=RZZ')).text();
    expect(page).toContain('id="versions-counted-to"');
    expect(page).toContain(`more than ${VERSION_COUNT_LIMIT}</span>`);
  });
});
