/**
 * The CSO's action list: who does what by when, optionally for a hazard, an
 * alert or an asset, with notes. Callers wrap writes in one transaction with
 * their audit entry.
 */
import { orderBy, type ListSort } from './list-order.js';
import type { Db } from './db.js';
import { dialectOf, jsonValues, perDialect } from './dialect.js';
import { inScope, type OrgScope } from './organisations.js';
import { insertReturningId, stmt } from './statements.js';

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** Still to do: the list's default, and the only statuses that can be overdue. */
export const LIVE_ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in-progress'];

/** The fields people write, by form or API. */
export interface ActionFields {
  title: string;
  /** A username on this hub, so "My actions" finds it. */
  owner: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  hazardId: number | null;
  alertId: number | null;
  assetId: number | null;
  /** This action is a control for its hazard: when done, the hazard's residual risk is due a re-rating. */
  controlsHazard: boolean;
}

export interface ActionRow extends ActionFields {
  id: number;
  /** The trust whose action it is: that of its hazard, alert or asset, if it has one. */
  organisationId: number;
  /** That trust's ODS code. */
  organisation: string;
  status: ActionStatus;
  hazardTitle: string | null;
  hazardReratingDue: boolean;
  alertTitle: string | null;
  hostname: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** Still to do and due before today. */
  overdue: boolean;
}

/** Everything an update may change, written at once by one fixed statement. */
export type ActionState = ActionFields & { status: ActionStatus; completedAt: string | null; updatedAt: string };

/** The action list's column orders; by due date first, as a list of work is read. */
export const ACTION_ORDERS = {
  due: ['a.due_date', 'a.id'],
  number: ['a.id'],
  title: ['a.title', 'a.id'],
  owner: ['a.owner', 'a.due_date', 'a.id'],
  status: ['a.status', 'a.due_date', 'a.id'],
} as const satisfies Record<string, readonly string[]>;
export type ActionSortKey = keyof typeof ACTION_ORDERS;
export const ACTION_SORT_KEYS = Object.keys(ACTION_ORDERS) as [ActionSortKey, ...ActionSortKey[]];

export interface ActionFilter {
  sort?: ListSort<ActionSortKey>;
  /** Absent: the live ones (open, in progress). */
  status?: readonly ActionStatus[];
  owner?: string;
  overdue?: boolean;
  hazardId?: number;
  /** YYYY-MM-DD in the trust's time zone: due before this and still live is overdue. */
  today: string;
  /** The trusts whose actions are listed. */
  org: OrgScope;
  limit: number;
  offset: number;
}

export interface ActionNote {
  id: number;
  author: string;
  at: string;
  text: string;
}

const OVERDUE = `(a.status IN ('open', 'in-progress') AND a.due_date < @today)`;

const COLUMNS = `a.id, a.organisation_id AS organisationId, (SELECT o.code FROM organisations o WHERE o.id = a.organisation_id) AS organisation,
  a.title, a.owner, a.due_date AS dueDate, a.status, a.hazard_id AS hazardId, h.title AS hazardTitle,
  coalesce(h.rerating_due, 0) AS hazardReratingDue, a.alert_id AS alertId, al.title AS alertTitle, a.asset_id AS assetId, s.hostname,
  a.controls_hazard AS controlsHazard, a.created_by AS createdBy, a.created_at AS createdAt, a.updated_at AS updatedAt,
  a.completed_at AS completedAt, ${OVERDUE} AS overdue`;

const FROM = `FROM actions a LEFT JOIN hazards h ON h.id = a.hazard_id LEFT JOIN alerts al ON al.id = a.alert_id LEFT JOIN assets s ON s.id = a.asset_id`;

const FILTER = perDialect((d) => `WHERE a.status IN ${jsonValues(d, '@statuses')} AND (@owner IS NULL OR a.owner = @owner)
  AND (@hazardId IS NULL OR a.hazard_id = @hazardId) AND (@overdue IS NULL OR ${OVERDUE} = @overdue) AND ${inScope('a.organisation_id')}`);

type RawRow = Omit<ActionRow, 'controlsHazard' | 'overdue' | 'hazardReratingDue'> & { controlsHazard: number; overdue: number; hazardReratingDue: number };
const toRow = (r: RawRow): ActionRow => ({ ...r, controlsHazard: r.controlsHazard === 1, overdue: r.overdue === 1, hazardReratingDue: r.hazardReratingDue === 1 });

/** Soonest due first (overdue ones lead), then by number. */
export function listActions(db: Db, f: ActionFilter): { total: number; rows: ActionRow[] } {
  const params = {
    statuses: JSON.stringify(f.status?.length ? f.status : LIVE_ACTION_STATUSES), owner: f.owner ?? null,
    hazardId: f.hazardId ?? null, overdue: f.overdue === undefined ? null : Number(f.overdue), today: f.today, org: f.org,
  };
  const d = dialectOf(db);
  const total = (stmt(db, `SELECT count(*) AS n ${FROM} ${FILTER[d]}`).get(params) as { n: number }).n;
  const rows = stmt(db, `SELECT ${COLUMNS} ${FROM} ${FILTER[d]} ORDER BY ${orderBy(ACTION_ORDERS, f.sort ?? { key: 'due', desc: false })} LIMIT @limit OFFSET @offset`).all({ ...params, limit: f.limit, offset: f.offset }) as RawRow[];
  return { total, rows: rows.map(toRow) };
}

/** The action if it is in one of the trusts in scope; another trust's is treated as absent. */
export function findAction(db: Db, id: number, org: OrgScope, today: string): ActionRow | undefined {
  const r = stmt(db, `SELECT ${COLUMNS} ${FROM} WHERE a.id = @id AND ${inScope('a.organisation_id')}`).get({ id, org, today }) as RawRow | undefined;
  return r && toRow(r);
}

export function insertAction(db: Db, a: ActionFields & { organisationId: number; createdBy: string; at: string }): number {
  return insertReturningId(db, `INSERT INTO actions (organisation_id, title, owner, due_date, status, hazard_id, alert_id, asset_id, controls_hazard, created_by, created_at, updated_at)
      VALUES (@organisationId, @title, @owner, @dueDate, 'open', @hazardId, @alertId, @assetId, @controlsHazard, @createdBy, @at, @at)`, { ...a, controlsHazard: Number(a.controlsHazard) });
}

export function updateAction(db: Db, id: number, s: ActionState): void {
  stmt(db, `UPDATE actions SET title = @title, owner = @owner, due_date = @dueDate, status = @status, hazard_id = @hazardId, alert_id = @alertId,
      asset_id = @assetId, controls_hazard = @controlsHazard, completed_at = @completedAt, updated_at = @updatedAt WHERE id = @id`)
    .run({ ...s, controlsHazard: Number(s.controlsHazard), id });
}

export function insertActionNote(db: Db, n: { actionId: number; author: string; at: string; text: string }): number {
  return insertReturningId(db, 'INSERT INTO action_notes (action_id, author, at, text) VALUES (@actionId, @author, @at, @text)', n);
}

/** Oldest first. */
export function listActionNotes(db: Db, actionId: number): ActionNote[] {
  return stmt(db, 'SELECT id, author, at, text FROM action_notes WHERE action_id = ? ORDER BY at, id').all(actionId) as ActionNote[];
}
