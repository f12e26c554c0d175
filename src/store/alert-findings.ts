/**
 * The SQL behind each alert condition: which assets (and which of their items)
 * a condition holds for right now. Statuses come precomputed on the distinct
 * OS and software rows, so these are joins, not per-item evaluations.
 */
import type { Db } from './db.js';
import { EFFECTIVE_STATUS } from './estate-queries.js';
import { dialectOf, distinctList, inJsonList, installedVersions, jsonValues, perDialect, type Dialect } from './dialect.js';
import { stmt } from './statements.js';

/** Restrict a query to one asset, or run it over the whole estate (null). */
export type AssetScope = number | null;

/**
 * "Only this asset" as SQL, or nothing over the estate. Two statement texts,
 * each prepared once: a single `@asset IS NULL OR col = @asset` would be planned
 * without the index, and scan the estate on every ingest.
 */
export const forAsset = (asset: AssetScope, column: string) => (asset === null ? 'TRUE' : `${column} = @asset`);

/** better-sqlite3 refuses named parameters the statement does not use. */
export const bind = (asset: AssetScope): Record<string, number> => (asset === null ? {} : { asset });

/** A list bound as one JSON parameter: the statement text stays fixed, whatever the list. */
const IN_LIST = (d: Dialect, param: string) => jsonValues(d, `@${param}`);

export interface AssetRow {
  id: number;
  hostname: string;
  family: string;
}

export function listAssetsForAlerts(db: Db, asset: AssetScope): AssetRow[] {
  return stmt(db, `SELECT a.id, a.hostname, o.family FROM assets a JOIN os_versions o ON o.id = a.os_id WHERE ${forAsset(asset, 'a.id')}`).all(asset === null ? {} : { asset }) as AssetRow[];
}

export interface OsFinding {
  assetId: number;
  name: string;
  version: string;
  status: string;
  reason: string;
}

export function findOsWithStatus(db: Db, statuses: readonly string[], asset: AssetScope): OsFinding[] {
  const d = dialectOf(db);
  return stmt(db, `SELECT a.id AS assetId, o.name, o.version, o.status, o.reason FROM assets a JOIN os_versions o ON o.id = a.os_id
      WHERE o.status IN ${IN_LIST(d, 'statuses')} AND ${forAsset(asset, 'a.id')}`).all({ ...bind(asset), statuses: JSON.stringify(statuses) }) as OsFinding[];
}

export interface SoftwareFinding {
  assetId: number;
  softwareId: number;
  name: string;
  version: string;
  source: string;
  status: string;
  osLink: string;
  reason: string;
  osName: string;
  osVersion: string;
}

/**
 * Over the estate, read from the distinct versions outward (CROSS JOIN keeps
 * SQLite to that order; PostgreSQL plans it as an inner join), so that a
 * version judged on its own whose status is not asked for is passed over with
 * its installs: reading every install first took 3.8 s at 10,000 assets (3
 * million installs, two thirds of them unknown versions; issue 24). Rows still
 * come in installs_software's order. Over one asset, from its installs.
 */
const SOFTWARE_FROM = perDialect((d) => ({ estate: 'software s CROSS JOIN installs i', asset: installedVersions(d) }));

/** The os_link values whose status may come from the OS, and the test that keeps or leaves out the followers (followingOs). */
const OS_LINKED = { include: "('follows', 'capped')", exclude: "('capped')" } as const;
const FOLLOWERS = { include: 'TRUE', exclude: "s.os_link <> 'follows'" } as const;

/**
 * Installed items with one of `statuses` there, from `sources` when given;
 * `followingOs: exclude` leaves out those whose status is their OS's
 * (os_link 'follows'): over an estate with unsupported Linux machines they
 * were nine in ten of every alert raised (2.6 million at 100,000 assets).
 */
