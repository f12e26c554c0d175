/**
 * Cyber alerts the hub has loaded (rules/cyber-alerts/) and the installs each
 * affects: one row per affected install, kept after it is fixed with the time
 * it left the list, so "are we done, and since when" is answered from the table.
 */
import type { CyberAlert } from '../cyber/cyber-alert-schema.js';
import type { InstalledItem } from '../lifecycle/cyber-applicability.js';
import type { Db } from './db.js';
import { inScope, type OrgScope } from './organisations.js';
import { dialectOf, jsonValues, perDialect } from './dialect.js';
import { stmt } from './statements.js';

/** A stored alert's id beside the alert its file gives. */
export interface StoredCyberAlert {
  id: number;
  alert: CyberAlert;
}

/** One install, as applicability reads it, with its keys. */
export type CyberInstall = InstalledItem & { assetId: number; softwareId: number };

/** An affected-install row as the store holds it. */
export interface CyberMachineRow {
  cyberAlertId: number;
  assetId: number;
  softwareId: number;
  why: string;
  since: string;
  remediatedAt: string | null;
}

/**
 * Adds the alert or refreshes its text from the file (a corrected range or
 * title); acknowledgement and remediation stay as they were. Returns its id.
 */
export function upsertCyberAlert(db: Db, alert: CyberAlert, at: string): number {
  // A file wins over an alert added on the hub with the same reference: the file is what the hub restarts with.
  const row = stmt(db, `INSERT INTO cyber_alerts (reference, title, published, severity, cves, definition, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (reference) DO UPDATE SET title = excluded.title, published = excluded.published, severity = excluded.severity, cves = excluded.cves, definition = excluded.definition, origin = 'file'
    RETURNING id`).get(alert.reference, alert.title, alert.published, alert.severity, JSON.stringify(alert.cves), JSON.stringify(alert), at) as { id: number };
  return Number(row.id);
}

/** Stores an alert a person added on the hub; undefined when its reference is already taken. */
export function insertHubCyberAlert(db: Db, alert: CyberAlert, by: string, at: string): number | undefined {
  const row = stmt(db, `INSERT INTO cyber_alerts (reference, title, published, severity, cves, definition, added_at, origin, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'hub', ?)
    ON CONFLICT (reference) DO NOTHING RETURNING id`).get(alert.reference, alert.title, alert.published, alert.severity, JSON.stringify(alert.cves), JSON.stringify(alert), at, by) as { id: number } | undefined;
  return row && Number(row.id);
}

/** The alerts people added on the hub, which stay in force from the database (files are read at start). */
export function listHubCyberAlerts(db: Db): StoredCyberAlert[] {
  return (stmt(db, "SELECT id, definition FROM cyber_alerts WHERE origin = 'hub' ORDER BY reference").all() as { id: number; definition: string }[]).map((r) => ({
    id: Number(r.id),
    alert: JSON.parse(r.definition) as CyberAlert,
  }));
}

const INSTALL_COLUMNS = `i.asset_id AS "assetId", i.software_id AS "softwareId", s.name, s.version, s.source, o.family, s.product, s.cycle
  FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id JOIN os_versions o ON o.id = a.os_id`;

/** A distinct software version installed somewhere: what the pass over the estate picks candidates from. */
export type InstalledVersion = Pick<CyberInstall, 'softwareId' | 'name' | 'product'>;

export function listInstalledVersions(db: Db): InstalledVersion[] {
  return stmt(db, 'SELECT s.id AS "softwareId", s.name, s.product FROM software_installs c JOIN software s ON s.id = c.software_id WHERE c.installs > 0').all() as InstalledVersion[];
}

const LABELS_OF = perDialect((d) => `SELECT a.id AS "assetId", a.hostname, g.code AS organisation FROM assets a JOIN organisations g ON g.id = a.organisation_id
  WHERE a.id IN ${jsonValues(d, '@ids', 'integer')} ORDER BY a.hostname, a.id`);

/** These machines' hostnames and trusts (ODS codes), by hostname. */
export function listAssetLabels(db: Db, assetIds: readonly number[]): { assetId: number; hostname: string; organisation: string }[] {
  return stmt(db, LABELS_OF[dialectOf(db)]).all({ ids: JSON.stringify(assetIds) }) as { assetId: number; hostname: string; organisation: string }[];
}

const INSTALLS_OF = perDialect((d) => `SELECT ${INSTALL_COLUMNS} WHERE i.software_id IN ${jsonValues(d, '@ids', 'integer')}`);

