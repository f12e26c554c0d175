/**
 * Find by software (issue 21, point 2) over real HTTP on the demo estate, on
 * SQLite and PostgreSQL: the software search by name or title, product, version
 * range and status; the machines carrying a version, or a product's versions in
 * a range; assets ranked by risk.
 * Expected answers are counted here from the stored rows and the engine's
 * per-item verdicts, not from the queries under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { assetItems } from '../../src/estate/asset-items.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { getAsset, listAssetInstalls, listAssets } from '../../src/store/asset-queries.js';
import { captureStatements } from '../helpers/captured-statements.js';
import { listInstalledProducts } from '../../src/store/estate-queries.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, type ListeningTestHub } from '../helpers/test-hub.js';

let hub: ListeningTestHub;
let cookie: string;

/** A Windows 11 radiology PC with a current Java and a fax: nothing unsupported, but a fax. */
const radiology = sampleReport({
  host: { hostname: 'RADIO-PC01' },
  os: { family: 'windows', name: 'Microsoft Windows 11 Enterprise', version: '10.0.26100', build: '10.0.26100.2605', edition: 'Enterprise', arch: 'x64' },
  software: [{ name: 'Java(TM) SE Development Kit 21.0.5 (64-bit)', version: '21.0.5.0', vendor: 'Oracle Corporation', source: 'registry' }],
});

beforeAll(async () => {
  hub = await startTestHub();
  seedDemoEstate(hub.deps);
  ingestReport(hub.deps, radiology, { agentId: null, organisationId: 1, idempotencyKey: 'radiology' });
  cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
});
afterAll(() => hub.close());

const get = (path: string) => fetch(`${hub.url}${path}`, { headers: { cookie } });
async function json<T>(path: string): Promise<T> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

type SoftwareRow = { id: number; name: string; version: string; status: string; assets: number };
type AssetRow = { id: number; hostname: string; osStatus: string; unsupported: number; endingSoon: number; legacyDevices: number };
const software = (params: Record<string, string>) => json<{ total: number; rows: SoftwareRow[] }>(`/api/v1/estate/software?${query(params)}`);
const assets = (params: Record<string, string>) => json<{ total: number; rows: AssetRow[] }>(`/api/v1/estate/assets?${query({ pageSize: '500', ...params })}`);
const rows = <T>(sql: string, ...params: unknown[]) => hub.deps.db.prepare(sql).all(...params) as T[];
const hostsCarrying = (where: string, ...params: unknown[]) =>
  rows<{ hostname: string }>(`SELECT DISTINCT a.hostname FROM installs i JOIN assets a ON a.id = i.asset_id JOIN software s ON s.id = i.software_id WHERE ${where} ORDER BY 1`, ...params).map((r) => r.hostname);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const idOf = (name: string) => rows<{ id: number }>('SELECT id FROM software WHERE name = ?', name)[0]!.id;

