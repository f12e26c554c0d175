/**
 * The hazard log (DCB0160): create a hazard, edit it, move it between open,
 * transferred and closed (never deleted), link it to assets, alerts and
 * devices, and raise one from an alert in one step. Every change and its audit
 * entry (the changed fields before and after, by whom) land in one transaction.
 * Each hazard is one trust's, and links only to that trust's records; another
 * trust's hazard is absent (404) to that trust's people.
 */
import type { AlertRule } from '../alerts/alert-rule-schema.js';
import { HubError, notFound } from '../hub/errors.js';
import { findAlert } from '../store/alert-queries.js';
import { ACTION_STATUSES, listActions, type ActionRow } from '../store/actions.js';
import { appendAudit, listAuditTrail, type AuditTrailEntry } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import {
  findHazard, insertHazard, insertHazardLink, deleteHazardLink, linkTargetOrganisation, listHazardLinks, updateHazard,
  type HazardFields, type HazardLink, type HazardRow, type HazardState, type HazardStatus, type LinkKind,
} from '../store/hazards.js';
import type { OrgScope } from '../store/organisations.js';
import { inTransaction } from '../store/statements.js';
import { actorScope, auditChange, checkUser, fieldError, mustBeInTrust, newRecordTrust, trustToday, type CsoActor } from './cso-actor.js';
import type { HazardCreate, HazardLinkRequest, HazardPatch, RaiseHazardRequest } from './hazard-schemas.js';
import { ACCEPTABILITY, LIKELIHOOD_LEVELS, riskRating, SEVERITY_LEVELS } from './risk-matrix.js';

/** A rating as the matrix gives it, with the level names and what the trust does about it. */
export interface RatedRisk {
  severity: number;
  likelihood: number;
  severityLevel: string;
  likelihoodLevel: string;
  rating: number;
  acceptability: string;
}

export interface HazardView extends HazardRow {
  initialRisk: RatedRisk;
  /** Null until the CSO has rated it. */
  residualRisk: RatedRisk | null;
}

export interface HazardDetail extends HazardView {
  links: HazardLink[];
  actions: ActionRow[];
  audit: AuditTrailEntry[];
}

export function rateRisk(severity: number, likelihood: number): RatedRisk {
  const rating = riskRating(severity, likelihood);
  return {
    severity, likelihood, rating,
    severityLevel: SEVERITY_LEVELS[severity - 1] ?? '?', likelihoodLevel: LIKELIHOOD_LEVELS[likelihood - 1] ?? '?', acceptability: ACCEPTABILITY[rating] ?? '',
  };
}

export function toHazardView(h: HazardRow): HazardView {
  const residual = h.residualSeverity !== null && h.residualLikelihood !== null ? rateRisk(h.residualSeverity, h.residualLikelihood) : null;
  return { ...h, initialRisk: rateRisk(h.initialSeverity, h.initialLikelihood), residualRisk: residual };
}

export function mustFindHazard(db: Db, id: number, org: OrgScope): HazardRow {
  const hazard = findHazard(db, id, org);
  if (!hazard) throw notFound(`hazard ${id}`);
  return hazard;
}

/** A closed hazard is a record: it is reopened before anything about it changes. */
export function mustNotBeClosed(h: HazardRow, what: string): void {
  if (h.status === 'closed') throw new HubError(409, 'hazard-closed', `cannot ${what}: hazard #${h.id} is closed (reopen it first)`);
}

/** The hazard with its ratings, links, every action (any status) and its audit trail, oldest first. */
export function getHazardDetail(db: Db, id: number, org: OrgScope, now: Date): HazardDetail {
  const hazard = toHazardView(mustFindHazard(db, id, org));
  const actions = listActions(db, { hazardId: id, status: ACTION_STATUSES, today: trustToday(now), org, limit: 1000, offset: 0 }).rows;
  return { ...hazard, links: listHazardLinks(db, id), actions, audit: listAuditTrail(db, 'hazard', id) };
}

