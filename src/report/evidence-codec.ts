/**
 * A snapshot's evidence as stored (migration 0010): one JSON document per
 * list, its rows a compact table (evidence-table.ts), so a page reads only its
 * list and no document has to hold them all. Items are stored as their table
 * of entries plus each entry's asset ids; alerts as their kept rows plus the
 * table of cell counts. Snapshots taken before 0010 keep their single document
 * of every list's rows (list 'all').
 */
import { createHash } from 'node:crypto';
import { WHOLE_SNAPSHOT, type EvidenceDocument } from '../store/posture-snapshots.js';
import type { AlertCell, AlertSample } from './alert-sample.js';
import { decodeTable, encodeTable, type EncodedTable } from './evidence-table.js';
import { frozenFromRows, type FrozenEvidence } from './frozen-evidence.js';
import { assetIdsOf, itemTable, ITEM_ENTRY_COLUMNS, type AssetList, type ItemEntry, type ItemTable } from './item-table.js';
import { EVIDENCE_COLUMNS, EVIDENCE_LISTS, type EvidenceList, type PostureEvidence } from './posture-evidence.js';

const CELL_COLUMNS = ['state', 'severity', 'age', 'count'] as const satisfies readonly (keyof AlertCell)[];

type ItemsDocument = EncodedTable & { assetIds: number[][] };
type AlertsDocument = EncodedTable & { cells: EncodedTable; perCell: number | null; hoursToResolve: number };

/** A list's document as stored: UTF-8 JSON, hashed and gzipped from the same bytes. */
export interface EncodedList {
  list: EvidenceList;
  json: Buffer;
}

/** The documents of every list, in EVIDENCE_LISTS order. */
export function encodeEvidence(e: FrozenEvidence): EncodedList[] {
  return EVIDENCE_LISTS.map((list) => ({ list, json: Buffer.from(JSON.stringify(encodeList(e, list))) }));
}

function encodeList(e: FrozenEvidence, list: EvidenceList): EncodedTable | ItemsDocument | AlertsDocument {
  if (list === 'items') return { ...encodeTable(ITEM_ENTRY_COLUMNS, e.items.entries), assetIds: assetIdsOf(e.items, e.assets) };
  if (list === 'alerts') {
    const { rows, cells, perCell, hoursToResolve } = e.alerts;
    return { ...encodeTable(EVIDENCE_COLUMNS.alerts, rows), cells: encodeTable(CELL_COLUMNS, cells), perCell, hoursToResolve };
  }
  return encodeTable(EVIDENCE_COLUMNS[list], e[list] ?? []);
}

/** sha256 over each list's name, a newline, its document and a newline, in order: what a snapshot's evidence hash seals. */
export function hashEvidence(documents: readonly EncodedList[]): string {
  const hash = createHash('sha256');
  for (const d of documents) hash.update(`${d.list}\n`).update(d.json).update('\n');
  return hash.digest('hex');
}

/** The lists these documents hold: their own, or every list of a whole-snapshot document. Items need the assets list beside them. */
export function decodeEvidence(documents: readonly EvidenceDocument[]): Partial<FrozenEvidence> {
  const whole = documents.find((d) => d.list === WHOLE_SNAPSHOT);
  if (whole) return frozenFromRows(JSON.parse(whole.json) as PostureEvidence);
  const docs = new Map(documents.map((d) => [d.list, JSON.parse(d.json) as EncodedTable]));
  const rowsOf = <T>(list: EvidenceList): T[] | undefined => {
    const d = docs.get(list);
    return d && decodeTable<T>(d);
  };
  const e: Partial<FrozenEvidence> = {
    assets: rowsOf('assets'), actions: rowsOf('actions'), exceptions: rowsOf('exceptions'), devices: rowsOf('devices'), unknown: rowsOf('unknown'),
    cyberAlerts: rowsOf('cyberAlerts'), cyberResponses: rowsOf('cyberResponses'), cyberMachines: rowsOf('cyberMachines'),
  };
  const alerts = docs.get('alerts') as AlertsDocument | undefined;
  if (alerts) e.alerts = decodeAlerts(alerts);
  const items = docs.get('items') as ItemsDocument | undefined;
  if (items) e.items = decodeItems(items, e.assets ?? []);
  return e;
}

function decodeAlerts(doc: AlertsDocument): AlertSample {
  return { cells: decodeTable<AlertCell>(doc.cells), rows: decodeTable(doc), perCell: doc.perCell, hoursToResolve: doc.hoursToResolve };
}

function decodeItems(doc: ItemsDocument, assets: AssetList): ItemTable {
  return itemTable(decodeTable<ItemEntry>(doc).map((entry, i) => ({ entry, assetIds: doc.assetIds[i] ?? [] })), assets);
}