describe('the software search', () => {
  it('finds a product by a semver range of its versions, each counted by the machines carrying it', async () => {
    const below9 = await software({ product: 'oracle-jdk', version: '<9' });
    expect(below9.rows.map((r) => r.name).sort()).toEqual(['Java 8 Update 171 (64-bit)', 'Java 8 Update 202', 'Java 8 Update 401 (64-bit)', 'Java(TM) 6 Update 31']);
    for (const r of below9.rows) expect(r.assets, r.name).toBe(hostsCarrying('s.id = ?', r.id).length);
    expect((await software({ product: 'oracle-jdk', version: '>=8 <9' })).rows.map((r) => r.name).sort()).toEqual(['Java 8 Update 171 (64-bit)', 'Java 8 Update 202', 'Java 8 Update 401 (64-bit)']);
    expect((await software({ product: 'oracle-jdk', version: '>=21' })).rows.map((r) => r.version)).toEqual(['21.0.5.0']);
  });

  it("finds by name, or by the title of the rule that judged the version", async () => {
    const byTitle = await software({ q: 'Oracle JDK', pageSize: '500' });
    expect(byTitle.rows.map((r) => r.name)).toContain('Java 8 Update 202');
    expect(byTitle.rows.every((r) => !r.name.includes('Oracle JDK'))).toBe(true);
    const byName = await software({ q: 'openjdk', pageSize: '500' });
    expect(byName.rows.map((r) => r.name).sort()).toEqual(rows<{ name: string }>("SELECT DISTINCT name FROM software s JOIN software_installs c ON c.software_id = s.id WHERE lower(name) LIKE '%openjdk%' AND c.installs > 0 ORDER BY 1").map((r) => r.name));
  });

  it("narrows by status, and reads a trust's own counts alike", async () => {
    const unsupported = await software({ product: 'oracle-jdk', status: 'unsupported' });
    expect(unsupported.rows.map((r) => `${r.name} ${r.status}`)).toEqual(['Java(TM) 6 Update 31 unsupported']);
    const all = { q: 'java', version: '<9', pageSize: '500' };
    expect((await software({ ...all, organisation: 'TRUST' })).rows).toEqual((await software(all)).rows);
  });

  it('refuses a filter that is not one with 400 naming the field', async () => {
    const refused = async (path: string, field: string) => {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      const { error } = (await res.json()) as { error: { details: { path: string; message: string }[] } };
      expect(error.details.map((d) => d.path), path).toEqual([field]);
      return error.details[0]!.message;
    };
    expect(await refused(`/api/v1/estate/software?${query({ version: '<<9' })}`, 'version')).toContain('not a semver range');
    await refused(`/api/v1/estate/software?${query({ product: 'Oracle JDK' })}`, 'product');
    expect(await refused(`/api/v1/estate/assets?${query({ version: '<9' })}`, 'version')).toBe('a version range needs a product');
    await refused('/api/v1/estate/assets?sort=worst', 'sort');
    await refused('/api/v1/estate/assets?software=java', 'software');
  });

  it('refuses a page past the last rather than show page 99 of 2, and keeps page 1 of an empty list', async () => {
    for (const path of ['/api/v1/estate/software?product=oracle-jdk&page=2', '/api/v1/estate/assets?page=99', '/software?page=9999', '/assets?page=99']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      if (path.startsWith('/api')) expect(((await res.json()) as { error: { code: string; details: { path: string }[] } }).error).toMatchObject({ code: 'invalid-request', details: [{ path: 'page' }] });
    }
    expect((await software({ product: 'oracle-jdk', version: '>=99' })).total).toBe(0);
  });

  it('shows a mistyped range beside the search, keeping what was typed, instead of an error page', async () => {
    const res = await get(`/software?${query({ q: 'java', version: '<<9' })}`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="filter-problems"[^]*version: not a semver range/);
    expect(html).toContain('value="&lt;&lt;9"');
    expect(html).toContain('value="java"');
  });
});

describe('the machines carrying software', () => {
  it("lists the machines carrying one version, from the link on the version's row", async () => {
    const java8 = idOf('Java 8 Update 202');
    const page = await (await get(`/software?${query({ product: 'oracle-jdk' })}`)).text();
    expect(page).toContain(`href="/assets?software=${java8}"`);
    const expected = hostsCarrying('s.id = ?', java8);
    expect(expected.length).toBeGreaterThan(1);
    expect((await assets({ software: String(java8) })).rows.map((r) => r.hostname).sort()).toEqual(expected);
    const list = await (await get(`/assets?software=${java8}`)).text();
    expect(list).toContain('The machines carrying <strong>Java 8 Update 202</strong> 8.0.2020.8');
    for (const host of expected) expect(list).toContain(`>${host}</a>`);
  });

  it('answers "which machines carry Java 8?" by product and version range, linked from the search', async () => {
    const range = { product: 'oracle-jdk', version: '>=8 <9' };
    const expected = hostsCarrying("s.product = 'oracle-jdk' AND s.name LIKE 'Java 8 Update%'");
    expect((await assets(range)).rows.map((r) => r.hostname).sort()).toEqual(expected);
    expect(expected).not.toContain('CT-CONSOLE01');
    expect(expected).not.toContain('RADIO-PC01');
    const page = await (await get(`/software?${query(range)}`)).text();
    expect(page).toContain(`id="machines-carrying" href="/assets?${query(range).replaceAll('&', '&amp;')}"`);
    // A product alone: every version of it; with other filters: both hold.
    expect((await assets({ product: 'oracle-jdk' })).rows.map((r) => r.hostname).sort()).toEqual(hostsCarrying("s.product = 'oracle-jdk'"));
    expect((await assets({ ...range, osStatus: 'unsupported' })).rows.every((r) => r.osStatus === 'unsupported')).toBe(true);
  });
});

