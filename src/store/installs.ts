import { isSqlite, type Db } from './db.js';
import { dialectOf, installedVersions, jsonArrayRows, jsonValues, perDialect } from './dialect.js';
import { stmt } from './statements.js';

export interface CurrentInstall {
  softwareId: number;
  name: string;
  version: string;
  /** '' when the report named none, as stored. */
  vendor: string;
  source: string;
}

const CURRENT_INSTALLS = perDialect((d) => `SELECT i.software_id AS softwareId, s.name, s.version, s.vendor, s.source FROM ${installedVersions(d)} WHERE i.asset_id = ?`);

export function listCurrentInstalls(db: Db, assetId: number): CurrentInstall[] {
  return stmt(db, CURRENT_INSTALLS[dialectOf(db)]).all(assetId) as CurrentInstall[];
}

/**
 * Applies a report's changes to an asset's installs and brings its item counts
 * (migration 0008) up to date with them, in the caller's transaction. The only
 * way installs change: counts cannot drift from a path that forgot them.
 */
export function changeInstalls(db: Db, assetId: number, removed: readonly number[], added: readonly { softwareId: number; installedAt: string | null }[], seenAt: string): void {
  if (!removed.length && !added.length) return;
  // On PostgreSQL a statement per change, not per install: each statement is a round trip (a new host has 300 installs).
  const d = dialectOf(db);
  if (removed.length) stmt(db, REMOVE_INSTALLS[d]).run({ assetId, ids: JSON.stringify(removed) });
  if (added.length) addInstalls(db, assetId, added, seenAt);
  const asset = stmt(db, 'SELECT os_id AS osId, organisation_id AS org FROM assets WHERE id = ?').get(assetId) as AssetCounted;
  countVersions(db, asset, [
    { softwareIds: removed, delta: -1 },
    { softwareIds: added.map((a) => a.softwareId), delta: +1 },
  ]);
  const { osId } = asset;
  refreshItemCounts(db, assetId, osId);
}

const REMOVE_INSTALLS = perDialect((d) => `DELETE FROM installs WHERE asset_id = @assetId AND software_id IN ${jsonValues(d, '@ids', 'integer')}`);
const ADD_INSTALL = 'INSERT INTO installs (asset_id, software_id, installed_at, first_seen_at) VALUES (?, ?, ?, ?)';
const ADD_INSTALLS_POSTGRES = `INSERT INTO installs (asset_id, software_id, installed_at, first_seen_at)
    SELECT @assetId, CAST(a.value ->> 'softwareId' AS bigint), a.value ->> 'installedAt', @seenAt FROM ${jsonArrayRows('postgres', '@added', 'a')}`;

/**
 * SQLite runs in the hub's process: a prepared insert per install costs less than reading them out of one JSON array
 * (a new host's 300: 1.2 against 1.7 ms). On PostgreSQL each statement is a round trip: one for them all, in the
 * order of the installs' key (asset, version), so a new machine's entries fill the key's last pages one after
 * another; in a report's order, each landed amid the ones before it and split pages halfway (SQLite's B-tree
 * rebalances as it splits: its file is the same size either way).
 */
function addInstalls(db: Db, assetId: number, added: readonly { softwareId: number; installedAt: string | null }[], reportedAt: string): void {
  // As an instant in UTC, the form PostgreSQL's timestamptz gives back (migration 0061): both stores read the same text.
  const seenAt = new Date(reportedAt).toISOString();
  if (isSqlite(db)) {
    const insert = stmt(db, ADD_INSTALL);
    for (const a of added) insert.run(assetId, a.softwareId, a.installedAt, seenAt);
  } else {
    const inKeyOrder = [...added].sort((a, b) => a.softwareId - b.softwareId);
    stmt(db, ADD_INSTALLS_POSTGRES).run({ assetId, seenAt, added: JSON.stringify(inKeyOrder) });
  }
}

type AssetCounted = { osId: number; org: number };

/**
 * Moves each version's install count (migrations 0011, 0047) and its count in the
 * asset's trust (0040); where the OS decides its status, also its count on
 * this OS, of the hub's (0011) and of the trust's (0020). SQLite moves them
 * at once. PostgreSQL records the change, and moves every count the
 * transaction changed once, at its commit (migration 0045): it writes a new
 * copy of a row at each update, and reports committed together would update a
 * version every machine carries once each.
 */
