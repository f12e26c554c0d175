/**
 * Risk-accepted exceptions (DSPT 8.2, CAF B4.d): the rows, their assets and
 * alert rules, and the reads pages need. The rules on who may do what live in
 * cso/exceptions.ts; callers wrap writes in one transaction with their audit entry.
 */
import { listAuditTrail, type AuditTrailEntry } from './audit-log.js';
import { orderBy, type ListSort } from './list-order.js';
import type { Db } from './db.js';
import { dialectOf, jsonValues } from './dialect.js';
import { inScope, type OrgScope } from './organisations.js';
import { insertReturningId, stmt } from './statements.js';

export const EXCEPTION_STATUSES = ['pending', 'in-effect', 'rejected', 'expired', 'revoked'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

export interface ExceptionAsset {
  id: number;
  hostname: string;
}

export interface ExceptionRow {
  id: number;
  /** The trust that accepted the risk: its assets are all that trust's. */
  organisationId: number;
  /** That trust's ODS code. */
  organisation: string;
  title: string;
  justification: string;
  compensatingControls: string;
  /** YYYY-MM-DD: in effect until the start of this day (UTC), like a suppression's `until`. */
  expiresOn: string;
  status: ExceptionStatus;
  requestedBy: string;
  requestedAt: string;
  signedOffBy: string | null;
  signedOffAt: string | null;
  hazardId: number | null;
  updatedAt: string;
  assets: ExceptionAsset[];
  ruleIds: string[];
}

export interface ExceptionDetail extends ExceptionRow {
  audit: AuditTrailEntry[];
}

export interface NewException {
  title: string;
  justification: string;
  compensatingControls: string;
  expiresOn: string;
  assetIds: readonly number[];
  ruleIds: readonly string[];
  hazardId: number | null;
  organisationId: number;
  requestedBy: string;
  at: string;
}

/** Inserts a pending exception with its assets and rules; returns its id. */
export function insertException(db: Db, e: NewException): number {
  const id = insertReturningId(db, `INSERT INTO exceptions (organisation_id, title, justification, compensating_controls, expires_on, status, requested_by, requested_at, hazard_id, updated_at)
    VALUES (@organisationId, @title, @justification, @compensatingControls, @expiresOn, 'pending', @requestedBy, @at, @hazardId, @at)`, {
    organisationId: e.organisationId, title: e.title, justification: e.justification, compensatingControls: e.compensatingControls, expiresOn: e.expiresOn,
    requestedBy: e.requestedBy, at: e.at, hazardId: e.hazardId,
  });
  for (const assetId of e.assetIds) stmt(db, 'INSERT INTO exception_assets (exception_id, asset_id) VALUES (?, ?)').run(id, assetId);
  for (const ruleId of e.ruleIds) stmt(db, 'INSERT INTO exception_rules (exception_id, rule_id) VALUES (?, ?)').run(id, ruleId);
  return id;
}

export type ExceptionStatusFields = Pick<ExceptionRow, 'status' | 'signedOffBy' | 'signedOffAt' | 'updatedAt'>;

export function updateExceptionStatus(db: Db, id: number, f: ExceptionStatusFields): void {
  stmt(db, 'UPDATE exceptions SET status = @status, signed_off_by = @signedOffBy, signed_off_at = @signedOffAt, updated_at = @updatedAt WHERE id = @id').run({ ...f, id });
}

const COLUMNS = `id, organisation_id AS organisationId, (SELECT o.code FROM organisations o WHERE o.id = exceptions.organisation_id) AS organisation,
  title, justification, compensating_controls AS compensatingControls, expires_on AS expiresOn, status,
  requested_by AS requestedBy, requested_at AS requestedAt, signed_off_by AS signedOffBy, signed_off_at AS signedOffAt,
  hazard_id AS hazardId, updated_at AS updatedAt`;

type BareRow = Omit<ExceptionRow, 'assets' | 'ruleIds'>;

function withLinks(db: Db, r: BareRow): ExceptionRow {
  const assets = stmt(db, 'SELECT s.id, s.hostname FROM exception_assets ea JOIN assets s ON s.id = ea.asset_id WHERE ea.exception_id = ? ORDER BY s.hostname, s.id')
    .all(r.id) as ExceptionAsset[];
  const ruleIds = (stmt(db, 'SELECT rule_id AS id FROM exception_rules WHERE exception_id = ? ORDER BY rule_id').all(r.id) as { id: string }[]).map((x) => x.id);
  return { ...r, assets, ruleIds };
}

/** The exception if it is in one of the trusts in scope; another trust's is treated as absent. */
export function findException(db: Db, id: number, org: OrgScope): ExceptionRow | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} FROM exceptions WHERE id = @id AND ${inScope('organisation_id')}`).get({ id, org }) as BareRow | undefined;
  return r && withLinks(db, r);
}

/** One exception with its audit trail, oldest first. */
export function getException(db: Db, id: number, org: OrgScope): ExceptionDetail | undefined {
  const row = findException(db, id, org);
  if (!row) return undefined;
  return { ...row, audit: listAuditTrail(db, 'exception', id) };
}

/** The exceptions' column orders; by default those awaiting sign-off first, then soonest to expire. */
export const EXCEPTION_ORDERS = {
  pending: ["status <> 'pending'", 'expires_on', 'id'],
  number: ['id'],
  title: ['title', 'id'],
  status: ['status', 'expires_on', 'id'],
  expires: ['expires_on', 'id'],
} as const satisfies Record<string, readonly string[]>;
export type ExceptionSortKey = keyof typeof EXCEPTION_ORDERS;
export const EXCEPTION_SORT_KEYS = Object.keys(EXCEPTION_ORDERS) as [ExceptionSortKey, ...ExceptionSortKey[]];

export interface ExceptionFilter {
  sort?: ListSort<ExceptionSortKey>;
  status?: ExceptionStatus;
  /** The trusts whose exceptions are listed. */
  org: OrgScope;
  limit: number;
  offset: number;
}

/** Pending first (they wait on the CSO), then by expiry, soonest first. */
export function listExceptions(db: Db, f: ExceptionFilter): { total: number; rows: ExceptionRow[] } {
  const params = { status: f.status ?? null, org: f.org };
  const where = `WHERE (@status IS NULL OR status = @status) AND ${inScope('organisation_id')}`;
  const total = (stmt(db, `SELECT count(*) AS n FROM exceptions ${where}`).get(params) as { n: number }).n;
  const rows = stmt(db, `SELECT ${COLUMNS} FROM exceptions ${where} ORDER BY ${orderBy(EXCEPTION_ORDERS, f.sort ?? { key: 'pending', desc: false })} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: f.limit, offset: f.offset }) as BareRow[];
  return { total, rows: rows.map((r) => withLinks(db, r)) };
}

