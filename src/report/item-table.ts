/**
 * The items list in compact form: each distinct OS or software version at
 * risk once, with the assets carrying it, instead of a row per install (half a
 * million rows at 100,000 assets). In memory an entry's assets are their
 * positions in the snapshot's assets list, so counting and grouping touch only
 * numbers; rows are rebuilt only when a page asks for them, in the order the
 * list has always had: by asset (hostname, then id, as the assets list runs),
 * then kind, name and version.
 */
import type { AssetEvidence, ItemEvidence } from './posture-evidence.js';
import { filterOn, matchesFilter, type Filter } from './row-filter.js';

/** An item row without its asset. */
export type ItemEntry = Omit<ItemEvidence, 'assetId' | 'hostname'>;

export const ITEM_ENTRY_COLUMNS = ['kind', 'product', 'name', 'version', 'status', 'eol', 'extendedSupportEnd', 'endingWithin6Months'] as const satisfies readonly (keyof ItemEntry)[];
const ASSET_COLUMNS = ['assetId', 'hostname'];

/** The snapshot's assets list, as far as items need it. */
export type AssetList = readonly Pick<AssetEvidence, 'assetId' | 'hostname'>[];

export interface ItemTable {
  /** Distinct entries, by kind, name and version (then their other columns, so the order is total). */
  entries: ItemEntry[];
  /** For each entry, where the assets carrying it stand in the assets list, ascending. */
  ats: Int32Array[];
}

/** The position in `assets` of an asset id. */
function positionsIn(assets: AssetList): (assetId: number) => number {
  // Asset ids are rowids, nearly dense: an array indexed by id is several times quicker than a Map of 100,000.
  const ats = new Int32Array(assets.reduce((max, a) => Math.max(max, a.assetId), 0) + 1).fill(-1);
  assets.forEach((a, at) => (ats[a.assetId] = at));
  return (assetId) => {
    const at = ats[assetId] ?? -1;
    // Both lists are read in one transaction: an item on an unlisted asset is a broken snapshot, not a row to drop.
    if (at < 0) throw new Error(`item evidence names asset ${assetId}, which the snapshot's assets list does not hold`);
    return at;
  };
}

/** The table for entries and the ids of their assets, in any order; identical entries merge. */
export function itemTable(groups: Iterable<{ entry: ItemEntry; assetIds: readonly number[] }>, assets: AssetList): ItemTable {
  const merged = new Map<string, { entry: ItemEntry; parts: (readonly number[])[] }>();
  for (const g of groups) {
    const key = JSON.stringify(ITEM_ENTRY_COLUMNS.map((c) => g.entry[c]));
    const into = merged.get(key);
    if (into) into.parts.push(g.assetIds);
    else merged.set(key, { entry: g.entry, parts: [g.assetIds] });
  }
  const at = positionsIn(assets);
  const sorted = [...merged.values()].sort((a, b) => compareEntries(a.entry, b.entry));
  return { entries: sorted.map((g) => g.entry), ats: sorted.map((g) => positionsOf(g.parts, at)) };
}

/** The positions of these assets, ascending (a typed array sorts numerically, and fast). */
function positionsOf(parts: readonly (readonly number[])[], at: (assetId: number) => number): Int32Array {
  const ats = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const part of parts) for (const id of part) ats[i++] = at(id);
  return ats.sort();
}

/** The table for rows as the items list holds them (a snapshot taken before per-list storage, or a test's). */
export function itemTableOf(rows: readonly ItemEvidence[], assets: AssetList): ItemTable {
  return itemTable(rows.map(({ assetId, hostname: _, ...entry }) => ({ entry, assetIds: [assetId] })), assets);
}

/** Each entry's asset ids, in list order: how the table is stored. */
export function assetIdsOf(table: ItemTable, assets: AssetList): number[][] {
  return table.ats.map((ats) => Array.from(ats, (at) => assets[at]!.assetId));
}