function countVersions(db: Db, { osId, org }: AssetCounted, changes: readonly { softwareIds: readonly number[]; delta: 1 | -1 }[]): void {
  const moved = changes.filter((c) => c.softwareIds.length).map((c) => ({ ids: JSON.stringify(c.softwareIds), delta: c.delta }));
  if (!moved.length) return;
  if (!isSqlite(db)) {
    // Removals and additions in one statement: each is a round trip.
    stmt(db, RECORD_COUNT_CHANGES).run({ changes: JSON.stringify(moved), osId, org });
    return;
  }
  for (const { ids, delta } of moved) {
    stmt(db, COUNT_VERSIONS).run({ ids, delta });
    stmt(db, COUNT_ON_OS).run({ ids, osId, delta });
    stmt(db, COUNT_IN_TRUST).run({ ids, org, delta });
    stmt(db, COUNT_IN_TRUST_ON_OS).run({ ids, osId, org, delta });
  }
}

/**
 * Moves now the version counts this transaction has changed so far, which
 * PostgreSQL otherwise moves at its commit (migration 0045): before a version's
 * tie to its OS changes, as its per-OS counts are then rebuilt from the
 * installs. SQLite's counts are always moved already.
 */
export function settleVersionCounts(db: Db): void {
  if (!isSqlite(db)) stmt(db, 'SELECT settle_version_counts()').get();
}

const RECORD_COUNT_CHANGES = `INSERT INTO version_count_changes (software_ids, os_id, organisation_id, delta)
    SELECT c.ids, @osId, @org, c.delta FROM json_to_recordset(CAST(@changes AS json)) AS c(ids text, delta integer)`;
const IDS = jsonValues('sqlite', '@ids', 'integer');
// Each upsert's WHERE is required: SQLite reads an upsert's SELECT without one as a join.
// The hub-wide count has its own narrow table (migration 0047): moving it on the version's wide row rewrote the row.
const COUNT_VERSIONS = `INSERT INTO software_installs (software_id, installs) SELECT CAST(value AS INTEGER), @delta FROM json_each(@ids) WHERE TRUE
    ON CONFLICT (software_id) DO UPDATE SET installs = software_installs.installs + excluded.installs`;
// Versions standing alone (os_link 'none') need no count per OS.
const COUNT_ON_OS = `INSERT INTO software_os_counts (software_id, os_id, installs)
    SELECT s.id, @osId, @delta FROM software s WHERE s.id IN ${IDS} AND s.os_link <> 'none'
    ON CONFLICT (software_id, os_id) DO UPDATE SET installs = software_os_counts.installs + excluded.installs`;
const COUNT_IN_TRUST = `INSERT INTO software_trust_installs (organisation_id, software_id, installs)
    SELECT @org, s.id, @delta FROM software s WHERE s.id IN ${IDS}
    ON CONFLICT (organisation_id, software_id) DO UPDATE SET installs = software_trust_installs.installs + excluded.installs`;
const COUNT_IN_TRUST_ON_OS = `INSERT INTO software_trust_counts (organisation_id, software_id, os_id, installs)
    SELECT @org, s.id, @osId, @delta FROM software s WHERE s.id IN ${IDS} AND s.os_link <> 'none'
    ON CONFLICT (organisation_id, software_id, os_id) DO UPDATE SET installs = software_trust_counts.installs + excluded.installs`;

type Count = { status: string; osLink: string; items: number };

const COUNT_ITEMS = perDialect((d) => `SELECT s.status, s.os_link AS osLink, count(*) AS items FROM ${installedVersions(d)} WHERE i.asset_id = ? GROUP BY s.status, s.os_link`);

type ItemCountChange = { status: string; os_link: string; items: number; delta: number };