const FIELD_KEYS = [
  'title', 'description', 'causes', 'effect', 'potentialHarm', 'existingControls', 'initialSeverity', 'initialLikelihood', 'additionalControls', 'owner',
] as const satisfies readonly (keyof HazardFields)[];
const STATE_KEYS = [...FIELD_KEYS, 'residualSeverity', 'residualLikelihood', 'residualRatedBy', 'residualRatedAt', 'reratingDue', 'status'] as const;

const stateOf = (h: HazardRow): HazardState => {
  const { id: _id, organisationId: _org, organisation: _code, createdBy: _by, createdAt: _at, ...state } = h;
  return state;
};

/**
 * Applies `patch` to the hazard as loaded in this transaction, writes it and
 * audits the changed fields; a patch that changes nothing writes nothing.
 */
export function changeHazard(actor: CsoActor, hazard: HazardRow, action: string, patch: Partial<HazardState>): void {
  const before = stateOf(hazard);
  const after: HazardState = { ...before, ...patch, updatedAt: actor.now.toISOString() };
  if (auditChange(actor, { action, entity: 'hazard', entityId: hazard.id, before, after, keys: STATE_KEYS })) updateHazard(actor.db, hazard.id, after);
}

/** A new hazard, its links and its audit entry; call inside the transaction that makes it. */
export function insertAudited(actor: CsoActor, fields: HazardFields, organisationId: number, action: string, links: { kind: LinkKind; targetId: number }[]): number {
  const { db, username, now } = actor;
  const at = now.toISOString();
  const id = insertHazard(db, { ...fields, organisationId, createdBy: username, at });
  for (const l of links) insertHazardLink(db, id, l.kind, l.targetId);
  appendAudit(db, { at, actor: username, action, entity: 'hazard', entityId: String(id), after: { ...fields, status: 'open', ...(links.length ? { links } : {}) } });
  return id;
}

/** Into the trust the person names or works for (see newRecordTrust). */
export function createHazard(actor: CsoActor, req: HazardCreate): HazardDetail {
  const { organisation, ...given } = req;
  const owner = given.owner ?? actor.username;
  checkUser(actor, owner, 'owner');
  const organisationId = newRecordTrust(actor, organisation, []);
  const fields: HazardFields = { causes: '', effect: '', potentialHarm: '', existingControls: '', additionalControls: '', ...given, owner };
  const id = inTransaction(actor.db, () => insertAudited(actor, fields, organisationId, 'create', []));
  return getHazardDetail(actor.db, id, actorScope(actor), actor.now);
}

export function updateHazardFields(actor: CsoActor, id: number, patch: HazardPatch): HazardDetail {
  if (patch.owner !== undefined) checkUser(actor, patch.owner, 'owner');
  inTransaction(actor.db, () => {
    const hazard = mustFindHazard(actor.db, id, actorScope(actor));
    mustNotBeClosed(hazard, 'edit it');
    changeHazard(actor, hazard, 'update', patch);
  });
  return getHazardDetail(actor.db, id, actorScope(actor), actor.now);
}

/** Where a hazard may go from each status; closing needs the CSO's residual rating, the DCB0160 sign-off. */
export const HAZARD_NEXT: Record<HazardStatus, readonly HazardStatus[]> = { open: ['transferred', 'closed'], transferred: ['open', 'closed'], closed: ['open'] };

export function setHazardStatus(actor: CsoActor, id: number, status: HazardStatus): HazardDetail {
  inTransaction(actor.db, () => {
    const hazard = mustFindHazard(actor.db, id, actorScope(actor));
    if (!HAZARD_NEXT[hazard.status].includes(status)) {
      throw new HubError(409, 'invalid-transition', `cannot make hazard #${id} ${status}: it is ${hazard.status} (allowed: ${HAZARD_NEXT[hazard.status].join(', ')})`);
    }
    if (status === 'closed' && hazard.residualSeverity === null) {
      throw new HubError(409, 'residual-risk-needed', `cannot close hazard #${id}: the CSO has not rated its residual risk`);
    }
    changeHazard(actor, hazard, 'status', { status });
  });
  return getHazardDetail(actor.db, id, actorScope(actor), actor.now);
}

