import type { CollectionWarning, Device, SoftwareSource } from '../contract/report.js';
import type { OsLink, SupportStatus, Verdict } from '../lifecycle/verdict.js';
import type { Db } from './db.js';
import { versionRangeTest } from '../lifecycle/version-range.js';
import { dialectOf, inJsonList, type Dialect } from './dialect.js';
import { CARRIED_BIT, ITEMS_WITH_STATUS } from './estate-queries.js';
import { inScope, type OrgScope } from './organisations.js';
import { stmt } from './statements.js';
import { rowToOsPatch, rowToVerdict, VERDICT_COLUMNS_OF, type VerdictRow } from './verdict-columns.js';
import { likeText } from './like-text.js';
import { orderBy, type ListSort } from './list-order.js';

export interface AssetFilter {
  /** One trust's assets, or (null) every trust's. */
  org: OrgScope;
  /** Status of the asset's OS. */
  osStatus?: SupportStatus;
  /** Only assets carrying at least one item (OS or software) with this status. */
  anyStatus?: SupportStatus;
  family?: string;
  /** Part of the hostname, case-insensitive. */
  q?: string;
  /** Only assets carrying this software version (software.id). */
  software?: number;
  /** Only assets carrying a version of this product (a lifecycle rule's id)… */
  product?: string;
  /** …in this semver range (lifecycle/version-range.ts). */
  version?: string;
  sort?: ListSort<AssetSortKey>;
  limit: number;
  offset: number;
}

export interface AssetListRow {
  id: number;
  /** The ODS code of its trust. */
  organisation: string;
  hostname: string;
  osName: string;
  osVersion: string;
  osStatus: SupportStatus;
  software: number;
  unsupported: number;
  unknown: number;
  endingSoon: number;
  /** Faxes, modems and pagers attached. */
  legacyDevices: number;
  lastSeenAt: string;
}

/**
 * The list's orders. `os-status` (the default): worst OS first, then by
 * hostname, read off assets_list_order (migration 0014), whose os_rank mirrors
 * OS_RANK. `risk`: an unsupported OS first, then the most unsupported items,
 * faxes, modems and pagers, and items ending soon, as the assets page says in
 * one sentence; read off assets_risk_order or, for a trust,
 * assets_organisation_risk_order (migration 0044: each asset keeps those
 * counts by triggers, and the rows show the same kept counts).
 */
export const ASSET_ORDERS = {
  'os-status': ['a.os_rank', 'a.hostname', 'a.id'],
  risk: ['CASE WHEN a.os_rank = 0 THEN 0 ELSE 1 END', 'a.unsupported_items DESC', 'a.legacy_devices DESC', 'a.ending_soon_items DESC', 'a.hostname', 'a.id'],
};
export type AssetSortKey = keyof typeof ASSET_ORDERS;
export const ASSET_SORT_KEYS = Object.keys(ASSET_ORDERS) as [AssetSortKey, ...AssetSortKey[]];
const orderOf = (f: AssetFilter) => `ORDER BY ${orderBy(ASSET_ORDERS, f.sort ?? { key: 'os-status', desc: false })}`;
const OS_RANK: Record<SupportStatus, number> = { unsupported: 0, unknown: 1, 'extended-support': 2, 'ending-soon': 3, supported: 4 };

/**
 * The assets a filter keeps, as FROM and WHERE naming only the filters given:
 * `@x IS NULL OR …` would be planned without the indexes (the OS rank's range
 * in assets_list_order, assets_carries for a count by carried status).
 */
function assetsMatching(f: AssetFilter, d: Dialect): string {
  const where = [
    f.org !== null && 'a.organisation_id = @org',
    f.osStatus && 'a.os_rank = @osRank',
    f.family && 'o.family = @family',
    f.q && "a.hostname LIKE @q ESCAPE '\\'",
    f.anyStatus && '(a.carries & @anyBit) <> 0',
    f.software !== undefined && carrying(d, '@software'),
    f.product !== undefined && carrying(d, '@productVersions'),
  ].filter(Boolean);
  return `FROM assets a ${f.family ? 'JOIN os_versions o ON o.id = a.os_id' : ''} WHERE ${where.join(' AND ') || 'TRUE'}`;
}

/**
 * SQL: asset `a` carries one of the software versions whose ids are the JSON
 * list `param`; by installs_software. On PostgreSQL the carriers are found
 * once (OFFSET 0 keeps the planner from folding them into the list's walk):
 * folded, it walked every machine in list order probing each for every
 * version (5,000 machines, 31 versions: 90 ms for 33 carriers).
 */
