/**
 * Patch currency through the real hub (issue 22 points 4 and 5): machines post
 * real-shaped reports over HTTP, each with its own agent, on 25 August 2026
 * (three days after the endoflife.date snapshot, two months after the Windows
 * update list stops, with a 90-day stale limit so "current" can still be told).
 * The asset API and page show each item's patch state and a Windows machine's
 * last cumulative update; the summary counts patch currency beside status; the
 * two shipped alert rules fire where they should, and `rules test` previews
 * them; the board report counts supported-but-not-patched assets and Windows
 * machines by how long a newer update had been out. SQLite or PostgreSQL.
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentSecret } from '../../src/auth/enrolment.js';
import type { Report, Software } from '../../src/contract/report.js';
import type { BoardReport } from '../../src/report/board-report.js';
import { generateBoardReport } from '../../src/report/generate-board-report.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, storeEnv, TEST_ADMIN_PASSWORD, type ListeningTestHub } from '../helpers/test-hub.js';

const NOW = new Date('2026-08-25T12:00:00Z');
let hub: ListeningTestHub;
let cookie: string;
let board: BoardReport;
const ids = new Map<string, number>();

const app = (name: string, version: string, source: Software['source'] = 'registry'): Software => ({ name, version, source });
const windows11 = (build: string) => ({ family: 'windows' as const, name: 'Windows 11 Enterprise', version: '10.0.26100', build, edition: 'Enterprise', arch: 'x64' });

/** Six machines: what each should show is in the tests below. */
const MACHINES: Record<string, Pick<Report, 'os' | 'software'>> = {
  // At 10.0.26100.8655, KB5094126 of 9 June 2026, the newest monthly update in the list.
  'WIN11-CURRENT': { os: windows11('10.0.26100.8655'), software: [app('Node.js', '24.19.0'), app('Apache HTTP Server 2.4.62', '2.4.62'), app('Python 3.12.3 (64-bit)', '3.12.3150.0')] },
  // At May's update: June's has been out 77 days.
  'WIN11-BEHIND': { os: windows11('10.0.26100.8457'), software: [app('Node.js', '24.19.0')] },
  // November 2024's update, two years old; Windows 10 is past its end (extended support), Firefox ESR 115.3 past its evergreen newest.
  'WIN10-OLD': {
    os: { family: 'windows', name: 'Microsoft Windows 10 Enterprise', version: '10.0.19045', build: '10.0.19045.5131', edition: 'Enterprise', arch: 'x64' },
    software: [app('Mozilla Firefox ESR (x64 en-GB)', '115.3.0')],
  },
  'MAC-OLD': { os: { family: 'macos', name: 'macOS', version: '14.4' }, software: [] },
  'MAC-NEW': { os: { family: 'macos', name: 'macOS', version: '14.8.9' }, software: [app('Node.js', '24.10.0', 'macos')] },
  'UBUNTU-01': { os: { family: 'linux', name: 'Ubuntu', version: '24.04' }, software: [app('openssl', '3.0.13-0ubuntu3.4', 'dpkg')] },
};

