/**
 * The CSO's action list: create an action with an owner, a due date and its
 * links, edit it, move it through open → in progress → done (or cancelled),
 * and add notes. When an action that controls a hazard is done, the hazard is
 * flagged for a re-rating of its residual risk. Every change and its audit
 * entry land in one transaction. An action is one trust's, that of the
 * records it is for; another trust's action is absent (404) to that trust's people.
 */
import { HubError, notFound } from '../hub/errors.js';
import {
  findAction, insertAction, insertActionNote, listActionNotes, updateAction,
  type ActionFields, type ActionNote, type ActionRow, type ActionState, type ActionStatus,
} from '../store/actions.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { listAuditTrail, type AuditTrailEntry } from '../store/audit-log.js';
import { findHazard, linkTargetOrganisation } from '../store/hazards.js';
import type { OrgScope } from '../store/organisations.js';
import { inTransaction } from '../store/statements.js';
import type { ActionCreate, ActionPatch, ActionStatusRequest } from './action-schemas.js';
import { actorScope, auditChange, checkUser, fieldError, mustBeInTrust, newRecordTrust, trustToday, type CsoActor, type LinkedRecord } from './cso-actor.js';
import { changeHazard, mustNotBeClosed } from './hazard-log.js';

export interface ActionDetail extends ActionRow {
  notes: ActionNote[];
  audit: AuditTrailEntry[];
  /** "Re-rate the residual risk of hazard #n" while a finished control waits for the CSO; null otherwise. */
  prompt: string | null;
}

/** Shown from the moment a controlling action is done until the CSO re-rates the hazard. */
export function reratingPrompt(a: ActionRow): string | null {
  return a.status === 'done' && a.controlsHazard && a.hazardId !== null && a.hazardReratingDue ? `Re-rate the residual risk of hazard #${a.hazardId}` : null;
}

function mustFind(db: Db, id: number, org: OrgScope, now: Date): ActionRow {
  const action = findAction(db, id, org, trustToday(now));
  if (!action) throw notFound(`action ${id}`);
  return action;
}

export function getActionDetail(db: Db, id: number, org: OrgScope, now: Date): ActionDetail {
  const action = mustFind(db, id, org, now);
  return { ...action, notes: listActionNotes(db, id), audit: listAuditTrail(db, 'action', id), prompt: reratingPrompt(action) };
}

/**
 * Checks what zod cannot: the owner is a user, each linked record exists in
 * the actor's scope (another trust's is treated as absent), and a control has
 * a hazard that is not closed. Returns the changed links, whose trust the
 * action must share.
 */
function checkFields(actor: CsoActor, f: ActionFields, changed: ReadonlySet<string>): LinkedRecord[] {
  const { db } = actor;
  const org = actorScope(actor);
  const linked: LinkedRecord[] = [];
  if (changed.has('owner')) checkUser(actor, f.owner, 'owner');
  if (changed.has('hazardId') && f.hazardId !== null) {
    const hazard = findHazard(db, f.hazardId, org);
    if (!hazard) throw fieldError('hazardId', `no hazard ${f.hazardId}`);
    mustNotBeClosed(hazard, 'add an action to it');
    linked.push({ path: 'hazardId', what: `hazard #${hazard.id}`, organisationId: hazard.organisationId });
  }
  for (const [path, kind, id] of [['alertId', 'alert', f.alertId], ['assetId', 'asset', f.assetId]] as const) {
    if (!changed.has(path) || id === null) continue;
    const organisationId = linkTargetOrganisation(db, kind, id, org);
    if (organisationId === undefined) throw fieldError(path, `no ${kind} ${id}`);
    linked.push({ path, what: `${kind} ${id}`, organisationId });
  }
  if (f.controlsHazard && f.hazardId === null) throw fieldError('controlsHazard', 'a control needs the hazard it controls (hazardId)');
  return linked;
}

const FIELD_KEYS = ['title', 'owner', 'dueDate', 'hazardId', 'alertId', 'assetId', 'controlsHazard'] as const satisfies readonly (keyof ActionFields)[];
const STATE_KEYS = [...FIELD_KEYS, 'status', 'completedAt'] as const;

