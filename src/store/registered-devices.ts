/**
 * The device register's rows (faxes, pagers and other kit no agent sees), their
 * status history, and the reads the API and pages need. The rules on who may do
 * what live in devices/register.ts; callers wrap writes in one transaction with
 * their audit entry.
 */
import { orderBy, type ListSort } from './list-order.js';
import type { Db } from './db.js';
import { inScope, type OrgScope } from './organisations.js';
import { insertReturningId, stmt } from './statements.js';

export const DEVICE_KINDS = ['fax', 'pager', 'mfd', 'modem', 'other'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const DEVICE_STATUSES = ['in-use', 'replacement-planned', 'decommissioned'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export const PAGER_TYPES = ['one-way', 'two-way', 'emergency'] as const;
export type PagerType = (typeof PAGER_TYPES)[number];

/** What a person (or a CSV row) sets directly; null where not known. */
export interface DeviceFields {
  kind: DeviceKind;
  name: string;
  model: string | null;
  serial: string | null;
  site: string | null;
  location: string | null;
  status: DeviceStatus;
  /** YYYY-MM-DD */
  plannedRemovalOn: string | null;
  replacement: string | null;
  ownerName: string | null;
  team: string | null;
  number: string | null;
  pagerType: PagerType | null;
  provider: string | null;
  /** YYYY-MM-DD */
  contractEnd: string | null;
}

export interface DeviceRow extends DeviceFields {
  id: number;
  /** The trust that keeps it; set when it is registered, never moved. */
  organisationId: number;
  retainedByPolicy: boolean;
  retainedSignedOffBy: string | null;
  retainedSignedOffAt: string | null;
  decommissionedAt: string | null;
  decommissionReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A device as the register reads it back: with its trust's ODS code, for people who see several trusts. */
export interface RegisteredDevice extends DeviceRow {
  organisation: string;
}

const COLUMNS = `id, organisation_id AS organisationId, (SELECT o.code FROM organisations o WHERE o.id = registered_devices.organisation_id) AS organisation,
  kind, name, model, serial, site, location, status, planned_removal_on AS plannedRemovalOn, replacement,
  owner_name AS ownerName, team, number, pager_type AS pagerType, provider, contract_end AS contractEnd,
  retained_by_policy AS retainedByPolicy, retained_signed_off_by AS retainedSignedOffBy, retained_signed_off_at AS retainedSignedOffAt,
  decommissioned_at AS decommissionedAt, decommission_reason AS decommissionReason, created_at AS createdAt, updated_at AS updatedAt`;

const toRow = (r: Omit<RegisteredDevice, 'retainedByPolicy'> & { retainedByPolicy: number }): RegisteredDevice => ({ ...r, retainedByPolicy: r.retainedByPolicy === 1 });

const ASSIGN = `kind = @kind, name = @name, model = @model, serial = @serial, site = @site, location = @location, status = @status,
  planned_removal_on = @plannedRemovalOn, replacement = @replacement, owner_name = @ownerName, team = @team, number = @number,
  pager_type = @pagerType, provider = @provider, contract_end = @contractEnd, retained_by_policy = @retainedByPolicy,
  retained_signed_off_by = @retainedSignedOffBy, retained_signed_off_at = @retainedSignedOffAt, decommissioned_at = @decommissionedAt,
  decommission_reason = @decommissionReason, updated_at = @updatedAt`;

const params = (d: DeviceRow) => ({ ...d, retainedByPolicy: d.retainedByPolicy ? 1 : 0 });

/** Inserts a device (its id is ignored) and its first status; returns the new id. */
export function insertDevice(db: Db, d: DeviceRow): number {
  const id = insertReturningId(db, `INSERT INTO registered_devices (organisation_id, kind, name, model, serial, site, location, status, planned_removal_on, replacement,
      owner_name, team, number, pager_type, provider, contract_end, retained_by_policy, retained_signed_off_by, retained_signed_off_at,
      decommissioned_at, decommission_reason, created_at, updated_at)
    VALUES (@organisationId, @kind, @name, @model, @serial, @site, @location, @status, @plannedRemovalOn, @replacement, @ownerName, @team, @number, @pagerType,
      @provider, @contractEnd, @retainedByPolicy, @retainedSignedOffBy, @retainedSignedOffAt, @decommissionedAt, @decommissionReason, @createdAt, @updatedAt)`,
    params(d));
  insertStatusHistory(db, id, d.status, d.updatedAt);
  return id;
}

/** Writes every field; records the status in the history when it changed. */
export function updateDevice(db: Db, before: DeviceRow, after: DeviceRow): void {
  stmt(db, `UPDATE registered_devices SET ${ASSIGN} WHERE id = @id`).run(params(after));
  if (after.status !== before.status) insertStatusHistory(db, after.id, after.status, after.updatedAt);
}

function insertStatusHistory(db: Db, deviceId: number, status: DeviceStatus, at: string): void {
  stmt(db, 'INSERT INTO device_status_history (device_id, status, at) VALUES (?, ?, ?)').run(deviceId, status, at);
}

/** The device with this id among the trusts in scope; another trust's is absent. */
export function findDevice(db: Db, id: number, org: OrgScope): RegisteredDevice | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} FROM registered_devices WHERE id = @id AND ${inScope('organisation_id')}`).get({ id, org }) as Parameters<typeof toRow>[0] | undefined;
  return r && toRow(r);
}

/**
 * The same device as these fields in the same trust, by kind + serial, or by
 * kind + name + site when there is no serial (case-insensitive: spreadsheets
 * are inconsistent). Another trust's device with that serial is its own.
 */
export function findDeviceByIdentity(db: Db, d: Pick<DeviceRow, 'organisationId' | 'kind' | 'serial' | 'name' | 'site'>): RegisteredDevice | undefined {
  const r = (d.serial
    ? stmt(db, `SELECT ${COLUMNS} FROM registered_devices WHERE organisation_id = @organisationId AND kind = @kind AND lower(serial) = lower(@serial)
        ORDER BY id LIMIT 1`).get({ organisationId: d.organisationId, kind: d.kind, serial: d.serial })
    : stmt(db, `SELECT ${COLUMNS} FROM registered_devices WHERE organisation_id = @organisationId AND kind = @kind AND serial IS NULL AND lower(name) = lower(@name)
        AND lower(coalesce(site, '')) = lower(@site) ORDER BY id LIMIT 1`).get({ organisationId: d.organisationId, kind: d.kind, name: d.name, site: d.site ?? '' })) as
    | Parameters<typeof toRow>[0]
    | undefined;
  return r && toRow(r);
}

/** The register's column orders; by default by site, as a walk round the wards reads it. */
export const DEVICE_ORDERS = {
  site: ["coalesce(site, '')", 'kind', 'name', 'id'],
  number: ['id'],
  device: ['name', 'id'],
  status: ['status', 'id'],
  removal: ["coalesce(planned_removal_on, '9999-12-31')", 'id'],
} as const satisfies Record<string, readonly string[]>;
export type DeviceSortKey = keyof typeof DEVICE_ORDERS;
export const DEVICE_SORT_KEYS = Object.keys(DEVICE_ORDERS) as [DeviceSortKey, ...DeviceSortKey[]];

export interface DeviceFilter {
  sort?: ListSort<DeviceSortKey>;
  kind?: DeviceKind;
  site?: string;
  status?: DeviceStatus;
  retained?: boolean;
  limit: number;
  offset: number;
}

export interface DeviceCounts {
  byKind: Record<string, number>;
  bySite: Record<string, number>;
  byStatus: Record<string, number>;
  /** Past planned removal, still not decommissioned, and not retained by policy. */
  overdue: number;
}

const WHERE = `WHERE ${inScope('organisation_id')} AND (@kind IS NULL OR kind = @kind) AND (@site IS NULL OR lower(site) = lower(@site))
  AND (@status IS NULL OR status = @status) AND (@retained IS NULL OR retained_by_policy = @retained)`;

/** The devices of the trusts in scope matching the filter, by site, kind and name, with counts over the whole match. */
export function listDevices(db: Db, org: OrgScope, f: DeviceFilter, today: string): { total: number; rows: RegisteredDevice[]; counts: DeviceCounts } {
  const p = { org, kind: f.kind ?? null, site: f.site ?? null, status: f.status ?? null, retained: f.retained === undefined ? null : f.retained ? 1 : 0 };
  const rows = (stmt(db, `SELECT ${COLUMNS} FROM registered_devices ${WHERE} ORDER BY ${orderBy(DEVICE_ORDERS, f.sort ?? { key: 'site', desc: false })} LIMIT @limit OFFSET @offset`)
    .all({ ...p, limit: f.limit, offset: f.offset }) as Parameters<typeof toRow>[0][]).map(toRow);
  const group = (col: string) => Object.fromEntries((stmt(db, `SELECT coalesce(${col}, '') AS k, count(*) AS n FROM registered_devices ${WHERE} GROUP BY 1 ORDER BY 1`)
    .all(p) as { k: string; n: number }[]).map((r) => [r.k, r.n]));
  const byStatus = group('status');
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const overdue = (stmt(db, `SELECT count(*) AS n FROM registered_devices ${WHERE} AND status <> 'decommissioned' AND retained_by_policy = 0 AND planned_removal_on < @today`)
    .get({ ...p, today }) as { n: number }).n;
  return { total, rows, counts: { byKind: group('kind'), bySite: group('site'), byStatus, overdue } };
}

/** How many devices the register holds, every trust's: for tests and the demo. */
export function countDevices(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM registered_devices').get() as { n: number }).n;
}

/** Each status a device entered, oldest first: the raw material of a trajectory. Read a device in scope first (findDevice). */
export function listDeviceStatusHistory(db: Db, id: number): { status: DeviceStatus; at: string }[] {
  return stmt(db, 'SELECT status, at FROM device_status_history WHERE device_id = ? ORDER BY at, id').all(id) as { status: DeviceStatus; at: string }[];
}