async function postAs(hostname: string, machine: Pick<Report, 'os' | 'software'>): Promise<void> {
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: hostname, createdBy: null, by: 'cli', uses: 1, organisationId: 1, now: NOW, days: 1 });
  const enrol = await fetch(`${hub.url}/api/v1/agents/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret, hostname }) });
  const { token } = (await enrol.json()) as { token: string };
  const report = sampleReport({ host: { hostname }, collectedAt: '2026-08-25T09:00:00Z', devices: [], ...machine });
  const res = await fetch(`${hub.url}/api/v1/reports`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), authorization: `Bearer ${token}` }, body: JSON.stringify(report),
  });
  expect(res.status, hostname).toBe(202);
  ids.set(hostname, (hub.deps.db.prepare('SELECT id FROM assets WHERE hostname = ?').get(hostname) as { id: number }).id);
}

const api = async <T,>(p: string): Promise<T> => {
  const res = await fetch(`${hub.url}${p}`, { headers: { cookie } });
  expect(res.status, p).toBe(200);
  return (await res.json()) as T;
};
const page = async (p: string) => {
  const res = await fetch(`${hub.url}${p}`, { headers: { cookie } });
  expect(res.status, p).toBe(200);
  return res.text();
};

interface AssetJson {
  os: { verdict: { status: string; patch: unknown } };
  software: { name: string; verdict: { status: string; patch: unknown } }[];
}

beforeAll(async () => {
  hub = await startTestHub({ dataStaleDays: 90 }, () => NOW);
  for (const [host, machine] of Object.entries(MACHINES)) await postAs(host, machine);
  cookie = await signInCookie(hub.url, 'admin', TEST_ADMIN_PASSWORD);
  ({ report: board } = generateBoardReport(hub.deps, 1, '2026-08', 'admin'));
});
afterAll(() => hub.close());

describe('an asset\'s patch currency', () => {
  it('tells a two-year-old Windows build behind since the next update, with the update it has', async () => {
    const a = await api<AssetJson>(`/api/v1/estate/assets/${ids.get('WIN10-OLD')}`);
    expect(a.os.verdict).toMatchObject({
      status: 'extended-support',
      patch: { state: 'behind', since: '2024-12-10', newest: '10.0.19045.7417 (KB5094127)', newestDate: '2026-06-09', installed: { label: 'KB5046613', date: '2024-11-12' } },
    });
    // Status and patch are two dimensions: Firefox ESR 115.3 is unsupported (evergreen) and, apart from that, behind 115.38.0.
    expect(a.software[0]?.verdict).toMatchObject({ status: 'unsupported', patch: { state: 'behind', newest: '115.38.0', since: '2026-07-21' } });
    const html = await page(`/assets/${ids.get('WIN10-OLD')}`);
    expect(html).toContain('<div id="os-last-update">Last cumulative update installed: KB5046613 (Nov 2024)</div>');
    expect(html).toMatch(/id="os-patch-state" data-patch="behind">Patches: behind: a newer update has been out since 2024-12-10 \(623 days\); the newest is 10\.0\.19045\.7417 \(KB5094127\) of 2026-06-09/);
    expect(html).toMatch(/data-patch="behind"[^>]*>behind 35 days \(115\.38\.0\)</);
  });

  it('tells the newest Windows update current, and software current, behind or not told', async () => {
    const a = await api<AssetJson>(`/api/v1/estate/assets/${ids.get('WIN11-CURRENT')}`);
    expect(a.os.verdict).toMatchObject({ status: 'supported', patch: { state: 'current', since: null, installed: { label: 'KB5094126', date: '2026-06-09' } } });
    const byName = Object.fromEntries(a.software.map((s) => [s.name, s.verdict]));
    expect(byName['Node.js']).toMatchObject({ status: 'supported', patch: { state: 'current', newest: '24.19.0' } });
    expect(byName['Apache HTTP Server 2.4.62']).toMatchObject({ status: 'supported', patch: { state: 'behind', newest: '2.4.68', since: '2026-06-08' } });
    expect(byName['Python 3.12.3 (64-bit)']).toMatchObject({ status: 'supported', patch: null });
    expect(await page(`/assets/${ids.get('WIN11-CURRENT')}`)).toContain('Last cumulative update installed: KB5094126 (Jun 2026)');
  });

  it('gives a distribution package and Ubuntu\'s own version no patch verdict, and a macOS minor its major\'s newest', async () => {
    const ubuntu = await api<AssetJson>(`/api/v1/estate/assets/${ids.get('UBUNTU-01')}`);
    expect(ubuntu.os.verdict.patch).toBeNull();
    expect(ubuntu.software[0]?.verdict).toMatchObject({ status: 'supported', patch: null });
    const mac = await api<AssetJson>(`/api/v1/estate/assets/${ids.get('MAC-OLD')}`);
    expect(mac.os.verdict).toMatchObject({ status: 'supported', patch: { state: 'behind', newest: '14.8.9', since: '2026-08-06' } });
  });
});

describe('the summary\'s patch-currency counts', () => {
  const expected = { os: { current: 2, behind: 2, cannotTell: 1 }, software: { current: 2, behind: 2, cannotTell: 1 } };

  it('counts supported machines by OS patch state and supported installs judged on their own, in the API', async () => {
    expect((await api<{ patch: unknown }>('/api/v1/estate/summary')).patch).toEqual(expected);
  });

  it('prints the same counts on the summary page with their definition', async () => {
    const html = await page('/');
    const row = (id: string) => [...(new RegExp(`<tr id="${id}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '').matchAll(/data-state="([a-z-]+)">(\d+)</g)].map((m) => `${m[1]}=${m[2]}`);
    expect(row('patch-os')).toEqual(['current=2', 'behind=2', 'cannot-tell=1']);
    expect(row('patch-software')).toEqual(['current=2', 'behind=2', 'cannot-tell=1']);
    expect(html).toContain('Patch currency counts each machine whose operating system is supported');
  });
});