/** For its hazard's, alert's or asset's trust, or a free-standing one for the trust the person names or works for (newRecordTrust). */
export function createAction(actor: CsoActor, req: ActionCreate): ActionDetail {
  const { db, username, now } = actor;
  const { organisation, ...given } = req;
  // An action born overdue is a typing slip (a year, a month), not a plan.
  if (given.dueDate < trustToday(now)) throw fieldError('dueDate', `a new action is due today (${trustToday(now)}) or later`);
  const fields: ActionFields = { hazardId: null, alertId: null, assetId: null, controlsHazard: false, ...given, owner: given.owner ?? username };
  const id = inTransaction(db, () => {
    const organisationId = newRecordTrust(actor, organisation, checkFields(actor, fields, new Set(FIELD_KEYS)));
    const at = now.toISOString();
    const actionId = insertAction(db, { ...fields, organisationId, createdBy: username, at });
    appendAudit(db, { at, actor: username, action: 'create', entity: 'action', entityId: String(actionId), after: { ...fields, status: 'open' } });
    return actionId;
  });
  return getActionDetail(db, id, actorScope(actor), now);
}

const stateOf = (a: ActionRow): ActionState => ({ ...Object.fromEntries(FIELD_KEYS.map((k) => [k, a[k]])), status: a.status, completedAt: a.completedAt, updatedAt: a.updatedAt }) as ActionState;

/** Writes the action as patched and audits the changed fields; nothing when nothing changed. Call inside a transaction. */
function change(actor: CsoActor, action: ActionRow, name: string, patch: Partial<ActionState>): void {
  const before = stateOf(action);
  const after: ActionState = { ...before, ...patch, updatedAt: actor.now.toISOString() };
  if (auditChange(actor, { action: name, entity: 'action', entityId: action.id, before, after, keys: STATE_KEYS })) updateAction(actor.db, action.id, after);
}

const FINISHED: readonly ActionStatus[] = ['done', 'cancelled'];

export function updateActionFields(actor: CsoActor, id: number, patch: ActionPatch): ActionDetail {
  const { db, now } = actor;
  inTransaction(db, () => {
    const action = mustFind(db, id, actorScope(actor), now);
    if (FINISHED.includes(action.status)) throw new HubError(409, 'invalid-transition', `cannot edit action ${id}: it is ${action.status} (reopen it first)`);
    mustBeInTrust(db, checkFields(actor, { ...stateOf(action), ...patch }, new Set(Object.keys(patch))), action.organisationId);
    change(actor, action, 'update', patch);
  });
  return getActionDetail(db, id, actorScope(actor), now);
}

/** Where an action may go from each status. Done or cancelled may be reopened: a control that did not hold is work again. */
export const ACTION_NEXT: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ['in-progress', 'done', 'cancelled'],
  'in-progress': ['open', 'done', 'cancelled'],
  done: ['open'],
  cancelled: ['open'],
};

/** Moves the action on (with an optional note, required to cancel); a control done flags its hazard for re-rating. */
export function setActionStatus(actor: CsoActor, id: number, req: ActionStatusRequest): ActionDetail {
  const { db, username, now } = actor;
  inTransaction(db, () => {
    const action = mustFind(db, id, actorScope(actor), now);
    if (!ACTION_NEXT[action.status].includes(req.status)) {
      throw new HubError(409, 'invalid-transition', `cannot make action ${id} ${req.status}: it is ${action.status} (allowed: ${ACTION_NEXT[action.status].join(', ')})`);
    }
    change(actor, action, 'status', { status: req.status, completedAt: req.status === 'done' ? now.toISOString() : null });
    if (req.note) noteInTransaction(db, { actionId: id, author: username, at: now.toISOString(), text: req.note });
    const hazard = req.status === 'done' && action.controlsHazard && action.hazardId !== null ? findHazard(db, action.hazardId, actorScope(actor)) : undefined;
    // A closed hazard is not re-rated (it would be reopened first), so it is not flagged either.
    if (hazard && hazard.status !== 'closed') changeHazard(actor, hazard, 'rerating-due', { reratingDue: true });
  });
  return getActionDetail(db, id, actorScope(actor), now);
}

function noteInTransaction(db: Db, n: { actionId: number; author: string; at: string; text: string }): void {
  const noteId = insertActionNote(db, n);
  appendAudit(db, { at: n.at, actor: n.author, action: 'note', entity: 'action', entityId: String(n.actionId), after: { noteId, text: n.text } });
}

/** Notes are allowed in any status: what was done is often written up afterwards. */
export function addActionNote(actor: CsoActor, id: number, text: string): ActionDetail {
  const { db, username, now } = actor;
  inTransaction(db, () => {
    mustFind(db, id, actorScope(actor), now);
    noteInTransaction(db, { actionId: id, author: username, at: now.toISOString(), text });
  });
  return getActionDetail(db, id, actorScope(actor), now);
}