/** In-effect exceptions whose expiry day has come (`today` is YYYY-MM-DD, UTC). */
export function listExceptionsDueToExpire(db: Db, today: string): ExceptionRow[] {
  const rows = stmt(db, `SELECT ${COLUMNS} FROM exceptions WHERE status = 'in-effect' AND expires_on <= ? ORDER BY id`).all(today) as BareRow[];
  return rows.map((r) => withLinks(db, r));
}

/**
 * One trust's asset ids by hostname, case-insensitive; a hostname shared by
 * several of its assets maps to all of them. Another trust's are not looked at:
 * two trusts may each have a PC called WARD7-PC01.
 */
export function findAssetIdsByHostname(db: Db, hostnames: readonly string[], organisationId: number): Map<string, number[]> {
  const rows = stmt(db, `SELECT id, lower(hostname) AS h FROM assets
      WHERE organisation_id = @org AND lower(hostname) IN (SELECT lower(value) FROM ${jsonValues(dialectOf(db), '@hostnames')} AS v) ORDER BY id`)
    .all({ org: organisationId, hostnames: JSON.stringify(hostnames) }) as { id: number; h: string }[];
  const out = new Map<string, number[]>();
  for (const r of rows) out.set(r.h, [...(out.get(r.h) ?? []), r.id]);
  return out;
}

/** Which of these asset ids exist in the trusts in scope, each with its trust. */
export function findAssetOrganisations(db: Db, ids: readonly number[], org: OrgScope): Map<number, number> {
  const rows = stmt(db, `SELECT id, organisation_id AS organisationId FROM assets WHERE id IN ${jsonValues(dialectOf(db), '@ids', 'integer')} AND ${inScope('organisation_id')}`)
    .all({ ids: JSON.stringify(ids), org }) as { id: number; organisationId: number }[];
  return new Map(rows.map((r) => [r.id, r.organisationId]));
}

