/**
 * The KEV catalogues `estatewatch data update` stored (migration 0037): the
 * newest row is the stored catalogue; each hub checks its head every minute.
 */
import type { Db } from './db.js';
import { insertReturningId, stmt } from './statements.js';

export interface StoredKevHead {
  id: number;
  /** CISA's catalogVersion, e.g. "2025.08.25". */
  version: string;
  released: string;
  entries: number;
  origin: string;
  appliedAt: string;
  appliedBy: string;
}

export interface StoredKev extends StoredKevHead {
  /** The catalogue file's text, unchanged. */
  catalogue: string;
}

const HEAD = 'id, version, released, entries, origin, applied_at AS "appliedAt", applied_by AS "appliedBy"';

/** Records a catalogue; call inside the transaction that audits it. Returns its id. */
export function insertKevCatalogue(db: Db, kev: Omit<StoredKev, 'id'>): number {
  return insertReturningId(db, 'INSERT INTO kev_catalogues (version, released, entries, catalogue, origin, applied_at, applied_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
    kev.version, kev.released, kev.entries, kev.catalogue, kev.origin, kev.appliedAt, kev.appliedBy);
}

/** The newest stored catalogue without its text: what every hub checks each minute. */
export function latestKevHead(db: Db): StoredKevHead | null {
  const r = stmt(db, `SELECT ${HEAD} FROM kev_catalogues ORDER BY id DESC LIMIT 1`).get() as StoredKevHead | undefined;
  return r ? { ...r, id: Number(r.id), entries: Number(r.entries) } : null;
}

/** The newest stored catalogue with its text. */
export function latestKevCatalogue(db: Db): StoredKev | null {
  const r = stmt(db, `SELECT ${HEAD}, catalogue FROM kev_catalogues ORDER BY id DESC LIMIT 1`).get() as StoredKev | undefined;
  return r ? { ...r, id: Number(r.id), entries: Number(r.entries) } : null;
}

/** Each stored cyber alert's reference and CVE list: what a catalogue update's plan counts. */
export function listCyberAlertCves(db: Db): { reference: string; cves: string[] }[] {
  const rows = stmt(db, 'SELECT reference, cves FROM cyber_alerts ORDER BY reference').all() as { reference: string; cves: string }[];
  return rows.map((r) => ({ reference: r.reference, cves: JSON.parse(r.cves) as string[] }));
}