describe.runIf(process.env.ESTATEWATCH_TEST_STORE === 'postgres')("the machines carrying a product's versions, on PostgreSQL", () => {
  it('finds the carriers whole and sorts them, never walking the list comparing each machine with every carrier', () => {
    const statements = captureStatements(hub.deps.db, (db) => listAssets(db, { org: null, product: 'oracle-jdk', version: '<9', limit: 50, offset: 0 }));
    const page = statements.filter((c) => /FROM installs i WHERE/.test(c.sql) && /LIMIT/.test(c.sql));
    expect(page.length).toBe(1);
    const plan = (hub.deps.db.prepare(`EXPLAIN ${page[0]!.sql}`).all(...page[0]!.params) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/Subquery Scan on a/);
    expect(plan).not.toMatch(/Join Filter|Materialize/);
  });
});

describe("the search's choice of product", () => {
  it('offers the products of the versions installed, for the hub and for a trust, and drops one no machine carries any more', () => {
    const installed = (org: number | null) =>
      rows<{ product: string }>(
        org === null
          ? 'SELECT DISTINCT s.product FROM software s JOIN software_installs c ON c.software_id = s.id WHERE s.product IS NOT NULL AND c.installs > 0'
          : 'SELECT DISTINCT s.product FROM software s JOIN software_trust_installs c ON c.software_id = s.id WHERE s.product IS NOT NULL AND c.installs > 0 AND c.organisation_id = ?',
        ...(org === null ? [] : [org]),
      ).map((r) => r.product).sort(byText);
    const blender = sampleReport({ host: { hostname: 'KIOSK-PC01' }, software: [{ name: 'Blender', version: '4.2.3', vendor: 'Blender Foundation', source: 'registry' }] });
    ingestReport(hub.deps, blender, { agentId: null, organisationId: 1, idempotencyKey: 'kiosk-1' });
    expect(listInstalledProducts(hub.deps.db, null)).toContain('blender');
    ingestReport(hub.deps, { ...blender, collectedAt: '2026-11-23T10:00:00Z', software: [{ name: 'Notepad++ (64-bit x64)', version: '8.6.2', vendor: 'Notepad++ Team', source: 'registry' }] }, { agentId: null, organisationId: 1, idempotencyKey: 'kiosk-2' });
    expect(rows('SELECT id FROM software WHERE product = ?', 'blender')).toHaveLength(1);
    for (const org of [null, 1]) {
      const products = listInstalledProducts(hub.deps.db, org);
      expect(products.length).toBeGreaterThan(3);
      expect(products).not.toContain('blender');
      // In byte order here: the database lists them in its collation's.
      expect([...products].sort(byText)).toEqual(installed(org));
    }
  });
});

describe('assets ranked by risk', () => {
  it('puts the riskiest machine first: unsupported OS, then unsupported items, faxes/modems/pagers, items ending soon', async () => {
    const ids = rows<{ id: number }>('SELECT id FROM assets').map((r) => r.id);
    const risk = ids.map((id) => {
      const asset = getAsset(hub.deps.db, id, null)!;
      const statuses = assetItems(asset, listAssetInstalls(hub.deps.db, id)).map((i) => i.verdict.status);
      const devices = rows<{ kind: string }>('SELECT coalesce(classified_kind, kind) AS kind FROM devices WHERE asset_id = ?', id).filter((d) => ['fax', 'modem', 'pager'].includes(d.kind));
      const n = (s: string) => statuses.filter((x) => x === s).length;
      return { hostname: asset.hostname, keys: [asset.os.verdict.status === 'unsupported' ? 0 : 1, -n('unsupported'), -devices.length, -n('ending-soon')] };
    });
    risk.sort((a, b) => a.keys.map((k, i) => k - b.keys[i]!).find((d) => d !== 0) ?? (a.hostname < b.hostname ? -1 : 1));
    const ranked = await assets({ sort: 'risk' });
    expect(ranked.rows.map((r) => r.hostname)).toEqual(risk.map((r) => r.hostname));
    // The fax lifts the radiology PC above machines with nothing unsupported and no fax.
    expect(ranked.rows.findIndex((r) => r.hostname === 'RADIO-PC01')).toBeLessThan(ranked.rows.findIndex((r) => r.hostname === 'PORTAL-WEB01'));
    const paged = [1, 2, 3].flatMap(async (page) => (await assets({ sort: 'risk', pageSize: '5', page: String(page) })).rows.map((r) => r.hostname));
    expect((await Promise.all(paged)).flat()).toEqual(risk.slice(0, 15).map((r) => r.hostname));
    expect(await (await get('/assets?sort=risk')).text()).toContain('Riskiest first: machines on an unsupported operating system, then those with the most unsupported items');
  });
});
