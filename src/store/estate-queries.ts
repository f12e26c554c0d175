/**
 * Read-side queries behind the API and pages. EFFECTIVE_STATUS is a software
 * item's status on its asset, the SQL twin of lifecycle/verdict-on-asset.ts:
 * a distribution package takes the OS's status; a part of the OS takes the
 * worse of its own and the OS's; anything else keeps its own.
 */
import { COUNTS_AS_SUPPORTED, SUPPORT_STATUSES, UNKNOWN_REASONS, type SupportStatus, type UnknownReason } from '../lifecycle/verdict.js';
import { versionRangeTest } from '../lifecycle/version-range.js';
import type { Db } from './db.js';
import { dialectOf, distinctList, inJsonList, perDialect, type Dialect } from './dialect.js';
import { readLeadingVersions } from './leading-versions.js';
import { listKeptUnmatched } from './unmatched-programs.js';
import { likeText } from './like-text.js';
import { patchSummary, type PatchSummary } from './patch-queries.js';
import { bindTrust, forTrust, readerKind, type OrgScope } from './organisations.js';
import { stmt } from './statements.js';
import { KEPT_ASSET_COUNTS, VERDICT_SUMS, VERSION_COUNTS } from './version-counts.js';

export const EFFECTIVE_STATUS = `CASE
  WHEN s.os_link = 'follows' THEN o.status
  WHEN s.os_link = 'capped' AND s.status <> 'unknown' AND o.status <> 'unknown' AND ${rank('o.status')} < ${rank('s.status')} THEN o.status
  ELSE s.status END`;

/**
 * Each status's bit in assets.carries (migration 0012): the effective statuses
 * an asset carries on its OS or any item, kept by triggers, so "assets carrying
 * an unsupported item" is one read of the assets_carries index.
 */
export const CARRIED_BIT: Record<SupportStatus, number> = { supported: 1, 'ending-soon': 2, 'extended-support': 4, unsupported: 8, unknown: 16 };

/** SQL: how many of asset `a`'s installs have the effective status `literal` (a quoted SQL string). */
export const ITEMS_WITH_STATUS = (literal: string) =>
  `(SELECT coalesce(sum(s.items), 0) FROM asset_item_counts s WHERE s.asset_id = a.id AND ${EFFECTIVE_STATUS} = ${literal})`;

function rank(column: string): string {
  return `CASE ${column} WHEN 'unsupported' THEN 0 WHEN 'extended-support' THEN 1 WHEN 'ending-soon' THEN 2 ELSE 3 END`;
}

export type StatusCounts = Record<SupportStatus, number>;

export function emptyCounts(): StatusCounts {
  return { supported: 0, 'ending-soon': 0, 'extended-support': 0, unsupported: 0, unknown: 0 };
}