export function findSoftwareWithStatus(db: Db, f: { statuses: readonly string[]; sources?: readonly string[]; followingOs?: 'include' | 'exclude' }, asset: AssetScope): SoftwareFinding[] {
  const d = dialectOf(db);
  const scope = asset === null ? 'estate' : 'asset';
  const following = f.followingOs ?? 'include';
  const found = stmt(db, `SELECT i.asset_id AS assetId, s.id AS softwareId, s.name, s.version, s.source, ${EFFECTIVE_STATUS} AS status, s.os_link AS osLink,
      o.name AS osName, o.version AS osVersion
      FROM ${SOFTWARE_FROM[d][scope]} JOIN assets a ON a.id = i.asset_id JOIN os_versions o ON o.id = a.os_id
      -- Implied by the status test (a version that neither follows nor is capped by its OS has its own status), but testable before the OS is read.
      WHERE i.software_id = s.id AND (s.os_link IN ${OS_LINKED[following]} OR s.status IN ${IN_LIST(d, 'statuses')}) AND ${FOLLOWERS[following]}
        AND ${EFFECTIVE_STATUS} IN ${IN_LIST(d, 'statuses')} AND (@sources IS NULL OR s.source IN ${IN_LIST(d, 'sources')})
        AND ${forAsset(asset, 'i.asset_id')}`).all({ ...bind(asset), statuses: JSON.stringify(f.statuses), sources: f.sources ? JSON.stringify(f.sources) : null }) as Omit<SoftwareFinding, 'reason'>[];
  const reasons = reasonsOf(db, found);
  return found.map((r) => ({ ...r, reason: reasons.get(r.softwareId)! }));
}

// PostgreSQL reads the ids as an array it can seek one by one (dialect.ts inJsonList).
const OF_IDS = perDialect((d) => inJsonList(d, 'id', '@ids', 'integer'));

/**
 * Each version's lifecycle reason, read once per version rather than once per
 * install: a reason is a few hundred characters, and copying it into each of
 * 780,000 rows over 100,000 assets took 6 of a 10 s read (issue 24).
 */
function reasonsOf(db: Db, rows: readonly { softwareId: number }[]): Map<number, string> {
  const ids = [...new Set(rows.map((r) => r.softwareId))];
  const found = stmt(db, `SELECT id, reason FROM software WHERE ${OF_IDS[dialectOf(db)]}`).all({ ids: JSON.stringify(ids) }) as { id: number; reason: string }[];
  return new Map(found.map((r) => [r.id, r.reason]));
}

/** What the OS's patch currency on a machine says (assets.os_patch_*, migration 0033). */
export interface OsBehindFinding {
  assetId: number;
  name: string;
  version: string;
  build: string | null;
  newest: string;
  newestDate: string | null;
  since: string;
  installed: string | null;
  installedDate: string | null;
}

/** Machines whose OS has been behind since before `before` (a day), and whose OS has one of `statuses` when given. */
export function findOsBehind(db: Db, before: string, statuses: readonly string[] | undefined, asset: AssetScope): OsBehindFinding[] {
  const d = dialectOf(db);
  return stmt(db, `SELECT a.id AS assetId, o.name, o.version, a.os_build AS build, a.os_patch_newest AS newest, a.os_patch_newest_date AS newestDate,
      a.os_patch_since AS since, a.os_patch_installed AS installed, a.os_patch_installed_date AS installedDate
      FROM assets a JOIN os_versions o ON o.id = a.os_id
      WHERE a.os_patch_state = 'behind' AND a.os_patch_since < @before AND (@statuses IS NULL OR o.status IN ${IN_LIST(d, 'statuses')})
        AND ${forAsset(asset, 'a.id')}`).all({ ...bind(asset), before, statuses: statuses ? JSON.stringify(statuses) : null }) as OsBehindFinding[];
}

export interface SoftwareBehindFinding {
  assetId: number;
  name: string;
  version: string;
  source: string;
  status: string;
  newest: string;
  newestDate: string | null;
  since: string;
}

/**
 * Installed versions judged on their own that have been behind since before `before`. A
 * distribution package is never behind (it has no patch verdict); `statuses` are each item's
 * status on its asset (EFFECTIVE_STATUS), as software-status reads them.
 */
export function findSoftwareBehind(db: Db, before: string, f: { statuses?: readonly string[]; sources?: readonly string[] }, asset: AssetScope): SoftwareBehindFinding[] {
  const d = dialectOf(db);
  return stmt(db, `SELECT i.asset_id AS assetId, s.name, s.version, s.source, ${EFFECTIVE_STATUS} AS status, s.patch_newest AS newest,
      s.patch_newest_date AS newestDate, s.patch_since AS since
      FROM software s JOIN installs i ON i.software_id = s.id JOIN assets a ON a.id = i.asset_id JOIN os_versions o ON o.id = a.os_id
      WHERE s.patch_state = 'behind' AND s.os_link <> 'follows' AND s.patch_since < @before
        AND (@statuses IS NULL OR ${EFFECTIVE_STATUS} IN ${IN_LIST(d, 'statuses')}) AND (@sources IS NULL OR s.source IN ${IN_LIST(d, 'sources')})
        AND ${forAsset(asset, 'i.asset_id')}`).all({
    ...bind(asset), before, statuses: f.statuses ? JSON.stringify(f.statuses) : null, sources: f.sources ? JSON.stringify(f.sources) : null,
  }) as SoftwareBehindFinding[];
}