describe('the patch alert rules', () => {
  const live = () => hub.deps.db.prepare("SELECT rule_id AS rule, asset_id AS assetId, subject, title, detail FROM alerts WHERE status <> 'resolved' AND rule_id IN ('windows-behind-60-days', 'software-behind-30-days') ORDER BY rule_id, asset_id")
    .all() as { rule: string; assetId: number; subject: string; title: string; detail: string }[];

  it('raise a Windows machine more than 60 days behind, and supported software more than 30 days behind, after ingest', () => {
    const alerts = live();
    expect(alerts.map((a) => [a.rule, a.assetId, a.subject])).toEqual([
      ['software-behind-30-days', ids.get('WIN11-CURRENT'), 'software:Apache HTTP Server 2.4.62@2.4.62'],
      ['windows-behind-60-days', ids.get('WIN11-BEHIND'), 'os-patch'],
      ['windows-behind-60-days', ids.get('WIN10-OLD'), 'os-patch'],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0])) || Number(x[1]) - Number(y[1])));
    const old = alerts.find((a) => a.assetId === ids.get('WIN10-OLD'));
    expect(old?.title).toBe('Windows cumulative update more than 60 days behind: Microsoft Windows 10 Enterprise 10.0.19045.5131');
    expect(old?.detail).toContain('last cumulative update installed: KB5046613 (Nov 2024)');
  });

  it('are previewed by `rules test` on the hub\'s database', () => {
    for (const [file, fires] of [['windows-behind-60-days.yaml', 'would fire on 2 assets (2 findings), 2 already open'], ['software-behind-30-days.yaml', 'would fire on 1 assets (1 findings), 1 already open']] as const) {
      const r = runCli(['rules', 'test', path.join(ROOT, 'rules', 'alerts', file), '--data-dir', hub.dir, '--as-of', '2026-08-25'], { env: storeEnv(hub) });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split('\n')[0], file).toBe(fires);
    }
  });
});

describe('the board report', () => {
  it('counts supported-but-not-patched assets, linked to the assets counted', async () => {
    const p = board.figures.patch;
    expect(p?.supportedNotPatched).toMatchObject({ value: 4, list: 'assets', filter: { supportedOnly: 'yes', behind: 'yes' } });
    const html = await page('/board-reports/2026-08');
    expect(html).toMatch(/<h2 id="supported-not-patched">Supported but not patched: <a class="figure" href="\/board-reports\/2026-08\/evidence\/assets\?supportedOnly=yes&amp;behind=yes"[^>]*>4<\/a>/);
    const evidence = await page('/board-reports/2026-08/evidence/assets?supportedOnly=yes&behind=yes');
    for (const host of ['WIN11-CURRENT', 'WIN11-BEHIND', 'MAC-OLD', 'MAC-NEW']) expect(evidence, host).toContain(host);
    expect(evidence).not.toContain('UBUNTU-01');
    expect(board.summary[1]).toBe('4 assets run only supported software but are not patched: their operating system or a program is behind the newest version its vendor has shipped. 2 Windows machines had gone more than 60 days without a newer cumulative update that was out.');
  });

  it('counts Windows machines by how long a newer cumulative update had been out', () => {
    const w = board.figures.patch?.windows;
    expect(Object.fromEntries(Object.entries(w ?? {}).map(([age, f]) => [age, f.value]))).toEqual({
      current: 1, 'behind up to 30 days': 0, 'behind 31–60 days': 0, 'behind 61–90 days': 1, 'behind over 90 days': 1, 'cannot tell': 0,
    });
  });
});