const carrying = (d: Dialect, param: string) => `a.id IN (SELECT i.asset_id FROM installs i WHERE ${inJsonList(d, 'i.software_id', param, 'integer')}${d === 'postgres' ? ' OFFSET 0' : ''})`;

/**
 * The statement choosing one page of the list (exported so a test can read its
 * plan). On PostgreSQL a list of the machines carrying a version (or a
 * product's versions) finds them whole and then sorts them: OFFSET 0 keeps the
 * page and its order out of the search. Asked for a page, PostgreSQL expected
 * to fill it early walking the list in order (it estimates a version's
 * carriers from the hub's average: 5,671 for Chrome's 31 versions below 100,
 * which 33 machines carry) and compared each machine walked with every
 * carrier in turn: 14 ms at 5,000 assets, 445 ms at p95 at 100,000; for
 * every version of Chrome (2,486 carriers) 68–204 ms. Found whole, the
 * carriers are joined by cost, never compared one by one (issue 24).
 */
export const assetPageSql = (f: AssetFilter, d: Dialect = 'sqlite') =>
  d === 'postgres' && (f.software !== undefined || f.product !== undefined)
    ? `SELECT a.id FROM (SELECT ${ORDERED_COLUMNS} ${assetsMatching(f, d)} OFFSET 0) a ${orderOf(f)} LIMIT @limit OFFSET @offset`
    : `SELECT a.id ${assetsMatching(f, d)} ${orderOf(f)} LIMIT @limit OFFSET @offset`;

/** The columns ASSET_ORDERS sort on, read from the orders themselves: a new order's columns come with it. */
const ORDERED_COLUMNS = [...new Set(Object.values(ASSET_ORDERS).flatMap((order) => order.flatMap((e) => e.match(/\ba\.\w+/g) ?? [])))].join(', ');

/**
 * One page of the list with each row's counts: its unsupported and ending-soon
 * items and its faxes, modems and pagers as the asset keeps them (migration
 * 0044, what the risk order sorts on), the rest summed. The page is chosen first and
 * only its rows' counts are summed: summed before the sort, they cost as many
 * lookups as there are matching assets. CROSS JOIN keeps the page as the outer
 * loop: otherwise SQLite walks every asset in list order to avoid sorting fifty
 * rows (0.4 s at 100,000 assets). Exported so a test can read its plan.
 */
export const assetRowsSql = (f: AssetFilter, d: Dialect = 'sqlite') => `SELECT a.id, g.code AS organisation, a.hostname, o.name AS osName, o.version AS osVersion, o.status AS osStatus, a.last_seen_at AS lastSeenAt,
    (SELECT coalesce(sum(items), 0) FROM asset_item_counts WHERE asset_id = a.id) AS software,
    a.unsupported_items AS unsupported, ${ITEMS_WITH_STATUS("'unknown'")} AS unknown,
    a.ending_soon_items AS endingSoon, a.legacy_devices AS legacyDevices
    FROM (${assetPageSql(f, d)}) page ${d === 'sqlite' ? 'CROSS JOIN' : 'JOIN'} assets a ON a.id = page.id JOIN os_versions o ON o.id = a.os_id
    JOIN organisations g ON g.id = a.organisation_id ${orderOf(f)}`;

export function listAssets(db: Db, f: AssetFilter): { total: number; rows: AssetListRow[] } {
  const params = Object.fromEntries(
    Object.entries({
      org: f.org ?? undefined, osRank: f.osStatus && OS_RANK[f.osStatus], family: f.family, q: f.q === undefined ? undefined : likeText(f.q), anyBit: f.anyStatus && CARRIED_BIT[f.anyStatus],
      software: f.software === undefined ? undefined : JSON.stringify([f.software]),
      productVersions: f.product === undefined ? undefined : JSON.stringify(versionsOf(db, f.product, f.version)),
    }).filter(([, v]) => v !== undefined),
  );
  const d = dialectOf(db);
  const total = (stmt(db, `SELECT count(*) AS n ${assetsMatching(f, d)}`).get(params) as { n: number }).n;
  const rows = stmt(db, assetRowsSql(f, d)).all({ ...params, limit: f.limit, offset: f.offset }) as AssetListRow[];
  return { total, rows };
}

/** The ids of the installed versions of `product`, those in `range` when one is given (a range is tested in code: SQL knows no semver). */
function versionsOf(db: Db, product: string, range: string | undefined): number[] {
  const rows = stmt(db, 'SELECT s.id, s.version FROM software s JOIN software_installs c ON c.software_id = s.id WHERE s.product = ? AND c.installs > 0').all(product) as { id: number; version: string }[];
  const fits = range === undefined ? () => true : versionRangeTest(range);
  return rows.filter((r) => fits(r.version)).map((r) => r.id);
}

