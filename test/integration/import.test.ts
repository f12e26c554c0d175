/** Imports end to end into a real SQLite hub: each format, idempotency, all-or-nothing, the CLI, the API and the upload page. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.js';
import { assetItems } from '../../src/estate/asset-items.js';
import { createApp } from '../../src/hub/app.js';
import { importFile, type ImportResult } from '../../src/import/import-file.js';
import { getAsset, listAssetInstalls } from '../../src/store/asset-queries.js';
import { reevaluateEstate } from '../../src/estate/reevaluate-estate.js';
import { createEnrolmentSecret, enrolAgent } from '../../src/auth/enrolment.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { sampleReport } from '../helpers/reports.js';
import { insertUser } from '../../src/store/users.js';
import { runCli } from '../helpers/cli.js';
import { createTestHub, TEST_NOW, tempDir, type TestHub } from '../helpers/test-hub.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/imports');
const bytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

let hub: TestHub;
const count = (table: string) => (hub.deps.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = () => ({ assets: count('assets'), installs: count('installs'), receipts: count('report_receipts'), history: count('install_history') });

function load(format: string, name: string, dryRun = false): ImportResult {
  return importFile(hub.deps, { format, bytes: bytes(name), fileName: name, organisationId: 1, dryRun });
}

/** The asset's OS status and each item's status on it, by name. */
function statuses(hostname: string) {
  const row = hub.deps.db.prepare('SELECT id FROM assets WHERE hostname = ?').get(hostname) as { id: number } | undefined;
  const asset = row && getAsset(hub.deps.db, row.id, null);
  if (!asset) throw new Error(`no asset ${hostname}`);
  const all = assetItems(asset, listAssetInstalls(hub.deps.db, asset.id));
  const items = Object.fromEntries(all.map((i) => [i.name, i.verdict.status]));
  const eol = Object.fromEntries(all.map((i) => [i.name, i.verdict.eol]));
  return { os: asset.os.verdict.status, osName: asset.os.name, items, eol };
}

beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(() => hub.close());