export interface SoftwareVersionRow {
  id: number;
  name: string;
  version: string;
  source: string;
  product: string | null;
  cycle: string | null;
}

const VERSION_COLUMNS = 's.id, s.name, s.version, s.source, s.product, s.cycle';
const VERSIONS_OF = { estate: 'software s WHERE TRUE', asset: 'installs i JOIN software s ON s.id = i.software_id WHERE i.asset_id = @asset' } as const;
const OF_PRODUCTS = perDialect((d) => inJsonList(d, 's.product', '@products'));

/**
 * Every distinct software version (or one asset's), or only those of
 * `products` when given: prohibited-software rules are matched on these, once each.
 */
export function listSoftwareVersionsForAlerts(db: Db, asset: AssetScope, products: readonly string[] | null): SoftwareVersionRow[] {
  if (products?.length === 0) return [];
  const scope = asset === null ? 'estate' : 'asset';
  if (!products) return stmt(db, `SELECT ${VERSION_COLUMNS} FROM ${VERSIONS_OF[scope]}`).all(bind(asset)) as SoftwareVersionRow[];
  return stmt(db, `SELECT ${VERSION_COLUMNS} FROM ${VERSIONS_OF[scope]} AND ${OF_PRODUCTS[dialectOf(db)]}`).all({ ...bind(asset), products: JSON.stringify(products) }) as SoftwareVersionRow[];
}

/**
 * Where these versions are installed across the estate. The versions are bound
 * as one JSON array: the statement stays fixed whatever their number, and on
 * PostgreSQL it is one round trip where filling a temporary table took one a
 * version (issue 24).
 */
export function findInstallsOf(db: Db, softwareIds: readonly number[]): { assetId: number; softwareId: number }[] {
  if (!softwareIds.length) return [];
  return stmt(db, `SELECT i.asset_id AS assetId, i.software_id AS softwareId FROM installs i WHERE i.software_id IN ${jsonValues(dialectOf(db), '@ids', 'integer')}`)
    .all({ ids: JSON.stringify(softwareIds) }) as { assetId: number; softwareId: number }[];
}

export interface DeviceFinding {
  assetId: number;
  kind: string;
  name: string;
  model: string | null;
  location: string | null;
}

export function findDevicesOfKind(db: Db, kinds: readonly string[], asset: AssetScope): DeviceFinding[] {
  const d = dialectOf(db);
  // The classified kind wins: a "USB device" the known list calls a fax modem is a modem.
  return stmt(db, `SELECT asset_id AS assetId, coalesce(classified_kind, kind) AS kind, name, model, location FROM devices
      WHERE coalesce(classified_kind, kind) IN ${IN_LIST(d, 'kinds')} AND ${forAsset(asset, 'asset_id')}`).all({ ...bind(asset), kinds: JSON.stringify(kinds) }) as DeviceFinding[];
}

export function findSilentAssets(db: Db, before: string, asset: AssetScope): { assetId: number; lastReceivedAt: string }[] {
  return stmt(db, `SELECT id AS assetId, last_received_at AS lastReceivedAt FROM assets WHERE last_received_at < @before AND ${forAsset(asset, 'id')}`).all({ ...bind(asset), before }) as {
    assetId: number;
    lastReceivedAt: string;
  }[];
}

export interface SpreadingProgram {
  organisationId: number;
  name: string;
  assets: number;
  versions: string;
}

/**
 * Programs no rule can judge (distribution packages follow their OS and are
 * left out), with how many of one trust's assets carry each: each trust's
 * estate is counted on its own, as each trust acts on its own.
 *
 * PostgreSQL groups every install of an unjudged version by trust and name in
 * one statement, hashing them. SQLite sorts them: 25-49 s of the first alert
 * run at 100,000 assets (21M installs), and of every hourly one (issue 24). It
 * reads the kept per-trust version counts instead (software_trust_installs),
 * whose sum over a program's versions counts a machine once per version it
 * carries, so a machine carrying two versions of one program is taken off
 * again (MACHINES_CARRYING_TWO): looked for only among the installs of
 * programs a trust that reaches `minAssets` carries in several versions, one
 * program at a time, whose machines sort in memory (5-6 s in all). On
 * PostgreSQL that was the slower way (5 s against 2.5 at 10,000 assets).
 */