/** Recounts one asset's installs by status and OS link, and moves the difference into its OS's counts. */
function refreshItemCounts(db: Db, assetId: number, osId: number): void {
  const key = (c: Count) => `${c.status}\u0000${c.osLink}`;
  const before = new Map((stmt(db, 'SELECT status, os_link AS osLink, items FROM asset_item_counts WHERE asset_id = ?').all(assetId) as Count[]).map((c) => [key(c), c]));
  const after = new Map((stmt(db, COUNT_ITEMS[dialectOf(db)]).all(assetId) as Count[]).map((c) => [key(c), c]));
  const changes: ItemCountChange[] = [];
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const c = (after.get(k) ?? before.get(k))!;
    const delta = (after.get(k)?.items ?? 0) - (before.get(k)?.items ?? 0);
    if (delta) changes.push({ status: c.status, os_link: c.osLink, items: after.get(k)?.items ?? 0, delta });
  }
  writeItemCounts(db, assetId, osId, changes);
}

const SET_ASSET_ITEMS = `INSERT INTO asset_item_counts (asset_id, status, os_link, items) VALUES (@assetId, @status, @os_link, @items)
    ON CONFLICT (asset_id, status, os_link) DO UPDATE SET items = excluded.items`;
const MOVE_OS_ITEMS = `INSERT INTO os_item_counts (os_id, status, os_link, items) VALUES (@osId, @status, @os_link, @delta)
    ON CONFLICT (os_id, status, os_link) DO UPDATE SET items = os_item_counts.items + excluded.items`;
const WRITE_ITEM_COUNTS_POSTGRES = `WITH changes AS (SELECT * FROM json_to_recordset(CAST(@changes AS json)) AS c(status text, os_link text, items bigint, delta bigint)),
    asset_counts AS (INSERT INTO asset_item_counts (asset_id, status, os_link, items) SELECT @assetId, status, os_link, items FROM changes
      ON CONFLICT (asset_id, status, os_link) DO UPDATE SET items = excluded.items)
    INSERT INTO os_item_counts (os_id, status, os_link, items) SELECT @osId, status, os_link, delta FROM changes
      ON CONFLICT (os_id, status, os_link) DO UPDATE SET items = os_item_counts.items + excluded.items`;

/** The asset's new counts and its OS's moves: SQLite a prepared upsert each; PostgreSQL one statement for them all (a round trip each). */
function writeItemCounts(db: Db, assetId: number, osId: number, changes: readonly ItemCountChange[]): void {
  if (!changes.length) return;
  if (!isSqlite(db)) {
    stmt(db, WRITE_ITEM_COUNTS_POSTGRES).run({ assetId, osId, changes: JSON.stringify(changes) });
    return;
  }
  for (const c of changes) {
    stmt(db, SET_ASSET_ITEMS).run({ assetId, ...c });
    stmt(db, MOVE_OS_ITEMS).run({ osId, ...c });
  }
}

export type InstallChange = 'installed' | 'removed' | 'upgraded' | 'downgraded';

export interface InstallHistoryEntry {
  change: InstallChange;
  name: string;
  source: string;
  fromVersion: string | null;
  toVersion: string | null;
}

const ADD_HISTORY = 'INSERT INTO install_history (asset_id, change, name, source, from_version, to_version, at) VALUES (?, ?, ?, ?, ?, ?, ?)';
const ADD_HISTORY_POSTGRES = `INSERT INTO install_history (asset_id, change, name, source, from_version, to_version, at)
    SELECT @assetId, h.change, h.name, h.source, h."fromVersion", h."toVersion", @at
    FROM json_to_recordset(CAST(@entries AS json)) AS h(change text, name text, source text, "fromVersion" text, "toVersion" text, ord bigint) ORDER BY h.ord`;

/**
 * A report's changes to an asset's installs, in order. SQLite: a prepared
 * insert each. PostgreSQL: one statement for them all, as each statement is a
 * round trip (a week's patching changes about fifteen items of 300).
 */
export function insertInstallHistory(db: Db, assetId: number, entries: readonly InstallHistoryEntry[], at: string): void {
  if (!entries.length) return;
  if (isSqlite(db)) {
    const insert = stmt(db, ADD_HISTORY);
    for (const h of entries) insert.run(assetId, h.change, h.name, h.source, h.fromVersion, h.toVersion, at);
    return;
  }
  // Added in the order given, as SQLite adds them, so both stores number them alike.
  stmt(db, ADD_HISTORY_POSTGRES).run({ assetId, at, entries: JSON.stringify(entries.map((h, ord) => ({ ...h, ord }))) });
}