describe('importing each format into a real hub', () => {
  it('judges an Intune CSV: Office 2010 is unsupported on a Windows 10 PC', () => {
    const r = load('intune', 'intune-devices.csv');
    expect(r).toMatchObject({ ok: true, summary: { reports: 3, created: 3, updated: 0, duplicates: 0 } });
    const pc = statuses('FIN-DT0231');
    expect(pc.osName).toBe('Microsoft Windows 10');
    expect(pc.items['Microsoft Office Standard 2010']).toBe('unsupported');
  });

  it('lets an Ubuntu deb openssl follow Ubuntu 22.04, not upstream OpenSSL', () => {
    expect(load('osquery', 'osquery-ubuntu.json')).toMatchObject({ ok: true, summary: { created: 1 } });
    const lims = statuses('lims-db01');
    expect(lims.os).not.toBe('unknown');
    expect(lims.items.openssl).toBe(lims.os);
  });

  it('judges the SBOM\'s openssl 1.1.1k on an unknown embedded OS against upstream: past end of security support', () => {
    expect(load('cyclonedx', 'cyclonedx-infusion-gateway.json')).toMatchObject({ ok: true, summary: { created: 1 } });
    const gw = statuses('ICU-INFUSION-GW01');
    expect(gw.os).toBe('unknown');
    // Upstream OpenSSL 1.1.1 ended 2023-09-11; only OpenSSL's paid premium support continues (rules/lifecycle/openssl.yaml).
    expect(gw.items.openssl).toBe('extended-support');
    expect(gw.eol.openssl).toBe('2023-09-11');
  });

  it('keeps an SBOM component\'s Package URL, so re-judging still matches the exact identifier', () => {
    const sbom = JSON.stringify({
      bomFormat: 'CycloneDX', specVersion: '1.6', metadata: { timestamp: '2026-11-20T10:00:00Z', component: { type: 'application', name: 'ward-portal' } },
      components: [
        { type: 'library', name: 'log4j-core', version: '2.12.1', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.12.1?type=jar' },
        { type: 'library', name: 'log4j-api', version: '2.12.1' },
      ],
    });
    const r = importFile(hub.deps, { format: 'cyclonedx', bytes: new TextEncoder().encode(sbom), fileName: 'portal.cdx.json', organisationId: 1, dryRun: false });
    expect(r).toMatchObject({ ok: true });
    const stored = () => hub.deps.db.prepare("SELECT purl, product, cycle, status, unknown_reason AS unknownReason FROM software WHERE name IN ('log4j-core', 'log4j-api') ORDER BY name").all();
    const expected = [
      { purl: '', product: null, cycle: null, status: 'unknown', unknownReason: 'unrecognised' },
      { purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.12.1?type=jar', product: 'log4j', cycle: '2.12', status: 'unsupported', unknownReason: null },
    ];
    expect(stored()).toEqual(expected);
    reevaluateEstate(hub.deps.db, hub.deps.evaluator, { force: true });
    expect(stored()).toEqual(expected);
  });

  it('stores an air-gapped agent\'s reports with their own sources', () => {
    expect(load('report', 'agent-reports.ndjson')).toMatchObject({ ok: true, summary: { reports: 2, created: 2 } });
    const lab = statuses('LAB-PC07');
    expect(lab.os).toBe('unsupported');
    const sources = hub.deps.db.prepare("SELECT DISTINCT s.source FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id WHERE a.hostname = 'lab-an01' ORDER BY 1").all();
    expect(sources).toEqual([{ source: 'other' }, { source: 'rpm' }]);
  });

  it('stores nothing new when the same file is imported twice', () => {
    const before = counts();
    expect(load('intune', 'intune-devices.csv')).toMatchObject({ ok: true, summary: { reports: 3, created: 0, updated: 0, duplicates: 3 } });
    expect(counts()).toEqual(before);
  });

  it('keeps the OS the hub knows when a CSV without one updates the asset', () => {
    const csv = 'Device name,Application name,Application version\nLAB-PC07,Java 8 Update 202,8.0.2020.8\nLAB-PC07,7-Zip 23.01 (x64),23.01\n';
    const r = importFile(hub.deps, { format: 'intune', bytes: new TextEncoder().encode(csv), fileName: 'arp.csv', organisationId: 1 });
    expect(r).toMatchObject({ ok: true, summary: { updated: 1 } });
    expect(statuses('LAB-PC07').osName).toBe('Microsoft Windows 7 Professional');
  });

  it('stores nothing from a file with one bad row, and a preview stores nothing either', () => {
    const before = counts();
    expect(load('intune', 'broken-intune-missing-version.csv')).toEqual({ ok: false, errors: [{ line: 7, message: 'Application version is empty' }] });
    expect(load('report', 'broken-agent-reports.ndjson')).toMatchObject({ ok: false });
    expect(load('intune', 'mecm-arp.csv', true)).toMatchObject({ ok: true, summary: { dryRun: true, reports: 2, created: 2 } });
    expect(counts()).toEqual(before);
  });

  it('reads a UTF-16 file with a byte-order mark, as Excel saves it', () => {
    const text = 'Device name,Application name,Application version\r\nXRAY-PC01,Java 8 Update 202,8.0.2020.8\r\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(importFile(hub.deps, { format: 'intune', bytes: utf16, fileName: 'x.csv', organisationId: 1, dryRun: true })).toMatchObject({ ok: true, summary: { created: 1 } });
  });
});

describe('the upload page and the API', () => {
  let app: ReturnType<typeof createApp>;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    app = createApp(hub.deps);
    insertUser(hub.deps.db, { username: 'chair', passwordHash: await hashPassword('board-password-123'), role: 'board', mustChangePassword: false, organisationId: null, now: TEST_NOW.toISOString() });
    insertUser(hub.deps.db, { username: 'seclead', passwordHash: await hashPassword('security-password-1'), role: 'security-lead', mustChangePassword: false, organisationId: null, now: TEST_NOW.toISOString() });
    for (const [user, pw] of [['admin', hub.adminPassword], ['chair', 'board-password-123'], ['seclead', 'security-password-1']] as const) {
      const res = await app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: pw }) });
      cookies[user] = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    }
  });

  const post = (url: string, user: string, body: Uint8Array | string) =>
    app.request(url, { method: 'POST', headers: { cookie: cookies[user] as string, 'content-type': 'application/octet-stream' }, body: typeof body === 'string' ? body : new Uint8Array(body).buffer });

  it('refuses the board role with 403, on the API and the page', async () => {
    expect((await post('/api/v1/imports/osquery', 'chair', bytes('osquery-windows10.json'))).status).toBe(403);
    expect((await app.request('/import', { headers: { cookie: cookies.chair as string } })).status).toBe(403);
  });

  it('previews with ?dryRun=1, then imports, over the API', async () => {
    const before = counts();
    const preview = await post('/api/v1/imports/osquery?dryRun=1', 'seclead', bytes('osquery-windows10.json'));
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ reports: 1, created: 1, updated: 0, duplicates: 0, dryRun: true });
    expect(counts()).toEqual(before);
    const stored = await post('/api/v1/imports/osquery', 'admin', bytes('osquery-windows10.json'));
    expect(await stored.json()).toMatchObject({ reports: 1, created: 1, dryRun: false });
    expect(statuses('WARD7-PC014').items['Microsoft Office Standard 2010']).toBe('unsupported');
  });

  it('answers a bad file with 400 invalid-import naming each path, and an unknown format with 404', async () => {
    const res = await post('/api/v1/imports/cyclonedx', 'admin', bytes('broken-cyclonedx-number-version.json'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid-import', details: [{ path: 'components[3].version' }] } });
    expect((await post('/api/v1/imports/excel', 'admin', 'x')).status).toBe(404);
  });

  it('shows the form to a security lead and previews an upload with its counts', async () => {
    const page = await app.request('/import', { headers: { cookie: cookies.seclead as string } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="file"');
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const form = new FormData();
    form.set('csrf', csrf);
    form.set('format', 'intune');
    form.set('action', 'preview');
    form.set('file', new File([bytes('mecm-arp.csv')], 'mecm-arp.csv'));
    const res = await app.request('/import', { method: 'POST', headers: { cookie: cookies.seclead as string, origin: 'http://localhost' }, body: form });
    expect(res.status).toBe(200);
    const out = await res.text();
    expect(out).toContain('Preview (nothing stored)');
    expect(out).toMatch(/id="count-created">2</);
  });

  it('lists an upload\'s errors with their lines, and refuses a post without the form token', async () => {
    const page = await (await app.request('/import', { headers: { cookie: cookies.admin as string } })).text();
    const form = new FormData();
    form.set('csrf', /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '');
    form.set('format', 'intune');
    form.set('action', 'import');
    form.set('file', new File([bytes('broken-intune-missing-version.csv')], 'bad.csv'));
    const res = await app.request('/import', { method: 'POST', headers: { cookie: cookies.admin as string, origin: 'http://localhost' }, body: form });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/<td class="num">7<\/td><td>—<\/td><td>Application version is empty<\/td>/);
    form.set('csrf', 'stale');
    expect((await app.request('/import', { method: 'POST', headers: { cookie: cookies.admin as string, origin: 'http://localhost' }, body: form })).status).toBe(403);
  });
});

describe('estatewatch import (the real CLI)', () => {
  it('imports a file, then calls the same file a duplicate; prints file:line errors and exits 1 for a bad one', () => {
    const dataDir = tempDir();
    try {
      const file = path.join(FIXTURES, 'osquery-results.ndjson');
      const first = runCli(['import', 'osquery', file, '--data-dir', dataDir]);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('2 reports: 2 new assets, 0 updated, 0 duplicates');
      expect(runCli(['import', 'osquery', file, '--data-dir', dataDir]).stdout).toContain('0 new assets, 0 updated, 2 duplicates');
      const bad = path.join(FIXTURES, 'broken-intune-missing-version.csv');
      const failed = runCli(['import', 'intune', bad, '--data-dir', dataDir, '--dry-run']);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(`${bad}:7: Application version is empty`);
      expect(runCli(['import', 'excel', bad, '--data-dir', dataDir]).code).toBe(2);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a machine an enrolled agent reports', () => {
  it('is left to its agent by exports from other tools, but takes its own air-gapped reports', async () => {
    const own = await createTestHub();
    try {
      const { secret } = createEnrolmentSecret(own.deps.db, { label: 't', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 1 });
      const agentId = enrolAgent(own.deps.db, { secret, hostname: 'FIN-DT0231', now: TEST_NOW, approvalRequired: false })?.agentId ?? null;
      ingestReport(own.deps, sampleReport({ host: { hostname: 'FIN-DT0231' } }), { agentId, organisationId: 1, idempotencyKey: 'agent-1' });
      const installs = () => own.deps.db.prepare("SELECT s.name FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id WHERE a.hostname = 'FIN-DT0231' ORDER BY 1").all();
      const before = installs();
      const file = fs.readdirSync(FIXTURES).find((f) => /^intune.*\.csv$/.test(f)) as string;
      const result = importFile(own.deps, { format: 'intune', bytes: bytes(file), fileName: file, organisationId: 1 });
      expect(result.ok && result.summary.assets.find((a) => a.hostname === 'FIN-DT0231')?.outcome).toBe('agent-owned');
      expect(result.ok && result.summary.agentOwned).toBe(1);
      expect(installs()).toEqual(before);
    } finally {
      await own.close();
    }
  });
});

