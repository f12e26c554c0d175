import type { Inventory } from '../contract/inventory-hash.js';
import type { Device, OsFamily, SoftwareSource } from '../contract/report.js';
import type { Db } from './db.js';
import { stmt } from './statements.js';

const orUndefined = <T>(v: T | null | ''): T | undefined => (v === null || v === '' ? undefined : v);

/** What the hub holds of one asset, in the shape of a report: the base a delta report is applied to. */
export function loadInventory(db: Db, assetId: number): Inventory | undefined {
  const a = stmt(db, `SELECT a.hostname, a.fqdn, a.manufacturer, a.model, a.serial, a.os_build, a.os_arch,
      o.family, o.name, o.version, o.edition FROM assets a JOIN os_versions o ON o.id = a.os_id WHERE a.id = ?`).get(assetId) as
    | Record<'hostname' | 'name' | 'version' | 'edition', string> & Record<'fqdn' | 'manufacturer' | 'model' | 'serial' | 'os_build' | 'os_arch', string | null> & { family: OsFamily }
    | undefined;
  if (!a) return undefined;
  const software = stmt(db, `SELECT s.name, s.version, s.vendor, s.source, i.installed_at FROM installs i JOIN software s ON s.id = i.software_id
      WHERE i.asset_id = ?`).all(assetId) as { name: string; version: string; vendor: string; source: SoftwareSource; installed_at: string | null }[];
  const devices = stmt(db, 'SELECT kind, name, model, serial, location, connection FROM devices WHERE asset_id = ?').all(assetId) as (Device & Record<string, string | null>)[];
  return {
    host: { hostname: a.hostname, fqdn: orUndefined(a.fqdn), manufacturer: orUndefined(a.manufacturer), model: orUndefined(a.model), serial: orUndefined(a.serial) },
    os: { family: a.family, name: a.name, version: a.version, build: orUndefined(a.os_build), edition: orUndefined(a.edition), arch: orUndefined(a.os_arch) },
    software: software.map((s) => ({ name: s.name, version: s.version, vendor: orUndefined(s.vendor), source: s.source, installedAt: orUndefined(s.installed_at) })),
    devices: devices.map((d) => ({ kind: d.kind, name: d.name, model: orUndefined(d.model), serial: orUndefined(d.serial), location: orUndefined(d.location), connection: orUndefined(d.connection) })),
  };
}

/** How many installs and devices the hub holds for an asset: what an unchanged delta report stands for. */
export function countInventory(db: Db, assetId: number): { software: number; devices: number } {
  return stmt(db, `SELECT (SELECT count(*) FROM installs WHERE asset_id = @assetId) AS software,
      (SELECT count(*) FROM devices WHERE asset_id = @assetId) AS devices`).get({ assetId }) as { software: number; devices: number };
}