function toCounts(rows: { status: SupportStatus; n: number }[]): StatusCounts {
  const counts = emptyCounts();
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

export interface EstateSummary {
  assets: number;
  assetsByOsStatus: StatusCounts;
  installsByStatus: StatusCounts;
  /** Assets whose OS or any software item is unsupported. */
  assetsWithUnsupported: number;
  /** Assets whose OS and every item count as supported: the headline measure (report/headline-measures.ts). */
  assetsSupportedOnly: number;
  /** Assets with at least one item no rule could judge. */
  assetsWithUnknown: number;
  /** The unknown installs (installsByStatus.unknown) by why they are unknown. */
  unknownInstallsByReason: Record<UnknownReason, number>;
  /** Patch currency of the supported items, beside their status (patch-queries.ts). */
  patch: PatchSummary;
  lastReportAt: string | null;
}

/**
 * Installs by effective status. The ICS's from os_item_counts (migration 0008),
 * a trust's from trust_item_counts (0046), both kept exact by triggers: a few
 * hundred rows, not every install (nor, for a trust, a few rows per machine).
 */
const INSTALLS_BY_STATUS = {
  ics: `SELECT ${EFFECTIVE_STATUS} AS status, sum(s.items) AS n FROM os_item_counts s JOIN os_versions o ON o.id = s.os_id GROUP BY 1`,
  trust: `SELECT ${EFFECTIVE_STATUS} AS status, sum(s.items) AS n FROM trust_item_counts s JOIN os_versions o ON o.id = s.os_id
      WHERE s.organisation_id = @org GROUP BY 1`,
};

/**
 * Unknown installs by reason, from the kept counts (version-counts.ts): a
 * version's own reason, but a version that follows its OS takes the OS's.
 * SQLite reads each version's count; PostgreSQL the sums kept per trust and
 * verdict, and the item counts per OS for what follows its OS (VERDICT_SUMS).
 */
const unknownByReasonSql = (d: Dialect, reader: 'ics' | 'trust') => {
  const k = VERSION_COUNTS[reader];
  const v = VERDICT_SUMS[reader];
  return d === 'sqlite'
    ? `SELECT reason, sum(n) AS n FROM (
      SELECT s.unknown_reason AS reason, ${k.installs} AS n FROM ${k.versions} WHERE ${k.scope}s.os_link = 'none' AND s.status = 'unknown' AND ${k.installs} > 0
      UNION ALL
      SELECT CASE WHEN s.os_link = 'follows' THEN o.unknown_reason ELSE s.unknown_reason END AS reason, c.installs AS n
        FROM ${k.perOs} JOIN software s ON s.id = c.software_id JOIN os_versions o ON o.id = c.os_id
        WHERE ${k.scope}c.installs > 0 AND ${EFFECTIVE_STATUS} = 'unknown') AS u GROUP BY reason`
    : `SELECT reason, sum(n) AS n FROM (
      SELECT NULLIF(c.unknown_reason, '') AS reason, c.installs AS n FROM ${v.verdicts} WHERE ${v.scope}c.status = 'unknown' AND c.installs <> 0
      UNION ALL
      SELECT o.unknown_reason, c.items FROM ${v.items} JOIN os_versions o ON o.id = c.os_id WHERE ${v.scope}c.os_link = 'follows' AND o.status = 'unknown' AND c.items <> 0
    ) AS u GROUP BY reason`;
};
const UNKNOWN_BY_REASON = perDialect((d) => ({ ics: unknownByReasonSql(d, 'ics'), trust: unknownByReasonSql(d, 'trust') }));

function unknownByReason(db: Db, org: OrgScope): Record<UnknownReason, number> {
  const counts = Object.fromEntries(UNKNOWN_REASONS.map((r) => [r, 0])) as Record<UnknownReason, number>;
  const rows = stmt(db, UNKNOWN_BY_REASON[dialectOf(db)][readerKind(org)]).all(bindTrust(org)) as { reason: UnknownReason | null; n: number }[];
  // A verdict stored before migration 0021 has no reason until the next re-evaluation: it counts as unrecognised.
  for (const r of rows) counts[r.reason ?? 'unrecognised'] += r.n;
  return counts;
}

/**
 * The machines counted in all, by their OS's status, and carrying any (or
 * none) of the statuses in @bits; of the hub or the trust @org. SQLite counts
 * them off the assets_organisation_os index (by OS, then by the few OS rows'
 * statuses): no asset row is read. PostgreSQL sums its kept counts
 * (KEPT_ASSET_COUNTS).
 */
const machineCounts = (d: Dialect, reader: 'ics' | 'trust') => {
  const inScope = reader === 'ics' ? 'TRUE' : d === 'sqlite' ? 'organisation_id = @org' : 'c.organisation_id = @org';
  const carrying = (test: string) =>
    d === 'sqlite' ? `SELECT count(*) AS n FROM assets WHERE (carries & @bits) ${test} AND ${inScope}` : `SELECT coalesce(sum(c.assets), 0) AS n FROM ${KEPT_ASSET_COUNTS} WHERE (c.carries & @bits) ${test} AND ${inScope}`;
  const counted =
    d === 'sqlite'
      ? {
          all: `SELECT count(*) AS n FROM assets WHERE ${inScope}`,
          byOs: `SELECT o.status, sum(c.n) AS n FROM (SELECT os_id, count(*) AS n FROM assets WHERE ${inScope} GROUP BY os_id) c JOIN os_versions o ON o.id = c.os_id GROUP BY o.status`,
        }
      : {
          all: `SELECT coalesce(sum(c.assets), 0) AS n FROM ${KEPT_ASSET_COUNTS} WHERE ${inScope}`,
          byOs: `SELECT o.status, sum(c.assets) AS n FROM ${KEPT_ASSET_COUNTS} JOIN os_versions o ON o.id = c.os_id WHERE ${inScope} GROUP BY o.status`,
        };
  return { ...counted, any: carrying('<> 0'), none: carrying('= 0') };
};
const MACHINE_COUNTS = perDialect((d) => ({ ics: machineCounts(d, 'ics'), trust: machineCounts(d, 'trust') }));

/** The estate's figures, of one trust or (null) of every trust on the hub. */
export function estateSummary(db: Db, org: OrgScope): EstateSummary {
  const scope = bindTrust(org);
  const [d, reader] = [dialectOf(db), readerKind(org)];
  const assets = Number((stmt(db, MACHINE_COUNTS[d][reader].all).get(scope) as { n: number | string }).n);
  const last = (stmt(db, `SELECT max(last_received_at) AS last FROM assets WHERE ${forTrust(org, 'organisation_id')}`).get(scope) as { last: string | null }).last;
  const byOs = stmt(db, MACHINE_COUNTS[d][reader].byOs).all(scope) as { status: SupportStatus; n: number }[];
  const byInstall = stmt(db, INSTALLS_BY_STATUS[reader]).all(scope) as { status: SupportStatus; n: number }[];
  return {
    assets,
    assetsByOsStatus: toCounts(byOs),
    installsByStatus: toCounts(byInstall),
    assetsWithUnsupported: countAssetsCarrying(db, org, CARRIED_BIT.unsupported, 'any'),
    assetsSupportedOnly: countAssetsCarrying(db, org, NOT_SUPPORTED_BITS, 'none'),
    assetsWithUnknown: countAssetsCarrying(db, org, CARRIED_BIT.unknown, 'any'),
    unknownInstallsByReason: unknownByReason(db, org),
    patch: patchSummary(db, org),
    lastReportAt: last,
  };
}

/**
 * The bits of every status that does not count as supported: an asset carrying
 * none of them, on its OS or any item, is what the snapshot counts as supportedOnly.
 */
const NOT_SUPPORTED_BITS = SUPPORT_STATUSES.filter((s) => !COUNTS_AS_SUPPORTED.includes(s)).reduce((bits, s) => bits | CARRIED_BIT[s], 0);

/** Assets carrying any of the statuses in `bits`, or none of them. */
function countAssetsCarrying(db: Db, org: OrgScope, bits: number, carrying: 'any' | 'none'): number {
  return Number((stmt(db, MACHINE_COUNTS[dialectOf(db)][readerKind(org)][carrying]).get({ bits, ...bindTrust(org) }) as { n: number | string }).n);
}

export interface SoftwareVersionRow {
  id: number;
  name: string;
  version: string;
  vendor: string;
  source: string;
  product: string | null;
  cycle: string | null;
  eol: string | null;
  status: SupportStatus;
  assets: number;
}

/**
 * Each version with its status on the assets carrying it, from the kept counts
 * (version-counts.ts): a standalone version has its own status everywhere; one
 * tied to its OS has a row per status its OSes give it. `matching`: conditions
 * on the version `s` (a search's name and product), applied before the
 * grouping; filtered after it, a trust's search by product at 100,000 assets
 * took 119 ms, before it 26 ms. `columns`: a row's whole description for a
 * page, or only what a count needs.
 */
function versionRows(reader: 'ics' | 'trust', matching: string, columns: keyof typeof VERSION_COLUMNS): string {
  const k = VERSION_COUNTS[reader];
  const described = VERSION_COLUMNS[columns];
  return `SELECT ${described}, s.status, ${k.installs} AS assets
    FROM ${k.versions} WHERE ${k.scope}s.os_link = 'none' AND ${k.installs} > 0${matching}
  UNION ALL
  SELECT ${described}, ${EFFECTIVE_STATUS} AS status, sum(c.installs) AS assets
    FROM ${k.perOs} JOIN software s ON s.id = c.software_id JOIN os_versions o ON o.id = c.os_id WHERE ${k.scope}c.installs > 0${matching}
    GROUP BY s.id, ${EFFECTIVE_STATUS}`;
}

const VERSION_COLUMNS = { page: 's.id, s.name, s.version, s.vendor, s.source, s.product, s.cycle, s.eol', count: 's.id' };

export interface SoftwareVersionFilter {
  status?: SupportStatus;
  /** The name contains `q` (case-insensitive), or the version was judged as one of `products` (those whose rule title contains it). */
  text?: { q: string; products: readonly string[] };
  /** A lifecycle rule's product id. */
  product?: string;
  /** A semver range (lifecycle/version-range.ts); a version it cannot read matches none. */
  version?: string;
  limit: number;
  offset: number;
}

/**
 * The versions a filter keeps, naming only the filters given (literal
 * fragments; every value bound), so each form is its own statement. `among`:
 * only the versions in the JSON array bound to @ids (leading-versions.ts).
 */
function versionsFrom(f: SoftwareVersionFilter, d: Dialect, reader: 'ics' | 'trust', columns: keyof typeof VERSION_COLUMNS = 'page', among = false): string {
  const matching = [
    // On PostgreSQL both halves seek an index (migration 0055's trigrams, software_product): the list as `= ANY`, not IN a subquery.
    f.text && `(s.name LIKE @q ESCAPE '\\' OR ${inJsonList(d, 's.product', '@titled')})`,
    f.product && 's.product = @product',
    among && inJsonList(d, 's.id', '@ids', 'integer'),
  ]
    .filter(Boolean)
    .map((condition) => ` AND ${condition}`)
    .join('');
  // The status a version has on its assets is worked out in the grouping: it is filtered after it.
  return `FROM (${versionRows(reader, matching, columns)}) v ${f.status ? 'WHERE v.status = @status' : ''}`;
}
/** Most widespread first; a version's id last, so that pages read apart never overlap. */
const VERSION_ORDER = 'ORDER BY v.assets DESC, v.name, v.version, v.status, v.id';

/**
 * A list of more versions than this is counted no further: `more` says so and
 * its pages stop there, as an alert search's do. Counting every version a
 * trust carries read them all (on PostgreSQL 30-51 ms for the largest trust at
 * 20,000 assets, growing with the estate) for a number no one pages through.
 */
export const VERSION_COUNT_LIMIT = 10_000;

export interface SoftwareVersionList {
  /** Versions matching, at most VERSION_COUNT_LIMIT. */
  total: number;
  /** True when more than `total` versions match: only the first `total` can be paged to. */
  more: boolean;
  rows: SoftwareVersionRow[];
}

const countedTo = (n: number): { total: number; more: boolean } => ({ total: Math.min(n, VERSION_COUNT_LIMIT), more: n > VERSION_COUNT_LIMIT });

/**
 * Distinct software versions with the status they have on the assets carrying
 * them, most widespread first; of one trust or (null) all. A version range is
 * tested in code (SQL knows no semver) on the rows the other filters keep.
 */
export function listSoftwareVersions(db: Db, org: OrgScope, f: SoftwareVersionFilter): SoftwareVersionList {
  const d = dialectOf(db);
  const reader = readerKind(org);
  const params = Object.fromEntries(
    Object.entries({ ...bindTrust(org), status: f.status, q: f.text && likeText(f.text.q), titled: f.text && JSON.stringify(f.text.products), product: f.product }).filter(([, v]) => v !== undefined),
  );
  if (f.version !== undefined) {
    const fits = versionRangeTest(f.version);
    const rows = (stmt(db, `SELECT v.* ${versionsFrom(f, d, reader)} ${VERSION_ORDER}`).all(params) as SoftwareVersionRow[]).filter((r) => fits(r.version));
    return { ...countedTo(rows.length), rows: rows.slice(f.offset, f.offset + f.limit) };
  }
  const at = { limit: f.limit, offset: f.offset };
  const page = (among: boolean) => stmt(db, `SELECT v.* ${versionsFrom(f, d, reader, 'page', among)} ${VERSION_ORDER} LIMIT @limit OFFSET @offset`);
  // A search by name or product keeps versions anywhere in the list: the leading ones would seldom hold its page.
  const leading =
    d === 'postgres' && !f.text && !f.product
      ? readLeadingVersions(db, reader, params, at, (ids) => page(true).all({ ...params, ...at, ids }) as SoftwareVersionRow[])
      : undefined;
  const rows = leading ?? (page(false).all({ ...params, ...at }) as SoftwareVersionRow[]);
  // A page short of full (not past the end) ends the list: its total is known.
  const ends = rows.length < f.limit && (rows.length > 0 || f.offset === 0);
  return { ...(ends ? countedTo(f.offset + rows.length) : countVersions(db, f, d, reader, params)), rows };
}

/**
 * The versions matching, counted up to one past VERSION_COUNT_LIMIT. With no
 * filter, first the versions the reader carries (each at least one row of the
 * list), which needs no version's description: over the limit, that is the
 * answer.
 */
function countVersions(db: Db, f: SoftwareVersionFilter, d: Dialect, reader: 'ics' | 'trust', params: Record<string, unknown>): { total: number; more: boolean } {
  const upTo = { ...params, cap: VERSION_COUNT_LIMIT + 1 };
  const count = (sql: string) => Number((stmt(db, sql).get(upTo) as { n: number | string }).n);
  if (!f.status && !f.text && !f.product && count(VERSIONS_CARRIED_UP_TO[reader]) > VERSION_COUNT_LIMIT) return countedTo(VERSION_COUNT_LIMIT + 1);
  return countedTo(count(`SELECT count(*) AS n FROM (SELECT 1 ${versionsFrom(f, d, reader, 'count')} LIMIT @cap) v`));
}
const versionsCarriedUpTo = ({ counts, scope }: (typeof VERSION_COUNTS)['ics' | 'trust']) => `SELECT count(*) AS n FROM (SELECT 1 FROM ${counts} WHERE ${scope}c.installs > 0 LIMIT @cap) v`;
/** How many versions the reader carries, counted up to @cap. */
const VERSIONS_CARRIED_UP_TO = { ics: versionsCarriedUpTo(VERSION_COUNTS.ics), trust: versionsCarriedUpTo(VERSION_COUNTS.trust) };

/**
 * One page and the number of rows matching, read in one pass over the kept
 * counts (a window count; SQLite's unmatched queue): counted apart, a trust's
 * list read its counts twice (issue 24). A page past the end has no row to
 * carry the total: it is then counted on its own.
 */
function pageWithTotal<Row>(db: Db, at: { limit: number; offset: number }, params: Record<string, unknown>, pageSql: string, countSql: string): { total: number; rows: Row[] } {
  const counted = stmt(db, `${pageSql} LIMIT @limit OFFSET @offset`).all({ ...params, limit: at.limit, offset: at.offset }) as (Row & { total: number | string })[];
  const first = counted[0];
  const total = first !== undefined ? Number(first.total) : at.offset === 0 ? 0 : Number((stmt(db, countSql).get(params) as { n: number | string }).n);
  return { total, rows: counted.map(({ total: _total, ...row }) => row as Row) };
}

export interface SoftwareVersionLabel {
  name: string;
  version: string;
  source: string;
}

/** Version `s` is installed: anywhere (ics), or in the trust @org. */
const INSTALLED = {
  ics: 'EXISTS (SELECT 1 FROM software_installs c WHERE c.software_id = s.id AND c.installs > 0)',
  trust: 'EXISTS (SELECT 1 FROM software_trust_installs c WHERE c.organisation_id = @org AND c.software_id = s.id AND c.installs > 0)',
};

/** What software version `id` is, if the reader's trust (or, null, any trust) carries it: another trust's programs are not theirs to learn. */
export function getSoftwareVersionLabel(db: Db, id: number, org: OrgScope): SoftwareVersionLabel | undefined {
  const reader = readerKind(org);
  return stmt(db, `SELECT s.name, s.version, s.source FROM software s WHERE s.id = @id AND ${INSTALLED[reader]}`).get({ id, ...bindTrust(org) }) as SoftwareVersionLabel | undefined;
}

/**
 * The lifecycle products of the versions installed (of one trust, or null:
 * all), for a search's choice of product; by software_product (migration
 * 0030). The products are walked one by one up that index, each the least
 * name above the last, and each kept when one of its versions is installed:
 * a few hundred products, where the DISTINCT of every judged version read
 * each version (PostgreSQL hashed all 5,804 at 5,000 assets: 10–11 ms of
 * the assets page's 21, 2–4 ms this way; SQLite 1.7 → 0.3 ms; issue 24).
 */
export function listInstalledProducts(db: Db, org: OrgScope): string[] {
  const reader = readerKind(org);
  return (stmt(db, INSTALLED_PRODUCTS[reader]).all(bindTrust(org)) as { product: string }[]).map((r) => r.product);
}

const INSTALLED_PRODUCTS = {
  ics: installedProducts(INSTALLED.ics),
  trust: installedProducts(INSTALLED.trust),
};

function installedProducts(installed: string): string {
  return `WITH RECURSIVE products(product) AS (
      SELECT min(product) FROM software WHERE product IS NOT NULL
      UNION ALL
      SELECT (SELECT min(s.product) FROM software s WHERE s.product > p.product) FROM products p WHERE p.product IS NOT NULL
    )
    SELECT p.product FROM products p WHERE p.product IS NOT NULL AND EXISTS (SELECT 1 FROM software s WHERE s.product = p.product AND ${installed}) ORDER BY p.product`;
}

export interface UnmatchedRow {
  name: string;
  vendor: string;
  source: string;
  versions: string;
  /** Installs of any of its versions: an asset carrying two versions counts twice. */
  installs: number;
}

/**
 * Where the unjudged versions and their installs are read: the per-version
 * install counts (version-counts.ts), not the installs themselves (30M at
 * 100,000 assets). Versions judged on their own only: a distribution package
 * or a part of the OS takes its OS's verdict.
 */
const unjudgedFrom = ({ versions, scope, installs }: (typeof VERSION_COUNTS)['ics' | 'trust']) =>
  `FROM ${versions} WHERE ${scope}s.os_link <> 'follows' AND s.status = 'unknown' AND ${installs} > 0`;
export const UNJUDGED_FROM = { ics: unjudgedFrom(VERSION_COUNTS.ics), trust: unjudgedFrom(VERSION_COUNTS.trust) };
export const UNJUDGED_INSTALLS = { ics: `sum(${VERSION_COUNTS.ics.installs})`, trust: `sum(${VERSION_COUNTS.trust.installs})` };
/** A verdict stored before migration 0021 has no reason until the next re-evaluation: it is read as unrecognised. */
export const UNKNOWN_REASON = "coalesce(s.unknown_reason, 'unrecognised')";
/**
 * UNKNOWN_REASON = 'unrecognised', spelt so that a planner reads the column's
 * statistics (PostgreSQL guessed the coalesce() kept 137 of 26,000 versions at
 * 5,000 assets, when it read this queue so). Migration 0052 and
 * unmatched-programs.ts spell PostgreSQL's the same way.
 */
const UNRECOGNISED = "(s.unknown_reason = 'unrecognised' OR s.unknown_reason IS NULL)";
/** The unmatched queue's: unjudged versions no title recognises. */
const UNMATCHED_FROM = {
  ics: `${UNJUDGED_FROM.ics} AND ${UNRECOGNISED}`,
  trust: `${UNJUDGED_FROM.trust} AND ${UNRECOGNISED}`,
};

/**
 * Software no title matches (unknown, `unrecognised`), most widespread first
 * (of one trust, or null: all): the next title or matcher to write. Programs
 * with as many installs are in name order. PostgreSQL reads the programs'
 * kept sums (unmatched-programs.ts).
 */
export function listUnmatched(db: Db, org: OrgScope, f: { limit: number; offset: number }): { total: number; rows: UnmatchedRow[] } {
  const reader = readerKind(org);
  const d = dialectOf(db);
  if (d === 'postgres') return listKeptUnmatched(db, reader, bindTrust(org), f);
  return pageWithTotal(db, f, bindTrust(org), `SELECT s.name, s.vendor, s.source, ${distinctList(d, 's.version')} AS versions, ${UNJUDGED_INSTALLS[reader]} AS installs, count(*) OVER () AS total
      ${UNMATCHED_FROM[reader]} GROUP BY s.name, s.vendor, s.source ORDER BY installs DESC, s.name, s.vendor, s.source`,
    `SELECT count(*) AS n FROM (SELECT 1 ${UNMATCHED_FROM[reader]} GROUP BY s.name, s.vendor, s.source) AS groups`);
}

export interface OsBreakdownRow {
  name: string;
  version: string;
  edition: string;
  status: SupportStatus;
  cycle: string | null;
  eol: string | null;
  extendedSupportEnd: string | null;
  assets: number;
}

/** Assets counted by distinct OS, worst status first; of one trust, or (null) of all. */
export function osBreakdown(db: Db, org: OrgScope): OsBreakdownRow[] {
  return stmt(db, `SELECT o.name, o.version, o.edition, o.status, o.cycle, o.eol, o.extended_support_end AS extendedSupportEnd, count(*) AS assets
      FROM assets a JOIN os_versions o ON o.id = a.os_id WHERE ${forTrust(org, 'a.organisation_id')} GROUP BY o.id
      ORDER BY CASE o.status WHEN 'unsupported' THEN 0 WHEN 'unknown' THEN 1 WHEN 'extended-support' THEN 2 WHEN 'ending-soon' THEN 3 ELSE 4 END,
        assets DESC, o.name`).all(bindTrust(org)) as OsBreakdownRow[];
}
