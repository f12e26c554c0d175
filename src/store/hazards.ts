/**
 * The hazard log (DCB0160): hazards, what they are linked to, and the audit
 * trail read back for a record. Hazards are never deleted, so there is no
 * delete here. Callers wrap writes in one transaction with their audit entry.
 */
import { orderBy, type ListSort } from './list-order.js';
import type { Db } from './db.js';
import { dialectOf, jsonValues, perDialect } from './dialect.js';
import { inScope, type OrgScope } from './organisations.js';
import { insertReturningId, stmt } from './statements.js';
import { likeText } from './like-text.js';

export const HAZARD_STATUSES = ['open', 'transferred', 'closed'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];
export const LINK_KINDS = ['asset', 'alert', 'device'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** The fields people write, by form or API; the rest are set by the hub. */
export interface HazardFields {
  title: string;
  description: string;
  causes: string;
  effect: string;
  potentialHarm: string;
  existingControls: string;
  initialSeverity: number;
  initialLikelihood: number;
  additionalControls: string;
  owner: string;
}

export interface HazardRow extends HazardFields {
  id: number;
  /** The trust whose hazard log it is in. */
  organisationId: number;
  /** That trust's ODS code. */
  organisation: string;
  /** Null until the CSO first rates the residual risk. */
  residualSeverity: number | null;
  residualLikelihood: number | null;
  residualRatedBy: string | null;
  residualRatedAt: string | null;
  /** An action controlling this hazard was done since the residual risk was last rated. */
  reratingDue: boolean;
  status: HazardStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Everything an update may change, written at once by one fixed statement. */
export type HazardState = Omit<HazardRow, 'id' | 'organisationId' | 'organisation' | 'createdBy' | 'createdAt'>;

/** The hazard log's column orders; risk is severity × likelihood, an unrated residual risk counting as 0. */
export const HAZARD_ORDERS = {
  number: ['id'],
  title: ['title', 'id'],
  'initial-risk': ['initial_severity * initial_likelihood', 'id'],
  'residual-risk': ['coalesce(residual_severity * residual_likelihood, 0)', 'id'],
  status: ['status', 'id'],
  owner: ['owner', 'id'],
} as const satisfies Record<string, readonly string[]>;
export type HazardSortKey = keyof typeof HAZARD_ORDERS;
export const HAZARD_SORT_KEYS = Object.keys(HAZARD_ORDERS) as [HazardSortKey, ...HazardSortKey[]];

export interface HazardFilter {
  sort?: ListSort<HazardSortKey>;
  status?: readonly HazardStatus[];
  owner?: string;
  reratingDue?: boolean;
  /** Part of the title, case-insensitive. */
  q?: string;
  /** The trusts whose hazards are listed. */
  org: OrgScope;
  limit: number;
  offset: number;
}

export interface HazardLink {
  kind: LinkKind;
  targetId: number;
  /** The asset's hostname, the alert's title or the device's name; null if it has gone (links outlive assets). */
  label: string | null;
  /** An alert's evidence: what was found and how it was matched (the hazard page's "How it was matched"); null otherwise. */
  detail: string | null;
}


const COLUMNS = `id, organisation_id AS organisationId, (SELECT o.code FROM organisations o WHERE o.id = hazards.organisation_id) AS organisation,
  title, description, causes, effect, potential_harm AS potentialHarm, existing_controls AS existingControls,
  initial_severity AS initialSeverity, initial_likelihood AS initialLikelihood, additional_controls AS additionalControls,
  residual_severity AS residualSeverity, residual_likelihood AS residualLikelihood, residual_rated_by AS residualRatedBy,
  residual_rated_at AS residualRatedAt, rerating_due AS reratingDue, status, owner, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt`;

const FILTER = perDialect((d) => `WHERE status IN ${jsonValues(d, '@statuses')} AND (@owner IS NULL OR owner = @owner)
  AND (@reratingDue IS NULL OR rerating_due = @reratingDue) AND (@q IS NULL OR title LIKE @q ESCAPE '\\') AND ${inScope('organisation_id')}`);

type RawRow = Omit<HazardRow, 'reratingDue'> & { reratingDue: number };
const toRow = (r: RawRow): HazardRow => ({ ...r, reratingDue: r.reratingDue === 1 });

/** By hazard number: the order a hazard log is read and cited in. */
export function listHazards(db: Db, f: HazardFilter): { total: number; rows: HazardRow[] } {
  const params = {
    statuses: JSON.stringify(f.status?.length ? f.status : HAZARD_STATUSES), owner: f.owner ?? null,
    reratingDue: f.reratingDue === undefined ? null : Number(f.reratingDue), q: f.q === undefined ? null : likeText(f.q), org: f.org,
  };
  const d = dialectOf(db);
  const total = (stmt(db, `SELECT count(*) AS n FROM hazards ${FILTER[d]}`).get(params) as { n: number }).n;
  const rows = stmt(db, `SELECT ${COLUMNS} FROM hazards ${FILTER[d]} ORDER BY ${orderBy(HAZARD_ORDERS, f.sort ?? { key: 'number', desc: false })} LIMIT @limit OFFSET @offset`).all({ ...params, limit: f.limit, offset: f.offset }) as RawRow[];
  return { total, rows: rows.map(toRow) };
}

/** The hazard if it is in one of the trusts in scope; another trust's is treated as absent. */
export function findHazard(db: Db, id: number, org: OrgScope): HazardRow | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} FROM hazards WHERE id = @id AND ${inScope('organisation_id')}`).get({ id, org }) as RawRow | undefined;
  return r && toRow(r);
}

export function insertHazard(db: Db, h: HazardFields & { organisationId: number; createdBy: string; at: string }): number {
  return insertReturningId(db, `INSERT INTO hazards (organisation_id, title, description, causes, effect, potential_harm, existing_controls, initial_severity, initial_likelihood,
        additional_controls, status, owner, created_by, created_at, updated_at)
      VALUES (@organisationId, @title, @description, @causes, @effect, @potentialHarm, @existingControls, @initialSeverity, @initialLikelihood,
        @additionalControls, 'open', @owner, @createdBy, @at, @at)`, h);
}

export function updateHazard(db: Db, id: number, s: HazardState): void {
  stmt(db, `UPDATE hazards SET title = @title, description = @description, causes = @causes, effect = @effect, potential_harm = @potentialHarm,
      existing_controls = @existingControls, initial_severity = @initialSeverity, initial_likelihood = @initialLikelihood,
      additional_controls = @additionalControls, residual_severity = @residualSeverity, residual_likelihood = @residualLikelihood,
      residual_rated_by = @residualRatedBy, residual_rated_at = @residualRatedAt, rerating_due = @reratingDue, status = @status,
      owner = @owner, updated_at = @updatedAt WHERE id = @id`).run({ ...s, reratingDue: Number(s.reratingDue), id });
}

// Links keep their target id even if the asset is later removed, so the label may be null.
const LABEL = `CASE l.kind WHEN 'asset' THEN (SELECT hostname FROM assets WHERE id = l.target_id)
  WHEN 'alert' THEN (SELECT title FROM alerts WHERE id = l.target_id)
  ELSE (SELECT name FROM devices WHERE id = l.target_id) END`;

export function listHazardLinks(db: Db, hazardId: number): HazardLink[] {
  return stmt(db, `SELECT l.kind, l.target_id AS "targetId", ${LABEL} AS label, CASE l.kind WHEN 'alert' THEN (SELECT detail FROM alerts WHERE id = l.target_id) END AS detail
    FROM hazard_links l WHERE l.hazard_id = ? ORDER BY l.kind, l.target_id`).all(hazardId) as HazardLink[];
}

/** False when the link was already there. */
export function insertHazardLink(db: Db, hazardId: number, kind: LinkKind, targetId: number): boolean {
  return stmt(db, 'INSERT INTO hazard_links (hazard_id, kind, target_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(hazardId, kind, targetId).changes > 0;
}

/** False when there was no such link. */
export function deleteHazardLink(db: Db, hazardId: number, kind: LinkKind, targetId: number): boolean {
  return stmt(db, 'DELETE FROM hazard_links WHERE hazard_id = ? AND kind = ? AND target_id = ?').run(hazardId, kind, targetId).changes > 0;
}

const TARGET_ORGANISATION: Record<LinkKind, string> = {
  asset: `SELECT organisation_id AS org FROM assets WHERE id = @id AND ${inScope('organisation_id')}`,
  alert: `SELECT organisation_id AS org FROM alerts WHERE id = @id AND ${inScope('organisation_id')}`,
  // A device found on an asset (a printer, a modem) is its asset's trust's.
  device: `SELECT s.organisation_id AS org FROM devices d JOIN assets s ON s.id = d.asset_id WHERE d.id = @id AND ${inScope('s.organisation_id')}`,
};

/**
 * The trust of an asset, alert or device a hazard or an action links to, if
 * it exists in one of the trusts in scope; undefined otherwise (another
 * trust's is treated as absent).
 */
export function linkTargetOrganisation(db: Db, kind: LinkKind, id: number, org: OrgScope): number | undefined {
  return (stmt(db, TARGET_ORGANISATION[kind]).get({ id, org }) as { org: number } | undefined)?.org;
}