/** The installs of these software versions with what applicability needs (ids in one bound JSON list). */
export function listInstallsOf(db: Db, softwareIds: readonly number[]): CyberInstall[] {
  return stmt(db, INSTALLS_OF[dialectOf(db)]).all({ ids: JSON.stringify(softwareIds) }) as CyberInstall[];
}

/** One asset's installs with what applicability needs. */
export function listAssetCyberInstalls(db: Db, assetId: number): CyberInstall[] {
  return stmt(db, `SELECT ${INSTALL_COLUMNS} WHERE i.asset_id = ?`).all(assetId) as CyberInstall[];
}

/** One software version on one OS family, with how many machines in scope carry it. */
export type InstalledVersionGroup = Omit<CyberInstall, 'assetId'> & { machines: number };

const VERSION_GROUPS_OF = perDialect((d) => `SELECT s.id AS "softwareId", s.name, s.version, s.source, o.family, s.product, s.cycle, COUNT(DISTINCT i.asset_id) AS machines
  FROM installs i JOIN software s ON s.id = i.software_id JOIN assets a ON a.id = i.asset_id JOIN os_versions o ON o.id = a.os_id
  WHERE i.software_id IN ${jsonValues(d, '@ids', 'integer')} AND ${inScope('a.organisation_id')}
  GROUP BY s.id, s.name, s.version, s.source, o.family, s.product, s.cycle ORDER BY s.name, s.version`);

/** These software versions per OS family, counted in the reader's scope: applicability is judged once per group, not per machine. */
export function listInstalledVersionGroups(db: Db, softwareIds: readonly number[], org: OrgScope): InstalledVersionGroup[] {
  return (stmt(db, VERSION_GROUPS_OF[dialectOf(db)]).all({ ids: JSON.stringify(softwareIds), org }) as InstalledVersionGroup[]).map((g) => ({ ...g, softwareId: Number(g.softwareId), machines: Number(g.machines) }));
}

const MACHINE_COLUMNS = 'cyber_alert_id AS "cyberAlertId", asset_id AS "assetId", software_id AS "softwareId", why, since, remediated_at AS "remediatedAt"';

export function listCyberMachineRows(db: Db): CyberMachineRow[] {
  return stmt(db, `SELECT ${MACHINE_COLUMNS} FROM cyber_alert_machines`).all() as CyberMachineRow[];
}

export function listAssetCyberMachineRows(db: Db, assetId: number): CyberMachineRow[] {
  return stmt(db, `SELECT ${MACHINE_COLUMNS} FROM cyber_alert_machines WHERE asset_id = ?`).all(assetId) as CyberMachineRow[];
}

/** A newly affected install, or one affected again after it was fixed (a downgrade): its clock starts now. */
export function markCyberMachineAffected(db: Db, row: Omit<CyberMachineRow, 'remediatedAt'>): void {
  stmt(db, `INSERT INTO cyber_alert_machines (cyber_alert_id, asset_id, software_id, why, since) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (cyber_alert_id, asset_id, software_id) DO UPDATE SET why = excluded.why, since = excluded.since, remediated_at = NULL`).run(row.cyberAlertId, row.assetId, row.softwareId, row.why, row.since);
}

export function setCyberMachineWhy(db: Db, key: Pick<CyberMachineRow, 'cyberAlertId' | 'assetId' | 'softwareId'>, why: string): void {
  stmt(db, 'UPDATE cyber_alert_machines SET why = ? WHERE cyber_alert_id = ? AND asset_id = ? AND software_id = ?').run(why, key.cyberAlertId, key.assetId, key.softwareId);
}

export function markCyberMachineRemediated(db: Db, key: Pick<CyberMachineRow, 'cyberAlertId' | 'assetId' | 'softwareId'>, at: string): void {
  stmt(db, 'UPDATE cyber_alert_machines SET remediated_at = ? WHERE cyber_alert_id = ? AND asset_id = ? AND software_id = ? AND remediated_at IS NULL').run(at, key.cyberAlertId, key.assetId, key.softwareId);
}

/**
 * An alert that affected machines and has none left is remediated (from `at`,
 * kept if already set); one with an affected machine again, or none ever, is not.
 */