/** Byte order, as SQLite's ORDER BY compared the rows this list was once read in. */
const compareText = (a: unknown, b: unknown) => {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

function compareEntries(a: ItemEntry, b: ItemEntry): number {
  for (const c of ['kind', 'name', 'version', 'product', 'status', 'eol', 'extendedSupportEnd', 'endingWithin6Months'] as const) {
    const d = compareText(a[c], b[c]);
    if (d) return d;
  }
  return 0;
}

/** Each entry the filter selects, with those of its assets it selects. */
function selected(table: ItemTable, assets: AssetList, filter: Filter): { i: number; entry: ItemEntry; ats: Int32Array }[] {
  const onEntry = filterOn(filter, ITEM_ENTRY_COLUMNS);
  const onAsset = filterOn(filter, ASSET_COLUMNS);
  const byAsset = Object.keys(onAsset).length > 0;
  return table.entries.flatMap((entry, i) => {
    if (!matchesFilter(entry, onEntry)) return [];
    const ats = table.ats[i]!;
    return [{ i, entry, ats: byAsset ? ats.filter((at) => matchesFilter(assets[at]!, onAsset)) : ats }];
  });
}

export function countItems(table: ItemTable, assets: AssetList, filter: Filter): number {
  return selected(table, assets, filter).reduce((n, s) => n + s.ats.length, 0);
}

/** Distinct assets carrying an item the filter selects. */
export function countItemAssets(table: ItemTable, assets: AssetList, filter: Filter): number {
  const carrying = new Uint8Array(assets.length);
  for (const { ats } of selected(table, assets, filter)) for (const at of ats) carrying[at] = 1;
  return carrying.reduce((n, c) => n + c, 0);
}

/** The rows the filter selects, in list order. */
export function itemRows(table: ItemTable, assets: AssetList, filter: Filter): ItemEvidence[] {
  const byAt: ItemEntry[][] = [];
  for (const { entry, ats } of selected(table, assets, filter)) for (const at of ats) (byAt[at] ??= []).push(entry);
  const rows: ItemEvidence[] = [];
  // Sparse: forEach visits the assets that carry something, in list order.
  byAt.forEach((entries, at) => {
    const { assetId, hostname } = assets[at]!;
    for (const entry of entries) rows.push({ assetId, hostname, ...entry });
  });
  return rows;
}

/** How many of a product's hosts the report names. */
const HOSTS_NAMED = 5;

export interface ProductItems {
  /** The product's first row in list order. */
  first: ItemEntry;
  count: number;
  /** Distinct hostnames carrying it. */
  assets: number;
  /** The first HOSTS_NAMED of them, in list order. */
  hosts: string[];
}

/** The rows the filter selects, grouped by product. */
export function itemsByProduct(table: ItemTable, assets: AssetList, filter: Filter): Map<string, ProductItems> {
  const groups = new Map<string, { first: { at: number; entry: ItemEntry }; parts: Int32Array[] }>();
  // Entries run in list order within an asset, so the first row is the earliest entry on the lowest position.
  for (const { entry, ats } of selected(table, assets, filter)) {
    if (!ats.length) continue;
    const g = groups.get(entry.product);
    if (!g) groups.set(entry.product, { first: { at: ats[0]!, entry }, parts: [ats] });
    else {
      if (ats[0]! < g.first.at) g.first = { at: ats[0]!, entry };
      g.parts.push(ats);
    }
  }
  const hosts = hostNumbers(assets);
  return new Map([...groups].map(([product, { first, parts }]) => {
    const all = parts.length === 1 ? parts[0]! : concatSorted(parts);
    return [product, { first: first.entry, count: all.length, ...distinctHosts(all, hosts, assets) }];
  }));
}

// A report groups four product lists by the same assets list: number its hosts once.
const hostNumbering = new WeakMap<AssetList, { of: Int32Array; distinct: number }>();

/** Each position's hostname as a number, equal for equal names: counting distinct hosts then needs no strings. */
function hostNumbers(assets: AssetList): { of: Int32Array; distinct: number } {
  let numbering = hostNumbering.get(assets);
  if (!numbering) hostNumbering.set(assets, (numbering = numberHosts(assets)));
  return numbering;
}

function numberHosts(assets: AssetList): { of: Int32Array; distinct: number } {
  const numbers = new Map<string, number>();
  const of = Int32Array.from(assets, (a) => {
    let n = numbers.get(a.hostname);
    if (n === undefined) numbers.set(a.hostname, (n = numbers.size));
    return n;
  });
  return { of, distinct: numbers.size };
}

/** How many distinct hostnames sit at these positions (ascending), and the first few of them. */
function distinctHosts(ats: Int32Array, hosts: { of: Int32Array; distinct: number }, assets: AssetList): { hosts: string[]; assets: number } {
  const seen = new Uint8Array(hosts.distinct);
  const first: string[] = [];
  let n = 0;
  for (const at of ats) {
    const h = hosts.of[at]!;
    if (seen[h]) continue;
    seen[h] = 1;
    n += 1;
    if (first.length < HOSTS_NAMED) first.push(assets[at]!.hostname);
  }
  return { hosts: first, assets: n };
}
function concatSorted(parts: readonly Int32Array[]): Int32Array {
  const all = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.length;
  }
  return all.sort();
}
