/**
 * The machine's own Debian packages through a real hub (issue 22, point 2): the
 * hub reads /usr/share/distro-info and /usr/share/debian-security-support at
 * start (scripts/test-prerequisites.sh installs both), a Debian 12 agent posts its
 * report over HTTP, and the asset's API and page show suricata at the build
 * Debian ended early as unsupported on its own while its other packages follow the
 * OS, whose dates are distro-info's. Started again without the lists, the hub
 * re-judges the estate and suricata follows the OS again. `estatewatch assess`
 * reads the same data.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentSecret } from '../../src/auth/enrolment.js';
import type { AssetItem } from '../../src/estate/asset-items.js';
import { prepareHub } from '../../src/hub/start-hub.js';
import type { Verdict } from '../../src/lifecycle/verdict.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, tempDir, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let cookie: string;
let assetId: number;

const report = sampleReport({
  host: { hostname: 'ids-01', manufacturer: 'QEMU', model: 'Standard PC (Q35 + ICH9, 2009)', serial: 'ids-01' },
  os: { family: 'linux', name: 'Debian GNU/Linux', version: '12', arch: 'x64' },
  software: [
    { name: 'suricata', version: '1:6.0.10-1', vendor: 'Pierre Chifflier', source: 'dpkg' },
    { name: 'libc6', version: '2.36-9+deb12u10', vendor: 'GNU Libc Maintainers', source: 'dpkg' },
    // wolfssl's entry names the source package; its binary package is not matched (docs/lifecycle-data.md).
    { name: 'libwolfssl35', version: '5.5.4-2+deb12u2', vendor: 'Debian IoT Maintainers', source: 'dpkg' },
  ],
  devices: [],
});

const debian12 = fs.readFileSync('/usr/share/distro-info/debian.csv', 'utf8').split('\n').find((l) => l.startsWith('12,'))!.split(',');

interface AssetJson {
  os: { verdict: Verdict };
  software: AssetItem[];
}

async function asset(): Promise<AssetJson> {
  const res = await fetch(`${hub.url}/api/v1/estate/assets/${assetId}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as AssetJson;
}

const item = (a: AssetJson, name: string) => a.software.find((s) => s.name === name)!;

beforeAll(async () => {
  hub = await startTestHub();
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'ids-01', createdBy: null, by: 'cli', uses: 1, organisationId: 1, now: TEST_NOW, days: 1 });
  const enrol = await fetch(`${hub.url}/api/v1/agents/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret, hostname: 'ids-01' }) });
  const { token } = (await enrol.json()) as { token: string };
  const posted = await fetch(`${hub.url}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify(report),
  });
  expect(posted.status).toBe(202);
  cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
  assetId = (hub.deps.db.prepare("SELECT id FROM assets WHERE hostname = 'ids-01'").get() as { id: number }).id;
});
afterAll(() => hub.close());

describe('a Debian 12 machine on a hub that reads the machine\'s distribution data', () => {
  it("judges the OS by distro-info-data's dates", async () => {
    const { os } = await asset();
    expect(os.verdict).toMatchObject({ status: 'extended-support', cycle: '12', eol: debian12[5], extendedSupportEnd: debian12[6] });
    expect(os.verdict.reason).toContain('dates from distro-info-data');
  });

  it('shows suricata at the build Debian ended early as unsupported on its own, citing debian-security-support', async () => {
    const a = await asset();
    const suricata = item(a, 'suricata');
    expect(suricata).toMatchObject({ osLink: 'none', verdict: { status: 'unsupported', eol: '2026-04-30' } });
    expect(suricata.verdict.reason).toMatch(/^debian-security-support: security support for suricata 1:6\.0\.10-1 in Debian 12 ended 2026-04-30 \(Upstream security support ended/);
    for (const name of ['libc6', 'libwolfssl35']) expect(item(a, name)).toMatchObject({ osLink: 'follows', verdict: { status: 'extended-support' } });
  });

  it('lists suricata on the asset page among what is judged on its own, with the reason', async () => {
    const html = await (await fetch(`${hub.url}/assets/${assetId}`, { headers: { cookie } })).text();
    const table = html.slice(html.indexOf('<table id="software">'), html.indexOf('</table>', html.indexOf('<table id="software">')));
    const rows = table.split('<tr ').filter((r) => r.includes('suricata'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^data-status="unsupported"/);
    expect(rows[0]).toContain('debian-security-support: security support for suricata 1:6.0.10-1 in Debian 12 ended 2026-04-30');
  });

  it('re-judges the estate when started without the lists: suricata follows the OS again', async () => {
    const empty = tempDir('estatewatch-no-dss-');
    const again = await prepareHub({ ...hub.deps.config, debianSecuritySupportDir: empty }, () => TEST_NOW);
    try {
      expect(again.reevaluation).toMatchObject({ skipped: false, softwareVersions: 3 });
      expect(item(await asset(), 'suricata')).toMatchObject({ osLink: 'follows', verdict: { status: 'extended-support' } });
    } finally {
      again.deps.db.close();
      fs.rmSync(empty, { recursive: true });
    }
  });
});

describe('estatewatch assess on the same report', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ids-01.json');
  fs.writeFileSync(file, JSON.stringify(report));
  afterAll(() => fs.rmSync(dir, { recursive: true }));

  it('judges suricata by debian-security-support and Debian 12 by distro-info-data, as the hub does', () => {
    const r = runCli(['assess', file, '--as-of', '2026-11-23', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const items = JSON.parse(r.stdout) as { name: string; status: string; eol: string | null; reason: string }[];
    expect(items.find((i) => i.name === 'suricata')).toMatchObject({ status: 'unsupported', eol: '2026-04-30', reason: expect.stringMatching(/^debian-security-support: /) });
    expect(items.find((i) => i.name === 'Debian GNU/Linux')).toMatchObject({ status: 'extended-support', eol: debian12[5], reason: expect.stringContaining('dates from distro-info-data') });
  });

  it('refuses a malformed distro-info CSV with its file and line, exit 1', () => {
    const broken = path.join(ROOT, 'test/fixtures/distribution-data/broken-distro-info');
    const r = runCli(['assess', file, '--as-of', '2026-11-23'], { env: { ESTATEWATCH_DISTRO_INFO_DIR: broken } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${broken}/ubuntu.csv:4: column "eol": expected a date YYYY-MM-DD or nothing, not "2021-07-32"`);
  });

  it('without the packages, judges on the snapshot and says on standard error what to install', () => {
    const none = path.join(dir, 'not-installed');
    const r = runCli(['assess', file, '--as-of', '2026-11-23', '--json'], { env: { ESTATEWATCH_DISTRO_INFO_DIR: none, ESTATEWATCH_DEBIAN_SECURITY_SUPPORT_DIR: none } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^note: distribution data absent: .*install with: apt-get install distro-info-data debian-security-support\n$/);
    expect((JSON.parse(r.stdout) as { name: string; follows: string | null }[]).find((i) => i.name === 'suricata')?.follows).toBe('os');
  });
});
