import type { Db } from './db.js';
import { stmt } from './statements.js';

export interface CurrentInstall {
  softwareId: number;
  name: string;
  version: string;
  source: string;
}

export function listCurrentInstalls(db: Db, assetId: number): CurrentInstall[] {
  return stmt(db, `SELECT i.software_id AS softwareId, s.name, s.version, s.source
    FROM installs i JOIN software s ON s.id = i.software_id WHERE i.asset_id = ?`).all(assetId) as CurrentInstall[];
}

export function insertInstall(db: Db, assetId: number, softwareId: number, installedAt: string | null, seenAt: string): void {
  stmt(db, 'INSERT INTO installs (asset_id, software_id, installed_at, first_seen_at) VALUES (?, ?, ?, ?)').run(assetId, softwareId, installedAt, seenAt);
}

export function deleteInstall(db: Db, assetId: number, softwareId: number): void {
  stmt(db, 'DELETE FROM installs WHERE asset_id = ? AND software_id = ?').run(assetId, softwareId);
}

export type InstallChange = 'installed' | 'removed' | 'upgraded' | 'downgraded';

export function insertInstallHistory(
  db: Db,
  h: { assetId: number; change: InstallChange; name: string; source: string; fromVersion: string | null; toVersion: string | null; at: string },
): void {
  stmt(db, 'INSERT INTO install_history (asset_id, change, name, source, from_version, to_version, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    h.assetId, h.change, h.name, h.source, h.fromVersion, h.toVersion, h.at,
  );
}
