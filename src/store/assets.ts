import type { CollectionWarning, Report } from '../contract/report.js';
import type { PatchCurrency } from '../lifecycle/verdict.js';
import type { Db } from './db.js';
import { dialectOf, greater, perDialect } from './dialect.js';
import { insertReturningId, stmt } from './statements.js';
import { ASSET_OS_PATCH_ASSIGNMENTS, ASSET_OS_PATCH_COLUMN_NAMES, patchParams } from './verdict-columns.js';

export interface AssetState {
  id: number;
  inventoryHash: string;
  /** The enrolled agent reporting this machine, if any. */
  agentId: number | null;
  organisationId: number;
}

/**
 * One machine, whichever agent or import reports it: keyed by its FQDN, else
 * its hostname, in one canonical spelling: Unicode compatibility forms folded
 * (a full-width "ＷＡＲＤ７" is "WARD7"), lower case, the DNS root's trailing
 * dot dropped. Look-alike spellings are one machine, not twins, and cannot
 * dodge the check that a machine is one trust's.
 */
export function assetIdentity(host: Report['host']): string {
  return machineName(host.fqdn || host.hostname);
}

/** One spelling of a machine name: NFKC (full-width forms fold), lower case, no trailing dot. */
export function machineName(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase();
  return folded.replace(/\.+$/, '') || folded;
}

/** A machine's short name: its first DNS label, in that one spelling ("WARD7-PC014.trust.nhs.uk" is "ward7-pc014"). */
export const shortMachineName = (name: string) => machineName(name).split('.')[0] ?? '';

export function findAssetState(db: Db, identity: string): AssetState | undefined {
  const r = stmt(db, 'SELECT id, inventory_hash, agent_id, organisation_id FROM assets WHERE identity = ?').get(identity) as
    | { id: number; inventory_hash: string; agent_id: number | null; organisation_id: number }
    | undefined;
  return r && { id: r.id, inventoryHash: r.inventory_hash, agentId: r.agent_id, organisationId: r.organisation_id };
}

export interface AssetWrite {
  identity: string;
  report: Report;
  osId: number;
  agentId: number | null;
  organisationId: number;
  inventoryHash: string;
  receivedAt: string;
  /** The OS's patch currency on this machine (store/asset-os-patch.ts), written with the rest of its row. */
  osPatch: PatchCurrency | null;
}

// The OS patch columns go with the rest of the row: set apart, on PostgreSQL, they wrote a second copy of it.
const INSERT_ASSET = `INSERT INTO assets (identity, hostname, fqdn, manufacturer, model, serial, os_id, os_build, os_arch, agent_id,
      organisation_id, first_seen_at, last_seen_at, last_received_at, inventory_hash, collection_warnings, ${ASSET_OS_PATCH_COLUMN_NAMES.join(', ')})
      VALUES (${Array.from({ length: 16 + ASSET_OS_PATCH_COLUMN_NAMES.length }, () => '?').join(', ')})`;

export function insertAsset(db: Db, a: AssetWrite): number {
  const { host, os, collectedAt, warnings } = a.report;
  return insertReturningId(db, INSERT_ASSET,
    a.identity, host.hostname, host.fqdn ?? null, host.manufacturer ?? null, host.model ?? null, host.serial ?? null, a.osId,
    os.build ?? null, os.arch ?? null, a.agentId, a.organisationId, collectedAt, collectedAt, a.receivedAt, a.inventoryHash, warningsText(warnings), ...patchParams(a.osPatch),
  );
}

const UPDATE_ASSET = perDialect((d) => `UPDATE assets SET hostname = ?, fqdn = ?, manufacturer = ?, model = ?, serial = ?, os_id = ?, os_build = ?, os_arch = ?,
      agent_id = coalesce(?, agent_id), last_seen_at = ${greater(d, 'last_seen_at', '?')}, last_received_at = ?, inventory_hash = ?, collection_warnings = ?,
      ${ASSET_OS_PATCH_ASSIGNMENTS} WHERE id = ?`);

/** Rewrites an asset's facts from a changed report; first-seen stays. */
export function updateAsset(db: Db, id: number, a: AssetWrite): void {
  const { host, os, collectedAt, warnings } = a.report;
  stmt(db, UPDATE_ASSET[dialectOf(db)]).run(
    host.hostname, host.fqdn ?? null, host.manufacturer ?? null, host.model ?? null, host.serial ?? null, a.osId, os.build ?? null,
    os.arch ?? null, a.agentId, collectedAt, a.receivedAt, a.inventoryHash, warningsText(warnings), ...patchParams(a.osPatch), id,
  );
}

/**
 * What a report could not read (its `warnings`), kept on the asset until a complete report arrives; null clears it.
 * Written with the rest of the row by each report (insert, update, touch): on PostgreSQL a statement of its own was a
 * round trip for every report, nearly all of them complete.
 */
const warningsText = (warnings: readonly CollectionWarning[] | undefined) => (warnings?.length ? JSON.stringify(warnings) : null);

/**
 * An unchanged report moves last-seen, on the asset and its few devices. Its
 * installs are seen whenever the asset is: they carry no last-seen of their own.
 */
export function touchAsset(db: Db, id: number, seenAt: string, receivedAt: string, warnings: readonly CollectionWarning[] | undefined): void {
  stmt(db, TOUCH_ASSET[dialectOf(db)]).run(seenAt, receivedAt, warningsText(warnings), id);
  touchDevices(db, id, seenAt);
}

/** Moves last-seen on the asset's devices; updateAsset has moved the asset's own. */
export function touchDevices(db: Db, id: number, seenAt: string): void {
  stmt(db, TOUCH_DEVICES[dialectOf(db)]).run(seenAt, id);
}

const TOUCH_ASSET = perDialect((d) => `UPDATE assets SET last_seen_at = ${greater(d, 'last_seen_at', '?')}, last_received_at = ?, collection_warnings = ? WHERE id = ?`);
const TOUCH_DEVICES = perDialect((d) => `UPDATE devices SET last_seen_at = ${greater(d, 'last_seen_at', '?')} WHERE asset_id = ?`);

/** The hardware facts held for an asset, kept when a report could not read them (a `host` warning). */
export function storedHostFacts(db: Db, id: number): Pick<Report['host'], 'manufacturer' | 'model' | 'serial'> {
  const r = stmt(db, 'SELECT manufacturer, model, serial FROM assets WHERE id = ?').get(id) as Record<'manufacturer' | 'model' | 'serial', string | null>;
  return { manufacturer: r.manufacturer ?? undefined, model: r.model ?? undefined, serial: r.serial ?? undefined };
}

export function countAssets(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM assets').get() as { n: number }).n;
}