export function findUnknownSoftwareSpread(db: Db, minAssets: number): SpreadingProgram[] {
  if (dialectOf(db) === 'postgres') return stmt(db, SPREAD_BY_INSTALLS).all({ minAssets }) as SpreadingProgram[];
  const sums = stmt(db, SPREAD_SUMS).all({ minAssets }) as (Omit<SpreadingProgram, 'assets'> & { installs: number; ids: string; versionCount: number })[];
  const counted = new Map<string, number>();
  for (const [name, ids] of programsInSeveralVersions(sums)) {
    for (const r of stmt(db, MACHINES_CARRYING_TWO).all({ ids: JSON.stringify([...ids]) }) as { organisationId: number; extra: number }[]) {
      counted.set(`${r.organisationId}\u0000${name}`, r.extra);
    }
  }
  return sums
    .map(({ organisationId, name, versions, installs }) => ({ organisationId, name, versions, assets: installs - (counted.get(`${organisationId}\u0000${name}`) ?? 0) }))
    .filter((p) => p.assets >= minAssets);
}

/**
 * Grouped by name in byte order (COLLATE "C", SQLite's BINARY): the groups are
 * the same in any collation that tells names apart, and sorting a million
 * installs by the database's locale compared them through the C library
 * (1.10 → 0.69 s at 5,000 assets on a C.UTF-8 database; issue 24).
 */
const SPREAD_BY_INSTALLS = `SELECT a.organisation_id AS organisationId, s.name COLLATE "C" AS name, count(DISTINCT i.asset_id) AS assets, ${distinctList('postgres', 's.version')} AS versions
    FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id WHERE s.os_link <> 'follows' AND s.status = 'unknown'
    GROUP BY a.organisation_id, s.name COLLATE "C" HAVING count(DISTINCT i.asset_id) >= @minAssets`;

/**
 * Each trust's installs of each unjudged program's versions, summed (an
 * upper bound on its machines: no fewer than `minAssets` or it cannot reach
 * them), with the versions' ids and how many there are.
 */
const SPREAD_SUMS = `SELECT c.organisation_id AS organisationId, s.name, sum(c.installs) AS installs, ${distinctList('sqlite', 's.version')} AS versions,
      json_group_array(s.id) AS ids, count(*) AS versionCount
    FROM software_trust_installs c JOIN software s ON s.id = c.software_id WHERE s.os_link <> 'follows' AND s.status = 'unknown' AND c.installs > 0
    GROUP BY c.organisation_id, s.name HAVING sum(c.installs) >= @minAssets`;

/** The installed versions of each program a trust carries in more than one version: where one machine may be counted twice. */
function programsInSeveralVersions(sums: readonly { name: string; ids: string; versionCount: number }[]): Map<string, Set<number>> {
  const ids = new Map<string, Set<number>>();
  for (const p of sums.filter((r) => r.versionCount > 1)) {
    const of = ids.get(p.name) ?? new Set<number>();
    for (const id of JSON.parse(p.ids) as number[]) of.add(id);
    ids.set(p.name, of);
  }
  return ids;
}

/** Per trust, the installs beyond the first of machines carrying more than one of the versions @ids. */
const MACHINES_CARRYING_TWO = `SELECT a.organisation_id AS organisationId, sum(m.extra) AS extra FROM (
      SELECT i.asset_id, count(*) - 1 AS extra FROM installs i WHERE ${inJsonList('sqlite', 'i.software_id', '@ids', 'integer')} GROUP BY i.asset_id HAVING count(*) > 1
    ) m JOIN assets a ON a.id = m.asset_id GROUP BY a.organisation_id`;

export interface OverdueDevice {
  id: number;
  organisationId: number;
  kind: string;
  name: string;
  site: string | null;
  location: string | null;
  plannedRemovalOn: string;
  replacement: string | null;
}

/** Registered devices still in use past their planned removal day (those retained by policy are not overdue). */
export function findDevicesPastRemoval(db: Db, kinds: readonly string[] | undefined, today: string): OverdueDevice[] {
  const d = dialectOf(db);
  return stmt(db, `SELECT id, organisation_id AS organisationId, kind, name, site, location, planned_removal_on AS plannedRemovalOn, replacement FROM registered_devices
      WHERE status <> 'decommissioned' AND retained_by_policy = 0 AND planned_removal_on < @today
        AND (@kinds IS NULL OR kind IN ${IN_LIST(d, 'kinds')})`).all({ today, kinds: kinds ? JSON.stringify(kinds) : null }) as OverdueDevice[];
}
