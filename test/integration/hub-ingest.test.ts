/** Agent routes over real HTTP on 127.0.0.1 into a real SQLite file. */
import { gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { getAsset, listAssetInstalls } from '../../src/store/asset-queries.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentSecret } from '../../src/auth/enrolment.js';
import { revokeAgent } from '../../src/store/agents.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let token: string;

const count = (table: string) => (hub.deps.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function post(body: unknown, opts: { key?: string; auth?: string | null; gzip?: boolean; raw?: string } = {}) {
  const json = opts.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': opts.key ?? randomUUID() };
  if (opts.auth !== null) headers.authorization = `Bearer ${opts.auth ?? token}`;
  if (opts.gzip) headers['content-encoding'] = 'gzip';
  return fetch(`${hub.url}/api/v1/reports`, { method: 'POST', headers, body: opts.gzip ? gzipSync(json) : json });
}

/** A new agent enrolled for `hostname`: one agent reports one machine. */
async function enrolToken(hostname: string): Promise<string> {
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: hostname, createdBy: null, by: 'cli', uses: 1, organisationId: 1, now: TEST_NOW, days: 1 });
  const res = await fetch(`${hub.url}/api/v1/agents/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret, hostname }) });
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  hub = await startTestHub();
  const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'test', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 1 });
  const res = await fetch(`${hub.url}/api/v1/agents/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret, hostname: 'WARD3-PC001' }) });
  expect(res.status).toBe(201);
  token = ((await res.json()) as { token: string }).token;
});
afterAll(() => hub.close());