/** What a hazard is about must be its trust's: another trust's target is absent (400) to a trust's person, and a 409 to an ICS-wide one. */
function mustBeLinkable(db: Db, hazard: HazardRow, req: HazardLinkRequest, org: OrgScope): void {
  const organisationId = linkTargetOrganisation(db, req.kind, req.targetId, org);
  if (organisationId === undefined) throw fieldError('targetId', `no ${req.kind} ${req.targetId}`);
  mustBeInTrust(db, [{ path: 'targetId', what: `${req.kind} ${req.targetId}`, organisationId }], hazard.organisationId);
}

/** Adding a link already there, or removing one not there, changes and audits nothing. */
export function changeHazardLink(actor: CsoActor, id: number, req: HazardLinkRequest): HazardDetail {
  const { db, username, now } = actor;
  inTransaction(db, () => {
    const hazard = mustFindHazard(db, id, actorScope(actor));
    mustNotBeClosed(hazard, 'change its links');
    const link = { kind: req.kind, targetId: req.targetId };
    if (req.op === 'add') mustBeLinkable(db, hazard, req, actorScope(actor));
    const changed = req.op === 'add' ? insertHazardLink(db, id, req.kind, req.targetId) : deleteHazardLink(db, id, req.kind, req.targetId);
    if (!changed) return;
    const entry = req.op === 'add' ? { after: link } : { before: link };
    appendAudit(db, { at: now.toISOString(), actor: username, action: req.op === 'add' ? 'link' : 'unlink', entity: 'hazard', entityId: String(id), ...entry });
  });
  return getHazardDetail(db, id, actorScope(actor), now);
}

/**
 * One step from an alert to a hazard, in plain English: what the rule means
 * and where it was found go into the hazard's text; the evidence and how the
 * software was matched stay on the alert, which the hazard links (its page
 * shows them under "How it was matched"), as does its asset.
 * The alert's own trail records that a hazard was raised from it. The hazard
 * is the alert's trust's; another trust's alert is absent (404).
 */
export function raiseHazardFromAlert(actor: CsoActor, alertId: number, req: RaiseHazardRequest, rules: readonly AlertRule[]): HazardDetail {
  const { db, username, now } = actor;
  const owner = req.owner ?? username;
  checkUser(actor, owner, 'owner');
  const id = inTransaction(db, () => {
    const alert = findAlert(db, alertId, now, actorScope(actor));
    if (!alert) throw notFound(`alert ${alertId}`);
    const where = alert.hostname ?? 'the estate as a whole';
    const meaning = rules.find((r) => r.id === alert.ruleId)?.description;
    const fields: HazardFields = {
      title: (req.title ?? alert.title).slice(0, 200),
      description: [`${alert.title}, on ${where}.`, meaning].filter(Boolean).join(' ').slice(0, 4000),
      causes: `The estate monitor found this on ${where} on ${alert.raisedAt.slice(0, 10)} (alert #${alert.id}, ${alert.severity}); the alert shows what was found and how it was matched.`,
      effect: req.effect ?? '', potentialHarm: req.potentialHarm ?? '', existingControls: '', additionalControls: '',
      initialSeverity: req.initialSeverity, initialLikelihood: req.initialLikelihood, owner,
    };
    const links = [{ kind: 'alert' as const, targetId: alert.id }, ...(alert.assetId === null ? [] : [{ kind: 'asset' as const, targetId: alert.assetId }])];
    const hazardId = insertAudited(actor, fields, alert.organisationId, 'raise-from-alert', links);
    appendAudit(db, { at: now.toISOString(), actor: username, action: 'raise-hazard', entity: 'alert', entityId: String(alert.id), after: { hazardId } });
    return hazardId;
  });
  return getHazardDetail(db, id, actorScope(actor), now);
}
