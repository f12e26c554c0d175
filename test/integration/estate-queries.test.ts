/** The SQL read side agrees with the status engine, on the whole demo estate in a real SQLite file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { assetItems } from '../../src/estate/asset-items.js';
import { getAsset, listAssetInstalls, listAssets } from '../../src/store/asset-queries.js';
import { estateSummary, listSoftwareVersions, listUnmatched } from '../../src/store/estate-queries.js';
import { createTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
const items = (id: number) => {
  const asset = getAsset(hub.deps.db, id, null);
  if (!asset) throw new Error(`no asset ${id}`);
  return assetItems(asset, listAssetInstalls(hub.deps.db, id));
};

beforeAll(async () => {
  hub = await createTestHub();
  seedDemoEstate(hub.deps);
});
afterAll(() => hub.close());

describe('estate queries on the demo estate', () => {
  it('count per asset exactly what the engine says of each item on that asset', () => {
    const { rows } = listAssets(hub.deps.db, { org: null, limit: 500, offset: 0 });
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const statuses = items(row.id).map((i) => i.verdict.status);
      expect({ host: row.hostname, unsupported: row.unsupported, unknown: row.unknown }).toEqual({
        host: row.hostname,
        unsupported: statuses.filter((s) => s === 'unsupported').length,
        unknown: statuses.filter((s) => s === 'unknown').length,
      });
    }
  });

  it('sums the installs by status the same way', () => {
    const { rows } = listAssets(hub.deps.db, { org: null, limit: 500, offset: 0 });
    const all = rows.flatMap((r) => items(r.id).map((i) => i.verdict.status));
    const summary = estateSummary(hub.deps.db, null);
    for (const [status, n] of Object.entries(summary.installsByStatus)) expect([status, n]).toEqual([status, all.filter((s) => s === status).length]);
  });

  it('caps a part of the OS by its OS: .NET Framework 3.5 SP1 on the Windows XP console is unsupported', () => {
    const ct = listAssets(hub.deps.db, { org: null, q: 'CT-CONSOLE01', limit: 1, offset: 0 }).rows[0];
    const dotnet = items(ct?.id ?? 0).find((i) => i.name.startsWith('Microsoft .NET Framework 3.5'));
    expect(dotnet?.verdict).toMatchObject({ status: 'unsupported', product: 'dotnetfx' });
    expect(dotnet?.verdict.reason).toContain('part of the OS');
  });

  it('lets a distribution package follow its OS: openssl on Ubuntu 18.04 is in extended support, not unsupported upstream', () => {
    const lims = listAssets(hub.deps.db, { org: null, q: 'LIMS-DB01', limit: 1, offset: 0 }).rows[0];
    const openssl = items(lims?.id ?? 0).find((i) => i.name === 'openssl');
    expect(openssl?.verdict).toMatchObject({ status: 'extended-support', product: 'openssl' });
    expect(openssl?.verdict.reason).toMatch(/^dpkg package: follows Ubuntu 18\.04/);
  });

  it('filters assets carrying an unsupported item, and software versions by status', () => {
    const withUnsupported = listAssets(hub.deps.db, { org: null, anyStatus: 'unsupported', limit: 500, offset: 0 });
    expect(withUnsupported.total).toBe(estateSummary(hub.deps.db, null).assetsWithUnsupported);
    const unsupported = listSoftwareVersions(hub.deps.db, null, { status: 'unsupported', limit: 500, offset: 0 });
    expect(unsupported.rows.every((r) => r.status === 'unsupported')).toBe(true);
    expect(unsupported.rows.map((r) => r.name)).toContain('Microsoft Office Standard 2010');
  });

  it('ranks the unmatched queue by how many installs there are of each item, and leaves out distribution packages', () => {
    const { rows } = listUnmatched(hub.deps.db, null, { limit: 500, offset: 0 });
    expect(rows.map((r) => r.installs)).toEqual([...rows.map((r) => r.installs)].sort((a, b) => b - a));
    const pas = rows.find((r) => r.name === 'Medway PAS Client');
    expect(pas?.installs).toBe((hub.deps.db.prepare("SELECT count(*) AS n FROM installs i JOIN software s ON s.id = i.software_id WHERE s.name = 'Medway PAS Client'").get() as { n: number }).n);
    expect(rows.map((r) => r.name)).toContain('Medway PAS Client');
    expect(rows.some((r) => ['dpkg', 'rpm', 'apk'].includes(r.source))).toBe(false);
  });
});

describe('unknown, explained, on the demo estate', () => {
  const allItems = () => listAssets(hub.deps.db, { org: null, limit: 500, offset: 0 }).rows.flatMap((r) => items(r.id));

  it('stores a reason with every unknown verdict and none with any other', () => {
    for (const i of allItems()) expect(i.verdict.status === 'unknown', `${i.name} ${i.verdict.reason}`).toBe(i.verdict.unknownReason !== null);
  });

  it('splits the unknown installs by reason exactly as the engine says of each item', () => {
    const unknown = allItems().filter((i) => i.verdict.status === 'unknown');
    const summary = estateSummary(hub.deps.db, null);
    const sum = Object.values(summary.unknownInstallsByReason).reduce((a, b) => a + b, 0);
    expect(sum).toBe(summary.installsByStatus.unknown);
    for (const [reason, n] of Object.entries(summary.unknownInstallsByReason)) expect([reason, n]).toEqual([reason, unknown.filter((i) => i.verdict.unknownReason === reason).length]);
    expect(summary.unknownInstallsByReason.unrecognised).toBeGreaterThan(0);
  });

  it('queues only unrecognised titles: an item whose title is known but cannot be judged is not the next matcher to write', () => {
    const queued = new Set(listUnmatched(hub.deps.db, null, { limit: 500, offset: 0 }).rows.map((r) => r.name));
    const explained = allItems().filter((i) => i.verdict.status === 'unknown' && i.verdict.unknownReason !== 'unrecognised' && i.osLink === 'none');
    expect(explained.length).toBeGreaterThan(0);
    for (const i of explained) expect(queued.has(i.name), i.name).toBe(false);
  });

  it('queues a version judged before reasons were stored (no reason yet) as unrecognised', () => {
    const queue = () => listUnmatched(hub.deps.db, null, { limit: 500, offset: 0 });
    const before = queue();
    const id = (hub.deps.db.prepare("SELECT id FROM software WHERE status = 'unknown' AND os_link = 'none' AND unknown_reason = 'unrecognised' ORDER BY id LIMIT 1").get() as { id: number }).id;
    hub.deps.db.prepare('UPDATE software SET unknown_reason = NULL WHERE id = ?').run(id);
    try {
      expect(queue()).toEqual(before);
    } finally {
      hub.deps.db.prepare("UPDATE software SET unknown_reason = 'unrecognised' WHERE id = ?").run(id);
    }
  });
});