describe('enrolment', () => {
  it('stores only a hash of the agent token', () => {
    const stored = hub.deps.db.prepare('SELECT token_hash FROM agents').all() as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('refuses an unknown enrolment secret with 401', async () => {
    const res = await fetch(`${hub.url}/api/v1/agents/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ secret: 'ewe_wrong', hostname: 'x' }) });
    expect(res.status).toBe(401);
    expect(count('agents')).toBe(1);
  });
});

describe('POST /api/v1/reports', () => {
  const key = randomUUID();

  it('stores a gzipped report once and answers 202 with a receipt', async () => {
    const res = await post(sampleReport(), { key, gzip: true });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { receiptId: number; duplicate: boolean };
    expect(body.duplicate).toBe(false);
    expect(count('assets')).toBe(1);
    expect(count('installs')).toBe(4);
    expect(count('devices')).toBe(1);
  });

  it('answers a replay of the same idempotency key with the same receipt and stores nothing', async () => {
    const before = { receipts: count('report_receipts'), history: count('install_history') };
    const res = await post(sampleReport(), { key });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ duplicate: true });
    expect({ receipts: count('report_receipts'), history: count('install_history') }).toEqual(before);
  });

  it('moves only last-seen when the same inventory arrives in a new report', async () => {
    const installsBefore = hub.deps.db.prepare('SELECT software_id, first_seen_at FROM installs ORDER BY 1').all();
    const res = await post(sampleReport({ collectedAt: '2026-11-23T10:00:00Z' }));
    expect(await res.json()).toMatchObject({ duplicate: false, changes: 0 });
    expect(hub.deps.db.prepare('SELECT software_id, first_seen_at FROM installs ORDER BY 1').all()).toEqual(installsBefore);
    // Installs are seen whenever their asset is: the asset page shows the asset's last-seen on each.
    const assetId = (hub.deps.db.prepare('SELECT id FROM assets').get() as { id: number }).id;
    expect(new Set(listAssetInstalls(hub.deps.db, assetId).map((i) => i.lastSeenAt))).toEqual(new Set(['2026-11-23T10:00:00Z']));
    expect(hub.deps.db.prepare('SELECT last_seen_at FROM assets').get()).toEqual({ last_seen_at: '2026-11-23T10:00:00Z' });
    expect(count('install_history')).toBe(0);
  });

  it('records installs, removals and upgrades as history', async () => {
    const base = sampleReport();
    const software = [
      ...base.software.filter((s) => !s.name.startsWith('Python') && s.name !== 'Google Chrome'),
      { name: 'Google Chrome', version: '132.0.6834.83', vendor: 'Google LLC', source: 'registry' as const },
      { name: '7-Zip 23.01 (x64)', version: '23.01', vendor: 'Igor Pavlov', source: 'registry' as const },
    ];
    const res = await post({ ...base, software, collectedAt: '2026-11-23T11:00:00Z' });
    expect(await res.json()).toMatchObject({ changes: 4 });
    const history = hub.deps.db.prepare('SELECT change, name, from_version, to_version FROM install_history ORDER BY name').all();
    expect(history).toEqual([
      { change: 'installed', name: '7-Zip 23.01 (x64)', from_version: null, to_version: '23.01' },
      { change: 'upgraded', name: 'Google Chrome', from_version: '131.0.6778.86', to_version: '132.0.6834.83' },
      { change: 'removed', name: 'Python 2.7.18', from_version: '2.7.18150', to_version: null },
    ]);
  });

  it('rejects a malformed report with 400 naming each bad field, and stores nothing', async () => {
    const before = { receipts: count('report_receipts'), software: count('software'), installs: count('installs') };
    const bad = { ...sampleReport(), os: { family: 'beos', name: 'x', version: '' }, software: [{ name: 'a', source: 'dpkg' }] };
    const res = await post(bad);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('invalid-report');
    expect(body.error.details.map((d) => d.path)).toEqual(expect.arrayContaining(['os.family', 'os.version', 'software[0].version']));
    expect({ receipts: count('report_receipts'), software: count('software'), installs: count('installs') }).toEqual(before);
  });

  it('rejects a body that is not JSON with 400', async () => {
    const res = await post(null, { raw: '{"schema": ' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid-json');
  });

  it('refuses a report with no token, a wrong token or a missing idempotency key', async () => {
    expect((await post(sampleReport(), { auth: null })).status).toBe(401);
    expect((await post(sampleReport(), { auth: 'ewa_not-a-real-token' })).status).toBe(401);
    const res = await fetch(`${hub.url}/api/v1/reports`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(sampleReport()) });
    expect(res.status).toBe(400);
  });

  it('refuses a body over the size limit, compressed or not, with 413', async () => {
    const huge = 'x'.repeat(hub.deps.config.maxReportBytes + 10);
    expect((await post(null, { raw: huge })).status).toBe(413);
    expect((await post(null, { raw: huge, gzip: true })).status).toBe(413);
  });

  it('keeps the devices and hardware it held when the agent could not read them, shows why, and clears it on a complete report', async () => {
    const assetId = (hub.deps.db.prepare('SELECT id FROM assets').get() as { id: number }).id;
    const warnings = [
      { part: 'devices' as const, message: 'collector "printers-and-modems" failed: the print spooler is not answering' },
      { part: 'host' as const, message: 'collector "hardware" failed: WMI repository is corrupt' },
    ];
    const degraded = sampleReport({ collectedAt: '2026-11-23T12:00:00Z', host: { hostname: 'WARD3-PC001' }, devices: [], warnings });
    expect((await post(degraded)).status).toBe(202);
    expect(count('devices')).toBe(1);
    expect(hub.deps.db.prepare('SELECT manufacturer, serial FROM assets').get()).toEqual({ manufacturer: 'Dell Inc.', serial: 'ABC1234' });
    expect(getAsset(hub.deps.db, assetId, null)?.collectionWarnings).toEqual(warnings);
    const page = await (await fetch(`${hub.url}/assets/${assetId}`, { headers: { cookie: await signInCookie(hub.url, 'admin', hub.adminPassword) } })).text();
    expect(page).toContain('Collection incomplete');
    expect(page).toContain('devices unavailable: collector &quot;printers-and-modems&quot; failed: the print spooler is not answering');

    expect((await post(sampleReport({ collectedAt: '2026-11-23T13:00:00Z', devices: [] }))).status).toBe(202);
    expect(count('devices')).toBe(0);
    expect(getAsset(hub.deps.db, assetId, null)?.collectionWarnings).toEqual([]);

    // The same inventory again, once with a part unread and once whole: only last-seen and the warnings move.
    const unread = await post(sampleReport({ collectedAt: '2026-11-23T14:00:00Z', devices: [], warnings: warnings.slice(0, 1) }));
    expect(await unread.json()).toMatchObject({ duplicate: false, changes: 0 });
    expect(getAsset(hub.deps.db, assetId, null)?.collectionWarnings).toEqual(warnings.slice(0, 1));
    expect(await (await post(sampleReport({ collectedAt: '2026-11-23T15:00:00Z', devices: [] }))).json()).toMatchObject({ changes: 0 });
    expect(getAsset(hub.deps.db, assetId, null)?.collectionWarnings).toEqual([]);
  });

  it('refuses a machine name with a control or right-to-left character, naming the field, and stores nothing', async () => {
    const before = count('report_receipts');
    for (const host of [{ hostname: 'WARD3-PC001\u202E' }, { hostname: 'WARD3-PC001', fqdn: 'ward3-pc001\u0000.trust.nhs.uk' }]) {
      const res = await post(sampleReport({ host }));
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toMatch(/"path":"host\.(hostname|fqdn)".*bidirectional-formatting/);
    }
    expect(count('report_receipts')).toBe(before);
  });

  it('takes a trailing-dot or full-width spelling of a machine for the same machine, not a twin', async () => {
    const assets = count('assets');
    const auth = await enrolToken('SPELL-PC01');
    expect((await post(sampleReport({ host: { hostname: 'SPELL-PC01', fqdn: 'spell-pc01.trust.nhs.uk' } }), { auth })).status).toBe(202);
    expect((await post(sampleReport({ host: { hostname: 'SPELL-PC01', fqdn: 'SPELL-PC01.trust.nhs.uk.' } }), { auth })).status).toBe(202);
    expect((await post(sampleReport({ host: { hostname: 'SPELL-PC01', fqdn: 'ＳＰＥＬＬ-ＰＣ０１.trust.nhs.uk' } }), { auth })).status).toBe(202);
    expect(count('assets')).toBe(assets + 1);
  });

  it("refuses an agent naming a machine bound to another live agent, one it did not enrol as, or a second machine: nothing stored, audited, the security lead told", async () => {
    const thief = await enrolToken('PC-X');
    const before = { receipts: count('report_receipts'), installs: count('installs'), audit: count('audit_log'), notes: count('notifications') };
    const claim = await post(sampleReport({ collectedAt: '2026-11-23T14:00:00Z', software: [] }), { auth: thief });
    expect(claim.status).toBe(409);
    expect(((await claim.json()) as { error: { code: string } }).error.code).toBe('machine-bound-to-another-agent');
    expect({ receipts: count('report_receipts'), installs: count('installs') }).toEqual({ receipts: before.receipts, installs: before.installs });
    expect(count('audit_log')).toBe(before.audit + 1);
    const note = hub.deps.db.prepare('SELECT recipient_role, text FROM notifications ORDER BY id DESC LIMIT 1').get() as { recipient_role: string; text: string };
    expect(note.recipient_role).toBe('security-lead');
    expect(note.text).toMatch(/claimed machine ward3-pc001 and was refused/);

    const unbound = await post(sampleReport({ host: { hostname: 'PC-Z' } }), { auth: thief });
    expect(unbound.status).toBe(409);
    expect(((await unbound.json()) as { error: { code: string } }).error.code).toBe('agent-enrolled-as-another-machine');
    expect(hub.deps.db.prepare("SELECT 1 FROM assets WHERE identity = 'pc-z'").get()).toBeUndefined();
    expect((await post(sampleReport({ host: { hostname: 'pc-x', fqdn: 'PC-X.trust.nhs.uk' } }), { auth: thief })).status).toBe(202);
    const second = await post(sampleReport({ host: { hostname: 'PC-Y' } }), { auth: thief });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('agent-bound-to-another-machine');
  });

  it("keeps when each install was first seen as the instant in UTC, whatever offset the report's time has, on either store", async () => {
    const auth = await enrolToken('CLOCK-PC01');
    const res = await post(sampleReport({ host: { hostname: 'CLOCK-PC01' }, collectedAt: '2026-11-24T10:30:00+01:00' }), { auth });
    expect(res.status).toBe(202);
    const assetId = (hub.deps.db.prepare("SELECT id FROM assets WHERE identity = 'clock-pc01'").get() as { id: number }).id;
    expect(new Set(listAssetInstalls(hub.deps.db, assetId).map((i) => i.firstSeenAt))).toEqual(new Set(['2026-11-24T09:30:00.000Z']));
  });

  it('refuses a revoked agent with 401', async () => {
    const row = hub.deps.db.prepare('SELECT id FROM agents ORDER BY id LIMIT 1').get() as { id: number };
    revokeAgent(hub.deps.db, row.id, TEST_NOW.toISOString());
    expect((await post(sampleReport())).status).toBe(401);
  });
});