export interface AssetDetail {
  id: number;
  /** The ODS code of its trust. */
  organisation: string;
  hostname: string;
  fqdn: string | null;
  manufacturer: string | null;
  model: string | null;
  serial: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  agentId: number | null;
  /** What its latest report could not read (host facts, devices); empty when it was complete. */
  collectionWarnings: CollectionWarning[];
  os: { family: string; name: string; version: string; edition: string; build: string | null; arch: string | null; verdict: Verdict };
}

export interface InstallRow {
  softwareId: number;
  name: string;
  version: string;
  vendor: string;
  source: SoftwareSource;
  installedAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  osLink: OsLink;
  verdict: Verdict;
}

/** One asset, if it is in the reader's scope; its OS's patch currency is the one on this machine (assets.os_patch_*). */
export function getAsset(db: Db, id: number, org: OrgScope): AssetDetail | undefined {
  const r = stmt(db, `SELECT a.*, g.code AS organisation, o.family, o.name AS os_name, o.version AS os_version, o.edition AS os_edition,
      ${VERDICT_COLUMNS_OF('o')}
      FROM assets a JOIN os_versions o ON o.id = a.os_id JOIN organisations g ON g.id = a.organisation_id
      WHERE a.id = @id AND ${inScope('a.organisation_id')}`).get({ id, org }) as (VerdictRow & Record<string, string | number | null>) | undefined;
  if (!r) return undefined;
  const str = (k: string) => (r[k] === null ? null : String(r[k]));
  return {
    id, organisation: String(r.organisation), hostname: String(r.hostname), fqdn: str('fqdn'), manufacturer: str('manufacturer'), model: str('model'), serial: str('serial'),
    firstSeenAt: String(r.first_seen_at), lastSeenAt: String(r.last_seen_at), agentId: r.agent_id === null ? null : Number(r.agent_id),
    collectionWarnings: r.collection_warnings === null ? [] : (JSON.parse(String(r.collection_warnings)) as CollectionWarning[]),
    os: { family: String(r.family), name: String(r.os_name), version: String(r.os_version), edition: String(r.os_edition), build: str('os_build'), arch: str('os_arch'), verdict: { ...rowToVerdict(r), patch: rowToOsPatch(r) } },
  };
}

/** The asset's installs with each version's own verdict, still to be combined with the OS's (verdictOnAsset). */
export function listAssetInstalls(db: Db, assetId: number): InstallRow[] {
  const rows = stmt(db, `SELECT s.id AS softwareId, s.name, s.version, s.vendor, s.source, i.installed_at, i.first_seen_at, a.last_seen_at,
      s.os_link, ${VERDICT_COLUMNS_OF('s')}
      FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id WHERE i.asset_id = ? ORDER BY s.name COLLATE NOCASE, s.version`).all(assetId) as
    (VerdictRow & { softwareId: number; name: string; version: string; vendor: string; source: SoftwareSource; installed_at: string | null; first_seen_at: string; last_seen_at: string; os_link: OsLink })[];
  return rows.map((r) => ({
    softwareId: r.softwareId, name: r.name, version: r.version, vendor: r.vendor, source: r.source, installedAt: r.installed_at,
    firstSeenAt: r.first_seen_at, lastSeenAt: r.last_seen_at, osLink: r.os_link, verdict: rowToVerdict(r),
  }));
}

/** `kind` is the classified kind where the known-device list recognised the device; `classification` says why. */
export type DeviceRow = Device & { id: number; firstSeenAt: string; lastSeenAt: string; classification: string | null };

export function listAssetDevices(db: Db, assetId: number): DeviceRow[] {
  return stmt(db, `SELECT id, coalesce(classified_kind, kind) AS kind, name, model, serial, location, connection, classification_note AS classification,
      first_seen_at AS firstSeenAt, last_seen_at AS lastSeenAt
      FROM devices WHERE asset_id = ? ORDER BY kind, name`).all(assetId) as DeviceRow[];
}

export interface HistoryRow {
  change: string;
  name: string;
  source: string;
  fromVersion: string | null;
  toVersion: string | null;
  at: string;
}

export function listAssetHistory(db: Db, assetId: number, limit: number): HistoryRow[] {
  return stmt(db, `SELECT change, name, source, from_version AS fromVersion, to_version AS toVersion, at
      FROM install_history WHERE asset_id = ? ORDER BY at DESC, id DESC LIMIT ?`).all(assetId, limit) as HistoryRow[];
}
