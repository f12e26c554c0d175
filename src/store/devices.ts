import type { Device } from '../contract/report.js';
import type { Db } from './db.js';
import { dialectOf, greater, perDialect } from './dialect.js';
import { stmt } from './statements.js';

export function deviceKeyString(d: Pick<Device, 'kind' | 'name' | 'connection'>): string {
  return `${d.kind}\u0000${d.name}\u0000${d.connection ?? ''}`;
}

export function listDeviceKeys(db: Db, assetId: number): { id: number; key: string }[] {
  const rows = stmt(db, 'SELECT id, kind, name, connection FROM devices WHERE asset_id = ?').all(assetId) as (Device & { id: number })[];
  return rows.map((r) => ({ id: r.id, key: deviceKeyString(r) }));
}

/** What the known-device list made of a device: its kind, when it differs from the reported one, and why. */
export interface DeviceClass {
  kind: string | null;
  note: string | null;
}

/** Inserts a newly seen device or refreshes the details of one already known. */
const UPSERT_DEVICE = perDialect((d) => `INSERT INTO devices (asset_id, kind, name, model, serial, location, connection, first_seen_at, last_seen_at, classified_kind, classification_note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (asset_id, kind, name, connection) DO UPDATE SET model = excluded.model, serial = excluded.serial,
        location = excluded.location, last_seen_at = ${greater(d, 'devices.last_seen_at', 'excluded.last_seen_at')},
        classified_kind = excluded.classified_kind, classification_note = excluded.classification_note`);

export function upsertDevice(db: Db, assetId: number, d: Device, seenAt: string, cls: DeviceClass = { kind: null, note: null }): void {
  stmt(db, UPSERT_DEVICE[dialectOf(db)]).run(
    assetId, d.kind, d.name, d.model ?? null, d.serial ?? null, d.location ?? null, d.connection ?? '', seenAt, seenAt, cls.kind, cls.note,
  );
}

export function deleteDevice(db: Db, id: number): void {
  stmt(db, 'DELETE FROM devices WHERE id = ?').run(id);
}
