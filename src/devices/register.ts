/**
 * The device register's rules: add, edit, move status, retain by policy. Every
 * change writes its audit entry (entity 'device', the changed fields before and
 * after) in the same transaction. Roles are checked at the routes; retention is
 * checked here as well, because it is a CSO's clinical-safety sign-off. A device
 * of a trust outside the actor's scope is absent (404), for reads and writes.
 */
import { HubError, notFound } from '../hub/errors.js';
import { appendAudit, listAuditTrail, type AuditTrailEntry } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import {
  findDevice, findDeviceByIdentity, insertDevice, updateDevice, listDeviceStatusHistory,
  type DeviceRow, type DeviceStatus, type RegisteredDevice,
} from '../store/registered-devices.js';
import { inTransaction } from '../store/statements.js';
import type { Role } from '../store/users.js';
import { deviceFieldIssues, type DevicePatch, type DeviceStatusChange, type NewDevice } from './device-schema.js';

export interface DeviceActor {
  db: Db;
  username: string;
  role: Role;
  now: Date;
  /** The trusts whose devices they may read and change: their own, or (null) every trust. */
  org: OrgScope;
}

export interface DeviceDetail extends RegisteredDevice {
  audit: AuditTrailEntry[];
  history: { status: DeviceStatus; at: string }[];
}

const invalid = (issues: { path: string; message: string }[]) =>
  new HubError(400, 'invalid-request', `${issues.length} invalid field${issues.length === 1 ? '' : 's'}: ${issues.map((i) => i.path).join(', ')}`, issues);

const FIELD_KEYS = [
  'kind', 'name', 'model', 'serial', 'site', 'location', 'status', 'plannedRemovalOn', 'replacement', 'ownerName', 'team', 'number', 'pagerType',
  'provider', 'contractEnd', 'retainedByPolicy', 'retainedSignedOffBy', 'retainedSignedOffAt', 'decommissionedAt', 'decommissionReason',
] as const satisfies readonly (keyof DeviceRow)[];

/** Audits the fields that differ; false (nothing written) when none did. Call inside the change's transaction. */
function audit(actor: DeviceActor, action: string, before: DeviceRow | undefined, after: DeviceRow): boolean {
  const changed = FIELD_KEYS.filter((k) => before?.[k] !== after[k]);
  if (!changed.length) return false;
  const pick = (d: DeviceRow) => Object.fromEntries(changed.map((k) => [k, d[k]]));
  appendAudit(actor.db, {
    at: actor.now.toISOString(), actor: actor.username, action, entity: 'device', entityId: String(after.id),
    ...(before ? { before: pick(before) } : {}), after: pick(after),
  });
  return true;
}

/** A pager that stops being an emergency bleep cannot stay retained: the CSO signed off a crash bleep, not a ward pager. */
function fieldIssues(d: DeviceRow): { path: string; message: string }[] {
  const issues = deviceFieldIssues(d);
  if (d.retainedByPolicy && d.pagerType !== 'emergency') issues.push({ path: 'pagerType', message: 'this pager is retained by policy as an emergency bleep; a CSO must withdraw that first' });
  return issues;
}

function checkFields(d: DeviceRow): void {
  const issues = fieldIssues(d);
  if (issues.length) throw invalid(issues);
}

function blankDevice(fields: NewDevice, organisationId: number, at: string): DeviceRow {
  return {
    ...fields, id: 0, organisationId, retainedByPolicy: false, retainedSignedOffBy: null, retainedSignedOffAt: null, decommissionedAt: null, decommissionReason: null,
    createdAt: at, updatedAt: at,
  };
}

export function getDeviceDetail(db: Db, id: number, org: OrgScope): DeviceDetail {
  const d = findDevice(db, id, org);
  if (!d) throw notFound(`device ${id}`);
  return { ...d, audit: listAuditTrail(db, 'device', id), history: listDeviceStatusHistory(db, id) };
}

/** Registers a device for a trust (hub/owning-organisation.ts); the same device (kind + serial, or kind + name + site) twice in one trust is a 409. */
export function addDevice(actor: DeviceActor, fields: NewDevice, organisationId: number): DeviceDetail {
  const id = inTransaction(actor.db, () => {
    const existing = findDeviceByIdentity(actor.db, { ...fields, organisationId });
    if (existing) throw new HubError(409, 'duplicate-device', `device ${existing.id} is already registered with this ${fields.serial ? 'kind and serial' : 'kind, name and site'}`);
    const row = blankDevice(fields, organisationId, actor.now.toISOString());
    checkFields(row);
    const newId = insertDevice(actor.db, row);
    audit(actor, 'create', undefined, { ...row, id: newId });
    return newId;
  });
  return getDeviceDetail(actor.db, id, organisationId);
}