export function settleCyberAlertRemediation(db: Db, cyberAlertId: number, at: string): void {
  stmt(db, `UPDATE cyber_alerts SET remediated_at = CASE
      WHEN NOT EXISTS (SELECT 1 FROM cyber_alert_machines m WHERE m.cyber_alert_id = cyber_alerts.id) THEN NULL
      WHEN EXISTS (SELECT 1 FROM cyber_alert_machines m WHERE m.cyber_alert_id = cyber_alerts.id AND m.remediated_at IS NULL) THEN NULL
      ELSE COALESCE(remediated_at, ?) END
    WHERE id = ?`).run(at, cyberAlertId);
}

/** A stored alert as the API lists it, counted within the reader's trust(s). */
export interface CyberAlertRow {
  id: number;
  reference: string;
  title: string;
  published: string;
  severity: string;
  cves: string[];
  definition: CyberAlert;
  addedAt: string;
  origin: 'file' | 'hub';
  addedBy: string | null;
  remediatedAt: string | null;
  /** Installs' machines still affected, in the reader's scope. */
  affectedMachines: number;
  /** Machines that were affected and no longer are, in the reader's scope. */
  remediatedMachines: number;
}

interface RawAlertRow extends Omit<CyberAlertRow, 'cves' | 'definition'> {
  cves: string;
  definition: string;
}

const ALERT_SELECT = `SELECT c.id, c.reference, c.title, c.published, c.severity, c.cves, c.definition, c.added_at AS "addedAt",
    c.origin, c.added_by AS "addedBy", c.remediated_at AS "remediatedAt",
    (SELECT COUNT(DISTINCT m.asset_id) FROM cyber_alert_machines m JOIN assets a ON a.id = m.asset_id
      WHERE m.cyber_alert_id = c.id AND m.remediated_at IS NULL AND ${inScope('a.organisation_id')}) AS "affectedMachines",
    (SELECT COUNT(DISTINCT m.asset_id) FROM cyber_alert_machines m JOIN assets a ON a.id = m.asset_id
      WHERE m.cyber_alert_id = c.id AND m.remediated_at IS NOT NULL AND ${inScope('a.organisation_id')}
      AND NOT EXISTS (SELECT 1 FROM cyber_alert_machines n WHERE n.cyber_alert_id = c.id AND n.asset_id = m.asset_id AND n.remediated_at IS NULL)) AS "remediatedMachines"
  FROM cyber_alerts c`;

const readAlert = (r: RawAlertRow): CyberAlertRow => ({
  ...r,
  id: Number(r.id),
  affectedMachines: Number(r.affectedMachines),
  remediatedMachines: Number(r.remediatedMachines),
  cves: JSON.parse(r.cves) as string[],
  definition: JSON.parse(r.definition) as CyberAlert,
});

/** Every stored alert, newest publication first. */
export function listCyberAlerts(db: Db, org: OrgScope): CyberAlertRow[] {
  return (stmt(db, `${ALERT_SELECT} ORDER BY c.published DESC, c.reference`).all({ org }) as RawAlertRow[]).map(readAlert);
}

export function findCyberAlert(db: Db, reference: string, org: OrgScope): CyberAlertRow | undefined {
  const r = stmt(db, `${ALERT_SELECT} WHERE c.reference = @reference`).get({ reference, org }) as RawAlertRow | undefined;
  return r && readAlert(r);
}

/** One affected (or formerly affected) install, as the alert's page lists it. */
export interface CyberAlertMachine {
  assetId: number;
  hostname: string;
  item: { name: string; version: string; source: string; product: string | null };
  why: string;
  since: string;
  remediatedAt: string | null;
}

/** The alert's machines in the reader's scope, still-affected first. */
export function listCyberAlertMachines(db: Db, cyberAlertId: number, org: OrgScope): CyberAlertMachine[] {
  const rows = stmt(db, `SELECT m.asset_id AS "assetId", a.hostname, s.name, s.version, s.source, s.product, m.why, m.since, m.remediated_at AS "remediatedAt"
    FROM cyber_alert_machines m JOIN assets a ON a.id = m.asset_id JOIN software s ON s.id = m.software_id
    WHERE m.cyber_alert_id = @id AND ${inScope('a.organisation_id')}
    ORDER BY CASE WHEN m.remediated_at IS NULL THEN 0 ELSE 1 END, a.hostname, s.name, s.version`).all({ id: cyberAlertId, org }) as Array<Omit<CyberAlertMachine, 'item' | 'assetId'> & { assetId: number; name: string; version: string; source: string; product: string | null }>;
  return rows.map(({ name, version, source, product, ...r }) => ({ ...r, assetId: Number(r.assetId), item: { name, version, source, product } }));
}