/** Edits fields (not the status); an edit that changes nothing writes nothing. */
export function editDevice(actor: DeviceActor, id: number, patch: DevicePatch): DeviceDetail {
  inTransaction(actor.db, () => {
    const before = findDevice(actor.db, id, actor.org);
    if (!before) throw notFound(`device ${id}`);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const after: DeviceRow = { ...before, ...defined, updatedAt: actor.now.toISOString() };
    checkFields(after);
    const clash = findDeviceByIdentity(actor.db, after);
    if (clash && clash.id !== id) throw new HubError(409, 'duplicate-device', `device ${clash.id} is already registered with this identity`);
    if (audit(actor, 'update', before, after)) updateDevice(actor.db, before, after);
  });
  return getDeviceDetail(actor.db, id, actor.org);
}

/**
 * Moves a device's status. Decommissioning records when and why (the schema
 * insists on a reason) and ends any retention; bringing one back clears both.
 */
export function setDeviceStatus(actor: DeviceActor, id: number, change: DeviceStatusChange): DeviceDetail {
  const at = actor.now.toISOString();
  inTransaction(actor.db, () => {
    const before = findDevice(actor.db, id, actor.org);
    if (!before) throw notFound(`device ${id}`);
    if (before.status === change.status) return;
    const gone = change.status === 'decommissioned';
    const after: DeviceRow = {
      ...before, status: change.status, updatedAt: at,
      decommissionedAt: gone ? at : null, decommissionReason: gone ? (change.reason ?? null) : null,
      ...(gone ? { retainedByPolicy: false, retainedSignedOffBy: null, retainedSignedOffAt: null } : {}),
    };
    updateDevice(actor.db, before, after);
    audit(actor, gone ? 'decommission' : 'status', before, after);
  });
  return getDeviceDetail(actor.db, id, actor.org);
}

/**
 * Retains an emergency (crash) bleep by policy, or withdraws that: DHSC let
 * emergency pagers stay where there is no safe alternative, and that judgement
 * is the Clinical Safety Officer's, so only a CSO may make it and their name is kept.
 */
export function retainDevice(actor: DeviceActor, id: number, retained: boolean): DeviceDetail {
  if (actor.role !== 'cso') throw new HubError(403, 'forbidden', 'only a Clinical Safety Officer may retain a pager by policy');
  const at = actor.now.toISOString();
  inTransaction(actor.db, () => {
    const before = findDevice(actor.db, id, actor.org);
    if (!before) throw notFound(`device ${id}`);
    if (retained && (before.kind !== 'pager' || before.pagerType !== 'emergency')) {
      throw invalid([{ path: 'retained', message: 'only an emergency (crash) pager may be retained by policy' }]);
    }
    if (retained && before.status === 'decommissioned') throw invalid([{ path: 'retained', message: 'this device is decommissioned' }]);
    const after: DeviceRow = retained
      ? { ...before, retainedByPolicy: true, retainedSignedOffBy: actor.username, retainedSignedOffAt: at, updatedAt: at }
      : { ...before, retainedByPolicy: false, retainedSignedOffBy: null, retainedSignedOffAt: null, updatedAt: at };
    if (audit(actor, retained ? 'retain' : 'withdraw-retention', before, after)) updateDevice(actor.db, before, after);
  });
  return getDeviceDetail(actor.db, id, actor.org);
}

export type ImportOutcome = 'created' | 'updated' | 'unchanged';

/** The device a row becomes: the trust's registered one with the row's fields, or a new one. */
function importedRow(db: Db, fields: NewDevice, organisationId: number, at: string): { before: DeviceRow | undefined; after: DeviceRow } {
  const before = findDeviceByIdentity(db, { ...fields, organisationId });
  if (!before) return { before, after: blankDevice(fields, organisationId, at) };
  // A row that brings a decommissioned device back into use clears why it went.
  const revived = before.status === 'decommissioned' ? { decommissionedAt: null, decommissionReason: null } : {};
  return { before, after: { ...before, ...fields, ...revived, updatedAt: at } };
}

export interface ImportPlan {
  outcome: ImportOutcome;
  /** The registered device it updates. */
  deviceId: number | null;
  issues: { path: string; message: string }[];
}

/** What importing this row into a trust's register would do, and why it cannot, without doing it. */
export function planImportDevice(db: Db, fields: NewDevice, organisationId: number, now: Date): ImportPlan {
  const { before, after } = importedRow(db, fields, organisationId, now.toISOString());
  const issues = fieldIssues(after);
  if (!before) return { outcome: 'created', deviceId: null, issues };
  const changed = FIELD_KEYS.some((k) => before[k] !== after[k]);
  return { outcome: changed ? 'updated' : 'unchanged', deviceId: before.id, issues };
}

/**
 * Stores one planned, clean row in a trust's register: a new device or new
 * fields for the same one (retention and history stay). Call inside the import's transaction.
 */
export function importDevice(actor: DeviceActor, fields: NewDevice, organisationId: number): ImportOutcome {
  const { before, after } = importedRow(actor.db, fields, organisationId, actor.now.toISOString());
  if (!before) {
    const id = insertDevice(actor.db, after);
    audit(actor, 'import', undefined, { ...after, id });
    return 'created';
  }
  if (!audit(actor, 'import', before, after)) return 'unchanged';
  updateDevice(actor.db, before, after);
  return 'updated';
}
